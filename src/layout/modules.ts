/**
 * Modules: what each item needs on the grid. For every candidate width (whole columns) a module knows its
 * natural height in lines (text is composed for real, so heights are exact), the heights it may take, the cost of
 * each, and how to build its blocks at a given place.
 */
import fs from 'node:fs';
import type { Cmyk, Rect } from '../core/units.js';
import type { FontBook, FontRole } from '../fonts/index.js';
import type {
  AdItem,
  ArticleItem,
  BriefsItem,
  Item,
  ListItem,
  NoticeItem,
  PhotoItem,
  StoryItem,
  TableItem,
  WeatherItem,
} from '../model/edition.js';
import { briefHead } from '../model/edition.js';
import type { ComposeStyle, ComposedLine, ParagraphSettings, StyledRun } from '../text/types.js';
import {
  BODY_SETTINGS,
  composeParagraph,
  fitHeadline,
  inkRight,
  overfull,
  shiftFor,
  type Align,
  setHeadline,
} from './headline-fit.js';
import { imageSize } from './image-size.js';
import type { LayoutTemplate } from './template.js';
import type { Block, PlacedLine, TextRole } from './types.js';

export type Rank = 'lead' | 'secondary' | 'other' | 'commentary';

/** Geometry helpers shared by every module. */
export class Grid {
  readonly pitch: number;
  readonly columns: number;
  readonly lines: number;
  constructor(readonly t: LayoutTemplate) {
    this.pitch = t.grid.pitch;
    this.columns = t.grid.columns;
    this.lines = t.grid.lines;
  }
  colX(c: number): number {
    return this.t.geometry.x0 + c * (this.t.geometry.columnW + this.t.geometry.gutter);
  }
  spanW(span: number): number {
    return span * this.t.geometry.columnW + (span - 1) * this.t.geometry.gutter;
  }
  rowY(r: number): number {
    return this.t.geometry.y0 + r * this.pitch;
  }
  /** Baseline of a body line in grid row r (the 9 pt em box centred in the line). */
  baseline(r: number): number {
    return this.rowY(r) + this.baselineOffset(this.t.body.size, this.pitch);
  }
  /** Baseline offset of type of `size` centred in a band of height `h` (ideographic em box: 0.88 above the baseline). */
  baselineOffset(size: number, h: number): number {
    return (h - size) / 2 + 0.88 * size;
  }
  rect(col: number, span: number, row: number, rows: number): Rect {
    return { x: this.colX(col), y: this.rowY(row), w: this.spanW(span), h: rows * this.pitch };
  }
}

export interface Place {
  col: number;
  span: number;
  row: number;
  rows: number;
}

export interface BuildResult {
  blocks: Block[];
  overset?: { lines: number; chars: number };
}

/** A module candidate for one item. Heights are in grid lines. */
export interface ModuleSpec {
  item: Item;
  /** Make-up order: 0 = lead. */
  order: number;
  rank: Rank | null;
  spans: number[];
  /** True when the module's top carries a headline group (for the butting-heads penalty). */
  hasHead: boolean;
  /** Smallest height worth considering at this width. */
  minRows(span: number): number;
  /** Heights to try at this width when something else follows below (the last module of a stack takes the rest). */
  heights(span: number, maxRows: number): number[];
  cost(span: number, rows: number): number;
  /** Content in column-lines (what leaving the item off the page would lose). */
  mass(): number;
  build(place: Place): BuildResult;
}

export interface ModuleContext {
  t: LayoutTemplate;
  grid: Grid;
  fonts: FontBook;
}

const style = (ctx: ModuleContext, role: FontRole, size: number): ComposeStyle => ({
  face: ctx.fonts.face(role),
  size,
});
const placed = (line: ComposedLine, x: number, baseline: number, fill: Cmyk): PlacedLine => ({
  line,
  x,
  baseline,
  fill,
});

const settingsPlain: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'start', lastLine: 'start' };

function spansIn(columns: number, forced?: number): number[] {
  if (forced) return [Math.min(Math.max(1, forced), columns)];
  const out: number[] = [];
  for (let s = 1; s <= columns; s++) out.push(s);
  return out;
}

/** Cost of a width outside the preferred range. */
function spanCost(ctx: ModuleContext, range: readonly [number, number], span: number): number {
  const lo = Math.min(range[0], ctx.grid.columns);
  const hi = Math.min(range[1], ctx.grid.columns);
  const off = span < lo ? lo - span : span > hi ? span - hi : 0;
  return off * ctx.t.cost.span * (span < lo ? 3 : 1);
}

interface HeadLine {
  line: ComposedLine;
  role: TextRole;
  /** x shift inside the module (end-aligned lines). */
  dx: number;
  /** Baseline offset from the head group's top, pt. */
  y: number;
}

interface HeadSet {
  lines: HeadLine[];
  /** White beside the head lines, in column-lines (the make-up avoids big holes next to short heads). */
  white: number;
  /** Height of the group, pt. */
  height: number;
  overflow: number;
  mainSize: number;
}

/** 副题 text with its leading dash: `——` unless the copy already starts with one (— ⸺ ―, as the importer keeps). */
export function subheadText(s: string): string {
  return /^[\s\u3000]*[\u2014\u2E3A\u2015]/.test(s) ? s.trim() : `——${s}`;
}

/** Shape of a story module at one width: head over `hw` columns, `hr` lines high (column logo included). */
interface Shape {
  hw: number;
  hr: number;
}

/** Story modules (article, commentary): head group, then body in basic columns flowed and balanced. */
class StoryModule implements ModuleSpec {
  readonly hasHead = true;
  readonly spans: number[];
  private readonly heads = new Map<number, HeadSet>();
  private readonly body: ComposedLine[];
  /** Per body line: its role when it is not running text (credit, crosshead, note, jump, question). */
  private readonly bodyRoles: Array<TextRole | undefined>;
  private readonly bodyChars: number[];
  private readonly logoRows: number;
  private readonly shapes = new Map<number, Shape>();
  constructor(
    private readonly ctx: ModuleContext,
    readonly item: StoryItem,
    readonly order: number,
    readonly rank: Rank,
  ) {
    const t = ctx.t;
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    this.spans = spansIn(ctx.grid.columns, forced);
    // The lead keeps its rank's width: squeezing the 头条 is never a way to make room (its spans are hard limits).
    if (rank === 'lead' && !forced) {
      const [lo, hi] = this.range();
      const hard = this.spans.filter((w) => w >= Math.min(lo, ctx.grid.columns) && w <= Math.min(hi, ctx.grid.columns));
      if (hard.length) this.spans = hard;
    }
    const measure = t.geometry.columnW;
    const bodyRole = item.kind === 'commentary' ? t.body.commentaryRole : t.body.role;
    const lines: ComposedLine[] = [];
    const roles: Array<TextRole | undefined> = [];
    const push = (ls: ComposedLine[], role?: TextRole): void => {
      for (const l of ls) {
        lines.push(l);
        roles.push(role);
      }
    };
    for (const credit of item.credits)
      push(
        composeParagraph([{ text: credit, style: style(ctx, t.body.creditRole, t.body.size) }], settingsPlain, measure),
        'credit',
      );
    const marks = new Map((item.marks ?? []).map((m) => [m.paragraph, m.role] as const));
    const M = t.body.marks;
    let dateline = item.dateline;
    item.paragraphs.forEach((p, i) => {
      const mark = M ? marks.get(i) : undefined;
      if (mark === 'crosshead') {
        // 小标题: whole lines of its own, no indent, bold sans at body size.
        const al = M!.crosshead.align;
        push(
          composeParagraph(
            [{ text: p, style: style(ctx, M!.crosshead.role, t.body.size) }],
            { ...BODY_SETTINGS, indent: 0, align: al === 'center' ? 'center' : 'justify', lastLine: al },
            measure,
          ),
          'crosshead',
        );
        return;
      }
      if (mark === 'jump') {
        push(
          composeParagraph(
            [{ text: p, style: style(ctx, M!.jump.role, t.body.size) }],
            { ...settingsPlain, align: 'end', lastLine: 'end' },
            measure,
          ),
          'jump',
        );
        return;
      }
      if (mark === 'note' || mark === 'question') {
        const m = mark === 'note' ? M!.note : M!.question;
        push(
          composeParagraph(
            [{ text: p, style: style(ctx, m.role, t.body.size) }],
            { ...BODY_SETTINGS, indent: m.indent ? BODY_SETTINGS.indent : 0 },
            measure,
          ),
          mark,
        );
        return;
      }
      const runs: StyledRun[] = [];
      if (dateline) runs.push({ text: `${dateline}\u3000`, style: style(ctx, t.body.datelineRole, t.body.size) });
      dateline = null;
      runs.push({ text: p, style: style(ctx, bodyRole, t.body.size) });
      push(composeParagraph(runs, BODY_SETTINGS, measure));
    });
    this.body = lines;
    this.bodyRoles = roles;
    this.bodyChars = lines.map((l) => Array.from(l.text).length);
    this.logoRows = item.kind === 'commentary' ? t.columnLogo.lines : 0;
  }

  private range(): readonly [number, number] {
    return this.ctx.t.heads[this.rank].spans;
  }

  private head(span: number): HeadSet {
    let h = this.heads.get(span);
    if (h) return h;
    const { t } = this.ctx;
    const hs = t.heads[this.rank];
    const W = this.ctx.grid.spanW(span);
    const face = this.ctx.fonts.face(hs.role);
    // Main head: the largest size that sets on one line, else the largest within maxLines, else the smallest.
    let main: ComposedLine[] = [];
    let size = hs.sizes[hs.sizes.length - 1]!;
    const trials = hs.sizes.map((s) => ({
      s,
      lines: setHeadline(this.item.headline, { face, size: s }, W, { align: 'center', maxLines: hs.maxLines }),
    }));
    const fits = (x: { lines: ComposedLine[] }): boolean => !overfull(x.lines, W);
    const one = trials.find((x) => x.lines.length === 1 && fits(x));
    const within = trials.find((x) => x.lines.length <= hs.maxLines && fits(x));
    const pick = one ?? within;
    if (pick) {
      main = pick.lines;
      size = pick.s;
    } else {
      // Nothing fits in maxLines: the smallest size on more lines (penalised as overflow), shrunk if need be.
      main = fitHeadline(this.item.headline, { face, size }, W, { align: 'center', maxLines: hs.maxLines });
      size = main[0]?.size ?? size;
    }
    const gi = t.grades.findIndex((g) => g <= size);
    const subSize = t.grades[Math.min(t.grades.length - 1, (gi < 0 ? t.grades.length - 1 : gi) + t.secondaryGrades)]!;
    const out: HeadLine[] = [];
    let y = 0;
    const add = (lines: ComposedLine[], role: TextRole, sz: number, lead: number, align: Align = 'center'): void => {
      for (const l of lines) {
        const box = sz * lead;
        out.push({ line: l, role, dx: shiftFor(l, align, W), y: y + this.ctx.grid.baselineOffset(sz, box) });
        y += box;
      }
    };
    if (this.item.kind === 'article' && this.item.section) {
      const st = style(this.ctx, t.section.role, t.section.size);
      add(
        fitHeadline(this.item.section, st, W, { align: 'start', maxLines: 1 }),
        'section',
        t.section.size,
        this.ctx.grid.pitch / t.section.size,
      );
      y += 0.25 * this.ctx.grid.pitch;
    }
    if (this.item.kicker) {
      // 引题 flush left, 主题 centred, 副题 flush right: the classic stepped Chinese head group.
      const al: Align = span > 1 && this.item.subhead ? 'start' : 'center';
      add(
        fitHeadline(this.item.kicker, style(this.ctx, hs.kickerRole, subSize), W, { align: al, maxLines: 2 }),
        'kicker',
        subSize,
        1.3,
        al,
      );
      y += 0.1 * subSize;
    }
    add(main, 'headline', size, 1.18);
    if (this.item.subhead) {
      y += 0.15 * subSize;
      const al: Align = span > 1 && this.item.kicker ? 'end' : 'center';
      add(
        fitHeadline(subheadText(this.item.subhead), style(this.ctx, hs.kickerRole, subSize), W, {
          align: al,
          maxLines: 2,
        }),
        'subhead',
        subSize,
        1.3,
        al,
      );
    }
    const cell = (this.ctx.t.geometry.columnW + this.ctx.t.geometry.gutter) * this.ctx.grid.pitch;
    const white = out
      .filter((l) => l.role !== 'section')
      .reduce((a, l) => a + ((W - inkRight(l.line)) * l.line.size * 1.25) / cell, 0);
    h = {
      lines: out,
      white,
      height: y,
      overflow: Math.max(0, main.length - hs.maxLines) + (pick ? 0 : 1),
      mainSize: size,
    };
    this.heads.set(span, h);
    return h;
  }

  /** Lines the head group occupies at head width `hw` (whole lines, with at least half a line of space under it). */
  headRows(hw: number): number {
    return this.logoRows + Math.ceil(this.head(hw).height / this.ctx.grid.pitch + 0.5);
  }

  /**
   * How the module is shaped at `span` columns: the head over all of them, or (template sideHead) a short head group
   * over the first `hw` columns with the body running up beside it — when the full-width head would leave white.
   */
  private shape(span: number): Shape {
    let sh = this.shapes.get(span);
    if (sh) return sh;
    sh = { hw: span, hr: this.headRows(span) };
    const S = this.ctx.t.sideHead;
    const full = this.head(span);
    if (S && this.logoRows === 0 && S.ranks.includes(this.rank) && span >= S.minSpan && full.white >= S.minWhite) {
      for (let k = 2; k < span; k++) {
        const h = this.head(k);
        const same =
          h.overflow === 0 &&
          h.mainSize >= full.mainSize &&
          h.lines.filter((l) => l.role === 'headline').length <= full.lines.filter((l) => l.role === 'headline').length;
        if (!same || h.height > full.height + this.ctx.grid.pitch) continue;
        const cand: Shape = { hw: k, hr: this.headRows(k) };
        // The columns under the head must still carry a real leg.
        if (this.bottom(span, cand, 0) - cand.hr < this.ctx.t.body.minLeg) continue;
        sh = cand;
        break;
      }
    }
    this.shapes.set(span, sh);
    return sh;
  }

  /** First body row of each column (relative to the module top) with `pad` extra lines under the head. */
  private starts(span: number, sh: Shape, pad: number): number[] {
    return Array.from({ length: span }, (_, c) => (c < sh.hw ? sh.hr + pad : this.logoRows));
  }

  /** Smallest bottom row (relative) at which the body fits, columns filled left to right. */
  private bottom(span: number, sh: Shape, pad: number): number {
    const st = this.starts(span, sh, pad);
    const L = this.body.length;
    let lo = Math.max(...st.slice(0, 1), sh.hr + pad);
    let hi = lo + L;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.room(st, mid) >= L) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private room(starts: number[], bottom: number): number {
    return starts.reduce((a, s) => a + Math.max(0, bottom - s), 0);
  }

  mass(): number {
    return this.body.length + 2 * this.headRows(Math.min(2, this.ctx.grid.columns));
  }

  natural(span: number): number {
    return this.bottom(span, this.shape(span), 0);
  }

  minRows(span: number): number {
    const sh = this.shape(span);
    return sh.hr + Math.min(this.natural(span) - sh.hr, 3);
  }

  heights(span: number, maxRows: number): number[] {
    const n = this.natural(span);
    const out: number[] = [];
    for (let h = n; h <= n + this.ctx.t.cost.headPadMax && h <= maxRows; h++) out.push(h);
    if (!out.length) out.push(maxRows);
    return out;
  }

  cost(span: number, rows: number): number {
    const c = this.ctx.t.cost;
    const sh = this.shape(span);
    const n = this.natural(span);
    const head = this.head(sh.hw);
    let cost = spanCost(this.ctx, this.range(), span) + head.overflow * c.headOverflow + head.white * c.headWhite;
    const leg = n - sh.hr;
    if (leg < this.ctx.t.body.minLeg && span > 1) cost += (this.ctx.t.body.minLeg - leg) * c.shortLeg;
    if (rows >= n) {
      const extra = rows - n;
      const pad = Math.min(extra, c.headPadMax);
      cost += pad * span * c.headPad + (extra - pad) * span * c.empty;
      // White under a short last column and under the whole body: one hole.
      const white = (extra - pad) * span + (this.room(this.starts(span, sh, 0), n) - this.body.length);
      cost += (c.hole ?? 0) * Math.max(0, white - (c.holeFree ?? 0));
    } else {
      cost += Math.max(0, this.body.length - this.room(this.starts(span, sh, 0), rows)) * c.overset;
      if (rows < sh.hr) cost += 1e6;
    }
    return cost;
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const blocks: Block[] = [];
    const x = grid.colX(p.col);
    const W = grid.spanW(p.span);
    const top = grid.rowY(p.row);
    const id = this.item.id;
    const ink = t.colors.text as Cmyk;
    const sh = this.shape(p.span);
    const head = this.head(sh.hw);
    const HW = grid.spanW(sh.hw);
    const n = this.natural(p.span);
    const pad = Math.max(0, Math.min(p.rows - n, t.cost.headPadMax));
    if (this.item.kind === 'commentary') {
      const col = this.item.column;
      const h = this.logoRows * grid.pitch - 0.3 * grid.pitch;
      const r: Rect = { x, y: top, w: W, h };
      blocks.push({ kind: 'box', item: id, rect: r, fill: t.colors.logo as Cmyk });
      const lines: PlacedLine[] = [];
      const L = t.columnLogo;
      const nameLine = fitHeadline(col.name, style(this.ctx, L.role, L.size), W - 12, { align: 'start', maxLines: 1 });
      const nameBase = top + 0.35 * h + 0.44 * L.size;
      for (const l of nameLine) lines.push(placed(l, x + 6, nameBase, ink));
      if (col.romanized) {
        const rl = fitHeadline(col.romanized, style(this.ctx, L.role, L.romanizedSize), W - 12, {
          align: 'start',
          maxLines: 1,
        });
        for (const l of rl) lines.push(placed(l, x + 6, top + h - 4, ink));
      }
      if (col.editor) {
        const el = fitHeadline(col.editor, style(this.ctx, t.body.creditRole, L.editorSize), W - 12, {
          align: 'end',
          maxLines: 1,
        });
        for (const l of el)
          lines.push(
            placed(
              l,
              x + 6 + shiftFor(l, 'end', W - 12),
              top + h - 4 - (col.romanized && W < 200 ? L.romanizedSize + 3 : 0),
              ink,
            ),
          );
      }
      blocks.push({ kind: 'text', item: id, role: 'column-logo', rect: r, lines });
    }
    // Head group over its columns, centred vertically in its lines (plus any padding lines the make-up gave it).
    const headTop = top + this.logoRows * grid.pitch;
    const headH = (sh.hr - this.logoRows + pad) * grid.pitch;
    const free = headH - 0.5 * grid.pitch - head.height;
    // Free space shared evenly above the group, between its parts (引题 / 主题 / 副题) and under it: one band of white
    // above or under a head joins the separator line into a visible stripe across the module.
    let parts = 1;
    head.lines.forEach((hl, i) => {
      if (i > 0 && hl.role !== head.lines[i - 1]!.role) parts++;
    });
    // Between the parts half the share of the gaps above and under the group:
    // 副题 and 引题 stay attached to their 主题.
    const gap = Math.max(0, free) / (2 + 0.5 * (parts - 1));
    const byRole = new Map<TextRole, PlacedLine[]>();
    let part = 0;
    head.lines.forEach((hl, i) => {
      if (i > 0 && hl.role !== head.lines[i - 1]!.role) part++;
      const arr = byRole.get(hl.role) ?? [];
      arr.push(placed(hl.line, x + hl.dx, headTop + gap * (1 + 0.5 * part) + hl.y, ink));
      byRole.set(hl.role, arr);
    });
    for (const [role, lines] of byRole)
      blocks.push({ kind: 'text', item: id, role, rect: { x, y: headTop, w: HW, h: headH }, lines });
    // Body: columns filled left to right to a common bottom (the last may be short); under the head first, then
    // the columns beside it from the top. What does not fit is overset, reported, never drawn.
    const st = this.starts(p.span, sh, pad);
    const B = Math.min(this.bottom(p.span, sh, pad), p.rows);
    let k = 0;
    for (let c = 0; c < p.span; c++) {
      const lines: PlacedLine[] = [];
      const r0 = p.row + st[c]!;
      for (let r = 0; r < B - st[c]! && k < this.body.length; r++, k++) {
        const pl = placed(this.body[k]!, grid.colX(p.col + c), grid.baseline(r0 + r), ink);
        const role = this.bodyRoles[k];
        if (role) pl.role = role;
        lines.push(pl);
      }
      if (lines.length)
        blocks.push({ kind: 'text', item: id, role: 'body', rect: grid.rect(p.col + c, 1, r0, lines.length), lines });
    }
    if (k < this.body.length) {
      return {
        blocks,
        overset: { lines: this.body.length - k, chars: this.bodyChars.slice(k).reduce((s, v) => s + v, 0) },
      };
    }
    return { blocks };
  }
}

/** Photo modules: a frame elastic in height (crop range), caption and credits under it at the photo's width. */
class PhotoModule implements ModuleSpec {
  readonly hasHead = false;
  readonly rank = null;
  readonly spans: number[];
  private readonly caps = new Map<number, Array<{ line: ComposedLine; role: TextRole }>>();
  private readonly aspect: [number, number];
  private readonly preferred: number;
  private readonly range: readonly [number, number];
  readonly imageOk: boolean;
  constructor(
    private readonly ctx: ModuleContext,
    readonly item: PhotoItem,
    readonly order: number,
  ) {
    const P = ctx.t.photo;
    const px = item.image && fs.existsSync(item.image) ? imageSize(item.image) : null;
    const natural = px ? px.h / px.w : null;
    this.imageOk = natural !== null || (!!item.image && fs.existsSync(item.image));
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    // A placeholder frame (no image) is capped: only the template's placeholder widths and aspect range.
    const ph = !this.imageOk ? P.placeholder : undefined;
    this.range = ph ? ph.spans : P.spans;
    this.spans =
      ph && !forced
        ? spansIn(ctx.grid.columns).filter((s) => s >= ph.spans[0] && s <= ph.spans[1])
        : spansIn(ctx.grid.columns, forced);
    // An image is not enlarged beyond its resolution (template photo.minPpi); at least the narrowest width stays.
    if (px && P.minPpi && !forced) {
      // the tallest frame the crop range allows crops the sides most: keep that one above minPpi too
      const visibleW = px.w / (1 + P.crop);
      const maxW = (visibleW / P.minPpi) * 72;
      const ok = this.spans.filter((s) => ctx.grid.spanW(s) <= maxW);
      this.spans = ok.length ? ok : this.spans.slice(0, 1);
    }
    if (!this.spans.length) this.spans = [Math.min(ctx.grid.columns, ph?.spans[0] ?? 1)];
    if (natural) {
      this.preferred = natural;
      this.aspect = [natural * (1 - P.crop), natural * (1 + P.crop)];
    } else {
      this.aspect = ph ? [ph.aspect[0], ph.aspect[1]] : [P.aspect[0], P.aspect[1]];
      this.preferred = Math.min(Math.max(P.preferredAspect, this.aspect[0]), this.aspect[1]);
    }
  }

  private caption(span: number): Array<{ line: ComposedLine; role: TextRole }> {
    let c = this.caps.get(span);
    if (c) return c;
    const { t } = this.ctx;
    const P = t.photo;
    const W = this.ctx.grid.spanW(span);
    c = [];
    if (this.item.title)
      for (const line of fitHeadline(this.item.title, style(this.ctx, P.titleRole, P.titleSize), W, {
        align: 'start',
        maxLines: 2,
      }))
        c.push({ line, role: 'photo-title' });
    for (const line of composeParagraph(
      [{ text: this.item.caption, style: style(this.ctx, P.captionRole, P.captionSize) }],
      BODY_SETTINGS,
      W,
    ))
      c.push({ line, role: 'caption' });
    for (const cr of this.item.credits)
      for (const line of composeParagraph(
        [{ text: cr, style: style(this.ctx, t.body.creditRole, P.captionSize) }],
        { ...settingsPlain, align: 'end', lastLine: 'end' },
        W,
      ))
        c.push({ line, role: 'credit' });
    this.caps.set(span, c);
    return c;
  }

  mass(): number {
    const s = Math.min(2, this.ctx.grid.columns);
    return s * this.minRows(s);
  }

  private captionRows(span: number): number {
    return this.caption(span).length + 1;
  }

  private frameRange(span: number): [number, number] {
    const W = this.ctx.grid.spanW(span);
    const p = this.ctx.grid.pitch;
    return [Math.max(3, Math.ceil((W * this.aspect[0]) / p)), Math.max(3, Math.floor((W * this.aspect[1]) / p))];
  }

  minRows(span: number): number {
    return this.frameRange(span)[0] + this.captionRows(span);
  }

  heights(span: number, maxRows: number): number[] {
    const [lo, hi] = this.frameRange(span);
    const out: number[] = [];
    for (let f = lo; f <= hi; f++) {
      const h = f + this.captionRows(span);
      if (h <= maxRows) out.push(h);
    }
    return out;
  }

  cost(span: number, rows: number): number {
    const c = this.ctx.t.cost;
    const [lo, hi] = this.frameRange(span);
    const f = rows - this.captionRows(span);
    let cost = spanCost(this.ctx, this.range, span);
    if (f < lo) cost += (lo - f) * span * c.empty * 3 + (f < 3 ? 1e6 : 0);
    else if (f > hi) cost += (f - hi) * span * c.empty * (this.imageOk ? 1 : 3);
    const a = (Math.min(Math.max(f, lo), hi) * this.ctx.grid.pitch) / this.ctx.grid.spanW(span);
    cost += Math.abs(Math.log(a / this.preferred)) * span * c.aspect;
    return cost;
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const id = this.item.id;
    const x = grid.colX(p.col);
    const W = grid.spanW(p.span);
    const cap = this.caption(p.span);
    // A placeholder never grows beyond its cap: extra lines stay white under the caption (the make-up pays for them).
    const frameRows = this.imageOk
      ? p.rows - this.captionRows(p.span)
      : Math.min(p.rows - this.captionRows(p.span), this.frameRange(p.span)[1]);
    const frame: Rect = { x, y: grid.rowY(p.row), w: W, h: frameRows * grid.pitch + 0.4 * grid.pitch };
    const blocks: Block[] = [];
    const ink = t.colors.text as Cmyk;
    if (this.item.image && this.imageOk) {
      blocks.push({ kind: 'image', item: id, rect: frame, src: this.item.image, fit: 'cover' });
    } else {
      blocks.push({
        kind: 'box',
        item: id,
        rect: frame,
        fill: t.colors.placeholder as Cmyk,
        stroke: t.colors.rule as Cmyk,
        lineWidth: t.rules.box,
      });
      const lab = fitHeadline(t.photo.placeholderLabel, style(this.ctx, t.photo.titleRole, 14), W, {
        align: 'center',
        maxLines: 1,
      });
      blocks.push({
        kind: 'text',
        item: id,
        role: 'placeholder',
        rect: frame,
        lines: lab.map((l) => placed(l, x, frame.y + frame.h / 2 + 5, ink)),
      });
    }
    const capRow = p.row + frameRows + 1;
    const byRole = new Map<TextRole, PlacedLine[]>();
    cap.forEach((c, i) => {
      const arr = byRole.get(c.role) ?? [];
      arr.push(placed(c.line, x, grid.baseline(capRow + i), ink));
      byRole.set(c.role, arr);
    });
    let r = capRow;
    for (const [role, lines] of byRole) {
      blocks.push({ kind: 'text', item: id, role, rect: grid.rect(p.col, p.span, r, lines.length), lines });
      r += lines.length;
    }
    return { blocks };
  }
}

/** Boxed modules (ad, weather): tinted, ruled, content centred; elastic in height at a small cost. */
class BoxModule implements ModuleSpec {
  readonly hasHead = false;
  readonly rank = null;
  readonly spans: number[];
  private readonly sets = new Map<
    number,
    { lines: Array<{ line: ComposedLine; size: number; role: TextRole; align: 'center' | 'start' }>; height: number }
  >();
  constructor(
    private readonly ctx: ModuleContext,
    readonly item: AdItem | WeatherItem,
    readonly order: number,
  ) {
    const range = item.kind === 'ad' ? ctx.t.ad.spans : ctx.t.weather.spans;
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    this.spans = spansIn(ctx.grid.columns, forced);
    // An ad is booked space: only its booked widths (template ad.spans), never widened to fill the page.
    if (item.kind === 'ad' && !forced) {
      const hard = this.spans.filter(
        (w) => w >= Math.min(range[0], ctx.grid.columns) && w <= Math.min(range[1], ctx.grid.columns),
      );
      if (hard.length) this.spans = hard;
    }
  }

  private get range(): readonly [number, number] {
    return this.item.kind === 'ad' ? this.ctx.t.ad.spans : this.ctx.t.weather.spans;
  }

  private content(span: number): {
    lines: Array<{ line: ComposedLine; size: number; role: TextRole; align: 'center' | 'start' }>;
    height: number;
  } {
    let s = this.sets.get(span);
    if (s) return s;
    const { t } = this.ctx;
    const inner = this.ctx.grid.spanW(span) - 2 * t.grid.char;
    const lines: Array<{ line: ComposedLine; size: number; role: TextRole; align: 'center' | 'start' }> = [];
    if (this.item.kind === 'ad') {
      const A = t.ad;
      this.item.lines.forEach((text, i) => {
        const st = i === 0 ? style(this.ctx, A.titleRole, A.titleSize) : style(this.ctx, A.lineRole, A.lineSize);
        for (const line of fitHeadline(text, st, inner, { align: 'center', maxLines: 3 }))
          lines.push({ line, size: st.size, role: 'ad', align: 'center' });
      });
    } else {
      const Wt = t.weather;
      if (Wt.label)
        for (const line of fitHeadline(Wt.label, style(this.ctx, Wt.labelRole, Wt.labelSize), inner, {
          align: 'start',
          maxLines: 1,
        }))
          lines.push({ line, size: Wt.labelSize, role: 'weather', align: 'start' });
      for (const line of composeParagraph(
        [{ text: this.item.text, style: style(this.ctx, Wt.textRole, Wt.textSize) }],
        BODY_SETTINGS,
        inner,
      ))
        lines.push({ line, size: Wt.textSize, role: 'weather', align: 'start' });
    }
    const height = lines.reduce((h, l) => h + Math.max(this.ctx.grid.pitch, l.size * 1.3), 0);
    s = { lines, height };
    this.sets.set(span, s);
    return s;
  }

  private natural(span: number): number {
    // Content plus half a line of padding above and below (and the 0.3-line gap left under the box).
    return Math.ceil(this.content(span).height / this.ctx.grid.pitch + 1.3);
  }

  mass(): number {
    const s = Math.min(2, this.ctx.grid.columns);
    return s * this.natural(s);
  }

  minRows(span: number): number {
    return this.natural(span);
  }

  /** Most lines the box may take (ads: template ad.grow). */
  private maxRows(span: number): number {
    const n = this.natural(span);
    const g = this.item.kind === 'ad' ? this.ctx.t.ad.grow : undefined;
    return g === undefined ? 2 * n + 4 : Math.floor(n * (1 + g)) + 1;
  }

  heights(span: number, maxRows: number): number[] {
    const n = this.natural(span);
    const out: number[] = [];
    for (let h = n; h <= this.maxRows(span) && h <= maxRows; h++) out.push(h);
    return out;
  }

  cost(span: number, rows: number): number {
    const c = this.ctx.t.cost;
    const n = this.natural(span);
    let cost = spanCost(this.ctx, this.range, span);
    if (rows < n) cost += 1e6;
    const extra = Math.max(0, Math.min(rows, this.maxRows(span)) - n);
    const cheap = Math.min(extra, n + 4);
    // Lines beyond the box's largest size stay white under it: one hole.
    const white = Math.max(0, rows - this.maxRows(span)) * span;
    return (
      cost +
      cheap * span * c.elastic +
      (extra - cheap) * span * c.empty +
      white * c.empty +
      (c.hole ?? 0) * Math.max(0, white - (c.holeFree ?? 0))
    );
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const id = this.item.id;
    const rect = grid.rect(p.col, p.span, p.row, Math.min(p.rows, this.maxRows(p.span)));
    rect.h -= 0.3 * grid.pitch;
    const ink = t.colors.text as Cmyk;
    const blocks: Block[] = [
      {
        kind: 'box',
        item: id,
        rect,
        fill: (this.item.kind === 'ad' ? t.colors.adTint : t.colors.tint) as Cmyk,
        stroke: t.colors.rule as Cmyk,
        lineWidth: t.rules.box,
      },
    ];
    const c = this.content(p.span);
    let y = rect.y + (rect.h - c.height) / 2;
    const lines: PlacedLine[] = [];
    for (const l of c.lines) {
      const box = Math.max(grid.pitch, l.size * 1.3);
      lines.push(placed(l.line, rect.x + t.grid.char, y + grid.baselineOffset(l.size, box), ink));
      y += box;
    }
    blocks.push({ kind: 'text', item: id, role: this.item.kind === 'ad' ? 'ad' : 'weather', rect, lines });
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
    }
    return { blocks };
  }
}

export function makeModule(ctx: ModuleContext, item: Item, order: number, rank: Rank | null): ModuleSpec {
  switch (item.kind) {
    case 'article':
    case 'commentary':
      return new StoryModule(ctx, item, order, rank ?? (item.kind === 'commentary' ? 'commentary' : 'other'));
    case 'photo':
      return new PhotoModule(ctx, item, order);
    case 'ad':
    case 'weather':
      return new BoxModule(ctx, item, order);
    // Until these kinds have modules of their own, they are set as stories so that nothing is lost.
    case 'notice':
    case 'list':
    case 'table':
    case 'briefs':
      return new StoryModule(ctx, asArticle(item), order, rank ?? 'other');
  }
}

/** A notice, list, table or list of briefs as an article with the same text, in reading order. */
function asArticle(item: NoticeItem | ListItem | TableItem | BriefsItem): ArticleItem {
  const base = {
    kind: 'article' as const,
    id: item.id,
    kicker: null,
    subhead: null,
    credits: [] as string[],
    dateline: null,
  };
  const extra = {
    ...(item.origin ? { origin: item.origin } : {}),
    ...(item.overrides ? { overrides: item.overrides } : {}),
  };
  switch (item.kind) {
    case 'notice':
      return {
        ...base,
        ...extra,
        headline: item.title,
        paragraphs: [
          ...(item.number ? [item.number] : []),
          ...item.paragraphs,
          ...item.signature,
          ...(item.date ? [item.date] : []),
        ],
      };
    case 'list':
      return {
        ...base,
        ...extra,
        headline: item.title ?? '',
        paragraphs: [...item.intro, ...item.entries, ...item.outro],
      };
    case 'table':
      return {
        ...base,
        ...extra,
        headline: item.title ?? '',
        paragraphs: [
          ...(item.header ? [item.header.join('　')] : []),
          ...item.rows.map((r) => r.join('　')),
          ...item.notes,
        ],
      };
    case 'briefs':
      return {
        ...base,
        ...extra,
        headline: item.title ?? '',
        paragraphs: item.entries.map((b) => [briefHead(b), b.text, ...b.credits].filter(Boolean).join(' ')),
      };
  }
}

export function photoHasImage(m: ModuleSpec): boolean {
  return m instanceof PhotoModule ? m.imageOk : true;
}
