/**
 * Paint a page layout: PageLayout → DisplayPage. Ops in reading order (masthead, then modules; inside a module
 * tints, frames and images before the text on them; text lines top to bottom, columns left to right); rules last.
 * Coordinates are shifted by the bleed so that the trim box sits inside the media box.
 */
import type { Block, PageLayout } from '../layout/types.js';
import type { DisplayOp, DisplayPage } from './display.js';
import { lineToGlyphOps } from './glyphs.js';

function blockOps(b: Block, dx: number, dy: number): DisplayOp[] {
  switch (b.kind) {
    case 'text':
      return b.lines.flatMap((l) => lineToGlyphOps(l.line, l.x + dx, l.baseline + dy, l.fill));
    case 'image':
      return [
        {
          kind: 'image',
          src: b.src,
          x: b.rect.x + dx,
          y: b.rect.y + dy,
          w: b.rect.w,
          h: b.rect.h,
          fit: b.fit,
          ...(b.item ? { item: b.item } : {}),
        },
      ];
    case 'box': {
      const op: DisplayOp = { kind: 'rect', x: b.rect.x + dx, y: b.rect.y + dy, w: b.rect.w, h: b.rect.h };
      if (b.fill) op.fill = b.fill;
      if (b.stroke) {
        op.stroke = b.stroke;
        op.lineWidth = b.lineWidth ?? 0.5;
      }
      return [op];
    }
    case 'rule':
      return [
        {
          kind: 'line',
          x1: b.x1 + dx,
          y1: b.y1 + dy,
          x2: b.x2 + dx,
          y2: b.y2 + dy,
          stroke: b.stroke,
          lineWidth: b.lineWidth,
        },
      ];
  }
}

export function paintPage(layout: PageLayout): DisplayPage {
  const d = layout.bleed;
  const ops: DisplayOp[] = [];
  // Blocks come in reading order per module; paint a module's boxes and images before its text so text stays on top.
  let i = 0;
  const blocks = layout.blocks;
  while (i < blocks.length) {
    let j = i;
    const key = blocks[i]!.kind === 'rule' ? '\u0000rule' : blocks[i]!.item;
    while (j < blocks.length && (blocks[j]!.kind === 'rule' ? '\u0000rule' : blocks[j]!.item) === key) j++;
    const group = blocks.slice(i, j);
    for (const b of group) if (b.kind === 'box' || b.kind === 'image') ops.push(...blockOps(b, d, d));
    for (const b of group) if (b.kind === 'text' || b.kind === 'rule') ops.push(...blockOps(b, d, d));
    i = j;
  }
  return {
    number: layout.number,
    width: layout.width + 2 * d,
    height: layout.height + 2 * d,
    trim: { x: d, y: d, w: layout.width, h: layout.height },
    bleed: d,
    ops,
  };
}
