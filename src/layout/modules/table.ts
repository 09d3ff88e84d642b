/**
 * Tables (price lists, results, listings): a ruled grid on the line grid — a heavy rule over the header row and
 * under the last row, thin rules between rows and columns, the header row tinted. Column widths follow their
 * content; a numeric column never wraps and its figures are set flush right, so units and decimals align; text
 * columns wrap when the width is short. A table much narrower than its module is set in side-by-side panels,
 * each with its own header row.
 */
import type { Cmyk } from '../../core/units.js';
import type { TableItem } from '../../model/edition.js';
import type { ComposedLine, ParagraphSettings } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph, inkRight, setHeadline, shiftFor } from '../headline-fit.js';
import type { Block, PlacedLine } from '../types.js';
import { headRows, titleLines } from './head.js';
import {
  type BuildResult,
  emptyInfo,
  holeCost,
  linesRect,
  type ModuleContext,
  type ModuleSpec,
  type Place,
  placed,
  type Shape,
  spanCost,
  spansIn,
  style,
} from './spec.js';

const PLAIN: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'start', lastLine: 'start' };
/** A figure with optional sign, separators, decimals, a unit or a percent: set flush right, never wrapped. */
const NUMERIC = /^[+\-−－]?[\d０-９][\d０-９.,，．:：/~～\-−%％]*\s*[\p{Script=Han}a-zA-Z%％°℃]{0,3}$/u;

interface Layout {
  /** Panels side by side, each with the header. */
  panels: number;
  panelW: number;
  colW: number[];
  numeric: boolean[];
  /** Lines per row (header first when there is one), composed cells. */
  header: ComposedLine[][] | null;
  headerLines: number;
  rows: Array<{ cells: ComposedLine[][]; lines: number }>;
  /** Rows in each panel (indices into rows). */
  split: number[][];
  titleRows: number;
  title: ComposedLine[];
  notes: ComposedLine[];
  height: number;
}

export class TableModule implements ModuleSpec {
  readonly transparent = false;
  readonly promised = false;
  readonly rank = null;
  readonly shapes: Shape[] = [];
  private readonly layouts = new Map<number, Layout | null>();
  private readonly numeric: boolean[];

  constructor(
    private readonly ctx: ModuleContext,
    readonly item: TableItem,
    readonly order: number,
  ) {
    const n = Math.max(item.header?.length ?? 0, ...item.rows.map((r) => r.length));
    this.numeric = Array.from({ length: n }, (_, j) => {
      const cells = item.rows.map((r) => (r[j] ?? '').trim()).filter((c) => c !== '');
      return cells.length > 0 && cells.filter((c) => NUMERIC.test(c)).length >= 0.6 * cells.length;
    });
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    for (const span of spansIn(ctx.grid.columns, forced)) {
      const l = this.layout(span);
      if (!l && !forced) continue;
      const size = ctx.t.table.titleSize;
      this.shapes.push({
        span,
        band: item.title && size >= 13 ? { top: 0, bottom: l?.titleRows ?? 2, size } : null,
        bandRight: true,
      });
    }
    if (!this.shapes.length) this.shapes.push({ span: ctx.grid.columns, band: null, bandRight: true });
  }

  private cellStyle(header: boolean): ReturnType<typeof style> {
    const { table } = this.ctx.t;
    return style(this.ctx, header ? table.headerRole : table.cellRole, this.ctx.t.body.size);
  }

  private width(text: string, header: boolean): number {
    const l = setHeadline(text, this.cellStyle(header), 1e5, { align: 'start', maxLines: 1 })[0];
    return l ? inkRight(l) : 0;
  }

  /** The table at a width; null when it cannot be set that narrow. */
  private layout(span: number): Layout | null {
    if (this.layouts.has(span)) return this.layouts.get(span)!;
    const { t, grid } = this.ctx;
    const { table } = t;
    const pad = table.cellPad * t.grid.char;
    const W = grid.spanW(span);
    const n = this.numeric.length;
    const it = this.item;
    const natural = Array.from({ length: n }, (_, j) => {
      const cells = it.rows.map((r) => r[j] ?? '');
      const h = it.header?.[j] ?? '';
      return Math.max(this.width(h, true), ...cells.map((c) => this.width(c, false))) + 2 * pad;
    });
    const minText = 4 * t.grid.char + 2 * pad;
    const minW = natural.map((w, j) => (this.numeric[j] ? w : Math.min(w, minText)));
    const total = natural.reduce((a, b) => a + b, 0);
    // panels: as many as fit side by side at natural width (at most one per 4 rows)
    let panels = 1;
    for (let k = 2; k <= 4; k++) {
      const pw = (W - (k - 1) * t.geometry.gutter) / k;
      if (total <= pw && it.rows.length >= 4 * k) panels = k;
    }
    const panelW = (W - (panels - 1) * t.geometry.gutter) / panels;
    if (minW.reduce((a, b) => a + b, 0) > panelW + 0.5) {
      this.layouts.set(span, null);
      return null;
    }
    // widths: natural when they fit (the rest shared out), else text columns shrunk proportionally
    let colW: number[];
    if (total <= panelW) {
      const extra = (panelW - total) / n;
      colW = natural.map((w) => w + extra);
    } else {
      const fixed = natural.reduce((a, w, j) => a + (this.numeric[j] ? w : 0), 0);
      const flex = natural.reduce((a, w, j) => a + (this.numeric[j] ? 0 : w), 0);
      const room = panelW - fixed;
      colW = natural.map((w, j) => (this.numeric[j] ? w : Math.max(minW[j]!, (w * room) / flex)));
      const over = colW.reduce((a, b) => a + b, 0) - panelW;
      if (over > 0.5) {
        const k = colW.findIndex((w, j) => !this.numeric[j] && w - over >= minW[j]!);
        if (k < 0) {
          this.layouts.set(span, null);
          return null;
        }
        colW[k]! -= over;
      }
    }
    const cell = (text: string, j: number, header: boolean): ComposedLine[] => {
      const w = colW[j]! - 2 * pad;
      if (!text) return [];
      if (this.numeric[j] && !header)
        return setHeadline(text, this.cellStyle(false), w, { align: 'start', maxLines: 1 });
      return composeParagraph([{ text, style: this.cellStyle(header) }], PLAIN, w);
    };
    const header = it.header ? it.header.map((h, j) => cell(h, j, true)) : null;
    const headerLines = header ? Math.max(1, ...header.map((c) => c.length)) : 0;
    const rows = it.rows.map((r) => {
      const cells = Array.from({ length: n }, (_, j) => cell(r[j] ?? '', j, false));
      return { cells, lines: Math.max(1, ...cells.map((c) => c.length)) };
    });
    // rows shared among the panels by lines, in order
    const split: number[][] = Array.from({ length: panels }, () => []);
    const totalLines = rows.reduce((a, r) => a + r.lines, 0);
    let acc = 0;
    rows.forEach((r, i) => {
      const p = Math.min(panels - 1, Math.floor((acc * panels) / totalLines));
      split[p]!.push(i);
      acc += r.lines;
    });
    const title = it.title ? titleLines(this.ctx, it.title, table.titleRole, table.titleSize, W, 'center') : [];
    const titleRows = title.length
      ? headRows(this.ctx, title.length * (title[0]?.size ?? table.titleSize) * t.typography.deckLeading)
      : 0;
    const notes = it.notes.flatMap((s) =>
      composeParagraph([{ text: s, style: style(this.ctx, table.noteRole, table.noteSize) }], PLAIN, W),
    );
    const bodyLines = Math.max(...split.map((ix) => ix.reduce((a, i) => a + rows[i]!.lines, 0)));
    const height = titleRows + headerLines + bodyLines + notes.length + 1;
    const l: Layout = {
      panels,
      panelW,
      colW,
      numeric: this.numeric,
      header,
      headerLines,
      rows,
      split,
      titleRows,
      title,
      notes,
      height,
    };
    this.layouts.set(span, l);
    return l;
  }

  private natural(span: number): number {
    return this.layout(span)?.height ?? 4 * this.ctx.grid.lines;
  }

  minRows(shape: number): number {
    return this.natural(this.shapes[shape]!.span);
  }

  heights(shape: number, maxRows: number): number[] {
    const n = this.natural(this.shapes[shape]!.span);
    return n <= maxRows ? [n] : [];
  }

  cost(shape: number, rows: number): number {
    const span = this.shapes[shape]!.span;
    const n = this.natural(span);
    if (rows < n) return 1e6;
    const white = (rows - n) * span;
    // a table wider than it needs is white between its columns: a little cost per column prefers the narrowest
    return (
      spanCost(this.ctx, this.ctx.t.table.spans, span) +
      white * this.ctx.t.cost.empty +
      holeCost(this.ctx, white) +
      span * 0.5
    );
  }

  mass(): number {
    const s = this.shapes[0]!.span;
    return s * this.natural(s);
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const { table } = t;
    const id = this.item.id;
    const info = emptyInfo();
    const ink = t.colors.text as Cmyk;
    const rule = t.colors.rule as Cmyk;
    const blocks: Block[] = [];
    const l = this.layout(p.span);
    if (!l) {
      const chars = this.item.rows.flat().join('').length;
      info.overset = { lines: this.item.rows.length, chars };
      return { blocks, info, overset: info.overset };
    }
    const pad = table.cellPad * t.grid.char;
    const x0 = grid.colX(p.col);
    let row = p.row;
    if (l.title.length) {
      const size = l.title[0]!.size;
      const lead = size * t.typography.deckLeading;
      const h = l.title.length * lead;
      let y = grid.rowY(row) + Math.max(0, (l.titleRows * grid.pitch - t.typography.headSpace * grid.pitch - h) / 2);
      const lines = l.title.map((ln) => {
        const pl = placed(ln, x0, y + grid.baselineOffset(size, lead), ink);
        y += lead;
        return pl;
      });
      const rect = grid.rect(p.col, p.span, row, l.titleRows);
      blocks.push({ kind: 'text', item: id, role: 'title', rect, lines });
      const big = linesRect(lines, t.typography.emAscent);
      if (big && size >= 13) info.heads.push(big);
      info.head = { size, lines: l.title.length, cols: p.span, rect };
      row += l.titleRows;
    }
    const line = (x1: number, y1: number, x2: number, y2: number, w: number): Block => ({
      kind: 'rule',
      item: id,
      rect: { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) },
      x1,
      y1,
      x2,
      y2,
      stroke: rule,
      lineWidth: w,
    });
    const cellLines: PlacedLine[] = [];
    const headLines: PlacedLine[] = [];
    const rules: Block[] = [];
    let bottomRow = row;
    for (let k = 0; k < l.panels; k++) {
      const px = x0 + k * (l.panelW + t.geometry.gutter);
      const xs = [px];
      for (const w of l.colW) xs.push(xs[xs.length - 1]! + w);
      let r = row;
      const put = (cells: ComposedLine[][], at: number, header: boolean, out: PlacedLine[]): void => {
        cells.forEach((c, j) => {
          const w = l.colW[j]! - 2 * pad;
          c.forEach((ln, i) => {
            const right = l.numeric[j] && !header;
            const dx = header ? Math.max(0, (w - inkRight(ln)) / 2) : right ? shiftFor(ln, 'end', w) : 0;
            out.push(placed(ln, xs[j]! + pad + dx, grid.baseline(at + i), ink));
          });
        });
      };
      const yTop = grid.rowY(r);
      if (l.header) {
        blocks.push({
          kind: 'box',
          item: id,
          rect: { x: px, y: yTop, w: l.panelW, h: l.headerLines * grid.pitch },
          fill: t.colors.tint as Cmyk,
        });
        put(l.header, r, true, headLines);
        r += l.headerLines;
        rules.push(line(px, grid.rowY(r), px + l.panelW, grid.rowY(r), table.thin));
      }
      const ix = l.split[k]!;
      ix.forEach((i, n) => {
        const rw = l.rows[i]!;
        put(rw.cells, r, false, cellLines);
        r += rw.lines;
        if (n < ix.length - 1) rules.push(line(px, grid.rowY(r), px + l.panelW, grid.rowY(r), table.thin));
      });
      const yBot = grid.rowY(r);
      rules.push(line(px, yTop, px + l.panelW, yTop, table.heavy));
      rules.push(line(px, yBot, px + l.panelW, yBot, table.heavy));
      for (let j = 1; j < xs.length - 1; j++) rules.push(line(xs[j]!, yTop, xs[j]!, yBot, table.thin));
      bottomRow = Math.max(bottomRow, r);
    }
    const tableRect = grid.rect(p.col, p.span, row, bottomRow - row);
    if (headLines.length)
      blocks.push({ kind: 'text', item: id, role: 'table-head', rect: tableRect, lines: headLines });
    blocks.push({ kind: 'text', item: id, role: 'cell', rect: tableRect, lines: cellLines });
    blocks.push(...rules);
    if (l.notes.length) {
      const lines = l.notes.map((ln, i) => placed(ln, x0, grid.baseline(bottomRow + i) + 1, ink));
      blocks.push({
        kind: 'text',
        item: id,
        role: 'note-text',
        rect: grid.rect(p.col, p.span, bottomRow, l.notes.length),
        lines,
      });
    }
    info.lines = cellLines.length;
    info.white = Math.max(0, p.rows - l.height);
    return { blocks, info };
  }
}
