/**
 * What the make-up needs from every module kind: the shapes it may take (a width in columns and a head
 * arrangement), for each shape the heights worth trying and the cost of any height, where its head sits (for
 * the butting-heads rule), and how to build its blocks at a place. Heights are exact: text is composed for real.
 */
import type { Cmyk } from '../../core/units.js';
import type { FontBook, FontRole } from '../../fonts/index.js';
import type { Item, StoryItem } from '../../model/edition.js';
import type { ComposeStyle, ComposedLine } from '../../text/types.js';
import type { Grid } from '../grid.js';
import type { LayoutTemplate } from '../template.js';
import type { Block, ModuleInfo, PlacedLine } from '../types.js';

export type Rank = 'lead' | 'secondary' | 'other' | 'brief' | 'commentary' | 'continued';

export interface Place {
  col: number;
  span: number;
  row: number;
  rows: number;
  /** Index into the module's shapes. */
  shape: number;
}

/** A head group's rows at the top of a module (relative, [top, bottom)), and its largest size in pt. */
export interface HeadBand {
  top: number;
  bottom: number;
  size: number;
}

export interface Shape {
  span: number;
  /** The head band at the module's left edge; null when the module's top carries no head. */
  band: HeadBand | null;
  /** True when the head band reaches the module's right edge too (false for a side head). */
  bandRight: boolean;
}

/** A story that continues here from an earlier page: the rest of its text from `resume`. */
export interface Incoming {
  item: StoryItem;
  from: number;
  resume: { paragraph: number; offset: number };
}

export interface BuildResult {
  blocks: Block[];
  info: ModuleInfo;
  overset?: { lines: number; chars: number };
  /** The story was cut for a jump: where its text resumes, and how much continues. */
  cut?: { resume: { paragraph: number; offset: number }; lines: number; chars: number };
}

export interface ModuleSpec {
  item: Item;
  /** Make-up order: 0 = first. */
  order: number;
  rank: Rank | null;
  shapes: Shape[];
  /** No text across the module's top rows (photos, boxes): heads on either side of it still face each other. */
  transparent: boolean;
  /** A part that must be placed (a continuation promised by an earlier page's jump line). */
  promised: boolean;
  /** The module may be cut for a jump (a story allowed to continue on a later page): it shrinks to fit. */
  readonly canJump?: boolean;
  /** Booked at the foot of the page (ads): it stands on the foot, or on another such module. */
  readonly foot?: boolean;
  /** Smallest height worth considering for a shape. */
  minRows(shape: number): number;
  /** Heights to try for a shape when something else follows below (the last module of a stack takes the rest). */
  heights(shape: number, maxRows: number): number[];
  cost(shape: number, rows: number): number;
  /** Content in column-lines (what leaving the item off the page would lose). */
  mass(): number;
  build(place: Place): BuildResult;
}

export interface ModuleContext {
  t: LayoutTemplate;
  grid: Grid;
  fonts: FontBook;
  /** The page number, for jump lines. */
  page: number;
  /** Page the story may continue on when it does not fit (by item id). */
  continueTo: ReadonlyMap<string, number>;
  /**
   * Composed body lines shared by the passes of one page (keyed by item, measure and resume point): the body does
   * not change when a pass tries other head sizes or widths.
   */
  flows: Map<string, unknown>;
  /** The page is laid out spread (under-full): modules also offer their tallest heights, white set as spacing. */
  spread?: boolean;
}

/**
 * The page's memo (ModuleContext.flows, PageRequest.memo): the value under `key`, made by `make` the first time
 * it is asked for. Each kind of value keys with its own prefix (`story|`, `columns|`, `head|`, `search|`).
 */
export function shared<T>(memo: Map<string, unknown>, key: string, make: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}

/**
 * The heights a module offers the search: its `keep` cheapest, and on a spread page also its tallest and the one
 * between (the white of an under-full page set inside the modules as spacing, not left as one block). Only fits
 * marked `even` are offered as spread heights: a boxed notice that would stand taller with its last column short
 * shows an empty belly, not spacing.
 */
export function offeredHeights(
  fits: Array<{ r: number; c: number; even?: boolean }>,
  keep: number,
  spread: boolean,
): number[] {
  const byCost = [...fits].sort((a, b) => a.c - b.c || a.r - b.r);
  const out = new Set(byCost.slice(0, keep).map((x) => x.r));
  const even = fits.filter((x) => x.even !== false);
  if (spread && even.length && out.size) {
    const tall = Math.max(...even.map((x) => x.r));
    const low = Math.min(...out);
    if (tall > low) out.add(tall);
    const mid = even.find((x) => x.r >= (low + tall) / 2);
    if (mid) out.add(mid.r);
  }
  return [...out].sort((a, b) => a - b);
}

export const style = (ctx: ModuleContext, role: FontRole, size: number): ComposeStyle => ({
  face: ctx.fonts.face(role),
  size,
});

export const placed = (line: ComposedLine, x: number, baseline: number, fill: Cmyk): PlacedLine => ({
  line,
  x,
  baseline,
  fill,
});

/** Widths to try: every width, or the one forced by an override. */
export function spansIn(columns: number, forced?: number): number[] {
  if (forced) return [Math.min(Math.max(1, forced), columns)];
  const out: number[] = [];
  for (let s = 1; s <= columns; s++) out.push(s);
  return out;
}

/** Cost of a width outside the preferred range (narrower costs more than wider). */
export function spanCost(ctx: ModuleContext, range: readonly [number, number], span: number): number {
  const lo = Math.min(range[0], ctx.grid.columns);
  const hi = Math.min(range[1], ctx.grid.columns);
  const off = span < lo ? lo - span : span > hi ? span - hi : 0;
  return off * ctx.t.cost.span * (span < lo ? 3 : 1);
}

/** Surcharge for one empty rectangle of `area` column-lines (a big hole is worse than scattered white). */
export function holeCost(ctx: ModuleContext, area: number): number {
  return ctx.t.cost.hole * Math.max(0, area - ctx.t.cost.holeFree);
}

/** An info record with nothing in it. */
export function emptyInfo(): ModuleInfo {
  return { head: null, heads: [], legs: [], short: 0, lines: 0, blanks: 0, white: 0, widows: 0 };
}

/** Characters of a string, for counts (code points). */
export const charCount = (s: string): number => Array.from(s.replace(/\s/g, '')).length;

/** Heights in [lo, hi] to try: all of them when few, else about `n` spread evenly (ends included). */
/**
 * The natural height of a flowing module: the least row count from `from` (below `cap`) at which `sets` says the
 * whole text sets, or `cap` when none does.
 */
export function naturalRows(from: number, cap: number, sets: (rows: number) => boolean): number {
  let n = from;
  while (n < cap && !sets(n)) n++;
  return n;
}

export function spreadHeights(lo: number, hi: number, n = 8): number[] {
  if (hi < lo) return [];
  if (hi - lo + 1 <= n) return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(Math.round(lo + ((hi - lo) * k) / (n - 1)));
  return [...out].sort((a, b) => a - b);
}

/** A tabulated cost function of rows: computed once per shape on first use. */
export class CostTable {
  private readonly rows = new Map<number, Float64Array>();
  constructor(private readonly fn: (shape: number, rows: number) => number) {}
  get(shape: number, rows: number): number {
    if (rows < 0 || rows > 1023) return this.fn(shape, rows);
    let row = this.rows.get(shape);
    if (!row) {
      row = new Float64Array(1024).fill(Number.NaN);
      this.rows.set(shape, row);
    }
    let c = row[rows]!;
    if (Number.isNaN(c)) row[rows] = c = this.fn(shape, rows);
    return c;
  }
}

/** Pixels the placed lines' glyphs cover, for head rectangles: x from the first glyph to the last, y of the em boxes. */
export function linesRect(lines: PlacedLine[], ascent: number): { x: number; y: number; w: number; h: number } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const l of lines) {
    const g = l.line.glyphs;
    const a = g[0];
    const b = g[g.length - 1];
    if (!a || !b) continue;
    const size = l.line.size;
    x0 = Math.min(x0, l.x + a.x);
    x1 = Math.max(x1, l.x + b.x + b.advance);
    y0 = Math.min(y0, l.baseline - ascent * size);
    y1 = Math.max(y1, l.baseline + (1 - ascent) * size);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}
