/**
 * Automatic make-up: guillotine search on the column grid.
 *
 * A free region (whole columns × whole lines) is filled by taking its highest-priority item, placing it at the
 * region's top-left with some width and height, and splitting the rest of the region into (a) the space under
 * the item in its own column stack and (b) the full-height region to its right; every way of sharing the
 * remaining items between (a) and (b) is tried. Results are memoised on (columns, lines, item set), so the
 * search is exact over this family of layouts. Costs are in empty column-lines plus penalties (template `cost`).
 * Separate regions (the 报眼 beside the masthead, space around pinned modules) share the items by subset DP.
 *
 * Large pages: the exact search is exponential in the item count, so a region with more than `exact` items is cut
 * into full-width tiers instead — its first 2…`tier` items (priority order) in a band on top, the rest under it —
 * with a few band heights around the band's estimated height; every band is then searched exactly. Masks stay
 * runs of the priority order, so the state space is polynomial. Items that cannot fit (their cumulative area in
 * priority order exceeds the free area) are dropped up front, lowest priority first, and the subset DP tries only
 * dropping suffixes of the priority order on a large page. Module costs and height lists are tabulated once.
 */
import type { ModuleSpec, Place } from './modules.js';

export interface Region {
  col: number;
  row: number;
  cols: number;
  rows: number;
  /** Item kinds that must be set here (the 报眼); other regions may not take them. Empty: none. */
  only?: ReadonlySet<string>;
  /** True when the lead may not go here. */
  noLead?: boolean;
}

interface Choice {
  cost: number;
  /** Tiered choice (large regions): the items set in a full-width band `h` lines high on top; 0 otherwise. */
  band?: number;
  /** Width and height given to the region's first item; -1 when the region is left empty. */
  w: number;
  h: number;
  /** Items set in the region to the right of the first item (when w < cols). */
  right: number;
}

export interface MakeupWeights {
  empty: number;
  butting: number;
  /** Cost of an item left off the page entirely, per natural column-line. */
  drop: number;
  /** Extra cost per column-line of one empty rectangle beyond `holeFree` column-lines (a big hole is worse than scattered white). */
  hole?: number;
  holeFree?: number;
}

export interface MakeupResult {
  placements: Array<{ index: number; place: Place }>;
  dropped: number[];
  cost: number;
}

const lowest = (mask: number): number => 31 - Math.clz32(mask & -mask);
const popcount = (m: number): number => {
  let n = 0;
  for (let b = m; b; b &= b - 1) n++;
  return n;
};

/** Band heights tried around a tier's estimated height, in lines. */
const TIER_STEPS = [-3, 0, 3, 6, 10];

export class Makeup {
  private readonly memo = new Map<number, Choice>();
  /** Evaluations done, for the search budget. */
  work = 0;
  private readonly costs: Array<Map<number, Float64Array>>;
  private readonly hts: Array<Map<number, number[]>>;
  private readonly areas: number[];
  /** Largest region searched exactly: `exact` on a small page, `tier` inside the tiers of a large one. */
  private limit: number;

  constructor(
    private readonly mods: ModuleSpec[],
    private readonly w: MakeupWeights,
    private readonly fullSplit = 7,
    /** Leaf evaluations before the search turns coarse; deterministic (a count, not a clock). */
    private readonly budget = 2_000_000,
    /** Largest item count searched exactly in one region; larger regions are cut into tiers. */
    private readonly exact = 9,
    /** Most items in one tier of a large region. */
    private readonly tier = 6,
  ) {
    if (mods.length > 30) throw new Error('make-up supports at most 30 items per page');
    this.costs = mods.map(() => new Map());
    this.hts = mods.map(() => new Map());
    this.areas = mods.map((_, i) => this.naturalArea(i));
    this.limit = exact;
  }

  /** Tabulated `mods[i].cost(w, h)`. */
  private cost(i: number, w: number, h: number): number {
    if (h < 0 || h > 1024) return this.mods[i]!.cost(w, h);
    let row = this.costs[i]!.get(w);
    if (!row) {
      row = new Float64Array(1025).fill(NaN);
      this.costs[i]!.set(w, row);
    }
    let c = row[h]!;
    if (Number.isNaN(c)) row[h] = c = this.mods[i]!.cost(w, h);
    return c;
  }

  /** Tabulated `mods[i].heights(w, maxRows)`. */
  private heights(i: number, w: number, maxRows: number): number[] {
    const k = w * 4096 + maxRows;
    let hs = this.hts[i]!.get(k);
    if (!hs) {
      hs = this.mods[i]!.heights(w, maxRows);
      this.hts[i]!.set(k, hs);
    }
    return hs;
  }

  /** Grid cells (columns × lines, with its separator line) the item takes at its cheapest natural width. */
  private naturalArea(i: number): number {
    const m = this.mods[i]!;
    let best = Infinity;
    let area = 0;
    for (const w of m.spans) {
      const h = m.heights(w, 4000)[0] ?? m.minRows(w);
      const c = m.cost(w, h);
      if (c < best) {
        best = c;
        area = w * (h + 1);
      }
    }
    return area;
  }

  private key(cols: number, rows: number, mask: number): number {
    return (mask * 64 + cols) * 1024 + rows;
  }

  fill(cols: number, rows: number, mask: number): Choice {
    if (mask === 0)
      return { cost: rows > 0 ? cols * rows * this.w.empty + this.holeCost(cols * rows) : 0, w: -1, h: 0, right: 0 };
    if (rows <= 0) return { cost: 1e12, w: -1, h: 0, right: 0 };
    const k = this.key(cols, rows, mask);
    const hit = this.memo.get(k);
    if (hit) return hit;
    if (popcount(mask) > this.limit) {
      const t = this.tiered(cols, rows, mask);
      this.memo.set(k, t);
      return t;
    }
    const i = lowest(mask);
    const m = this.mods[i]!;
    const rest = mask & ~(1 << i);
    let best: Choice = { cost: Infinity, w: -1, h: 0, right: 0 };
    for (const w of m.spans) {
      if (w > cols) continue;
      // The first item over the whole region width: it is a row, the rest goes under it.
      if (w === cols) {
        if (rest === 0) {
          this.work++;
          const c = this.cost(i, w, rows);
          if (c < best.cost) best = { cost: c, w, h: rows, right: 0 };
        } else {
          for (const h of this.trim(this.heights(i, w, rows - 2))) {
            this.work++;
            const c0 = this.cost(i, w, h);
            if (c0 >= best.cost) continue;
            const c = c0 + this.fill(cols, rows - h - 1, rest).cost;
            if (c < best.cost) best = { cost: c, w, h, right: 0 };
          }
        }
        continue;
      }
      // A column stack of width w on the left, the region to its right takes the subset `r` of the rest.
      for (const r of this.splits(rest)) {
        const right = this.fill(cols - w, rows, r).cost;
        const butt = m.hasHead && r !== 0 && this.mods[lowest(r)]!.hasHead ? this.w.butting : 0;
        if (right + butt >= best.cost) continue;
        const l = rest & ~r;
        if (l === 0) {
          this.work++;
          const c = right + butt + this.cost(i, w, rows);
          if (c < best.cost) best = { cost: c, w, h: rows, right: r };
        } else {
          for (const h of this.trim(this.heights(i, w, rows - 2))) {
            this.work++;
            const c0 = right + butt + this.cost(i, w, h);
            if (c0 >= best.cost) continue;
            const c = c0 + this.fill(w, rows - h - 1, l).cost;
            if (c < best.cost) best = { cost: c, w, h, right: r };
          }
        }
      }
    }
    if (best.cost === Infinity) best = { cost: 1e12, w: -1, h: 0, right: 0 };
    this.memo.set(k, best);
    return best;
  }

  /** Surcharge for one empty rectangle of `area` column-lines. */
  holeCost(area: number): number {
    return (this.w.hole ?? 0) * Math.max(0, area - (this.w.holeFree ?? 0));
  }

  /** A large region: its first k items in a full-width band on top, the rest under it (see the header). */
  private tiered(cols: number, rows: number, mask: number): Choice {
    let best: Choice = { cost: 1e12, w: -1, h: 0, right: 0 };
    const n = popcount(mask);
    let band = 0;
    let area = 0;
    let b = mask;
    for (let k = 1; k <= Math.min(this.tier, n - 1); k++) {
      const bit = b & -b;
      b &= b - 1;
      band |= bit;
      area += this.areas[lowest(bit)]!;
      if (k < 2) continue;
      const est = Math.ceil(area / cols) - 1;
      const seen = new Set<number>();
      for (const d of TIER_STEPS) {
        const hb = Math.min(Math.max(3, est + d), rows - 4);
        if (hb < 3 || seen.has(hb)) continue;
        seen.add(hb);
        this.work++;
        const top = this.fill(cols, hb, band).cost;
        if (top >= best.cost) continue;
        const c = top + this.fill(cols, rows - hb - 1, mask & ~band).cost;
        if (c < best.cost) best = { cost: c, w: cols, h: hb, right: 0, band };
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
   * up to `fullSplit` items; beyond that (large pages) runs of consecutive items in priority order and their
   * complements, which keeps the search polynomial.
   */
  private splits(rest: number): number[] {
    const out: number[] = [];
    if (this.work > this.budget) {
      // Budget spent (very full pages): a coarse search — all under, all to the right, or only the next item right.
      const next = rest & -rest;
      return next && next !== rest ? [rest, 0, next, rest & ~next] : [rest, 0];
    }
    if (popcount(rest) <= this.fullSplit) {
      for (let r = rest; ; r = (r - 1) & rest) {
        out.push(r);
        if (r === 0) break;
      }
      return out;
    }
    const bits: number[] = [];
    for (let b = rest; b; b &= b - 1) bits.push(b & -b);
    const seen = new Set<number>([rest, 0]);
    out.push(rest, 0);
    for (let i = 0; i < bits.length; i++) {
      let run = 0;
      for (let j = i; j < bits.length; j++) {
        run |= bits[j]!;
        for (const r of [run, rest & ~run]) {
          if (seen.has(r)) continue;
          seen.add(r);
          out.push(r);
        }
      }
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
    out: Array<{ index: number; place: Place }>,
  ): void {
    if (mask === 0 || rows <= 0) return;
    const ch = this.fill(cols, rows, mask);
    if (ch.w < 0) return;
    if (ch.band) {
      this.place(col, row, cols, ch.h, ch.band, out);
      this.place(col, row + ch.h + 1, cols, rows - ch.h - 1, mask & ~ch.band, out);
      return;
    }
    const i = lowest(mask);
    const rest = mask & ~(1 << i);
    out.push({ index: i, place: { col, span: ch.w, row, rows: ch.h } });
    const under = ch.w === cols ? rest : rest & ~ch.right;
    if (under) this.place(col, row + ch.h + 1, ch.w, rows - ch.h - 1, under, out);
    if (ch.w < cols) this.place(col + ch.w, row, cols - ch.w, rows, ch.right, out);
  }

  /** Share `mask` among the regions (subset DP), then place. Items no region can take are dropped. */
  solve(regions: Region[], mask: number): MakeupResult {
    const memo = new Map<string, { cost: number; take: number }>();
    const allowed = (reg: Region, m: number): boolean => {
      for (let b = m; b; b &= b - 1) {
        const mod = this.mods[lowest(b)]!;
        if (reg.noLead && mod.order === 0) return false;
      }
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
    const dropCost = (m: number): number => {
      let c = 0;
      for (let b = m; b; b &= b - 1) {
        c += this.w.drop * 1.2 * Math.max(1, this.mods[lowest(b)]!.mass());
      }
      return c;
    };
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
        const c = this.fill(reg.cols, reg.rows, s).cost + G(ri + 1, m & ~s).cost;
        if (c < best.cost) best = { cost: c, take: s };
      }
      memo.set(key, best);
      return best;
    };
    /**
     * The item sets region `ri` may take from `m`: the 报眼 and other `only` regions hold at most 3 modules (all
     * combinations); other regions every subset of a small page, on a large page the first k items in priority
     * order (the rest go to later regions or are dropped, lowest priority first).
     */
    const candidates = (reg: Region, ri: number, m: number, need: number): number[] => {
      let here = 0;
      for (let b = m; b; b &= b - 1) {
        const i = lowest(b);
        if (!(forbiddenElsewhere(i, ri) && !reg.only?.has(this.mods[i]!.item.kind))) here |= 1 << i;
      }
      if ((here & need) !== need) return [];
      const out: number[] = [];
      if (reg.only) {
        // Only items that fit here with the required ones; on a large page at most one of them.
        const extra: number[] = [];
        for (let b = here & ~need; b; b &= b - 1)
          if (this.fill(reg.cols, reg.rows, need | (b & -b)).cost < 1e5) extra.push(b & -b);
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
      if (popcount(here) <= this.exact) {
        for (let s = here; ; s = (s - 1) & here) {
          if ((s & need) === need) out.push(s);
          if (s === 0) break;
        }
        return out;
      }
      let s = here;
      out.push(s);
      while (s) {
        s &= ~(1 << (31 - Math.clz32(s)));
        if ((s & need) === need) out.push(s);
      }
      return out;
    };
    // Large pages: drop up front what cannot fit (cumulative natural area in priority order beyond the free area).
    const pre: number[] = [];
    if (popcount(mask) > this.exact) {
      const onlyKinds = new Set<string>(regions.flatMap((r) => [...(r.only ?? [])]));
      const capacity = regions.filter((r) => !r.only).reduce((a, r) => a + r.cols * (r.rows + 1), 0);
      let used = 0;
      for (let b = mask; b; b &= b - 1) {
        const i = lowest(b);
        if (onlyKinds.has(this.mods[i]!.item.kind)) continue;
        if (used + this.areas[i]! > capacity) {
          pre.push(i);
          mask &= ~(1 << i);
        } else used += this.areas[i]!;
      }
    }
    this.limit = popcount(mask) > this.exact ? this.tier : this.exact;
    const total = G(0, mask);
    const placements: Array<{ index: number; place: Place }> = [];
    let m = mask;
    regions.forEach((reg, ri) => {
      const take = G(ri, m).take;
      this.place(reg.col, reg.row, reg.cols, reg.rows, take, placements);
      m &= ~take;
    });
    const dropped: number[] = [...pre];
    for (let b = m; b; b &= b - 1) dropped.push(lowest(b));
    dropped.sort((a, b) => a - b);
    return { placements, dropped, cost: total.cost + dropCost(pre.reduce((a, i) => a | (1 << i), 0)) };
  }
}
