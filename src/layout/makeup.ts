/**
 * Automatic make-up: guillotine search on the column grid.
 *
 * A free region (whole columns × whole lines) is filled by taking its highest-priority item, placing it at the
 * region's top-left with some width and height, and splitting the rest of the region into (a) the space under
 * the item in its own column stack and (b) the full-height region to its right; every way of sharing the
 * remaining items between (a) and (b) is tried. Results are memoised on (columns, lines, item set), so the
 * search is exact over this family of layouts. Costs are in empty column-lines plus penalties (template `cost`).
 * Separate regions (the 报眼 beside the masthead, space around pinned modules) share the items by subset DP.
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

export class Makeup {
  private readonly memo = new Map<number, Choice>();
  /** Evaluations done, for the search budget. */
  work = 0;

  constructor(
    private readonly mods: ModuleSpec[],
    private readonly w: MakeupWeights,
    private readonly fullSplit = 7,
    /** Leaf evaluations before the search turns coarse; deterministic (a count, not a clock). */
    private readonly budget = 300_000,
  ) {
    if (mods.length > 30) throw new Error('make-up supports at most 30 items per page');
  }

  private key(cols: number, rows: number, mask: number): number {
    return (mask * 64 + cols) * 1024 + rows;
  }

  fill(cols: number, rows: number, mask: number): Choice {
    if (mask === 0) return { cost: rows > 0 ? cols * rows * this.w.empty : 0, w: -1, h: 0, right: 0 };
    if (rows <= 0) return { cost: 1e12, w: -1, h: 0, right: 0 };
    const k = this.key(cols, rows, mask);
    const hit = this.memo.get(k);
    if (hit) return hit;
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
          const c = m.cost(w, rows);
          if (c < best.cost) best = { cost: c, w, h: rows, right: 0 };
        } else {
          for (const h of this.trim(m.heights(w, rows - 2))) {
            this.work++;
            const c0 = m.cost(w, h);
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
          const c = right + butt + m.cost(w, rows);
          if (c < best.cost) best = { cost: c, w, h: rows, right: r };
        } else {
          for (const h of this.trim(m.heights(w, rows - 2))) {
            this.work++;
            const c0 = right + butt + m.cost(w, h);
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
        for (const r of [run, rest & ~run]) if (!seen.has(r)) (seen.add(r), out.push(r));
      }
    }
    return out;
  }

  /** Positions of the items of `mask` in the region at (col, row). */
  place(col: number, row: number, cols: number, rows: number, mask: number, out: Array<{ index: number; place: Place }>): void {
    if (mask === 0 || rows <= 0) return;
    const ch = this.fill(cols, rows, mask);
    if (ch.w < 0) return;
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
    const forbiddenElsewhere = (idx: number, ri: number): boolean => regions.some((reg, j) => j !== ri && reg.only?.has(this.mods[idx]!.item.kind));
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
      for (let s = m; ; s = (s - 1) & m) {
        // The 报眼 and other side regions hold a few modules at most; this also bounds the subset search.
        let ok = (s & need) === need && allowed(reg, s) && (!reg.only || popcount(s) <= 3);
        if (ok) for (let b = s; b; b &= b - 1) if (forbiddenElsewhere(lowest(b), ri) && !reg.only?.has(this.mods[lowest(b)]!.item.kind)) ok = false;
        if (ok) {
          const c = this.fill(reg.cols, reg.rows, s).cost + G(ri + 1, m & ~s).cost;
          if (c < best.cost) best = { cost: c, take: s };
        }
        if (s === 0) break;
      }
      memo.set(key, best);
      return best;
    };
    const total = G(0, mask);
    const placements: Array<{ index: number; place: Place }> = [];
    let m = mask;
    regions.forEach((reg, ri) => {
      const take = G(ri, m).take;
      this.place(reg.col, reg.row, reg.cols, reg.rows, take, placements);
      m &= ~take;
    });
    const dropped: number[] = [];
    for (let b = m; b; b &= b - 1) dropped.push(lowest(b));
    return { placements, dropped, cost: total.cost };
  }
}
