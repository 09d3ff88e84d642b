/**
 * The no-loss check: every visible character of the copy must be somewhere in the items, in copy order,
 * modulo the documented punctuation normalisation (see normalize.ts); nothing may be invented.
 * Text reported as dropped (`import-dropped-text` diagnostics) is excused by line.
 * Visible means: not whitespace, not a control or zero-width format character (\p{Cc}, \p{Cf}: the importer removes
 * those and reports them as `import-invisible-text`).
 */
import type { Diagnostic } from '../diag/index.js';
import type { Item } from '../model/edition.js';
import { foldPunctuation } from './normalize.js';

export interface LossReport {
  /** Input text found in no item, by line (not excused by a diagnostic). */
  missing: Array<{ line: number; text: string }>;
  /** Item text that is not in the input. */
  extra: string[];
  /** Item text found in the input, but not in copy order. Credits and column names are not checked for order. */
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
      out.push(
        it.kicker,
        it.headline,
        it.subhead,
        ...it.credits,
        it.dateline,
        ...it.paragraphs,
        it.column.name,
        it.column.romanized,
        it.column.editor,
      );
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

/** Texts matched in copy order, and texts whose place in the copy varies (credits, column names). */
function splitTexts(it: Item): { ordered: string[]; floating: string[] } {
  // a field of several lines (a kicker of two head lines, a section label kept in a commentary's kicker) came from
  // several lines of the copy, which need not be next to each other
  const keep = (xs: Array<string | null | undefined>): string[] =>
    xs.flatMap((s) => (typeof s === 'string' ? s.split('\n') : [])).filter((s) => s.trim() !== '');
  switch (it.kind) {
    case 'article':
      return {
        ordered: keep([it.section, it.kicker, it.headline, it.subhead, it.dateline, ...it.paragraphs]),
        floating: keep(it.credits),
      };
    case 'commentary':
      return {
        ordered: keep([it.kicker, it.headline, it.subhead, it.dateline, ...it.paragraphs]),
        floating: keep([...it.credits, it.column.name, it.column.romanized, it.column.editor]),
      };
    default:
      return { ordered: itemTexts(it), floating: [] };
  }
}

const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;
const squeeze = (s: string): string =>
  Array.from(foldPunctuation(s))
    .filter((c) => !INVISIBLE.test(c))
    .join('');

export function checkNoLoss(text: string, items: Item[], diagnostics: Diagnostic[] = []): LossReport {
  // the input as one stream of visible characters (code points), each with its line
  const chars: string[] = [];
  const lineOf: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, k) => {
    for (const c of Array.from(foldPunctuation(l.replace(/^\uFEFF/, '')))) {
      if (INVISIBLE.test(c)) continue;
      chars.push(c);
      lineOf.push(k + 1);
    }
  });
  const excused = new Set(
    diagnostics
      .filter(
        (d) => (d.code === 'import-dropped-text' || d.code === 'import-ornament-dropped') && d.at.line !== undefined,
      )
      .map((d) => d.at.line!),
  );
  // Bylines and column names may stand before, inside or after the text they belong to (`（记者 张三）` closing a
  // story, `东湖评论` above its piece); they are placed at the first free place from the item's start. Placed before
  // the item's other texts, a short paragraph cannot take their characters; placed after, they cannot take a
  // paragraph's. Both are tried: the copy loses nothing if either accounts for every character.
  // text reported as dropped is accounted for: no item may claim it
  const taken = lineOf.map((l) => excused.has(l));
  const a = match(chars, taken, items, true);
  if (a.extra.length === 0 && a.covered.every((c, k) => c || excused.has(lineOf[k]!)))
    return report(a, chars, lineOf, excused);
  const b = match(chars, taken, items, false);
  const score = (r: Match): number =>
    r.extra.length + r.covered.filter((c, k) => !c && !excused.has(lineOf[k]!)).length;
  return report(score(b) < score(a) ? b : a, chars, lineOf, excused);
}

interface Match {
  covered: boolean[];
  extra: string[];
  moved: string[];
}

function match(chars: string[], taken: boolean[], items: Item[], floatingFirst: boolean): Match {
  const covered = [...taken];
  const find = (piece: string[], from: number): number => {
    outer: for (let s = from; s + piece.length <= chars.length; s++) {
      for (let k = 0; k < piece.length; k++) if (chars[s + k] !== piece[k] || covered[s + k]) continue outer;
      return s;
    }
    return -1;
  };
  const cover = (at: number, n: number): void => {
    for (let k = 0; k < n; k++) covered[at + k] = true;
  };
  const extra: string[] = [];
  const moved: string[] = [];
  let cursor = 0;
  for (const it of items) {
    const start = cursor;
    const { ordered, floating } = splitTexts(it);
    const placeFloating = (): void => {
      for (const t of floating) {
        const piece = Array.from(squeeze(t));
        if (piece.length === 0) continue;
        let at = find(piece, start);
        if (at < 0) at = find(piece, 0);
        if (at < 0) extra.push(t);
        else cover(at, piece.length);
      }
    };
    if (floatingFirst) placeFloating();
    for (const t of ordered) {
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
      cover(at, piece.length);
    }
    if (!floatingFirst) placeFloating();
  }
  return { covered, extra, moved };
}

function report(m: Match, chars: string[], lineOf: number[], excused: Set<number>): LossReport {
  const missing: LossReport['missing'] = [];
  chars.forEach((c, k) => {
    if (m.covered[k] || excused.has(lineOf[k]!)) return;
    const last = missing[missing.length - 1];
    if (last && last.line === lineOf[k] && !m.covered[k - 1]) last.text += c;
    else missing.push({ line: lineOf[k]!, text: c });
  });
  return { missing, extra: m.extra, moved: m.moved };
}
