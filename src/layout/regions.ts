/**
 * The fixed part of a page and the free regions around it. Fixed: the masthead on page 1 (its 报眼 beside it) and
 * pinned items (booked ads without a pinned row are placed by the search, on the foot of the page). The free type area is then cut into rectangles around the fixed modules, leaving one
 * separator line above and below each; every fixed module may be cut around across (its rows first) or down (its
 * columns first), and the make-up tries the variants.
 */
import { type Diagnostic, diagnostic } from '../diag/index.js';
import type { Region } from './makeup.js';
import type { ModuleSpec } from './modules/index.js';
import type { Grid } from './grid.js';

export interface Fixed {
  col: number;
  span: number;
  row: number;
  rows: number;
  /** The masthead: the region beside it is the 报眼. */
  ear?: boolean;
}

/** Cut `r` into free rectangles around the fixed modules; `down[i]` cuts around fixed[i] by its columns first. */
export function freeRegions(r: Region, fixed: Fixed[], earKinds: ReadonlySet<string>, down: boolean[] = []): Region[] {
  if (r.cols <= 0 || r.rows <= 0) return [];
  const fi = fixed.findIndex(
    (q) => q.col < r.col + r.cols && q.col + q.span > r.col && q.row < r.row + r.rows && q.row + q.rows > r.row,
  );
  if (fi < 0) return [r];
  const f = fixed[fi]!;
  const rest = fixed.filter((q) => q !== f);
  const restDown = down.filter((_, i) => i !== fi);
  const sub = (reg: Region): Region[] => freeRegions(reg, rest, earKinds, restDown);
  const out: Region[] = [];
  const top = Math.max(r.row, f.row);
  const bottom = Math.min(r.row + r.rows, f.row + f.rows);
  const belowRow = f.row + f.rows + 1;
  const aboveRows = f.row - 1 - r.row;
  if (down[fi] && !f.ear) {
    // columns first: full-height regions left and right of the module, then above and below it
    if (f.col > r.col) out.push(...sub({ ...r, cols: f.col - r.col }));
    const c0 = Math.max(r.col, f.col);
    const c1 = Math.min(r.col + r.cols, f.col + f.span);
    if (aboveRows > 0) out.push(...sub({ col: c0, row: r.row, cols: c1 - c0, rows: aboveRows }));
    if (belowRow < r.row + r.rows)
      out.push(...sub({ col: c0, row: belowRow, cols: c1 - c0, rows: r.row + r.rows - belowRow }));
    if (f.col + f.span < r.col + r.cols)
      out.push(...sub({ ...r, col: f.col + f.span, cols: r.col + r.cols - f.col - f.span }));
    return out;
  }
  if (aboveRows > 0) out.push(...sub({ col: r.col, row: r.row, cols: r.cols, rows: aboveRows }));
  const side = (col: number, cols: number): void => {
    const reg: Region = { col, row: top, cols, rows: bottom - top };
    if (f.ear) {
      reg.only = earKinds;
      reg.noLead = true;
    }
    out.push(...sub(reg));
  };
  if (f.col > r.col) side(r.col, f.col - r.col);
  if (f.col + f.span < r.col + r.cols) side(f.col + f.span, r.col + r.cols - f.col - f.span);
  if (belowRow < r.row + r.rows)
    out.push(...sub({ col: r.col, row: belowRow, cols: r.cols, rows: r.row + r.rows - belowRow }));
  return out;
}

/** The cuts to try: across for every fixed module, and down for each of the first two that are not the masthead. */
export function regionVariants(grid: Grid, fixed: Fixed[], earKinds: ReadonlySet<string>): Region[][] {
  const whole: Region = { col: 0, row: 0, cols: grid.columns, rows: grid.lines };
  const cuts: boolean[][] = [fixed.map(() => false)];
  const movable = fixed
    .map((f, i) => (f.ear ? -1 : i))
    .filter((i) => i >= 0)
    .slice(0, 2);
  for (const i of movable) {
    const more = cuts.map((c) => c.map((v, j) => (j === i ? true : v)));
    cuts.push(...more);
  }
  const out: Region[][] = [];
  const seen = new Set<string>();
  for (const c of cuts) {
    const regs = freeRegions(whole, fixed, earKinds, c).filter((r) => r.cols > 0 && r.rows > 0);
    // the lead goes near the top: no region starting below the top third takes it
    for (const r of regs) if (r.row > grid.lines / 3) r.noLead = true;
    // unless pins fill the top third: the lead then goes lower (the pin is reported as breaking Q9), never off
    // the page
    if (regs.every((r) => r.noLead || r.only)) for (const r of regs) if (!r.only) delete r.noLead;
    const key = JSON.stringify(regs.map((r) => [r.col, r.row, r.cols, r.rows]));
    if (!seen.has(key)) {
      seen.add(key);
      out.push(regs);
    }
  }
  return out;
}

const overlaps = (a: Fixed, b: Fixed): boolean =>
  a.col < b.col + b.span && b.col < a.col + a.span && a.row - 1 < b.row + b.rows && b.row - 1 < a.row + a.rows;

/** A pin as a fixed module, or a diagnostic when it is off the grid or on another fixed module. */
export function pinFixed(
  m: ModuleSpec,
  grid: Grid,
  fixed: Fixed[],
  page: number,
): { fixed: Fixed; shape: number } | { diag: Diagnostic } | null {
  const pin = m.item.overrides?.pin;
  if (!pin || pin.row === undefined) return null;
  const span = Math.min(pin.span, grid.columns);
  const shape = Math.max(
    0,
    m.shapes.findIndex((s) => s.span === span),
  );
  const rows = pin.lines ?? m.heights(shape, grid.lines)[0] ?? m.minRows(shape);
  const f: Fixed = { col: pin.column - 1, span, row: pin.row, rows };
  const clash = fixed.find((q) => overlaps(q, f));
  if (f.col < 0 || f.col + f.span > grid.columns || f.row < 0 || f.row + f.rows > grid.lines || clash)
    return {
      diag: diagnostic(
        'pin-invalid',
        `pin of ${m.item.id} (column ${pin.column}, span ${pin.span}, row ${pin.row}, ${rows} lines) is off the grid or overlaps another fixed module`,
        { page, item: m.item.id },
        'move the pin inside the grid and clear of the masthead and other pins; the make-up placed the item itself',
      ),
    };
  return { fixed: f, shape };
}
