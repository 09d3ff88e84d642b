/** One font file as a Face: fontkit shaping and metrics in em units (1 em = the font size). */
import type * as fontkit from 'fontkit';
import type { Face, InkBox, ShapedGlyph } from './types.js';

export class FontkitFace implements Face {
  readonly postscriptName: string;
  readonly ascent: number;
  readonly descent: number;
  readonly features: readonly string[];
  private readonly upm: number;
  private readonly inkCache = new Map<number, InkBox>();
  private readonly shapeCache = new Map<string, ShapedGlyph[]>();

  constructor(
    readonly id: string,
    readonly file: string,
    private readonly font: fontkit.Font,
  ) {
    this.upm = font.unitsPerEm;
    this.postscriptName = font.postscriptName;
    this.ascent = font.ascent / this.upm;
    this.descent = font.descent / this.upm;
    this.features = font.availableFeatures;
  }

  hasChar(cp: number): boolean {
    return this.font.hasGlyphForCodePoint(cp);
  }

  glyphFor(cp: number): { gid: number; advance: number } {
    const g = this.font.glyphForCodePoint(cp);
    return { gid: g.id, advance: g.advanceWidth / this.upm };
  }

  advanceOf(gid: number): number {
    return this.font.getGlyph(gid).advanceWidth / this.upm;
  }

  ink(gid: number): InkBox {
    let box = this.inkCache.get(gid);
    if (!box) {
      const b = this.font.getGlyph(gid).bbox;
      const u = this.upm;
      box = Number.isFinite(b.minX)
        ? { xMin: b.minX / u, xMax: b.maxX / u, yMin: b.minY / u, yMax: b.maxY / u }
        : { xMin: 0, xMax: 0, yMin: 0, yMax: 0 };
      this.inkCache.set(gid, box);
    }
    return box;
  }

  private unshaped(text: string, key: string): ShapedGlyph[] {
    const out: ShapedGlyph[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const g = this.glyphFor(cp);
      out.push({ gid: g.gid, advance: g.advance, xOffset: 0, yOffset: 0, start: i, end: i + len });
      i += len;
    }
    this.shapeCache.set(key, out);
    return out;
  }

  shape(text: string, features: Record<string, boolean> = {}, script = 'hani'): ShapedGlyph[] {
    const key = `${script}|${JSON.stringify(features)}|${text}`;
    const hit = this.shapeCache.get(key);
    if (hit) return hit;
    const run = this.font.layout(text, features, script, script === 'hani' ? 'ZHS' : undefined);
    const out: ShapedGlyph[] = [];
    // fontkit keeps logical order for LTR runs; each glyph's codePoints tell how many characters it covers.
    let offset = 0;
    run.glyphs.forEach((g, i) => {
      const p = run.positions[i]!;
      const len = g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
      out.push({
        gid: g.id,
        advance: p.xAdvance / this.upm,
        xOffset: p.xOffset / this.upm,
        yOffset: p.yOffset / this.upm,
        start: offset,
        end: offset + len,
      });
      offset += len;
    });
    // The clusters must tile the text exactly; if the shaper's record does not add up, set the run glyph by glyph
    // (no ligatures) rather than let the glyphs drift against their characters.
    if (offset !== text.length) return this.unshaped(text, key);
    if (this.shapeCache.size > 20000) this.shapeCache.clear();
    this.shapeCache.set(key, out);
    return out;
  }
}
