/**
 * Headline fitting for layout, on top of the composer (text/): re-exports, plus what layout needs on top — end alignment of
 * headline-like lines (as an x shift at placement; composed lines are never changed) and the overfull test.
 */
import type { ComposeStyle, ComposedLine } from '../text/types.js';
import { composeHeadline, insideWord } from '../text/index.js';

export { BODY_SETTINGS, composeParagraph } from '../text/index.js';

export type Align = 'start' | 'center' | 'end';

/** Set a headline-like text in at most `maxLines` lines; `end` is set as `start` and shifted by {@link shiftFor}. */
export function setHeadline(
  text: string,
  style: ComposeStyle,
  maxWidth: number,
  opts: { align: Align; maxLines?: number },
): ComposedLine[] {
  return composeHeadline(text, style, maxWidth, {
    align: opts.align === 'center' ? 'center' : 'start',
    maxLines: opts.maxLines ?? 2,
  });
}

/** Right edge of a line's glyphs, pt from the line's left edge. */
export function inkRight(line: ComposedLine): number {
  const g = line.glyphs[line.glyphs.length - 1];
  return g ? g.x + g.advance : 0;
}

/** x shift that sets an `end`-aligned line flush right in `width`. */
export function shiftFor(line: ComposedLine, align: Align, width: number): number {
  return align === 'end' ? Math.max(0, width - inkRight(line)) : 0;
}

/** True when a headline did not fit its width (the composer returns its best attempt, wider than maxWidth). */
export function overfull(lines: ComposedLine[], maxWidth: number): boolean {
  return lines.some((l) => inkRight(l) > maxWidth + 0.5);
}

/**
 * True when a break between a head's lines falls inside a word (text/words.ts insideWord: off a phrase boundary,
 * or inside a word of the headline list), read as a PDF reader reads the head: the lines' text without spaces.
 * The composer prefers such a break to an overfull line; layout then tries another size or width.
 */
export function breaksWord(lines: ComposedLine[]): boolean {
  if (lines.length < 2) return false;
  const parts = lines.map((l) => l.text.replace(/[\s\u3000]/g, ''));
  const whole = parts.join('');
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    if (insideWord(whole, at)) return true;
  }
  return false;
}

/**
 * Like setHeadline, but never wider than `maxWidth`: more lines first (up to maxLines + 3), then a smaller
 * size (in 5 % steps). Small furniture (labels, ad lines, captions' titles) must fit whatever the module width.
 */
export function fitHeadline(
  text: string,
  style: ComposeStyle,
  maxWidth: number,
  opts: { align: Align; maxLines?: number },
): ComposedLine[] {
  const max = opts.maxLines ?? 2;
  let lines: ComposedLine[] = [];
  for (let n = max; n <= max + 3; n++) {
    lines = setHeadline(text, style, maxWidth, { align: opts.align, maxLines: n });
    if (!overfull(lines, maxWidth)) return lines;
  }
  for (let size = style.size * 0.95; size > 3; size *= 0.95) {
    lines = setHeadline(text, { ...style, size }, maxWidth, { align: opts.align, maxLines: max + 3 });
    if (!overfull(lines, maxWidth)) return lines;
  }
  return lines;
}
