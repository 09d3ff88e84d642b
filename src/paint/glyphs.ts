/** Turn composed lines into glyph drawing operations (one op per run of one face and size). */
import type { Cmyk } from '../core/units.js';
import type { ComposedLine } from '../text/types.js';
import type { GlyphOp } from './display.js';

/**
 * Glyph ops for one composed line whose left edge is at `x` and baseline at `baseline` (pt, page coordinates,
 * y down). Consecutive glyphs of the same face and size share one op.
 */
export function lineToGlyphOps(line: ComposedLine, x: number, baseline: number, fill: Cmyk): GlyphOp[] {
  const ops: GlyphOp[] = [];
  let cur: GlyphOp | null = null;
  for (const g of line.glyphs) {
    if (!cur || cur.font !== g.face.file || cur.size !== g.size) {
      cur = {
        kind: 'glyphs',
        font: g.face.file,
        fontName: g.face.postscriptName,
        size: g.size,
        x: x + g.x,
        y: baseline,
        fill,
        glyphs: [],
        text: '',
      };
      ops.push(cur);
    }
    cur.glyphs.push({ gid: g.gid, dx: x + g.x - cur.x, dy: g.dy, text: g.text, advance: g.advance });
    cur.text += g.text;
  }
  return ops;
}
