/**
 * Boxed modules: the weather box (tinted, elastic in height at a small cost) and ads. An ad is booked space, not
 * filler (doc §2.1 "ads are input, not output"; §6.2 Q15): it is set at its booked width and height — the
 * override's pin or columns, else the narrowest width of ad.spans at which its copy sets and its natural height —
 * at the place regions.ts gives it, with the mandatory 广告 label. An ad image is shown whole (`contain`).
 */
import type { Cmyk } from '../../core/units.js';
import type { AdItem, WeatherItem } from '../../model/edition.js';
import type { ComposedLine } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph, fitHeadline, overfull, shiftFor } from '../headline-fit.js';
import type { Block, PlacedLine, TextRole } from '../types.js';
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

interface BoxLine {
  line: ComposedLine;
  size: number;
  role: TextRole;
}

export class BoxModule implements ModuleSpec {
  readonly transparent = true;
  readonly promised = false;
  /** Ads without a pinned row are booked at the foot of the page (template ad.position). */
  readonly foot: boolean;
  readonly rank = null;
  readonly shapes: Shape[];
  private readonly sets = new Map<number, { lines: BoxLine[]; height: number; fits: boolean }>();

  constructor(
    private readonly ctx: ModuleContext,
    readonly item: AdItem | WeatherItem,
    readonly order: number,
  ) {
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    let spans = spansIn(ctx.grid.columns, forced);
    if (item.kind === 'ad' && !forced) {
      // booked widths only: an ad is never widened to fill the page
      const [lo, hi] = ctx.t.ad.spans;
      const hard = spans.filter((w) => w >= Math.min(lo, ctx.grid.columns) && w <= Math.min(hi, ctx.grid.columns));
      const fitting = hard.filter((w) => this.content(w).fits);
      spans = fitting.length ? fitting.slice(0, 1) : hard.slice(-1);
    }
    this.shapes = spans.map((span) => ({ span, band: this.band(span), bandRight: true }));
    this.foot = item.kind === 'ad' && ctx.t.ad.position === 'foot' && item.overrides?.pin?.row === undefined;
  }

  /** An ad's large title lines read as a head: the butting rule keeps other heads off its height (Q15). */
  private band(span: number): Shape['band'] {
    if (this.item.kind !== 'ad') return null;
    const c = this.content(span);
    const big = c.lines.filter((l) => l.size >= 13);
    if (!big.length) return null;
    const n = this.natural(span);
    return { top: 0, bottom: n, size: Math.max(...big.map((l) => l.size)) };
  }

  private get range(): readonly [number, number] {
    return this.item.kind === 'ad' ? this.ctx.t.ad.spans : this.ctx.t.weather.spans;
  }

  private content(span: number): { lines: BoxLine[]; height: number; fits: boolean } {
    let s = this.sets.get(span);
    if (s) return s;
    const { t, grid } = this.ctx;
    const inner = grid.spanW(span) - 2 * t.typography.boxInset * t.grid.char;
    const lines: BoxLine[] = [];
    let fits = true;
    if (this.item.kind === 'ad') {
      const A = t.ad;
      this.item.lines.forEach((text, i) => {
        const st = i === 0 ? style(this.ctx, A.titleRole, A.titleSize) : style(this.ctx, A.lineRole, A.lineSize);
        const ls = fitHeadline(text, st, inner, { align: 'center', maxLines: 3 });
        if (ls.some((l) => l.size < st.size - 0.01) || overfull(ls, inner)) fits = false;
        for (const line of ls) lines.push({ line, size: line.size, role: 'ad' });
      });
    } else {
      const Wt = t.weather;
      if (Wt.label)
        for (const line of fitHeadline(Wt.label, style(this.ctx, Wt.labelRole, Wt.labelSize), inner, {
          align: 'start',
          maxLines: 1,
        }))
          lines.push({ line, size: Wt.labelSize, role: 'weather' });
      for (const line of composeParagraph(
        [{ text: this.item.text, style: style(this.ctx, Wt.textRole, Wt.textSize) }],
        BODY_SETTINGS,
        inner,
      ))
        lines.push({ line, size: Wt.textSize, role: 'weather' });
    }
    const lead = t.typography.boxLeading;
    const height = lines.reduce((h, l) => h + Math.max(grid.pitch, l.size * lead), 0);
    s = { lines, height, fits };
    this.sets.set(span, s);
    return s;
  }

  /** Natural height: the copy (or the image at its aspect) plus padding and the white line under the box. */
  natural(span: number): number {
    const { grid, t } = this.ctx;
    // half a line above and under the copy; an ad a line more for its 广告 label
    const pad = (this.item.kind === 'ad' ? 1.8 : 1) + t.typography.boxGap;
    const sz = this.item.kind === 'ad' ? this.item.imageSize : undefined;
    if (sz) return Math.ceil((grid.spanW(span) * sz.height) / sz.width / grid.pitch + t.typography.boxGap);
    return Math.ceil(this.content(span).height / grid.pitch + pad);
  }

  /** The booked height of an ad at a width: the pin's lines, else its natural height. */
  bookedRows(span: number): number {
    return this.item.overrides?.pin?.lines ?? this.natural(span);
  }

  mass(): number {
    const s = this.shapes[0]!.span;
    return s * (this.item.kind === 'ad' ? this.bookedRows(s) : this.natural(s));
  }

  minRows(shape: number): number {
    return this.natural(this.shapes[shape]!.span);
  }

  private maxRows(span: number): number {
    return this.item.kind === 'ad' ? this.bookedRows(span) : 2 * this.natural(span) + 4;
  }

  heights(shape: number, maxRows: number): number[] {
    const span = this.shapes[shape]!.span;
    if (this.item.kind === 'ad') {
      const b = this.bookedRows(span);
      return b <= maxRows ? [b] : [];
    }
    const n = this.natural(span);
    const out: number[] = [];
    for (let h = n; h <= this.maxRows(span) && h <= maxRows; h++) out.push(h);
    return out;
  }

  cost(shape: number, rows: number): number {
    const span = this.shapes[shape]!.span;
    const c = this.ctx.t.cost;
    // an ad is set at its booked height, never stretched or squeezed
    if (this.item.kind === 'ad') return rows === this.bookedRows(span) ? 0 : 1e6;
    const n = this.natural(span);
    let cost = spanCost(this.ctx, this.range, span);
    if (rows < n) cost += 1e6;
    const top = this.maxRows(span);
    const extra = Math.max(0, Math.min(rows, top) - n);
    // Lines beyond the box's largest size stay white under it: one hole.
    const white = Math.max(0, rows - top) * span;
    return cost + extra * span * c.elastic + white * c.empty + holeCost(this.ctx, white);
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const id = this.item.id;
    const info = emptyInfo();
    const rows = Math.min(p.rows, this.maxRows(p.span));
    const rect = grid.rect(p.col, p.span, p.row, rows);
    rect.h -= t.typography.boxGap * grid.pitch;
    info.white = p.rows - rows;
    const ink = t.colors.text as Cmyk;
    const blocks: Block[] = [];
    const inset = t.typography.boxInset * t.grid.char;
    const img = this.item.kind === 'ad' ? this.item.image : undefined;
    if (img) {
      blocks.push({ kind: 'box', item: id, rect, stroke: t.colors.rule as Cmyk, lineWidth: t.rules.box });
      blocks.push({ kind: 'image', item: id, rect, src: img, fit: 'contain' });
    } else {
      blocks.push({
        kind: 'box',
        item: id,
        rect,
        fill: (this.item.kind === 'ad' ? t.colors.adTint : t.colors.tint) as Cmyk,
        stroke: t.colors.rule as Cmyk,
        lineWidth: t.rules.box,
      });
      const c = this.content(p.span);
      let y = rect.y + (rect.h - c.height) / 2;
      const lines: PlacedLine[] = [];
      for (const l of c.lines) {
        const box = Math.max(grid.pitch, l.size * t.typography.boxLeading);
        lines.push(placed(l.line, rect.x + inset, y + grid.baselineOffset(l.size, box), ink));
        y += box;
      }
      blocks.push({ kind: 'text', item: id, role: this.item.kind === 'ad' ? 'ad' : 'weather', rect, lines });
      const big = linesRect(
        lines.filter((l) => l.line.size >= 13),
        t.typography.emAscent,
      );
      if (big) info.heads.push(big);
    }
    if (this.item.kind === 'ad') {
      const A = t.ad;
      const lab = fitHeadline(A.label, style(this.ctx, A.labelRole, A.labelSize), rect.w - 4, {
        align: 'end',
        maxLines: 1,
      });
      blocks.push({
        kind: 'text',
        item: id,
        role: 'ad-label',
        rect,
        lines: lab.map((l) => placed(l, rect.x + shiftFor(l, 'end', rect.w - 4), rect.y + rect.h - 3, ink)),
      });
      info.booked = rows === this.bookedRows(p.span) && p.span === this.shapes[0]!.span;
    }
    return { blocks, info };
  }
}
