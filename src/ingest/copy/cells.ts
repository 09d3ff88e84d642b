/**
 * The cells of lines of a flattened table: a row whose cells stand apart by runs of spaces, and a whole table on
 * one line (a header and rows, or label and figure pairs: `92号汽油　7.85元/升　95号汽油　8.35元/升`). Why apart
 * from table.ts: the line classifiers ask too (a table line is never a head line).
 */
import { TABLE } from './patterns.js';
import { visLen } from './punctuation.js';

/** A figure: `2.50`, `1,200`, `-0.3%`, `12.5元`. */
export const figure = (s: string): boolean => TABLE.numeric.test(s.replace(/\s+/gu, ''));
/** A cell that holds a number: a figure, or a short label with a figure (`金牌12枚`). */
export const numeric = (s: string): boolean => {
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

/** A body cell: a figure, or a mark that stands for one (`持平`, `—`, `/`). */
const figureCell = (s: string): boolean => figure(s) || TABLE.noFigure.test(s);

/**
 * Rows whose columns each hold one kind of cell: a label column (no figures) or a figure column (figures, or
 * marks standing for one, at least one a number). At least one of each, so `1 城关镇 12 8 5` (a rank, a team
 * and medals) reads as well as `大白菜 1.20 0.80`; a wrong column count mixes the kinds and fails.
 */
function typedColumns(rows: string[][]): boolean {
  let labels = 0;
  let figures = 0;
  for (let k = 0; k < rows[0]!.length; k++) {
    const col = rows.map((r) => r[k]!);
    if (col.every(figureCell) && col.some(figure)) figures++;
    else if (col.every((x) => !figure(x) && !TABLE.noFigure.test(x))) labels++;
    else return false;
  }
  return labels > 0 && figures > 0;
}

/** Tokens in rows of n. */
function chunk(xs: string[], n: number): string[][] {
  const rows: string[][] = [];
  for (let k = 0; k < xs.length; k += n) rows.push(xs.slice(k, k + n));
  return rows;
}

/**
 * A whole table on one line: `品种 最高价 最低价 大白菜 1.20 0.80 土豆 2.00 1.60` → header and rows, maybe after a
 * title (`成品油价格 品种 价格 92号汽油 7.68 …`): header cells without figures, then at least two rows of typed
 * columns. With no header: at least two rows of a label and its figures (`92号汽油　7.85元/升　95号汽油　8.35元/升`).
 * The fewest columns that fit win; a sentence (with a comma or a full stop) is never a table.
 */
export function oneLineTable(s: string): { title: string | null; header: string[] | null; rows: string[][] } | null {
  if (visLen(s) > 400 || /[。；！？，]/u.test(s)) return null;
  const tokens = s.split(/[\s\u3000]+/u).filter(Boolean);
  if (tokens.length < 4) return null;
  for (let t = 0; t <= 1; t++) {
    const rest = tokens.slice(t);
    const title = t ? tokens.slice(0, t).join(' ') : null;
    // a header row, then body rows
    for (let n = 2; n <= 8; n++) {
      if (rest.length % n !== 0 || rest.length / n < 3) continue;
      const header = rest.slice(0, n);
      if (header.some((x) => figure(x) || TABLE.noFigure.test(x))) continue;
      const rows = chunk(rest.slice(n), n);
      if (typedColumns(rows)) return { title, header, rows };
    }
    // no header: rows of a label and figures
    for (let n = 2; n <= 4; n++) {
      if (rest.length % n !== 0 || rest.length / n < 2) continue;
      const rows = chunk(rest, n);
      if (typedColumns(rows) && !figure(rows[0]![0]!)) return { title, header: null, rows };
    }
  }
  return null;
}
