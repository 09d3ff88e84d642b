/**
 * Tables flattened into text: rows on lines with their cells apart by runs of spaces (or tabs, or ideographic
 * spaces), or a whole table on one line (cells.ts reads the lines). They become a table item: an optional
 * title, a header row when the first row has no numbers, body rows of as many cells as the widest row, and
 * notes (unit, source).
 */
export { cellsOf, oneLineTable };
import { cellsOf, numeric, oneLineTable } from './cells.js';
import { isHeadCandidate, isTerminal } from './classify.js';
import { TABLE } from './patterns.js';
import type { Copy } from './segment.js';

export interface TableMatch {
  title: string | null;
  header: string[] | null;
  rows: string[][];
  notes: string[];
  no: number;
  next: number;
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
