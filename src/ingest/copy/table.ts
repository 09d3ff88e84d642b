/**
 * Tables flattened into text: rows on lines with their cells apart by runs of spaces (or tabs, or ideographic
 * spaces), or a whole table on one line. They become a table item: an optional title, a header row when the
 * first row has no numbers, body rows of as many cells as the widest row, and notes (unit, source).
 */
import { isHeadCandidate, isTerminal } from './classify.js';
import { TABLE } from './patterns.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface TableMatch {
  title: string | null;
  header: string[] | null;
  rows: string[][];
  notes: string[];
  no: number;
  next: number;
}

/** A figure: `2.50`, `1,200`, `-0.3%`, `12.5元`. */
const figure = (s: string): boolean => TABLE.numeric.test(s.replace(/\s+/gu, ''));
/** A cell that holds a number: a figure, or a short label with a figure (`金牌12枚`). */
const numeric = (s: string): boolean => {
  const t = s.replace(/\s+/gu, '');
  return figure(t) || (visLen(t) <= 10 && /\d/u.test(t) && !/[，。；：]/u.test(t));
};

/** Join a single-character cell with the next single-character one: a padded name split by the separator. */
function mergeSingles(cells: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < cells.length; k++) {
    const a = cells[k]!;
    const b = cells[k + 1];
    if (/^\p{Script=Han}$/u.test(a) && b !== undefined && /^\p{Script=Han}$/u.test(b)) {
      out.push(`${a}\u3000${b}`);
      k++;
    } else out.push(a);
  }
  return out;
}

/** The cells of one table row, or null when the line is not one (a sentence, or a single cell). */
export function cellsOf(s: string): string[] | null {
  if (visLen(s) > 120 || /[。；！？]/u.test(s)) return null;
  const cells = mergeSingles(
    s
      .split(TABLE.cells)
      .map((x) => x.trim())
      .filter(Boolean),
  );
  if (cells.length < 2 || cells.some((x) => visLen(x) > 24)) return null;
  return cells;
}

/**
 * A whole table on one line: `品种 最高价 最低价 大白菜 1.20 0.80 土豆 2.00 1.60` → header and rows, maybe after a
 * title (`成品油价格 品种 价格 92号汽油 7.68 …`): header cells without figures, then rows of a label and figures.
 */
export function oneLineTable(s: string): { title: string | null; header: string[]; rows: string[][] } | null {
  if (visLen(s) > 400 || /[。；！？，]/u.test(s)) return null;
  const tokens = s.split(/[\s\u3000]+/u).filter(Boolean);
  if (tokens.length < 6) return null;
  for (let t = 0; t <= 1; t++) {
    const rest = tokens.slice(t);
    for (let n = 2; n <= 8; n++) {
      if (rest.length % n !== 0 || rest.length / n < 3) continue;
      const header = rest.slice(0, n);
      if (header.some(figure)) continue;
      const rows: string[][] = [];
      for (let k = n; k < rest.length; k += n) rows.push(rest.slice(k, k + n));
      // every body row: a label, then figures
      if (rows.every((r) => !figure(r[0]!) && r.slice(1).every(figure)))
        return { title: t ? tokens.slice(0, t).join(' ') : null, header, rows };
    }
  }
  return null;
}

/** A line under (or over) a table: a unit, source or remark line, or a short remark in brackets. */
const isNote = (s: string): boolean => TABLE.note.test(s) || /^[（(][^（）()]{1,40}[）)]$/u.test(s);

/** A table starting at line i (its title, a note line or its first row), or null. */
export function readTable(c: Copy, i: number): TableMatch | null {
  let j = i;
  const first = c.at(i);
  if (!first) return null;
  let title: string | null = null;
  const notes: string[] = [];
  const t0 = first.text;
  if (!cellsOf(t0) && !oneLineTable(t0) && isHeadCandidate(t0) && !isTerminal(t0)) {
    title = t0;
    j++;
  }
  while (c.at(j) && isNote(c.text(j)!) && notes.length < 2) notes.push(c.text(j++)!);
  const one = c.at(j) ? oneLineTable(c.text(j)!) : null;
  if (one) {
    j++;
    while (c.at(j) && isNote(c.text(j)!)) notes.push(c.text(j++)!);
    return { title: title ?? one.title, header: one.header, rows: one.rows, notes, no: first.no, next: j };
  }
  const rows: string[][] = [];
  const start = j;
  while (j < c.length) {
    const ln = c.at(j)!;
    if (j > start && ln.blankBefore && !c.style.blankParagraphs) break;
    const cells = cellsOf(ln.text);
    if (!cells) break;
    rows.push(cells);
    j++;
  }
  if (rows.length < 2) return null;
  const width = Math.max(...rows.map((r) => r.length));
  const fit = rows.filter((r) => r.length >= width - 1).length;
  const hasHeader = !rows[0]!.some(numeric) && rows.slice(1).some((r) => r.some(numeric));
  const body = hasHeader ? rows.slice(1) : rows;
  const withNumbers = body.filter((r) => r.some(numeric)).length;
  if (fit < 0.8 * rows.length || withNumbers < 0.5 * body.length) return null;
  while (c.at(j) && isNote(c.text(j)!)) notes.push(c.text(j++)!);
  const pad = (r: string[]): string[] => [...r, ...Array<string>(width - r.length).fill('')];
  return {
    title,
    header: hasHeader ? pad(rows[0]!) : null,
    rows: body.map(pad),
    notes,
    no: first.no,
    next: j,
  };
}
