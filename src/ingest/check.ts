/**
 * The no-loss check: every visible character of the copy must be somewhere in the items, in copy order,
 * modulo the documented punctuation normalisation (see normalize.ts); nothing may be invented.
 * Text reported as dropped (`import-dropped-text` diagnostics) is excused by line.
 */
import type { Diagnostic } from '../diag/index.js';
import type { Item } from '../model/edition.js';
import { foldPunctuation } from './normalize.js';

export interface LossReport {
  /** Input text found in no item, by line (not excused by a diagnostic). */
  missing: Array<{ line: number; text: string }>;
  /** Item text that is not in the input. */
  extra: string[];
  /** Item text found in the input, but not in copy order (e.g. a column label placed after its piece). */
  moved: string[];
}

/** The visible text of an item, field by field, in the order it is read. */
export function itemTexts(it: Item): string[] {
  const out: Array<string | null | undefined> = [];
  switch (it.kind) {
    case 'article':
      out.push(it.section, it.kicker, it.headline, it.subhead, ...it.credits, it.dateline, ...it.paragraphs);
      break;
    case 'commentary':
      out.push(it.kicker, it.headline, it.subhead, ...it.credits, it.dateline, ...it.paragraphs, it.column.name, it.column.romanized, it.column.editor);
      break;
    case 'photo':
      out.push(it.title, it.caption, ...it.credits);
      break;
    case 'ad':
      out.push(...it.lines);
      break;
    case 'weather':
      out.push(it.text);
      break;
  }
  return out.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
}

const squeeze = (s: string): string => Array.from(foldPunctuation(s)).filter((c) => !/\s/u.test(c)).join('');

export function checkNoLoss(text: string, items: Item[], diagnostics: Diagnostic[] = []): LossReport {
  // the input as one stream of visible characters, each with its line
  const chars: string[] = [];
  const lineOf: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, k) => {
    for (const c of Array.from(foldPunctuation(l.replace(/^\uFEFF/, '')))) {
      if (/\s/u.test(c)) continue;
      chars.push(c);
      lineOf.push(k + 1);
    }
  });
  const covered = new Array<boolean>(chars.length).fill(false);
  const stream = chars.join('');
  // code-point index ↔ UTF-16 index: work on the array of code points instead
  const find = (piece: string[], from: number): number => {
    outer: for (let s = from; s + piece.length <= chars.length; s++) {
      for (let k = 0; k < piece.length; k++) if (chars[s + k] !== piece[k] || covered[s + k]) continue outer;
      return s;
    }
    return -1;
  };
  void stream;
  const extra: string[] = [];
  const moved: string[] = [];
  let cursor = 0;
  for (const it of items) {
    for (const t of itemTexts(it)) {
      const piece = Array.from(squeeze(t));
      if (piece.length === 0) continue;
      let at = find(piece, cursor);
      if (at >= 0) cursor = at + piece.length;
      else {
        at = find(piece, 0);
        if (at < 0) {
          extra.push(t);
          continue;
        }
        moved.push(t);
      }
      for (let k = 0; k < piece.length; k++) covered[at + k] = true;
    }
  }
  const excused = new Set(diagnostics.filter((d) => d.code === 'import-dropped-text' && d.at.line !== undefined).map((d) => d.at.line!));
  const missing: LossReport['missing'] = [];
  chars.forEach((c, k) => {
    if (covered[k] || excused.has(lineOf[k]!)) return;
    const last = missing[missing.length - 1];
    if (last && last.line === lineOf[k] && !covered[k - 1]) last.text += c;
    else missing.push({ line: lineOf[k]!, text: c });
  });
  return { missing, extra, moved };
}
