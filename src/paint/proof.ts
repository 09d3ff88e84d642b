/**
 * Proof marks: what a proof shows on the page and the print file never carries. Today one mark, overset: a
 * rule along the foot of the module and a tag `溢出 +N 行` at its bottom-right corner, so that an editor sees
 * where a story stops short without reading the report. Previews render a proof page (the print page's
 * operations followed by these marks); the print PDF is painted from the print page alone.
 */
import type { Cmyk } from '../core/units.js';
import type { FontBook, FontRole } from '../fonts/index.js';
import type { PageLayout } from '../layout/types.js';
import { composeHeadline } from '../text/index.js';
import type { DisplayOp, DisplayPage } from './display.js';
import { lineToGlyphOps } from './glyphs.js';

/**
 * The look of the marks: proof colours are 100 % magenta, the colour a proofreader's pen uses on newsprint
 * proofs and one no page element of a news page is printed in alone.
 */
export const PROOF_MARK = {
  color: [0, 100, 0, 0] as Cmyk,
  text: [0, 0, 0, 0] as Cmyk,
  /** Rule along the foot of an overset module, pt. */
  rule: 1.5,
  /** Tag text: font role and size (pt), padding around it (pt). */
  role: 'headline-sans' as FontRole,
  size: 8,
  pad: 2,
  /** Tag label: N is the number of lines that did not fit. */
  label: (lines: number): string => `溢出 +${lines} 行`,
} as const;

/** The proof marks of a laid-out page, in media-box coordinates (shifted by the bleed like the page's own ops). */
export function proofMarks(layout: PageLayout, fonts: FontBook): DisplayOp[] {
  const d = layout.bleed;
  const ops: DisplayOp[] = [];
  for (const o of layout.overset) {
    const m = layout.modules.find((x) => x.item === o.item);
    if (!m) continue; // held over: not on the page, so nothing to mark on it
    const r = m.rect;
    const [line] = composeHeadline(
      PROOF_MARK.label(o.lines),
      { face: fonts.face(PROOF_MARK.role), size: PROOF_MARK.size },
      r.w,
      {
        align: 'start',
        maxLines: 1,
      },
    );
    const foot = r.y + r.h + d;
    ops.push({
      kind: 'line',
      x1: r.x + d,
      y1: foot,
      x2: r.x + r.w + d,
      y2: foot,
      stroke: PROOF_MARK.color,
      lineWidth: PROOF_MARK.rule,
    });
    if (!line) continue;
    const textW = Math.max(0, ...line.glyphs.map((g) => g.x + g.advance));
    const w = textW + 2 * PROOF_MARK.pad;
    const h = PROOF_MARK.size * 1.2 + 2 * PROOF_MARK.pad;
    const x = r.x + r.w + d - w;
    // the tag straddles the foot: half over the module's last line, half in the space below it
    const y = foot - h / 2;
    ops.push({ kind: 'rect', x, y, w, h, fill: PROOF_MARK.color });
    ops.push(...lineToGlyphOps(line, x + PROOF_MARK.pad, y + PROOF_MARK.pad + PROOF_MARK.size, PROOF_MARK.text));
  }
  return ops;
}

/** The proof variant of a painted page: its operations, then the proof marks on top; null when there are none. */
export function proofPage(page: DisplayPage, layout: PageLayout, fonts: FontBook): DisplayPage | null {
  const marks = proofMarks(layout, fonts);
  return marks.length ? { ...page, ops: [...page.ops, ...marks] } : null;
}
