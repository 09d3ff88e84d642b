/**
 * Modules of a title and body columns that are not stories — notices, name lists, briefs: one shape per width
 * (the title over all columns), the body composed at the inner column measure of that width (a framed notice
 * sets its columns inside its frame) and flowed into balanced columns with the story rules (flow.ts).
 */
import type { Cmyk, Rect } from '../../core/units.js';
import type { Item } from '../../model/edition.js';
import type { Block, ModuleInfo, PlacedLine } from '../types.js';
import { Flow, type FlowLine, type FlowPlan } from './flow.js';
import {
  type BuildResult,
  CostTable,
  emptyInfo,
  holeCost,
  naturalRows,
  offeredHeights,
  type ModuleContext,
  type ModuleSpec,
  type Place,
  placed,
  type Shape,
  shared,
  spanCost,
  spansIn,
} from './spec.js';

/** A title block over the module's width: its rows and how to draw it. */
export interface TitleBlock {
  rows: number;
  /** Largest type size in it (for the butting rule). */
  size: number;
  draw(x: number, top: number, W: number, rows: number, info: ModuleInfo): Block[];
}

interface Fit {
  pad: number;
  plan: FlowPlan;
  cost: number;
}

/** A width, and how many text columns the body takes inside it (its grid columns, or one wide column). */
interface ColShape extends Shape {
  inner: number;
}

/** Widest single text column of a short notice or list, in characters (a 3-栏 measure). */
const WIDE_CHARS = 42;

export abstract class ColumnModule implements ModuleSpec {
  readonly transparent = false;
  readonly promised = false;
  readonly rank = null;
  shapes: ColShape[] = [];
  private readonly flows = new Map<string, Flow>();
  private readonly titles = new Map<number, TitleBlock | null>();
  private readonly fits = new Map<number, Fit | null>();
  private readonly naturals = new Map<number, number>();
  private table!: CostTable;

  constructor(
    protected readonly ctx: ModuleContext,
    readonly item: Item,
    readonly order: number,
    private readonly range: readonly [number, number],
    /** Framed: a ruled box with the columns set inside it (notices). */
    private readonly framed: boolean,
    /** A short body may be set as one wide column across the width (notices, lists), not only in grid columns. */
    private readonly wide = false,
  ) {}

  /** Call at the end of the subclass constructor (flows need the subclass's fields). */
  protected init(): void {
    const forced = this.item.overrides?.columns ?? this.item.overrides?.pin?.span;
    const all = spansIn(this.ctx.grid.columns, forced);
    const lo = Math.min(this.range[0], this.ctx.grid.columns);
    const hi = Math.min(this.range[1], this.ctx.grid.columns);
    const inRange = forced ? all : all.filter((s) => s >= lo && s <= hi);
    const make = (spans: number[]): ColShape[] =>
      spans.flatMap((span) => {
        const tb = this.titleAt(span);
        const band = tb && tb.size >= 13 ? { top: 0, bottom: tb.rows + (this.framed ? 1 : 0), size: tb.size } : null;
        const out: ColShape[] = [{ span, inner: span, band, bandRight: true }];
        const wideOk = this.ctx.grid.spanW(span) - 2 * this.inset() <= WIDE_CHARS * this.ctx.t.grid.char + 0.5;
        if (this.wide && span > 1 && wideOk) out.push({ span, inner: 1, band, bandRight: true });
        return out;
      });
    // A shape whose body cannot keep its legs (too few lines for the columns) is no shape at all; when no width of
    // the range works, the widths outside it are tried.
    const feasible = (cands: ColShape[]): ColShape[] => {
      this.shapes = cands;
      this.fits.clear();
      this.naturals.clear();
      this.table = new CostTable((s, r) => this.evaluate(s, r));
      return cands.filter((_, i) => this.natural(i) < 4 * this.ctx.grid.lines);
    };
    let ok = feasible(make(inRange.length ? inRange : all));
    if (!ok.length) ok = feasible(make(all.filter((s) => !inRange.includes(s))));
    if (!ok.length) ok = make(inRange.length ? inRange : all);
    this.shapes = ok;
    this.fits.clear();
    this.naturals.clear();
    this.table = new CostTable((s, r) => this.evaluate(s, r));
  }

  /** Body lines at a column measure (pt). */
  protected abstract flowLines(measure: number, span: number): FlowLine[];
  /** The title block at a width, or null. */
  protected abstract title(W: number, span: number): TitleBlock | null;

  /** Horizontal inset of the text inside the module on each side, pt. */
  protected inset(): number {
    return this.framed ? this.ctx.t.typography.boxInset * this.ctx.t.grid.char : 0;
  }

  /** Width of one inner column at a span with `inner` text columns. */
  protected measure(span: number, inner: number): number {
    const { grid, t } = this.ctx;
    const w = grid.spanW(span) - 2 * this.inset();
    return (w - (inner - 1) * t.geometry.gutter) / inner;
  }

  protected colX(col: number, c: number, span: number, inner: number): number {
    return this.ctx.grid.colX(col) + this.inset() + c * (this.measure(span, inner) + this.ctx.t.geometry.gutter);
  }

  protected flowAt(sh: ColShape): Flow {
    const key = `${sh.span}:${sh.inner}`;
    let f = this.flows.get(key);
    if (f) return f;
    const t = this.ctx.t;
    // the composed lines depend on the item and the measure only: shared by the page's layouts (ctx.flows)
    const measure = this.measure(sh.span, sh.inner);
    const lk = `columns|${this.item.id}|${this.item.kind}|${measure}|${sh.span}`;
    const lines = shared(this.ctx.flows, lk, () => this.flowLines(measure, sh.span));
    f = new Flow(lines, {
      minLeg: t.body.minLeg,
      perGap: t.body.spacing.perGap,
      share: t.body.spacing.share,
      jumpMinLeg: t.continuation.minLeg,
      blank: t.cost.blank,
      short: t.cost.short,
      overset: t.cost.overset,
      jump: t.cost.jump,
      hole: (a) => holeCost(this.ctx, a),
    });
    this.flows.set(key, f);
    return f;
  }

  protected titleAt(span: number): TitleBlock | null {
    if (!this.titles.has(span)) this.titles.set(span, this.title(this.ctx.grid.spanW(span) - 2 * this.inset(), span));
    return this.titles.get(span)!;
  }

  /** Rows the frame keeps free under the body (the frame's own line). */
  private footRows(): number {
    return this.framed ? 1 : 0;
  }

  private headRows(span: number): number {
    return (this.titleAt(span)?.rows ?? 0) + (this.framed ? 1 : 0);
  }

  private fitAt(s: number, rows: number): Fit | null {
    const key = s * 4096 + rows;
    if (this.fits.has(key)) return this.fits.get(key)!;
    const sh = this.shapes[s]!;
    const flow = this.flowAt(sh);
    const c = this.ctx.t.cost;
    let best: Fit | null = null;
    const hr = this.headRows(sh.span);
    for (let pad = 0; pad <= c.headPadMax; pad++) {
      const plan = flow.plan(
        Array.from({ length: sh.inner }, () => hr + pad),
        rows - this.footRows(),
        false,
      );
      if (!plan) continue;
      const cost = plan.cost + pad * sh.span * c.headPad;
      if (!best || cost < best.cost) best = { pad, plan, cost };
      if (plan.rest > 0) break;
    }
    this.fits.set(key, best);
    return best;
  }

  natural(s: number): number {
    const hit = this.naturals.get(s);
    if (hit !== undefined) return hit;
    const sh = this.shapes[s]!;
    const flow = this.flowAt(sh);
    const from = this.headRows(sh.span) + Math.max(1, Math.ceil(flow.length / sh.inner)) + this.footRows();
    const cap = 4 * this.ctx.grid.lines + flow.length;
    const n = naturalRows(from, cap, (rows) => this.fitAt(s, rows)?.plan.rest === 0);
    this.naturals.set(s, n);
    return n;
  }

  private evaluate(s: number, rows: number): number {
    const sh = this.shapes[s]!;
    // one wide column is for a short text: it costs a little more than the grid's columns
    const base = spanCost(this.ctx, this.range, sh.span) + (sh.inner < sh.span ? sh.span : 0);
    const exact = this.fitAt(s, rows);
    if (exact) return base + exact.cost;
    const n = this.natural(s);
    if (rows < n) return base + 1e6;
    const f = this.fitAt(s, n);
    const white = (rows - n) * sh.span;
    return base + (f?.cost ?? 0) + white * this.ctx.t.cost.empty + holeCost(this.ctx, white);
  }

  cost(s: number, rows: number): number {
    return this.table.get(s, rows);
  }

  minRows(s: number): number {
    return this.natural(s);
  }

  heights(s: number, maxRows: number): number[] {
    const n = this.natural(s);
    const out: Array<{ r: number; c: number; even: boolean }> = [];
    for (let r = n; r <= Math.min(maxRows, n + (this.ctx.spread ? 64 : 16)); r++) {
      const f = this.fitAt(s, r);
      // a framed notice grows only by blank lines between its paragraphs (its last column at most a line short):
      // white left in its box is an empty belly, not spacing
      if (f && f.plan.rest === 0) out.push({ r, c: f.cost, even: !this.framed || f.plan.short <= 1 });
    }
    return offeredHeights(out, 3, this.ctx.spread === true);
  }

  mass(): number {
    const s = this.shapes.findIndex((x) => x.span >= 2);
    const i = Math.max(0, s);
    return this.shapes[i]!.span * this.natural(i);
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const id = this.item.id;
    const info = emptyInfo();
    const blocks: Block[] = [];
    const ink = t.colors.text as Cmyk;
    const sh = this.shapes[p.shape]!;
    const span = p.span;
    const flow = this.flowAt(sh);
    const hr = this.headRows(span);
    let fit = this.fitAt(p.shape, p.rows);
    let rows = p.rows;
    // a frame is drawn round its text: placed taller than it sets (no plan, or a plan that leaves its last column
    // short), a notice stands at its natural height with the white under its box, never an empty belly
    const slack = fit && fit.plan.rest === 0 && fit.plan.short > 1 && this.framed;
    if (!fit || fit.plan.rest > 0 || slack) {
      const n = this.natural(p.shape);
      if (n <= p.rows) {
        fit = this.fitAt(p.shape, n);
        rows = n;
      }
    }
    const bottom = rows - this.footRows();
    const plan: FlowPlan = fit?.plan ?? {
      bottom,
      blanks: 0,
      short: 0,
      shown: flow.length,
      cut: false,
      rest: 0,
      cost: 0,
    };
    const pad = fit?.pad ?? 0;
    const x = grid.colX(p.col);
    const W = grid.spanW(span);
    const top = grid.rowY(p.row);
    if (this.framed) {
      const r: Rect = { x, y: top, w: W, h: rows * grid.pitch - t.typography.boxGap * grid.pitch };
      blocks.push({ kind: 'box', item: id, rect: r, stroke: t.colors.rule as Cmyk, lineWidth: t.notice.frame });
    }
    const tb = this.titleAt(span);
    const titleTop = top + (this.framed ? grid.pitch / 2 : 0);
    if (tb) blocks.push(...tb.draw(x + this.inset(), titleTop, W - 2 * this.inset(), tb.rows + pad, info));
    const starts = Array.from({ length: sh.inner }, () => hr + pad);
    const slots = flow.slots(starts, { ...plan, bottom: Math.max(plan.bottom, hr + pad) });
    let shown = 0;
    let last = -1;
    slots.forEach((col, c) => {
      const lines: PlacedLine[] = [];
      const r0 = p.row + starts[c]!;
      col.forEach((slot, r) => {
        if (slot.kind !== 'line') {
          if (slot.kind === 'blank') info.blanks++;
          return;
        }
        const fl = flow.lines[slot.index]!;
        for (const part of fl.parts) {
          const pl = placed(part.line, this.colX(p.col, c, span, sh.inner) + part.dx, grid.baseline(r0 + r), ink);
          if (fl.role) pl.role = fl.role;
          lines.push(pl);
        }
        shown++;
        last = Math.max(last, slot.index);
      });
      info.legs.push(col.length);
      if (lines.length) {
        const rect = grid.rect(p.col + c, 1, r0, col.length);
        rect.x = this.colX(p.col, c, span, sh.inner);
        rect.w = this.measure(span, sh.inner);
        blocks.push({ kind: 'text', item: id, role: 'body', rect, lines });
      }
    });
    const full = bottom - (hr + pad);
    info.short = slots.length > 1 ? Math.max(0, full - (slots[slots.length - 1]?.length ?? 0)) : 0;
    info.lines = shown;
    info.white = Math.max(0, p.rows - rows);
    const res: BuildResult = { blocks, info };
    const rest = flow.lines.slice(last + 1);
    if (rest.length) {
      const chars = rest.reduce((a, l) => a + l.chars, 0);
      info.overset = { lines: rest.length, chars };
      res.overset = { lines: rest.length, chars };
    }
    return res;
  }
}
