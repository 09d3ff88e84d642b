/**
 * Automatic make-up: guillotine search on the column grid (doc §3.4: pages are modular; Gange et al. show the
 * guillotine family is searched exactly by dynamic programming).
 *
 * A free region (whole columns × whole lines) is filled by taking its highest-priority item, placing it at the
 * region's top-left in one of its shapes (a width and a head arrangement) with some height, and splitting the
 * rest of the region into (a) the space under the item in its own column stack and (b) the full-height region to
 * its right; every way of sharing the remaining items between (a) and (b) is tried. Results are memoised on
 * (columns, lines, item set, top flag), so the search is exact over this family. Costs are in empty column-lines
 * plus the modules' own costs (template `cost`). Separate regions (the 报眼, the space around pinned modules and
 * booked ads) share the items by subset DP.
 *
 * Heads side by side (碰题, doc §6.2 Q7) are ruled out where they arise most, at the top of a vertical split: the
 * region right of an item whose head reaches its right edge carries a flag, and its top-left item may then not
 * carry a head (unless the sizes differ by butting.minRatio); an item without text at its top (a photo, a box)
 * passes the flag on to its own right, since heads on either side of it still face each other. Deeper pairs are
 * priced through the head bands every sub-solution records along its left and right edges.
 *
 * Speed: a search is given a cap by its caller (what it may cost for the caller's candidate to beat the best so
 * far); true lower bounds (the items' least costs) pass over candidates that cannot get under it, and a region
 * that cannot is remembered as costing at least the cap. An answer under the cap is the full search's (or, rarely,
 * a cheaper one the full search's white estimate `lowerBound` skipped); the corpus lays out the same either way.
 *
 * Large pages: a region with more than `exact` items is cut into full-width tiers (its first 2…`tier` items in
 * priority order in a band on top, the rest under it) with a few band heights around the band's estimated height.
 * Items that cannot fit (their cumulative area in priority order exceeds the free area) are dropped up front,
 * lowest priority first; a promised continuation is never among them.
 */
import type { ModuleSpec, Place } from './modules/index.js';

export interface Region {
  col: number;
  row: number;
  cols: number;
  rows: number;
  /** Item kinds that must be set here (the 报眼); other regions may not take them. */
  only?: ReadonlySet<string>;
  /** True when the lead may not go here (off the top third of the page). */
  noLead?: boolean;
}

interface Band {
  top: number;
  bottom: number;
  size: number;
}

interface Choice {
  cost: number;
  /** Tiered choice: the items set in a full-width band `h` lines high on top. */
  band?: number;
  /** Shape of the region's first item; -1 when the region is left empty. */
  s: number;
  w: number;
  h: number;
  /** Items set in the region to the right of the first item (when w < cols). */
  right: number;
  /**
   * Lines the region to the right starts below the first item's top: its head band and a line of air, when
   * every item there carries a head at its top (notices, lists, ads) and may not stand beside that head.
   */
  rightTop?: number;
  /**
   * Head bands visible at the region's left and right edges (rows relative to its top), looking into the region
   * through modules without text (photos, boxes); and the rows where the region holds no text across its width.
   */
  lb: Band[];
  rb: Band[];
  clear: Band[];
}

/** A region to the right of a column stack; `top`: it starts that many lines down (see rightOf). */
type RightChoice = Choice & { top?: number };

/** How the region's first item stands: alone in it, over a stack, beside the region to its right, or both. */
enum Kind {
  Alone = 0,
  Over = 1,
  Beside = 2,
  Stack = 3,
}

/** The cheapest arrangement so far of a region's first item, before its bands are built. */
interface Winner {
  cost: number;
  kind: Kind;
  s: number;
  w: number;
  h: number;
  right: number;
  R: RightChoice | null;
  u: Choice | null;
}

/**
 * Memoised choices of one (item set, columns, flag, foot), by lines: the choice, or (`lb`) a cost the choice is
 * known to reach at least, from a search cut off at that cost (see `fill`).
 */
interface RowMemo {
  at: Array<Choice | undefined>;
  lb: Float64Array;
}

/** Sets of items (bit masks) → values: an array for pages of up to MASK_ARRAY items, a map beyond. */
const MASK_ARRAY = 18;
class MaskTable<V> {
  private readonly arr: Array<V | undefined> | null;
  private readonly map: Map<number, V> | null;
  constructor(items: number) {
    this.arr = items <= MASK_ARRAY ? new Array<V | undefined>(1 << items).fill(undefined) : null;
    this.map = this.arr ? null : new Map();
  }
  get(mask: number): V | undefined {
    return this.arr ? this.arr[mask] : this.map!.get(mask);
  }
  set(mask: number, v: V): void {
    if (this.arr) this.arr[mask] = v;
    else this.map!.set(mask, v);
  }
  /** The values set (for counts). */
  values(): V[] {
    return this.arr ? this.arr.filter((v): v is V => v !== undefined) : [...this.map!.values()];
  }
}

export interface MakeupWeights {
  empty: number;
  butting: number;
  /** Cost of an item left off the page entirely, per column-line of its content. */
  drop: number;
  hole: number;
  holeFree: number;
  /** Heads side by side are tolerated at this size ratio or more. */
  minRatio: number;
  /** Lines of the page: a region ending on the last one stands on the foot. */
  lines: number;
}

export interface MakeupResult {
  placements: Array<{ index: number; place: Place }>;
  dropped: number[];
  cost: number;
  /** Other arrangements of the same items nearly as cheap (another first move in the largest region). */
  alternatives: Array<Array<{ index: number; place: Place }>>;
}

const lowest = (mask: number): number => 31 - Math.clz32(mask & -mask);
const popcount = (m: number): number => {
  let n = 0;
  for (let b = m; b; b &= b - 1) n++;
  return n;
};
const NONE: Band[] = [];
/** No arrangement: the region is too small for its items (shared, never changed). */
const NO_ROOM: Choice = { cost: 1e12, s: -1, w: -1, h: 0, right: 0, lb: NONE, rb: NONE, clear: NONE };
/** A search cut off at its caller's cap: nothing cheaper than the cap (never placed, never memoised as a choice). */
const OVER: Choice = { cost: Infinity, s: -1, w: -1, h: 0, right: 0, lb: NONE, rb: NONE, clear: NONE };
/** Kinds set as a ruled box with the title inside: a region of only these may start under a neighbour's head. */
const BOXED: ReadonlySet<string> = new Set(['notice', 'list', 'table', 'ad']);
const NONE_H: number[] = [];
/** Top flag of a region beside another region that starts at the same line: its top-left item carries no head. */
const ANY = 1;

/** Band heights tried around a tier's estimated height, in lines. */
const TIER_STEPS = [-4, -2, 0, 2, 4, 7, 10, 14];

export class Makeup {
  /**
   * Memo: item set → (columns, flag, foot) → choices by lines. Item sets index an array on pages of up to
   * MASK_ARRAY items (a map beyond); the lines of one (set, columns, flag, foot) are one array, so the search's
   * inner loops look a row up by index.
   */
  private readonly memo: MaskTable<Map<number, RowMemo>>;
  /** Evaluations done, for the search budget. */
  work = 0;
  private readonly hts: Array<Map<number, number[]>>;
  private readonly areas: number[];
  /** Per item: the least and the most grid cells it can take (any shape, any height it may have). */
  private readonly lo: number[];
  private readonly hi: number[];
  /** Per item set: the sums of `lo` and `hi` (NaN until first asked). */
  private readonly boundLo: MaskTable<number>;
  private readonly boundHi: MaskTable<number>;
  /** Per item and shape: its cost by lines (NaN until first asked; the modules' costs are pure). */
  private readonly costs: Float64Array[][];
  /** Per item and shape, and per item set: least costs (see floor; NaN until first asked). */
  private readonly shapeFloors: Float64Array[];
  private readonly floors: MaskTable<number>;
  /** The weights price white and butting heads at no less than nothing: searches may be cut off at a cap. */
  private readonly capped: boolean;
  /** Empty regions by (columns, lines): the same answer every time, allocated once. */
  private readonly empties = new Map<number, Choice>();
  private limit: number;
  /** Items booked at the foot (ads); items set as ruled boxes with their title inside (BOXED). */
  private readonly footMask: number;
  private readonly boxedMask: number;
  /** Per item and shape: its head band alone, and the same when it reaches the right edge (allocated once). */
  private readonly own: Band[][][];
  private readonly ownRight: Band[][][];
  private readonly splitMemo = new Map<number, number[]>();
  /** The page has much less copy than room: white beside modules is allowed (else items would be held over). */
  private sparse = false;
  /** The page has more copy than room even at the items' least sizes. */
  private overfull = false;
  /** Alternatives to return besides the cheapest arrangement. */
  alternativesWanted = 10;

  constructor(
    private readonly mods: ModuleSpec[],
    private readonly w: MakeupWeights,
    private readonly fullSplit = 7,
    /** Leaf evaluations before the search turns coarse; deterministic (a count, not a clock). */
    private readonly budget = 3_000_000,
    private readonly exact = 16,
    private readonly tier = 6,
  ) {
    if (mods.length > 30) throw new Error('make-up supports at most 30 items per page');
    this.hts = mods.map(() => new Map());
    this.memo = new MaskTable(mods.length);
    this.boundLo = new MaskTable(mods.length);
    this.boundHi = new MaskTable(mods.length);
    this.costs = mods.map((m) => m.shapes.map(() => new Float64Array(w.lines + 2).fill(Number.NaN)));
    this.shapeFloors = mods.map((m) => new Float64Array(m.shapes.length).fill(Number.NaN));
    this.floors = new MaskTable(mods.length);
    this.capped = w.empty >= 0 && w.hole >= 0 && w.butting >= 0;
    this.areas = mods.map((_, i) => this.naturalArea(i));
    // least area: a story that may jump shows a leg; the page's lead longer than the whole page is set as tall as
    // the page with the rest overset (reported, marked in proofs) rather than left off the page it leads
    this.lo = mods.map((m) =>
      Math.min(
        ...m.shapes.map((sh, s) => {
          const rows = m.canJump ? 8 : m.rank === 'lead' ? Math.min(m.minRows(s), w.lines) : m.minRows(s);
          return sh.span * (rows + 1);
        }),
      ),
    );
    this.hi = mods.map((m) =>
      Math.max(
        ...m.shapes.map((sh, s) => {
          const hs = m.heights(s, 4000);
          return sh.span * ((hs[hs.length - 1] ?? m.minRows(s)) + 6);
        }),
      ),
    );
    this.limit = exact;
    this.footMask = mods.reduce((a, m, i) => (m.foot ? a | (1 << i) : a), 0);
    this.boxedMask = mods.reduce((a, m, i) => (BOXED.has(m.item.kind) ? a | (1 << i) : a), 0);
    this.own = mods.map((m) => m.shapes.map((sh) => (sh.band ? [sh.band] : NONE)));
    this.ownRight = mods.map((m, i) => m.shapes.map((sh, s) => (sh.band && sh.bandRight ? this.own[i]![s]! : NONE)));
  }

  private heights(i: number, s: number, maxRows: number): number[] {
    const k = s * 4096 + maxRows;
    let hs = this.hts[i]!.get(k);
    if (!hs) {
      hs = this.mods[i]!.heights(s, maxRows);
      this.hts[i]!.set(k, hs);
    }
    return hs;
  }

  /** Grid cells (columns × lines, with its separator line) the item takes at its cheapest shape. */
  private naturalArea(i: number): number {
    const m = this.mods[i]!;
    let best = Infinity;
    let area = 0;
    m.shapes.forEach((sh, s) => {
      const h = m.heights(s, 4000)[0] ?? m.minRows(s);
      const c = m.cost(s, h);
      if (c < best) {
        best = c;
        area = sh.span * (h + 1);
      }
    });
    return area;
  }

  /**
   * Items `m` fit a region of `area` cells (their least area is no more than it) and, unless the page is sparse,
   * can fill most of it (a region mostly white is not worth searching when the copy fills the page).
   */
  private plausible(m: number, area: number): boolean {
    return this.least(m) <= area * 1.02 && (this.sparse || this.most(m) >= area * 0.7);
  }

  /** Least cost of a region of `area` cells holding `m`: the white its items cannot cover (an estimate). */
  private lowerBound(m: number, area: number): number {
    return Math.max(0, area - this.most(m)) * this.w.empty;
  }

  /**
   * A true lower bound of the cost of any region holding `m`: its items' least costs at any shape and height (a
   * region's cost is its items' costs plus white and butting heads, which never pay back).
   */
  private floor(m: number): number {
    const v = this.floors.get(m);
    if (v !== undefined) return v;
    let f = 0;
    for (let b = m; b; b &= b - 1) {
      const i = lowest(b);
      let g = Infinity;
      for (let s = 0; s < this.mods[i]!.shapes.length; s++) g = Math.min(g, this.shapeFloor(i, s));
      f += g;
    }
    this.floors.set(m, f);
    return f;
  }

  /** Item i's least cost at shape s, over every height a region can give it. */
  private shapeFloor(i: number, s: number): number {
    const fs = this.shapeFloors[i]!;
    let f = fs[s]!;
    if (Number.isNaN(f)) {
      f = Infinity;
      for (let r = 0; r < this.costs[i]![s]!.length; r++) f = Math.min(f, this.cost(i, s, r));
      fs[s] = f;
    }
    return f;
  }

  /** The least grid cells the items of `m` can take. */
  private least(m: number): number {
    const v = this.boundLo.get(m);
    if (v !== undefined) return v;
    let lo = 0;
    for (let b = m; b; b &= b - 1) lo += this.lo[lowest(b)]!;
    this.boundLo.set(m, lo);
    return lo;
  }

  /** The most grid cells the items of `m` can take. */
  private most(m: number): number {
    const v = this.boundHi.get(m);
    if (v !== undefined) return v;
    let hi = 0;
    for (let b = m; b; b &= b - 1) hi += this.hi[lowest(b)]!;
    this.boundHi.set(m, hi);
    return hi;
  }

  /** Item i's cost at shape s and `rows` lines (tabulated: the search asks for the same ones again and again). */
  private cost(i: number, s: number, rows: number): number {
    const row = this.costs[i]![s]!;
    if (rows < 0 || rows >= row.length) return this.mods[i]!.cost(s, rows);
    let c = row[rows]!;
    if (Number.isNaN(c)) row[rows] = c = this.mods[i]!.cost(s, rows);
    return c;
  }

  /**
   * The memoised choices of `mask` in regions `cols` wide with this flag and foot, by lines (at most 255; flags
   * rounded to whole points, at most 127).
   */
  private memoRow(mask: number, cols: number, flag: number, foot: boolean): RowMemo {
    let byMask = this.memo.get(mask);
    if (!byMask) {
      byMask = new Map();
      this.memo.set(mask, byMask);
    }
    const k = ((cols * 128 + Math.min(127, Math.round(flag))) << 1) | (foot ? 1 : 0);
    let row = byMask.get(k);
    if (!row) {
      const n = Math.min(255, this.w.lines) + 1;
      row = { at: new Array<Choice | undefined>(n).fill(undefined), lb: new Float64Array(n).fill(-Infinity) };
      byMask.set(k, row);
    }
    return row;
  }

  /** States memoised (for tests and benchmarks). */
  get states(): number {
    let n = 0;
    for (const byMask of this.memo.values()) for (const row of byMask.values()) for (const c of row.at) if (c) n++;
    return n;
  }

  /**
   * Heights at which an item stands right on the foot items of `under` (ads): the item stretches to meet them,
   * they side by side or stacked.
   */
  private stretch(under: number, width: number, rows: number): number[] {
    if (!under || (under & ~this.footMask) !== 0) return NONE_H;
    let span = 0;
    let tallest = 0;
    let stacked = -1;
    for (let b = under; b; b &= b - 1) {
      const m = this.mods[lowest(b)]!;
      const r = m.heights(0, 1 << 12)[0] ?? m.minRows(0);
      span += m.shapes[0]!.span;
      tallest = Math.max(tallest, r);
      stacked += r + 1;
    }
    const out: number[] = [];
    if (span <= width) out.push(rows - tallest - 1);
    out.push(rows - stacked - 1);
    return out.filter((h) => h >= 2);
  }

  /** The heights to try for item i at shape s (its heights `hs` up to the region's) with `under` below it. */
  private tryHeights(hs: number[], i: number, s: number, rows: number, under: number): number[] {
    const tr = this.trim(hs);
    if ((under & ~this.footMask) !== 0) return tr;
    const st = this.stretch(under, this.mods[i]!.shapes[s]!.span, rows);
    if (!st.length) return tr;
    return [...new Set([...tr, ...st])];
  }

  /** Heads of sizes a and b may not stand side by side; a = ANY (a neighbouring region's top): no head at all. */
  private butts(a: number, b: number): boolean {
    return a === ANY || Math.max(a, b) / Math.min(a, b) < this.w.minRatio;
  }

  /**
   * Penalty for head bands facing each other across a vertical split: the left stack's right edge (`own`, then
   * `under` shifted down by `d`) against the right region's left edge. The top pair is excluded: flags rule it.
   */
  private facing(own: Band[], under: Band[], d: number, right: Band[]): number {
    if (!right.length) return 0;
    let n = 0;
    for (const b of right) {
      for (const a of own)
        if (!(a.top === 0 && b.top === 0) && a.top < b.bottom && b.top < a.bottom && this.butts(a.size, b.size)) n++;
      for (const a of under) if (a.top + d < b.bottom && b.top < a.bottom + d && this.butts(a.size, b.size)) n++;
    }
    return n * this.w.butting;
  }

  private empty(cols: number, rows: number): Choice {
    const k = cols * 8192 + rows + 4096;
    let e = this.empties.get(k);
    if (!e) {
      const area = cols * rows;
      const cost = rows > 0 ? area * this.w.empty + this.w.hole * Math.max(0, area - this.w.holeFree) : 0;
      e = {
        cost,
        s: -1,
        w: -1,
        h: 0,
        right: 0,
        lb: NONE,
        rb: NONE,
        clear: rows > 0 ? [{ top: 0, bottom: rows, size: 0 }] : NONE,
      };
      this.empties.set(k, e);
    }
    return e;
  }

  /**
   * The cheapest arrangement of `mask` in a region. `collect`: every complete arrangement considered for the
   * region's first item is pushed there too (alternatives for the page's final pick; the memo is bypassed).
   * `cap`: the caller has no use for an arrangement costing that much or more; a search that finds none cheaper
   * says so (OVER) and remembers the cap as a lower bound of the region's cost, and a later call with a lower cap
   * is answered from it. The answer of a search is the same with or without a cap whenever it is under the cap.
   */
  fill(cols: number, rows: number, mask: number, flag = 0, foot = false, collect?: Choice[], cap = Infinity): Choice {
    if (mask === 0) return this.empty(cols, rows);
    if (rows <= 0) return NO_ROOM;
    const memo = this.memoRow(mask, cols, flag, foot);
    const r = Math.min(rows, 255);
    if (!collect) {
      const hit = memo.at[r];
      if (hit) return hit;
      if (memo.lb[r]! >= cap) return OVER;
    }
    // more than the region can hold: no arrangement, said at once
    if (this.least(mask) > cols * (rows + 1) * 1.02) {
      memo.at[r] = NO_ROOM;
      return NO_ROOM;
    }
    if (popcount(mask) > this.limit) {
      const t = this.tiered(cols, rows, mask, flag, foot);
      memo.at[r] = t;
      collect?.push(t);
      return t;
    }
    const best = this.first(cols, rows, mask, flag, foot, collect, collect || !this.capped ? Infinity : cap);
    if (best === OVER) {
      memo.lb[r] = Math.max(memo.lb[r]!, cap);
      return OVER;
    }
    if (!collect || !memo.at[r]) memo.at[r] = best;
    return best;
  }

  /**
   * The region's first item (the lowest bit of `mask`) set in each of its shapes and heights, the rest under it
   * and to its right. The loops compare costs only: the winner's bands are built once, at the end. Besides the
   * estimates of the original search (`lowerBound`), a candidate is passed over when true lower bounds (`floor`)
   * show it cannot cost less than the best so far or the cap; the regions under and beside it are searched with
   * the cap that leaves them. OVER when no arrangement costs less than `cap` and one was passed over for it.
   */
  private first(
    cols: number,
    rows: number,
    mask: number,
    flag: number,
    foot: boolean,
    collect: Choice[] | undefined,
    cap: number,
  ): Choice {
    const i = lowest(mask);
    const m = this.mods[i]!;
    const rest = mask & ~(1 << i);
    const win: Winner = { cost: Infinity, kind: Kind.Alone, s: -1, w: -1, h: 0, right: 0, R: null, u: null };
    const take = (
      c: number,
      kind: Kind,
      s: number,
      w: number,
      h: number,
      r: number,
      R: RightChoice | null,
      u: Choice | null,
    ): void => {
      if (collect) collect.push(this.arrangement(i, rows, c, kind, s, w, h, r, R, u));
      if (c < win.cost) {
        win.cost = c;
        win.kind = kind;
        win.s = s;
        win.w = w;
        win.h = h;
        win.right = r;
        win.R = R;
        win.u = u;
      }
    };
    // Bounds apply only when nothing is collected (alternatives are every candidate the search looks at).
    const bounded = !collect && this.capped;
    // A candidate passed over for the cap alone (it might have been the best under no cap).
    let cut = false;
    // an item booked at the foot stands on the foot or on other such items, nowhere else
    const onFoot = (under: number): boolean => !m.foot || (foot && (under & ~this.footMask) === 0);
    const canFill = m.shapes.some((x) => x.span === cols);
    for (let s = 0; s < m.shapes.length; s++) {
      const sh = m.shapes[s]!;
      const w = sh.span;
      if (w > cols) continue;
      const band = sh.band;
      if (flag && band && this.butts(flag, band.size)) continue;
      const ownRight = this.ownRight[i]![s]!;
      let hs: number[] | null = null;
      if (w === cols) {
        if (rest === 0) {
          if (!onFoot(0)) continue;
          this.work++;
          const c = this.cost(i, s, rows);
          if (c < win.cost || collect) take(c, Kind.Alone, s, w, rows, 0, null, null);
          continue;
        }
        if (!onFoot(rest)) continue;
        hs ??= this.heights(i, s, rows - 2);
        const under = this.memoRow(rest, cols, 0, foot);
        for (const h of this.tryHeights(hs, i, s, rows, rest)) {
          this.work++;
          const c0 = this.cost(i, s, h);
          if (c0 + this.lowerBound(rest, cols * (rows - h)) >= win.cost) continue;
          const lim = Math.min(win.cost, cap);
          if (bounded && c0 + this.floor(rest) >= lim) {
            if (lim < win.cost) cut = true;
            continue;
          }
          const ur = rows - h - 1;
          const u =
            (ur > 0 ? under.at[Math.min(ur, 255)] : undefined) ??
            this.fill(cols, ur, rest, 0, foot, undefined, bounded ? lim - c0 : Infinity);
          if (u === OVER) {
            if (lim < win.cost) cut = true;
            continue;
          }
          const c = c0 + u.cost;
          if (c < win.cost || collect) take(c, Kind.Over, s, w, h, 0, null, u);
        }
        continue;
      }
      // A column stack of width w on the left, the region to its right takes the subset `r` of the rest. Nothing to
      // its right is allowed only to an item that cannot take the region's width: white beside a module joins the
      // white above and under it into one hole.
      const rightFlag = band && sh.bandRight ? band.size : m.transparent ? flag : 0;
      const area = (cols - w) * (rows + 1);
      for (const r of this.splits(rest)) {
        // (white beside an item that could take the width costs double: it joins the white above and under it)
        if (r === 0 && canFill && !this.sparse) continue;
        // the region to the right can take these items at all; and what it cannot fill is white (a bound)
        if (r !== 0 && !this.plausible(r, area)) continue;
        const l = rest & ~r;
        if (this.lowerBound(r, area) + (l ? this.lowerBound(l, w * rows) : 0) >= win.cost) continue;
        // what the region to the right may cost at most for this candidate to matter
        let capR = Infinity;
        let lim = win.cost;
        if (bounded) {
          lim = Math.min(win.cost, cap);
          capR = lim - this.shapeFloor(i, s) - this.floor(l);
          if (this.floor(r) >= capR) {
            if (lim < win.cost) cut = true;
            continue;
          }
        }
        const R = this.rightOf(cols - w, rows, r, rightFlag, foot, band && sh.bandRight ? band : null, capR);
        if (R.cost >= capR) {
          if (lim < win.cost) cut = true;
          continue;
        }
        if (R.cost >= win.cost) continue;
        if (!onFoot(l)) continue;
        if (l === 0) {
          this.work++;
          const c = R.cost + this.cost(i, s, rows) + this.facing(ownRight, NONE, 0, R.lb);
          if (c < win.cost || collect) take(c, Kind.Beside, s, w, rows, r, R, null);
          continue;
        }
        hs ??= this.heights(i, s, rows - 2);
        const under = this.memoRow(l, w, 0, foot);
        for (const h of this.tryHeights(hs, i, s, rows, l)) {
          this.work++;
          const c0 = R.cost + this.cost(i, s, h);
          if (c0 + this.lowerBound(l, w * (rows - h)) >= win.cost) continue;
          const lim = Math.min(win.cost, cap);
          if (bounded && c0 + this.floor(l) >= lim) {
            if (lim < win.cost) cut = true;
            continue;
          }
          const ur = rows - h - 1;
          const u =
            (ur > 0 ? under.at[Math.min(ur, 255)] : undefined) ??
            this.fill(w, ur, l, 0, foot, undefined, bounded ? lim - c0 : Infinity);
          if (u === OVER) {
            if (lim < win.cost) cut = true;
            continue;
          }
          const c = c0 + u.cost + this.facing(ownRight, u.rb, h + 1, R.lb);
          if (c < win.cost || collect) take(c, Kind.Stack, s, w, h, r, R, u);
        }
      }
    }
    if (cut && win.cost >= cap) return OVER;
    if (win.cost === Infinity) return NO_ROOM;
    return this.arrangement(i, rows, win.cost, win.kind, win.s, win.w, win.h, win.right, win.R, win.u);
  }

  /** One arrangement of the region's first item `i` as a choice: where it stands, the bands seen from outside. */
  private arrangement(
    i: number,
    rows: number,
    cost: number,
    kind: Kind,
    s: number,
    w: number,
    h: number,
    right: number,
    R: RightChoice | null,
    u: Choice | null,
  ): Choice {
    const m = this.mods[i]!;
    const own = this.own[i]![s]!;
    const ownRight = this.ownRight[i]![s]!;
    if (kind === Kind.Alone)
      return { cost, s, w, h, right: 0, lb: own, rb: ownRight, clear: m.transparent ? span0(rows) : NONE };
    if (kind === Kind.Over)
      return {
        cost,
        s,
        w,
        h,
        right: 0,
        lb: join(own, u!.lb, h + 1),
        rb: join(ownRight, u!.rb, h + 1),
        clear: join(m.transparent ? span0(h) : NONE, u!.clear, h + 1),
      };
    if (kind === Kind.Beside)
      return {
        cost,
        s,
        w,
        h,
        right,
        ...(R!.top ? { rightTop: R!.top } : {}),
        lb: m.transparent ? R!.lb : own,
        rb: [...R!.rb, ...seenThrough(ownRight, R!.clear)],
        clear: m.transparent ? R!.clear : NONE,
      };
    const uClear = join(NONE, u!.clear, h + 1);
    const top = m.transparent ? clip(R!.lb, 0, h) : own;
    return {
      cost,
      s,
      w,
      h,
      right,
      ...(R!.top ? { rightTop: R!.top } : {}),
      // looking in from the left: the first item (or, through it, the region to its right), then the stack under
      // it (or, through its clear rows, the region to its right)
      lb: [...join(top, u!.lb, h + 1), ...seenThrough(clip(R!.lb, h + 1, rows), uClear)],
      rb: [...R!.rb, ...seenThrough(join(ownRight, u!.rb, h + 1), R!.clear)],
      clear: [...(m.transparent ? intersect(R!.clear, span0(h)) : NONE), ...intersect(uClear, R!.clear)],
    };
  }

  /**
   * The region right of a column stack, beside the stack's head `band` (null: none reaching its right edge). When
   * its items cannot stand there with a headless top-left item and every one is a ruled box with its title inside
   * (a page of notices, lists, tables and ads), the region starts under the head band instead, a line of air
   * below it, the strip above it white and priced as such: heads never side by side, and the boxes still set
   * rather than held over.
   */
  private rightOf(
    cols: number,
    rows: number,
    mask: number,
    flag: number,
    foot: boolean,
    band: { bottom: number } | null,
    cap = Infinity,
  ): RightChoice {
    // (the common case returns the memoised choice itself: this runs in the search's inner loop; a region that
    // may start under the band is searched in full, since its fallback depends on the exact answer)
    const boxed = band !== null && mask !== 0 && this.allBoxed(mask);
    const R = this.fill(cols, rows, mask, flag, foot, undefined, boxed ? Infinity : cap);
    if (R.cost < 1e12 || !band || mask === 0 || !this.allBoxed(mask)) return R;
    const d = Math.ceil(band.bottom) + 1;
    if (d >= rows - 1) return R;
    const below = this.fill(cols, rows - d, mask, 0, foot);
    if (below.cost >= 1e12) return R;
    const air = this.empty(cols, d);
    return {
      ...below,
      cost: below.cost + air.cost,
      lb: join(NONE, below.lb, d),
      rb: join(NONE, below.rb, d),
      clear: [{ top: 0, bottom: d, size: 0 }, ...join(NONE, below.clear, d)],
      top: d,
    };
  }

  /** Every item of `mask` is a ruled box with its title inside (notice, list, table, ad). */
  private allBoxed(mask: number): boolean {
    return (mask & ~this.boxedMask) === 0;
  }

  /** A large region: its first k items in a full-width band on top, the rest under it (see the header). */
  private tiered(cols: number, rows: number, mask: number, flag: number, foot: boolean): Choice {
    let best: Choice = { cost: 1e12, s: -1, w: -1, h: 0, right: 0, lb: NONE, rb: NONE, clear: NONE };
    const n = popcount(mask);
    let band = 0;
    let area = 0;
    let b = mask;
    b &= ~this.footMask;
    const tryBand = (set: number, est: number): void => {
      const seen = new Set<number>();
      for (const d of TIER_STEPS) {
        const hb = Math.min(Math.max(3, est + d), rows - 4);
        if (hb < 3 || seen.has(hb)) continue;
        seen.add(hb);
        this.work++;
        const top = this.fill(cols, hb, set, flag);
        if (top.cost >= best.cost) continue;
        const under = this.fill(cols, rows - hb - 1, mask & ~set, 0, foot);
        const c = top.cost + under.cost;
        if (c < best.cost)
          best = {
            cost: c,
            s: -1,
            w: cols,
            h: hb,
            right: 0,
            band: set,
            lb: join(top.lb, under.lb, hb + 1),
            rb: join(top.rb, under.rb, hb + 1),
            clear: join(top.clear, under.clear, hb + 1),
          };
      }
    };
    for (let k = 1; k <= Math.min(this.tier, n - 1) && b; k++) {
      const bit = b & -b;
      b &= b - 1;
      band |= bit;
      area += this.areas[lowest(bit)]!;
      if (k < 2) continue;
      tryBand(band, Math.ceil(area / cols) - 1);
      // the band with the next item that carries no head (a photo, a box) beside its heads
      for (let t = b; t; t &= t - 1) {
        const j = lowest(t);
        if (!this.mods[j]!.transparent || this.mods[j]!.foot) continue;
        tryBand(band | (1 << j), Math.ceil((area + this.areas[j]!) / cols) - 1);
        break;
      }
    }
    return best;
  }

  /** Heights to try: all of them, or a few once the budget is spent. */
  private trim(hs: number[]): number[] {
    if (this.work <= this.budget || hs.length <= 4) return hs;
    const k = hs.length - 1;
    return [hs[0]!, hs[Math.floor(k / 3)]!, hs[Math.floor((2 * k) / 3)]!, hs[k]!];
  }

  /**
   * Ways to share `rest` between the stack under the first item and the region to its right: every subset for
   * up to `fullSplit` items; beyond that runs of consecutive items in priority order and their complements.
   */
  private splits(rest: number): number[] {
    if (this.work > this.budget) {
      const next = rest & -rest;
      return next && next !== rest ? [rest, 0, next, rest & ~next] : [rest, 0];
    }
    const hit = this.splitMemo.get(rest);
    if (hit) return hit;
    const out = this.splitList(rest);
    this.splitMemo.set(rest, out);
    return out;
  }

  private splitList(rest: number): number[] {
    const out: number[] = [];
    if (popcount(rest) <= this.fullSplit) {
      for (let r = rest; ; r = (r - 1) & rest) {
        out.push(r);
        if (r === 0) break;
      }
      return out;
    }
    // Larger sets: the region to the right takes a run at the start or at the end of the priority order (the
    // rest stays under the first item), so every large region holds a run of the order and the states stay few.
    const bits: number[] = [];
    for (let b = rest; b; b &= b - 1) bits.push(b & -b);
    const seen = new Set<number>();
    const add = (r: number): void => {
      if (!seen.has(r)) {
        seen.add(r);
        out.push(r);
      }
    };
    add(rest);
    add(0);
    let pre = 0;
    for (let j = 0; j < bits.length - 1; j++) {
      pre |= bits[j]!;
      add(pre);
      add(rest & ~pre);
    }
    return out;
  }

  /** Positions of the items of `mask` in the region at (col, row). */
  place(
    col: number,
    row: number,
    cols: number,
    rows: number,
    mask: number,
    flag: number,
    foot: boolean,
    out: Array<{ index: number; place: Place }>,
    given?: Choice,
  ): void {
    if (mask === 0 || rows <= 0) return;
    const ch = given ?? this.fill(cols, rows, mask, flag, foot);
    if (ch.band) {
      this.place(col, row, cols, ch.h, ch.band, flag, false, out);
      this.place(col, row + ch.h + 1, cols, rows - ch.h - 1, mask & ~ch.band, 0, foot, out);
      return;
    }
    if (ch.s < 0) return;
    const i = lowest(mask);
    const m = this.mods[i]!;
    const sh = m.shapes[ch.s]!;
    const rest = mask & ~(1 << i);
    out.push({ index: i, place: { col, span: ch.w, row, rows: ch.h, shape: ch.s } });
    const under = ch.w === cols ? rest : rest & ~ch.right;
    if (under) this.place(col, row + ch.h + 1, ch.w, rows - ch.h - 1, under, 0, foot, out);
    if (ch.w < cols) {
      const rightFlag = sh.band && sh.bandRight ? sh.band.size : m.transparent ? flag : 0;
      const d = ch.rightTop ?? 0;
      this.place(col + ch.w, row + d, cols - ch.w, rows - d, ch.right, d ? 0 : rightFlag, foot, out);
    }
  }

  /** Share `mask` among the regions (subset DP), then place. Items no region can take are dropped. */
  solve(regions: Region[], mask: number): MakeupResult {
    const memo = new Map<string, { cost: number; take: number }>();
    const allowed = (reg: Region, m: number): boolean => {
      if (!reg.noLead) return true;
      for (let b = m; b; b &= b - 1) if (this.mods[lowest(b)]!.rank === 'lead') return false;
      return true;
    };
    const mustHere = (reg: Region, m: number): number => {
      let need = 0;
      for (let b = m; b; b &= b - 1) {
        const idx = lowest(b);
        if (reg.only?.has(this.mods[idx]!.item.kind)) need |= 1 << idx;
      }
      return need;
    };
    const forbiddenElsewhere = (idx: number, ri: number): boolean =>
      regions.some((reg, j) => j !== ri && reg.only?.has(this.mods[idx]!.item.kind));
    // The page's first story (its lead, or on an opinion page its first commentary) is its reason to be: leaving
    // it off costs as much as breaking a promise (Q9).
    const first = this.mods.findIndex((x) => x.item.kind === 'article' || x.item.kind === 'commentary');
    // Its first photo is the page's picture: a page that has one is not printed as grey text alone.
    const art = this.mods.findIndex((x) => x.item.kind === 'photo');
    const kept = (i: number): boolean => {
      const mod = this.mods[i]!;
      return mod.promised || mod.foot || mod.rank === 'lead' || i === first || i === art;
    };
    const keepMask = this.mods.reduce((a, _, i) => (kept(i) ? a | (1 << i) : a), 0);
    const dropCost = (m: number): number => {
      let c = 0;
      for (let b = m; b; b &= b - 1) {
        const i = lowest(b);
        c += this.w.drop * 1.2 * Math.max(1, this.mods[i]!.mass()) * (kept(i) ? 10 : 1);
      }
      return c;
    };
    // A region whose left neighbour region starts on the same line faces that region's top item across the gutter.
    const flags = regions.map((reg) =>
      regions.some((o) => o !== reg && o.col + o.cols === reg.col && o.row <= reg.row && o.row + o.rows > reg.row)
        ? ANY
        : 0,
    );
    const feet = regions.map((reg) => reg.row + reg.rows >= this.w.lines);
    const G = (ri: number, m: number): { cost: number; take: number } => {
      if (ri === regions.length) return { cost: dropCost(m), take: 0 };
      const key = `${ri}:${m}`;
      const hit = memo.get(key);
      if (hit) return hit;
      const reg = regions[ri]!;
      const need = mustHere(reg, m);
      let best = { cost: Infinity, take: 0 };
      for (const s of candidates(reg, ri, m, need)) {
        if (!allowed(reg, s)) continue;
        // the regions after this one first: the region's own search then only has to beat the best share so far
        // (a search that cannot comes back OVER at once, its bound remembered)
        const rest = G(ri + 1, m & ~s).cost;
        if (rest >= best.cost) continue;
        const c = this.fill(reg.cols, reg.rows, s, flags[ri], feet[ri], undefined, best.cost - rest).cost + rest;
        if (c < best.cost) best = { cost: c, take: s };
      }
      memo.set(key, best);
      return best;
    };
    const candidates = (reg: Region, ri: number, m: number, need: number): number[] => {
      let here = 0;
      for (let b = m; b; b &= b - 1) {
        const i = lowest(b);
        if (!(forbiddenElsewhere(i, ri) && !reg.only?.has(this.mods[i]!.item.kind))) here |= 1 << i;
      }
      if ((here & need) !== need) return [];
      const out: number[] = [];
      if (reg.only) {
        const extra: number[] = [];
        for (let b = here & ~need; b; b &= b - 1)
          if (this.fill(reg.cols, reg.rows, need | (b & -b), 0, false).cost < 1e5) extra.push(b & -b);
        const room = Math.min(3, this.limit < this.exact ? popcount(need) + 1 : 3) - popcount(need);
        if (room < 0) return [];
        out.push(need);
        for (let a = 0; a < extra.length && room >= 1; a++) {
          out.push(need | extra[a]!);
          for (let b = a + 1; b < extra.length && room >= 2; b++) {
            out.push(need | extra[a]! | extra[b]!);
            for (let c = b + 1; c < extra.length && room >= 3; c++) out.push(need | extra[a]! | extra[b]! | extra[c]!);
          }
        }
        return out;
      }
      // The items this region takes: all of them, all but one (an item held over), or the priority order up to
      // some item (the lowest-priority ones held over; a promised part counts as first). When later regions can
      // take items too, every subset of a small set, else the runs of the order and their complements.
      const order: number[] = [];
      for (let b = here; b; b &= b - 1) order.push(lowest(b));
      order.sort((a, b) => Number(this.mods[b]!.promised) - Number(this.mods[a]!.promised) || a - b);
      const later = regions.some((r, j) => j > ri && !r.only);
      const seen = new Set<number>();
      const add = (s: number): void => {
        if ((s & need) === need && !seen.has(s)) {
          seen.add(s);
          out.push(s);
        }
      };
      if (later && popcount(here) <= 6) {
        for (let s = here; ; s = (s - 1) & here) {
          add(s);
          if (s === 0) break;
        }
        return out;
      }
      add(here);
      for (const i of order) add(here & ~(1 << i));
      // an overfull page: which two to hold over is a real choice (the fullest page, not the first items)
      if (this.overfull && order.length <= 16)
        for (let a = 0; a < order.length; a++)
          for (let b = a + 1; b < order.length; b++) add(here & ~(1 << order[a]!) & ~(1 << order[b]!));
      let pre = 0;
      const prefixes: number[] = [];
      for (const i of order) {
        pre |= 1 << i;
        prefixes.push(pre);
      }
      for (const p of prefixes.reverse()) {
        add(p);
        // an overfull page: the priority order up to some item, with what the page keeps (its picture, its
        // furniture) besides, and one later item to fill what they leave
        const pk = p | (here & keepMask);
        if (this.overfull && pk !== p) {
          add(pk);
          if (order.length <= 16) for (const i of order) if (!(pk & (1 << i))) add(pk | (1 << i));
        }
        if (later) add(here & ~p);
      }
      add(0);
      return out;
    };
    // Large pages: drop up front what cannot fit (cumulative natural area in priority order beyond the free area).
    const pre: number[] = [];
    if (popcount(mask) > this.exact) {
      const onlyKinds = new Set<string>(regions.flatMap((r) => [...(r.only ?? [])]));
      const capacity = regions.filter((r) => !r.only).reduce((a, r) => a + r.cols * (r.rows + 1), 0);
      let used = 0;
      const order: number[] = [];
      for (let b = mask; b; b &= b - 1) order.push(lowest(b));
      order.sort((a, b) => Number(this.mods[b]!.promised) - Number(this.mods[a]!.promised) || a - b);
      for (const i of order) {
        if (onlyKinds.has(this.mods[i]!.item.kind)) continue;
        const m = this.mods[i]!;
        // a story that may jump takes what is left: it is never dropped up front
        const area = m.canJump ? Math.min(this.areas[i]!, 16 * m.shapes[0]!.span) : this.areas[i]!;
        if (used + area > capacity * 1.05 && !m.promised && !m.canJump && !m.foot) {
          pre.push(i);
          mask &= ~(1 << i);
        } else used += area;
      }
    }
    this.limit = popcount(mask) > this.exact ? this.tier : this.exact;
    const room = regions.filter((r) => !r.only).reduce((a, r) => a + r.cols * (r.rows + 1), 0);
    let most = 0;
    for (let b = mask; b; b &= b - 1) most += this.hi[lowest(b)]!;
    this.sparse = most < room;
    let least = 0;
    for (let b = mask; b; b &= b - 1) least += this.lo[lowest(b)]!;
    this.overfull = least > room;
    const total = G(0, mask);
    const placements: Array<{ index: number; place: Place }> = [];
    let m = mask;
    regions.forEach((reg, ri) => {
      const take = G(ri, m).take;
      this.place(reg.col, reg.row, reg.cols, reg.rows, take, flags[ri]!, feet[ri]!, placements);
      m &= ~take;
    });
    const dropped: number[] = [...pre];
    for (let b = m; b; b &= b - 1) dropped.push(lowest(b));
    dropped.sort((a, b) => a - b);
    // Alternatives: the largest region's other first moves within reach of the best, each completed the cheapest way.
    const alternatives: Array<Array<{ index: number; place: Place }>> = [];
    const takes: number[] = [];
    let mm = mask;
    regions.forEach((_, ri) => {
      takes.push(G(ri, mm).take);
      mm &= ~takes[ri]!;
    });
    const main = regions.reduce((a, _r, i) => (popcount(takes[i]!) > popcount(takes[a]!) ? i : a), 0);
    const reg = regions[main];
    if (reg && takes[main]) {
      const seen: Choice[] = [];
      const best = this.fill(reg.cols, reg.rows, takes[main]!, flags[main], feet[main], seen);
      const key = (c: Choice): string => `${c.s}:${c.w}:${c.h}:${c.right}:${c.band ?? 0}`;
      const uniq = new Map<string, Choice>();
      for (const c of seen.sort((a, b) => a.cost - b.cost))
        if (!uniq.has(key(c)) && key(c) !== key(best)) uniq.set(key(c), c);
      for (const c of [...uniq.values()].slice(0, this.alternativesWanted)) {
        if (c.cost > best.cost * 1.5 + 50) break;
        const out: Array<{ index: number; place: Place }> = [];
        regions.forEach((r, ri) => {
          if (ri === main) this.place(r.col, r.row, r.cols, r.rows, takes[ri]!, flags[ri]!, feet[ri]!, out, c);
          else this.place(r.col, r.row, r.cols, r.rows, takes[ri]!, flags[ri]!, feet[ri]!, out);
        });
        alternatives.push(out);
      }
    }
    return {
      placements,
      dropped,
      cost: total.cost + dropCost(pre.reduce((a, i) => a | (1 << i), 0)),
      alternatives,
    };
  }
}

/** One interval [0, h). */
function span0(h: number): Band[] {
  return h > 0 ? [{ top: 0, bottom: h, size: 0 }] : NONE;
}

/** Bands within rows [lo, hi). */
function clip(bands: Band[], lo: number, hi: number): Band[] {
  return bands.length ? bands.filter((b) => b.top < hi && b.bottom > lo) : NONE;
}

/** Bands that meet clear rows (seen through modules without text). */
function seenThrough(bands: Band[], clear: Band[]): Band[] {
  if (!bands.length || !clear.length) return NONE;
  return bands.filter((b) => clear.some((c) => b.top < c.bottom && c.top < b.bottom));
}

/** Rows in both interval lists. */
function intersect(a: Band[], b: Band[]): Band[] {
  if (!a.length || !b.length) return NONE;
  const out: Band[] = [];
  for (const x of a)
    for (const y of b) {
      const top = Math.max(x.top, y.top);
      const bottom = Math.min(x.bottom, y.bottom);
      if (bottom > top) out.push({ top, bottom, size: 0 });
    }
  return out;
}

/** `a`, then `b` shifted down by `d` lines. */
function join(a: Band[], b: Band[], d: number): Band[] {
  if (!b.length) return a;
  const out = a.slice();
  for (const x of b) out.push({ top: x.top + d, bottom: x.bottom + d, size: x.size });
  return out;
}
