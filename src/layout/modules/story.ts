/**
 * Story modules (article, commentary, and the continuation of a story from an earlier page): a head group over
 * all the module's columns or, as a side head (题文穿插), over its first columns with the body running up beside
 * it; then the body flowed into balanced columns (flow.ts). Commentary carries its 栏题 logo at its natural width
 * (at least two columns) over the head. A story allowed to continue is cut at a column foot with 下转第N版; its
 * continuation starts with 上接第N版 under the story's short head.
 */
import type { Cmyk, Rect } from '../../core/units.js';
import type { StoryItem } from '../../model/edition.js';
import { breakLines, prepareParagraph } from '../../text/index.js';
import type { ComposedLine, ParagraphSettings, StyledRun } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph, fitHeadline, inkRight, setHeadline, shiftFor } from '../headline-fit.js';
import type { Block, PlacedLine, TextRole } from '../types.js';
import { Flow, type FlowLine, type FlowPlan } from './flow.js';
import {
  headHole,
  headOffsets,
  headRows,
  setHeadGroup,
  type HeadGroup,
  type HeadStyle,
  type HeadText,
} from './head.js';
import {
  type BuildResult,
  CostTable,
  charCount,
  emptyInfo,
  holeCost,
  naturalRows,
  type Incoming,
  linesRect,
  type ModuleContext,
  type ModuleSpec,
  type Place,
  offeredHeights,
  placed,
  type Rank,
  shared,
  type Shape,
  spanCost,
  spansIn,
  style,
} from './spec.js';

const PLAIN: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'start', lastLine: 'start' };
const END: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'end', lastLine: 'end' };

interface StoryShape extends Shape {
  /** Columns under the head group (the rest run up beside it). */
  k: number;
  /** Rows of the head block: logo and head group with its space. */
  hr: number;
  head: HeadGroup;
  /** Largest white rectangle in the head block with 0, 1, … lines of padding, column-lines. */
  holes: number[];
}

/** The plan for one height: head padding, the body's foot, the flow plan. */
interface Fit {
  pad: number;
  plan: FlowPlan;
  cost: number;
}

/** Body lines of a story as flow lines (credits, marked paragraphs, running text with the dateline run in). */
export function storyFlow(ctx: ModuleContext, item: StoryItem, from: Incoming | null, measure: number): FlowLine[] {
  const { t } = ctx;
  const M = t.body.marks;
  const bodyRole = item.kind === 'commentary' ? t.body.commentaryRole : t.body.role;
  const out: FlowLine[] = [];
  const push = (lines: ComposedLine[], para: number, prefix: number, role?: TextRole): void => {
    lines.forEach((l, i) => {
      const f: FlowLine = {
        parts: [{ line: l, dx: 0 }],
        gap: l.last,
        chars: charCount(l.text),
        para,
        start: Math.max(0, l.start - prefix),
        first: i === 0,
        last: l.last,
      };
      if (role) f.role = role;
      out.push(f);
    });
  };
  const sz = t.body.size;
  if (from) {
    const text = t.continuation.from.replace('{page}', String(from.from));
    push(composeParagraph([{ text, style: style(ctx, M.jump.role, sz) }], END, measure), -1, 0, 'jump');
  } else {
    for (const credit of item.credits)
      push(
        composeParagraph([{ text: credit, style: style(ctx, t.body.creditRole, sz) }], PLAIN, measure),
        -1,
        0,
        'credit',
      );
  }
  const marks = new Map((item.marks ?? []).map((m) => [m.paragraph, m.role] as const));
  let dateline = from ? null : item.dateline;
  const p0 = from ? from.resume.paragraph : 0;
  for (let i = p0; i < item.paragraphs.length; i++) {
    const p = item.paragraphs[i]!;
    const offset = from && i === p0 ? from.resume.offset : 0;
    const mark = marks.get(i);
    const one = (runs: StyledRun[], settings: ParagraphSettings, role?: TextRole, prefix = 0): void => {
      const prep = prepareParagraph(runs, settings);
      push(breakLines(prep, measure, { from: offset > 0 ? offset + prefix : 0 }), i, prefix, role);
    };
    switch (mark) {
      case 'crosshead': {
        const al = M.crosshead.align;
        one(
          [{ text: p, style: style(ctx, M.crosshead.role, sz) }],
          { ...BODY_SETTINGS, indent: 0, align: al === 'center' ? 'center' : 'justify', lastLine: al },
          'crosshead',
        );
        continue;
      }
      case 'jump':
        one([{ text: p, style: style(ctx, M.jump.role, sz) }], END, 'jump');
        continue;
      case 'note':
      case 'question': {
        const m = mark === 'note' ? M.note : M.question;
        one([{ text: p, style: style(ctx, m.role, sz) }], { ...BODY_SETTINGS, indent: m.indent ? 2 : 0 }, mark);
        continue;
      }
      case 'label':
        one([{ text: p, style: style(ctx, M.label.role, sz) }], PLAIN, 'label');
        continue;
      case 'closing':
      case 'signature':
        one([{ text: p, style: style(ctx, M[mark].role, sz) }], END, mark);
        continue;
      case 'entry':
        one([{ text: p, style: style(ctx, M.entry.role, sz) }], PLAIN, 'entry');
        continue;
      default: {
        const runs: StyledRun[] = [];
        let prefix = 0;
        if (dateline) {
          const d = `${dateline}\u3000`;
          runs.push({ text: d, style: style(ctx, t.body.datelineRole, sz) });
          prefix = d.length;
        }
        dateline = null;
        runs.push({ text: p, style: style(ctx, bodyRole, sz) });
        one(runs, BODY_SETTINGS, undefined, prefix);
      }
    }
  }
  if (out.length) out[out.length - 1]!.gap = false;
  return out;
}

export class StoryModule implements ModuleSpec {
  readonly transparent = false;
  shapes: StoryShape[] = [];
  readonly promised: boolean;
  private readonly flow: Flow;
  private readonly bodyChars: number;
  private readonly logoRows: number;
  private readonly logoCols: number;
  private readonly hs: HeadStyle;
  private readonly headText: HeadText;
  private table: CostTable;
  private readonly fits = new Map<number, Fit | null>();
  private readonly naturals = new Map<number, number>();
  /** Page this story may jump to when it does not fit; null: it may not. */
  readonly jumpTo: number | null;
  get canJump(): boolean {
    return this.jumpTo !== null;
  }
  /** Width forced by an override (columns or pin), if any. */
  readonly forced: number | undefined;
  /** Heads over one column set on one line (relaxed for a story too short for anything wider). */
  private narrowOneLine = true;
  /** The main head size asked for by overrides.headSize fits none of the widths. */
  headSizeRejected = false;

  constructor(
    private readonly ctx: ModuleContext,
    readonly item: StoryItem,
    readonly order: number,
    readonly rank: Rank,
    private readonly from: Incoming | null = null,
  ) {
    const t = ctx.t;
    this.promised = from !== null;
    this.hs = t.heads[rank];
    this.headText = from
      ? { kicker: null, headline: item.headline, subhead: null }
      : {
          section: item.kind === 'article' ? item.section : undefined,
          kicker: item.kicker,
          headline: item.headline,
          subhead: item.subhead,
        };
    const jt = from ? undefined : ctx.continueTo.get(item.id);
    this.jumpTo = jt !== undefined && jt > ctx.page ? jt : null;
    const fk = `story|${item.id}|${t.geometry.columnW}|${from ? `${from.from}:${from.resume.paragraph}:${from.resume.offset}` : ''}`;
    const lines = shared(ctx.flows, fk, () => storyFlow(ctx, item, from, t.geometry.columnW));
    const cl = t.body;
    this.flow = new Flow(lines, {
      minLeg: cl.minLeg,
      perGap: cl.spacing.perGap,
      share: cl.spacing.share,
      jumpMinLeg: Math.max(cl.minLeg, t.continuation.minLeg),
      blank: t.cost.blank,
      short: t.cost.short,
      overset: t.cost.overset,
      // a higher-priority story jumps only when a lower one cannot
      jump: t.cost.jump * (1 + 2 / (1 + order)),
      hole: (a) => holeCost(ctx, a),
    });
    this.bodyChars = lines.reduce((a, l) => a + l.chars, 0);
    const isLogo = item.kind === 'commentary' && !from;
    this.logoRows = isLogo ? t.columnLogo.lines : 0;
    this.logoCols = isLogo ? this.naturalLogoCols() : 1;
    this.forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    let spans = spansIn(ctx.grid.columns, this.forced);
    // The lead keeps its rank's width: squeezing the 头条 is never a way to make room.
    if (rank === 'lead' && !this.forced) {
      const [lo, hi] = this.hs.spans;
      const hard = spans.filter((w) => w >= Math.min(lo, ctx.grid.columns) && w <= Math.min(hi, ctx.grid.columns));
      if (hard.length) spans = hard;
    }
    if (isLogo && !this.forced) spans = spans.filter((w) => w >= this.logoCols);
    // Widths far outside the rank's range are never worth it (a brief over six columns, a lead over two): the
    // search looks at the range and a little around it.
    if (!this.forced && rank !== 'lead') {
      const [lo, hi] = this.hs.spans;
      const near = spans.filter((w) => (w >= lo && w <= hi + 1) || w === ctx.grid.columns);
      if (near.length) spans = near;
    }
    const fixedSize = item.overrides?.headSize;
    for (const span of spans) this.addShapes(span, fixedSize);
    if (!this.shapes.length && fixedSize) {
      this.headSizeRejected = true;
      for (const span of spans) this.addShapes(span, undefined);
    }
    // A short story whose head needs two lines even where it is short enough for one column: allow them there.
    if (!this.shapes.length || this.shapes.every((sh) => sh.span > 1 && this.tooShortFor(sh.span))) {
      this.narrowOneLine = false;
      for (const span of spans.filter((w) => w <= 2)) this.addShapes(span, fixedSize);
    }
    // Nothing fits the rank's sizes at any width (a very long head): the widest width, head at the smallest size.
    if (!this.shapes.length) this.addShapes(spans[spans.length - 1]!, undefined, true);
    this.table = new CostTable((s, r) => this.evaluate(s, r));
    // Widths at which the body cannot keep its legs (too few lines for the columns) are no shapes at all: the
    // search must not count on them (unless nothing else is left, or the story may be cut for a jump). A lead
    // too short for its rank's widths takes the others.
    const ok = (): StoryShape[] => this.shapes.filter((_, s) => this.natural(s) <= 4 * ctx.grid.lines);
    if (rank === 'lead' && !this.forced && this.jumpTo === null && !ok().length) {
      this.shapes = [];
      for (const span of spansIn(ctx.grid.columns)) this.addShapes(span, fixedSize);
      this.fits.clear();
      this.naturals.clear();
      this.table = new CostTable((s, r) => this.evaluate(s, r));
    }
    if (this.jumpTo === null) {
      const feasible = ok();
      if (feasible.length && feasible.length < this.shapes.length) {
        this.shapes = feasible;
        this.fits.clear();
        this.naturals.clear();
        this.table = new CostTable((s, r) => this.evaluate(s, r));
      }
    }
  }

  /** Columns the 栏题 logo needs at its natural width, never fewer than columnLogo.minSpan. */
  private naturalLogoCols(): number {
    const { t, grid } = this.ctx;
    if (this.item.kind !== 'commentary') return 1;
    const L = t.columnLogo;
    const col = this.item.column;
    const w = (text: string | null, size: number, role = L.role): number =>
      text ? inkRight(setHeadline(text, style(this.ctx, role, size), 1e4, { align: 'start', maxLines: 1 })[0]!) : 0;
    const inset = 2 * t.typography.logoInset;
    const need = Math.max(
      w(col.name, L.size) + inset,
      w(col.romanized, L.romanizedSize) + w(col.editor, L.editorSize, t.body.creditRole) + inset + t.grid.char,
    );
    return Math.min(grid.columns, Math.max(L.minSpan, grid.colsFor(need)));
  }

  private addShapes(span: number, fixed: number | undefined, force = false): void {
    const { t, grid } = this.ctx;
    const mk = (k: number): StoryShape | null => {
      const head = setHeadGroup(this.ctx, this.headText, this.hs, grid.spanW(k), k, fixed);
      if (!head.ok && !force) return null;
      // a head over one column sets on one line (a two-line head over a single column is a narrow pillar)
      if (k === 1 && head.mainLines > 1 && !force && !this.forced && this.narrowOneLine) return null;
      const hr = this.logoRows + headRows(this.ctx, head.height);
      const size = Math.max(head.mainSize, this.logoRows ? t.columnLogo.size : 0);
      const holes = Array.from({ length: t.cost.headPadMax + 1 }, (_, pad) =>
        headHole(this.ctx, head, grid.spanW(k), hr - this.logoRows + pad),
      );
      return { span, k, hr, head, holes, band: { top: 0, bottom: hr, size }, bandRight: k === span };
    };
    // Commentary: its 栏题 at the logo's natural width, the head under it over as many columns, the body beside —
    // a logo stretched over a wide module is no longer a logo.
    const full = span >= this.logoCols && (!this.logoRows || span <= this.logoCols) ? mk(span) : null;
    if (full) this.shapes.push(full);
    if (force || !t.sideHead.ranks.includes(this.rank) || span < 3) return;
    // Side head: the narrowest head of at least minShare of the columns (and the logo) that sets within the rank,
    // at the size and in the lines of the full head when there is one (a side head is never a way to shrink the
    // head or to break it into more lines).
    const k0 = this.logoRows ? this.logoCols : Math.max(Math.ceil(t.sideHead.minShare * span), 1);
    for (let k = k0; k < span; k++) {
      const s = mk(k);
      if (!s) continue;
      if (full && (s.head.mainSize < full.head.mainSize || s.head.mainLines > full.head.mainLines)) continue;
      if (full && s.head.deckLines > full.head.deckLines) continue;
      // a one-line head is not pushed into two lines when a wider side head would keep it on one
      if (!full && s.head.mainLines > 1 && k < span - 1 && !this.logoRows) {
        const wider = mk(k + 1);
        if (wider && wider.head.mainLines === 1) continue;
      }
      this.shapes.push(s);
      break;
    }
  }

  private readonly startCache = new Map<StoryShape, number[][]>();
  /** The body has fewer lines than legs of minLeg lines over `span` columns need. */
  private tooShortFor(span: number): boolean {
    return this.flow.length < span * this.ctx.t.body.minLeg;
  }

  /** First body row of each column (relative to the module top) with `pad` extra lines under the head. */
  private starts(sh: StoryShape, pad: number): number[] {
    let per = this.startCache.get(sh);
    if (!per) {
      per = [];
      this.startCache.set(sh, per);
    }
    let st = per[pad];
    if (!st) {
      st = Array.from({ length: sh.span }, (_, c) => (c < sh.k ? sh.hr + pad : 0));
      per[pad] = st;
    }
    return st;
  }

  private baseCost(sh: StoryShape): number {
    const c = this.ctx.t.cost;
    return (
      spanCost(this.ctx, this.hs.spans, sh.span) +
      sh.head.white * c.headWhite +
      (sh.k < sh.span ? c.sideHead : 0) +
      (sh.head.mainLines - 1) * c.headLines +
      (sh.head.ok ? 0 : c.overset * 2)
    );
  }

  /** Best fit with the body ending exactly at `bottom` (no white under it); null when none keeps the rules. */
  private fitAt(s: number, bottom: number): Fit | null {
    const key = s * 4096 + bottom;
    if (this.fits.has(key)) return this.fits.get(key)!;
    const sh = this.shapes[s]!;
    const c = this.ctx.t.cost;
    let best: Fit | null = null;
    for (let pad = 0; pad <= c.headPadMax; pad++) {
      const plan = this.flow.plan(this.starts(sh, pad), bottom, this.jumpTo !== null);
      if (!plan) continue;
      // padding is white in the head block: what it adds to the head's largest hole is paid as a hole
      const hole = sh.holes[pad] ?? sh.holes[sh.holes.length - 1]!;
      const cost = plan.cost + pad * sh.k * c.headPad + hole * c.empty + holeCost(this.ctx, hole);
      if (!best || cost < best.cost) best = { pad, plan, cost };
      if (plan.rest > 0) break; // padding only makes a cut or overset worse
    }
    this.fits.set(key, best);
    return best;
  }

  /** Smallest height at which the whole text sets (no cut, no overset). */
  natural(s: number): number {
    const hit = this.naturals.get(s);
    if (hit !== undefined) return hit;
    const sh = this.shapes[s]!;
    const n = naturalRows(
      sh.hr + 1,
      4 * this.ctx.grid.lines + this.flow.length,
      (rows) => this.fitAt(s, rows)?.plan.rest === 0,
    );
    this.naturals.set(s, n);
    return n;
  }

  private evaluate(s: number, rows: number): number {
    const sh = this.shapes[s]!;
    const base = this.baseCost(sh);
    const exact = this.fitAt(s, rows);
    if (exact) return base + exact.cost;
    const n = this.natural(s);
    if (rows < n) return base + 1e6;
    // Taller than any plan: the body at its natural foot, white under it (one hole the width of the module).
    const c = this.ctx.t.cost;
    let best = Infinity;
    for (let b = rows - 1; b >= n && b >= rows - 40; b--) {
      const f = this.fitAt(s, b);
      if (!f || f.plan.rest > 0) continue;
      const white = (rows - b) * sh.span;
      best = Math.min(best, f.cost + white * c.empty + holeCost(this.ctx, white + f.plan.short));
    }
    if (!Number.isFinite(best)) {
      const f = this.fitAt(s, n);
      const white = (rows - n) * sh.span;
      best = (f?.cost ?? 0) + white * c.empty + holeCost(this.ctx, white);
    }
    return base + best;
  }

  cost(s: number, rows: number): number {
    return this.table.get(s, rows);
  }

  minRows(s: number): number {
    if (this.jumpTo === null) return this.natural(s);
    const sh = this.shapes[s]!;
    for (let r = sh.hr + this.ctx.t.continuation.minLeg; r < this.natural(s); r++) if (this.fitAt(s, r)) return r;
    return this.natural(s);
  }

  heights(s: number, maxRows: number): number[] {
    const n = this.natural(s);
    const out: Array<{ r: number; c: number }> = [];
    const lo = this.minRows(s);
    const hi = Math.min(maxRows, n + (this.ctx.spread ? 96 : 24));
    for (let r = lo; r <= hi; r++) {
      const f = this.fitAt(s, r);
      if (f) out.push({ r, c: f.cost });
    }
    const keep = offeredHeights(out, 3, this.ctx.spread === true);
    if (n <= maxRows && !keep.includes(n)) keep.push(n);
    // a few cut heights for a story that may jump
    if (this.jumpTo !== null)
      for (const x of out) if (x.r < n && !keep.includes(x.r) && keep.length < 6 && (n - x.r) % 6 === 0) keep.push(x.r);
    return keep.sort((a, b) => a - b);
  }

  mass(): number {
    const s = this.shapes.findIndex((x) => x.span === Math.min(2, this.ctx.grid.columns)) ?? 0;
    return this.flow.length + 2 * (this.shapes[Math.max(0, s)]?.hr ?? 4);
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const sh = this.shapes[p.shape]!;
    const blocks: Block[] = [];
    const info = emptyInfo();
    const x = grid.colX(p.col);
    const top = grid.rowY(p.row);
    const id = this.item.id;
    const ink = t.colors.text as Cmyk;
    const HW = grid.spanW(sh.k);
    // The fit for this height: exact, else the natural foot with white under it, else (a pinned height too short
    // for the rules) what fits, the rest overset.
    let fit = this.fitAt(p.shape, p.rows);
    let bottom = p.rows;
    if (!fit) {
      const n = this.natural(p.shape);
      for (let b = Math.min(p.rows - 1, n + 40); b >= n && !fit; b--) {
        const f = this.fitAt(p.shape, b);
        if (f && f.plan.rest === 0) {
          fit = f;
          bottom = b;
        }
      }
    }
    if (!fit) {
      const st = this.starts(sh, 0);
      const R = st.reduce((a, v) => a + Math.max(0, p.rows - v), 0);
      const L = this.flow.length;
      const plan: FlowPlan = {
        bottom: p.rows,
        blanks: 0,
        short: 0,
        shown: Math.min(R, L),
        cut: false,
        rest: 0,
        cost: 0,
      };
      fit = { pad: 0, plan, cost: 0 };
    }
    const pad = fit.pad;
    // 栏题 logo (commentary) over the head's columns.
    if (this.logoRows) blocks.push(...this.logo(x, top, HW, info));
    // Head group over its columns, centred vertically in its lines (plus any padding lines).
    const headTop = top + this.logoRows * grid.pitch;
    const headH = (sh.hr - this.logoRows + pad) * grid.pitch;
    blocks.push(...this.placeHead(sh.head, x, headTop, HW, headH, info));
    info.head = {
      size: sh.head.mainSize,
      lines: sh.head.mainLines,
      cols: sh.k,
      rect: { x, y: top, w: HW, h: (sh.hr + pad) * grid.pitch },
    };
    // Body columns.
    const plan = fit.plan;
    const starts = this.starts(sh, pad).map((v) => Math.min(v, bottom));
    const slots = this.flow.slots(starts, plan);
    const jumpTo = plan.cut ? this.jumpTo : null;
    let shown = 0;
    let lastShown = -1;
    slots.forEach((col, c) => {
      const lines: PlacedLine[] = [];
      const r0 = p.row + starts[c]!;
      col.forEach((slot, r) => {
        const bx = grid.colX(p.col + c);
        const base = grid.baseline(r0 + r);
        if (slot.kind === 'blank') {
          info.blanks++;
          return;
        }
        if (slot.kind === 'jump') {
          const text = t.continuation.to.replace('{page}', String(jumpTo));
          for (const l of composeParagraph(
            [{ text, style: style(this.ctx, t.body.marks.jump.role, t.body.size) }],
            END,
            t.geometry.columnW,
          ))
            lines.push({ ...placed(l, bx, base, ink), role: 'jump' });
          return;
        }
        const fl = this.flow.lines[slot.index]!;
        for (const part of fl.parts) {
          const pl = placed(part.line, bx + part.dx, base, ink);
          if (fl.role) pl.role = fl.role;
          lines.push(pl);
        }
        shown++;
        lastShown = Math.max(lastShown, slot.index);
      });
      info.legs.push(col.length);
      if (lines.length)
        blocks.push({ kind: 'text', item: id, role: 'body', rect: grid.rect(p.col + c, 1, r0, col.length), lines });
      this.countWidows(col, c === slots.length - 1, info);
    });
    const legsFull = slots.length > 1 ? bottom - starts[starts.length - 1]! : 0;
    info.short = slots.length > 1 ? Math.max(0, legsFull - (slots[slots.length - 1]?.length ?? 0)) : 0;
    info.lines = shown;
    info.white = Math.max(0, p.rows - bottom);
    info.rank = this.rank;
    if (this.from) info.continued = { from: this.from.from };
    const res: BuildResult = { blocks, info };
    const rest = this.flow.lines.slice(lastShown + 1);
    if (rest.length) {
      const chars = rest.reduce((a, l) => a + l.chars, 0);
      const next = rest[0]!;
      if (jumpTo !== null && next.para >= 0) {
        info.continued = { ...info.continued, to: jumpTo };
        res.cut = { resume: { paragraph: next.para, offset: next.start }, lines: rest.length, chars };
      } else {
        info.overset = { lines: rest.length, chars };
        res.overset = { lines: rest.length, chars };
      }
    }
    return res;
  }

  /** Widows (a paragraph's last line alone at a column top), orphans (its first line alone at a foot), 孤字 lines. */
  private countWidows(col: Array<{ kind: string; index?: number }>, lastCol: boolean, info: BuildResult['info']): void {
    const idx = col.filter((s) => s.kind === 'line').map((s) => s.index!);
    const a = idx[0];
    const b = idx[idx.length - 1];
    if (a !== undefined) {
      const f = this.flow.lines[a]!;
      if (!f.first && f.last && f.para >= 0) info.widows++;
    }
    if (b !== undefined && !lastCol) {
      const f = this.flow.lines[b]!;
      if (f.first && !f.last && f.para >= 0) info.widows++;
    }
    for (const i of idx) {
      const f = this.flow.lines[i]!;
      if (f.last && !f.first && f.chars === 1 && f.para >= 0) info.widows++;
    }
  }

  private placeHead(
    head: HeadGroup,
    x: number,
    headTop: number,
    HW: number,
    headH: number,
    info: BuildResult['info'],
  ): Block[] {
    const { t } = this.ctx;
    const ink = t.colors.text as Cmyk;
    const offsets = headOffsets(this.ctx, head, headH);
    const byRole = new Map<TextRole, PlacedLine[]>();
    head.lines.forEach((hl, i) => {
      const arr = byRole.get(hl.role) ?? [];
      arr.push(placed(hl.line, x + hl.dx, headTop + offsets[i]!, ink));
      byRole.set(hl.role, arr);
    });
    const blocks: Block[] = [];
    // A section label (栏题 such as □增值化改革进行时) runs into a thin rule to the end of the head's width.
    for (const l of byRole.get('section') ?? []) {
      const x1 = l.x + inkRight(l.line) + t.grid.char / 2;
      const y = l.baseline - 0.35 * l.line.size;
      if (x1 < x + HW - t.grid.char)
        blocks.push({
          kind: 'rule',
          item: this.item.id,
          rect: { x: x1, y: y - 1, w: x + HW - x1, h: 2 },
          x1,
          y1: y,
          x2: x + HW,
          y2: y,
          stroke: t.colors.rule as Cmyk,
          lineWidth: t.rules.module,
        });
    }
    for (const [role, lines] of byRole) {
      blocks.push({ kind: 'text', item: this.item.id, role, rect: { x, y: headTop, w: HW, h: headH }, lines });
      const big = lines.filter((l) => l.line.size >= 13);
      const r = linesRect(big, t.typography.emAscent);
      if (r) info.heads.push(r);
    }
    return blocks;
  }

  /** The commentary's 栏题: a tinted box with the column name, its romanized name and the column editor. */
  private logo(x: number, top: number, W: number, info: BuildResult['info']): Block[] {
    const { grid, t } = this.ctx;
    if (this.item.kind !== 'commentary') return [];
    const id = this.item.id;
    const ink = t.colors.text as Cmyk;
    const col = this.item.column;
    const L = t.columnLogo;
    const inset = t.typography.logoInset;
    const h = this.logoRows * grid.pitch - t.typography.boxGap * grid.pitch;
    const r: Rect = { x, y: top, w: W, h };
    const inner = W - 2 * inset;
    const lines: PlacedLine[] = [];
    const nameBase = top + 0.35 * h + 0.44 * L.size;
    for (const l of fitHeadline(col.name, style(this.ctx, L.role, L.size), inner, { align: 'start', maxLines: 1 }))
      lines.push(placed(l, x + inset, nameBase, ink));
    const foot = top + h - inset * 0.7;
    let romW = 0;
    if (col.romanized) {
      for (const l of fitHeadline(col.romanized, style(this.ctx, L.role, L.romanizedSize), inner, {
        align: 'start',
        maxLines: 1,
      })) {
        lines.push(placed(l, x + inset, foot, ink));
        romW = inkRight(l);
      }
    }
    if (col.editor) {
      // beside the romanized name when both fit on the foot line, else on a line of its own above it
      const el = fitHeadline(col.editor, style(this.ctx, t.body.creditRole, L.editorSize), inner, {
        align: 'end',
        maxLines: 1,
      });
      for (const l of el) {
        const beside = romW + t.grid.char + inkRight(l) <= inner;
        const base = beside || !col.romanized ? foot : foot - L.romanizedSize - 2;
        lines.push(placed(l, x + inset + shiftFor(l, 'end', inner), base, ink));
      }
    }
    const big = linesRect(
      lines.filter((l) => l.line.size >= 13),
      t.typography.emAscent,
    );
    if (big) info.heads.push(big);
    return [
      { kind: 'box', item: id, rect: r, fill: t.colors.logo as Cmyk },
      { kind: 'text', item: id, role: 'column-logo', rect: r, lines },
    ];
  }

  /** Characters of the body (what a jump or an overset counts against). */
  get chars(): number {
    return this.bodyChars;
  }
}
