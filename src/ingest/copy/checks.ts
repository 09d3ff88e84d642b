/**
 * Checks on the assembled items that an editor should hear about but that change nothing: quotes and brackets
 * left open or closed without opening (GB/T 15834-2011 §4.2–4.4 pair them), and paragraphs so long that the
 * copy has probably lost its paragraph breaks. Each is a warning with the line; the text is kept as it is.
 */
import type { Item } from '../../model/edition.js';
import type { Copy } from './segment.js';

/** A paragraph longer than this (two full broadsheet columns of 13 × 120 characters) is reported. */
export const LONG_PARAGRAPH = 3000;

/** Opening marks and their closing partners. */
const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '【': '】',
  '「': '」',
  '『': '』',
  '〔': '〕',
  '〈': '〉',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));
/** Marks that may stay open across paragraphs (a quotation of several paragraphs opens each one with “). */
const SPANS = new Set(['“', '‘', '「', '『']);
/** Every paired mark, to find them without looking at each character. */
const MARKS = /[“”‘’《》（）【】「」『』〔〕〈〉]/gu;
/** At most this many unbalanced marks are reported per item. */
const MAX_PER_ITEM = 3;

interface Text {
  text: string;
  line: number;
}

/** The texts of an item in reading order, each with the line it came from (its origin line when unknown). */
function textsOf(it: Item, lines: number[]): Text[] {
  const origin = it.origin?.line ?? 1;
  const at = (k: number): number => lines[k] ?? origin;
  const one = (s: string | null | undefined): Text[] => (s ? [{ text: s, line: origin }] : []);
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return [
        ...one(it.kicker),
        ...one(it.headline),
        ...one(it.subhead),
        ...it.paragraphs.map((p, k) => ({ text: p, line: at(k) })),
      ];
    case 'notice':
      return [...one(it.title), ...it.paragraphs.map((p, k) => ({ text: p, line: at(k) }))];
    case 'briefs':
      return it.entries.flatMap((b, k) => [
        ...(b.headline ? [{ text: b.headline, line: at(k) }] : []),
        { text: b.text, line: at(k) },
      ]);
    case 'photo':
      return [...one(it.title), ...one(it.caption)];
    default:
      return [];
  }
}

function balance(c: Copy, it: Item, texts: Text[]): void {
  const stack: Array<{ ch: string; line: number }> = [];
  let reported = 0;
  const warn = (ch: string, line: number, open: boolean): void => {
    if (reported++ >= MAX_PER_ITEM) return;
    c.diag({
      code: 'import-unbalanced',
      message: open
        ? `${ch} opened at line ${line} is never closed (no ${PAIRS[ch]} follows in the item)`
        : `${ch} at line ${line} closes nothing (no ${CLOSERS.get(ch)} before it)`,
      line,
      item: it.id,
      hint: `check the ${open ? 'quote or bracket' : 'closing mark'} at line ${line} in the copy; the text is kept as it is`,
    });
  };
  for (const { text, line } of texts) {
    // a paragraph opening with “ while a “ is still open continues the quotation (GB/T 15834-2011 §4.2.2.5 note)
    const top = stack[stack.length - 1];
    const skipFirst = top !== undefined && SPANS.has(top.ch) && text.startsWith(top.ch);
    for (const m of text.matchAll(MARKS)) {
      const k = m.index;
      const ch = m[0];
      if (k === 0 && skipFirst) continue;
      if (ch in PAIRS) {
        stack.push({ ch, line });
        continue;
      }
      const open = CLOSERS.get(ch)!;
      // an apostrophe in Latin text (it’s), a list number (`1）`, `a）`): no pair
      if (ch === '’' && /[A-Za-z]/u.test(text[k - 1] ?? '')) continue;
      if (ch === '）' && k <= 4 && /^[\s\u3000]*[\dA-Za-z一二三四五六七八九十]{1,3}$/u.test(text.slice(0, k))) continue;
      let n = stack.length - 1;
      while (n >= 0 && stack[n]!.ch !== open) n--;
      if (n < 0) {
        warn(ch, line, false);
        continue;
      }
      for (const left of stack.splice(n)) if (left.ch !== open) warn(left.ch, left.line, true);
    }
    // brackets do not run on into the next paragraph; quotation marks may
    for (let m = stack.length - 1; m >= 0; m--)
      if (!SPANS.has(stack[m]!.ch)) warn(stack.splice(m, 1)[0]!.ch, line, true);
  }
  for (const left of stack) warn(left.ch, left.line, true);
}

function longParagraphs(c: Copy, it: Item, texts: Text[]): void {
  for (const { text, line } of texts) {
    if (text.length <= LONG_PARAGRAPH) continue;
    const n = Array.from(text).length;
    if (n <= LONG_PARAGRAPH) continue;
    c.diag({
      code: 'import-long-paragraph',
      message: `the paragraph at line ${line} has ${n} characters (more than ${LONG_PARAGRAPH}, two full columns): the copy has probably lost its paragraph breaks`,
      line,
      item: it.id,
      hint: `check the copy at line ${line} and break the text where each paragraph ends; it is imported and set as one paragraph`,
    });
  }
}

/** Run the checks on every item. */
export function checkItems(c: Copy, items: Item[], paragraphLines: Map<Item, number[]>): void {
  for (const it of items) {
    const texts = textsOf(it, paragraphLines.get(it) ?? []);
    balance(c, it, texts);
    longParagraphs(c, it, texts);
  }
}
