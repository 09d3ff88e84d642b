/**
 * The no-loss check (a test oracle, not part of the importer): every visible character of the copy must be somewhere in the items, in copy order,
 * modulo the documented punctuation normalisation (src/ingest/copy/normalize.ts); nothing may be invented.
 * Text reported as dropped (`import-dropped-text` diagnostics) is excused by line.
 * Visible means: not whitespace, not a control or zero-width format character (\p{Cc}, \p{Cf}: the importer removes
 * those and reports them as `import-invisible-text`).
 */
import type { Diagnostic } from '../src/diag/index.js';
import { type ColumnInfo, type Item, itemTexts } from '../src/model/edition.js';
import { ANSI, LINE_BREAK, slotLabel, usesSlotLabels } from '../src/ingest/copy/normalize.js';
import { foldPunctuation, normalizePunctuation } from '../src/ingest/copy/punctuation.js';

export interface LossReport {
  /** Input text found in no item, by line (not excused by a diagnostic). */
  missing: Array<{ line: number; text: string }>;
  /** Item text that is not in the input. */
  extra: string[];
  /** Item text found in the input, but not in copy order. Credits and column names are not checked for order. */
  moved: string[];
}

/** Texts matched in copy order, and texts whose place in the copy varies (credits, column names). */
function splitTexts(it: Item): { ordered: string[]; floating: string[]; heads: Set<string> } {
  const t = texts(it);
  return { ...t, heads: new Set(keepLines(headTexts(it))) };
}

const keepLines = (xs: Array<string | null | undefined>): string[] =>
  xs.flatMap((s) => (typeof s === 'string' ? s.split('\n') : [])).filter((s) => s.trim() !== '');

/** Head lines of an item: they stand on lines of their own in the copy. */
function headTexts(it: Item): Array<string | null | undefined> {
  switch (it.kind) {
    case 'article':
      return [it.section, it.kicker, it.headline, it.subhead];
    case 'commentary':
      return [it.kicker, it.headline, it.subhead];
    case 'notice':
    case 'list':
    case 'table':
    case 'briefs':
    case 'photo':
      return [it.title];
    default:
      return [];
  }
}

function texts(it: Item): { ordered: string[]; floating: string[] } {
  // a field of several lines (a kicker of two head lines, a section label kept in a commentary's kicker) came from
  // several lines of the copy, which need not be next to each other
  const keep = (xs: Array<string | null | undefined>): string[] =>
    xs.flatMap((s) => (typeof s === 'string' ? s.split('\n') : [])).filter((s) => s.trim() !== '');
  const column = (c: ColumnInfo | undefined): Array<string | null> =>
    c ? [c.tag ?? c.name, c.romanized, c.editor] : [];
  switch (it.kind) {
    case 'article':
    case 'commentary': {
      // an editor's note opening the text may stand above the head in the copy, or under it
      const k = it.marks?.findIndex((m, i) => m.paragraph !== i || (m.role !== 'note' && m.role !== 'signature'));
      const lead = it.marks === undefined ? 0 : k === -1 ? it.marks.length : (k ?? 0);
      return {
        ordered: keep([
          ...(it.kind === 'article' ? [it.section] : []),
          it.kicker,
          it.headline,
          it.subhead,
          it.dateline,
          ...it.paragraphs.slice(lead),
        ]),
        floating: keep([...it.paragraphs.slice(0, lead), ...it.credits, ...column(it.column)]),
      };
    }
    case 'photo':
      return { ordered: keep([it.title, it.caption]), floating: keep(it.credits) };
    case 'notice':
      return { ordered: keep([it.title, it.number, ...it.paragraphs, ...it.signature, it.date]), floating: [] };
    case 'table':
      // a unit or source note may stand above the table or under it
      return { ordered: keep([it.title, ...(it.header ?? []), ...it.rows.flat()]), floating: keep(it.notes) };
    case 'briefs':
      return {
        ordered: keep([it.title, ...it.entries.flatMap((b) => [b.bullet, b.headline, b.separator, b.text])]),
        floating: keep(it.entries.flatMap((b) => b.credits)),
      };
    default:
      return { ordered: keep(itemTexts(it)), floating: [] };
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
  const lines = text.split(LINE_BREAK).map((l) => l.replace(/^\uFEFF/, '').replace(ANSI, ''));
  // slot labels of a labelled export (【引题】 …) are taken off by the importer (reported as import-slot-labels)
  const slots = usesSlotLabels(lines.map((l) => normalizePunctuation(l.trim())));
  lines.forEach((raw, k) => {
    // escape sequences are removed whole by the importer (reported as import-escape-removed)
    let l = raw;
    if (slots) {
      const t = normalizePunctuation(l.trim());
      const s = slotLabel(t);
      if (s) l = t.slice(s.label.length);
    }
    for (const c of Array.from(foldPunctuation(l))) {
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
  // paragraph's. Both are tried for each item: the copy loses nothing if one accounts for every character.
  // text reported as dropped is accounted for: no item may claim it
  const taken = lineOf.map((l) => excused.has(l));
  return report(match(chars, lineOf, taken, items), chars, lineOf, excused);
}

interface Match {
  covered: boolean[];
  extra: string[];
  moved: string[];
}

function match(chars: string[], lineOf: number[], taken: boolean[], items: Item[]): Match {
  const covered = [...taken];
  const lineStart = (k: number): boolean => k === 0 || lineOf[k - 1] !== lineOf[k];
  /**
   * The positions of `piece` from `from` on: consecutive input characters, where characters on the same line
   * already claimed by another text (a credit inside a brief's dateline) may lie in between. `atLineStart`: only a match that opens
   * a line (head lines stand on lines of their own). Null when there is none.
   */
  const find = (piece: string[], from: number, atLineStart = false): number[] | null => {
    for (let s = from; s + piece.length <= chars.length; s++) {
      if (chars[s] !== piece[0] || covered[s] || (atLineStart && !lineStart(s))) continue;
      const at = [s];
      let p = s + 1;
      for (let k = 1; k < piece.length; k++) {
        // skip characters claimed by another text, but only on the same line
        while (p < chars.length && covered[p] && lineOf[p] === lineOf[p - 1]) p++;
        if (chars[p] !== piece[k] || covered[p]) break;
        at.push(p++);
      }
      if (at.length === piece.length) return at;
    }
    return null;
  };
  const extra: string[] = [];
  const moved: string[] = [];
  let cursor = 0;
  /** Place one item's texts, credits first or last; returns what it placed, so that it can be undone. */
  const attempt = (it: Item, floatingFirst: boolean) => {
    const placed: number[] = [];
    const out = { placed, extra: [] as string[], moved: [] as string[], cursor };
    const cover = (at: number[]): void => {
      for (const k of at) {
        covered[k] = true;
        placed.push(k);
      }
    };
    const start = cursor;
    const { ordered, floating, heads } = splitTexts(it);
    /** Where each floating text was placed, so that an ordered text can take its place back (see below). */
    const floats: Array<{ piece: string[]; at: number[] }> = [];
    const placeFloating = (): void => {
      for (const t of floating) {
        const piece = Array.from(squeeze(t));
        if (piece.length === 0) continue;
        const at = find(piece, start) ?? find(piece, 0);
        if (!at) out.extra.push(t);
        else {
          cover(at);
          floats.push({ piece, at });
        }
      }
    };
    const uncover = (at: number[]): void => {
      for (const k of at) covered[k] = false;
    };
    if (floatingFirst) placeFloating();
    for (const t of ordered) {
      const piece = Array.from(squeeze(t));
      if (piece.length === 0) continue;
      const whole = heads.has(t);
      let at = (whole ? find(piece, out.cursor, true) : null) ?? find(piece, out.cursor);
      // a credit placed first may hold characters of this text (the same credit stands twice): give them back,
      // place the text, and place the credit again at its next free place
      for (let f = floats.length - 1; !at && f >= 0; f--) {
        const fl = floats[f]!;
        uncover(fl.at);
        at = find(piece, out.cursor);
        if (!at) {
          cover(fl.at);
          continue;
        }
        cover(at);
        const again = find(fl.piece, start) ?? find(fl.piece, 0);
        if (again) {
          cover(again);
          fl.at = again;
        } else out.extra.push(fl.piece.join(''));
        uncover(at);
      }
      if (at) out.cursor = at[at.length - 1]! + 1;
      else {
        at = find(piece, 0);
        if (!at) {
          out.extra.push(t);
          continue;
        }
        out.moved.push(t);
      }
      cover(at);
    }
    if (!floatingFirst) placeFloating();
    return out;
  };
  const reach = (r: { placed: number[] }): number => r.placed.reduce((m, k) => Math.max(m, k), -1);
  for (const it of items) {
    // both orders; the better is the one that accounts for more texts, then the one that reaches less far into
    // the copy (its texts lie together, as an item's do)
    const a = attempt(it, true);
    for (const k of a.placed) covered[k] = false;
    const b = attempt(it, false);
    let r = b;
    if (a.extra.length < b.extra.length || (a.extra.length === b.extra.length && reach(a) <= reach(b))) {
      for (const k of b.placed) covered[k] = false;
      for (const k of a.placed) covered[k] = true;
      r = a;
    }
    cursor = r.cursor;
    extra.push(...r.extra);
    moved.push(...r.moved);
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
