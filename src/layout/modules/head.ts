/**
 * Head groups (引题 / 主题 / 副题, with a section label above): set at a width for a rank. The main head takes
 * the largest size of its rank that sets on one line, else the largest that sets in the rank's maxLines (at most
 * two balanced lines, doc §6.2 Q10); a width where no size of the rank fits is not a width for the head at all.
 * Line breaks are the composer's (text/headline.ts: phrase boundaries only).
 */
import { largestEmptyRect } from '../empty-rect.js';
import type { ComposedLine } from '../../text/types.js';
import { breaksWord, fitHeadline, inkRight, overfull, setHeadline, shiftFor, type Align } from '../headline-fit.js';
import type { LayoutTemplate } from '../template.js';
import type { TextRole } from '../types.js';
import { type ModuleContext, shared, style } from './spec.js';

export interface HeadLine {
  line: ComposedLine;
  role: TextRole;
  /** x shift inside the head width (centred or end-aligned lines). */
  dx: number;
  /** Baseline offset from the head group's top, pt. */
  y: number;
}

export interface HeadGroup {
  lines: HeadLine[];
  /** Height of the group, pt. */
  height: number;
  mainSize: number;
  mainLines: number;
  /** White beside the head lines, in column-lines. */
  white: number;
  /** The main head sets within the rank's sizes and maxLines at this width, 引题 and 副题 in at most two lines. */
  ok: boolean;
  /** Lines of the 引题 and the 副题. */
  deckLines: number;
}

export interface HeadText {
  section?: string | undefined;
  kicker: string | null;
  headline: string;
  subhead: string | null;
}

export type HeadStyle = LayoutTemplate['heads']['lead'];

/** 副题 text with its leading dash: `——` unless the copy already starts with one (— ⸺ ―, as the importer keeps). */
export function subheadText(s: string): string {
  return /^[\s\u3000]*[\u2014\u2E3A\u2015]/.test(s) ? s.trim() : `——${s}`;
}

/** The main head at width W: the size and lines chosen, or null when no size of the rank fits. */
export function chooseMain(
  ctx: ModuleContext,
  text: string,
  hs: HeadStyle,
  W: number,
  fixed?: number,
): { size: number; lines: ComposedLine[] } | null {
  const face = ctx.fonts.face(hs.role);
  const sizes = fixed ? [fixed] : hs.sizes;
  let within: { size: number; lines: ComposedLine[] } | null = null;
  for (const s of sizes) {
    const lines = setHeadline(text, { face, size: s }, W, { align: 'center', maxLines: hs.maxLines });
    if (overfull(lines, W) || lines.length > hs.maxLines || breaksWord(lines)) continue;
    if (lines.length === 1) return { size: s, lines };
    within ??= { size: s, lines };
  }
  return within;
}

/** Set a head group at width W (pt) over `span` columns. */
export function setHeadGroup(
  ctx: ModuleContext,
  h: HeadText,
  hs: HeadStyle,
  W: number,
  span: number,
  fixed?: number,
): HeadGroup {
  // the same head at the same width and style is set once per page (its layouts share ctx.flows)
  const key = `head|${ctx.t.name}|${JSON.stringify([h, hs, W, span, fixed ?? null])}`;
  return shared(ctx.flows, key, () => composeHeadGroup(ctx, h, hs, W, span, fixed));
}

function composeHeadGroup(
  ctx: ModuleContext,
  h: HeadText,
  hs: HeadStyle,
  W: number,
  span: number,
  fixed?: number,
): HeadGroup {
  const { t, grid } = ctx;
  const { typography } = t;
  const pick = chooseMain(ctx, h.headline, hs, W, fixed);
  let main: ComposedLine[];
  let size: number;
  if (pick) {
    main = pick.lines;
    size = pick.size;
  } else {
    size = fixed ?? hs.sizes[hs.sizes.length - 1]!;
    main = fitHeadline(h.headline, style(ctx, hs.role, size), W, { align: 'center', maxLines: hs.maxLines });
  }
  const gi = t.grades.findIndex((g) => g <= size);
  const subSize = t.grades[Math.min(t.grades.length - 1, (gi < 0 ? t.grades.length - 1 : gi) + t.secondaryGrades)]!;
  const out: HeadLine[] = [];
  let y = 0;
  let deckLines = 0;
  let decksOk = true;
  /** 引题 / 副题 in at most two lines at their size; smaller only as a last resort (the width is then not ok). */
  const deck = (text: string, size: number, align: Align): ComposedLine[] => {
    const st = style(ctx, hs.kickerRole, size);
    const two = setHeadline(text, st, W, { align, maxLines: 2 });
    if (two.length <= 2 && !overfull(two, W) && !breaksWord(two)) return two;
    decksOk = false;
    return fitHeadline(text, st, W, { align, maxLines: 2 });
  };
  const add = (lines: ComposedLine[], role: TextRole, sz: number, lead: number, align: Align = 'center'): void => {
    for (const l of lines) {
      const box = sz * lead;
      out.push({ line: l, role, dx: shiftFor(l, align, W), y: y + grid.baselineOffset(sz, box) });
      y += box;
    }
  };
  if (h.section) {
    add(
      fitHeadline(h.section, style(ctx, t.section.role, t.section.size), W, { align: 'start', maxLines: 1 }),
      'section',
      t.section.size,
      grid.pitch / t.section.size,
      'start',
    );
    y += typography.sectionGap * grid.pitch;
  }
  if (h.kicker) {
    // 引题 flush left, 主题 centred, 副题 flush right: the classic stepped Chinese head group.
    const al: Align = span > 1 && h.subhead ? 'start' : 'center';
    const k = deck(h.kicker, subSize, al);
    deckLines += k.length;
    add(k, 'kicker', subSize, typography.deckLeading, al);
    y += typography.kickerGap * subSize;
  }
  add(main, 'headline', size, typography.headLeading);
  if (h.subhead) {
    y += typography.subheadGap * subSize;
    const al: Align = span > 1 && h.kicker ? 'end' : 'center';
    const sub = deck(subheadText(h.subhead), subSize, al);
    deckLines += sub.length;
    add(sub, 'subhead', subSize, typography.deckLeading, al);
  }
  const cell = (t.geometry.columnW + t.geometry.gutter) * grid.pitch;
  const white = out
    .filter((l) => l.role !== 'section')
    .reduce((a, l) => a + ((W - inkRight(l.line)) * l.line.size * typography.headLeading) / cell, 0);
  return {
    lines: out,
    height: y,
    mainSize: size,
    mainLines: main.length,
    white,
    ok: pick !== null && decksOk,
    deckLines,
  };
}

/** Lines a head group of `height` pt occupies on the grid, with at least headSpace lines of space under it. */
export function headRows(ctx: ModuleContext, height: number): number {
  return Math.ceil(height / ctx.grid.pitch + ctx.t.typography.headSpace);
}

/** A single line of a small title (notice, table, list, briefs) set to fit W, centred or flush left. */
export function titleLines(
  ctx: ModuleContext,
  text: string,
  role: Parameters<typeof style>[1],
  size: number,
  W: number,
  align: Align,
): ComposedLine[] {
  return fitHeadline(text, style(ctx, role, size), W, { align, maxLines: 2 });
}

export { setHeadline };

/**
 * The largest empty rectangle inside a head group's block (W pt wide, `rows` lines high), in column-lines: the
 * white beside a short centred head on a wide module is a hole like any other (doc §6.2 Q3).
 */
export function headHole(ctx: ModuleContext, head: HeadGroup, W: number, rows: number): number {
  let byBlock = holes.get(head);
  if (!byBlock) {
    byBlock = new Map();
    holes.set(head, byBlock);
  }
  const key = `${ctx.t.name}|${W}|${rows}`;
  let v = byBlock.get(key);
  if (v === undefined) {
    v = measureHeadHole(ctx, head, W, rows);
    byBlock.set(key, v);
  }
  return v;
}

/** Head groups are shared by a page's layouts (see setHeadGroup): their holes by width and rows, measured once. */
const holes = new WeakMap<HeadGroup, Map<string, number>>();

function measureHeadHole(ctx: ModuleContext, head: HeadGroup, W: number, rows: number): number {
  const { grid, t } = ctx;
  const cell = 2;
  const H = rows * grid.pitch;
  const cw = Math.max(1, Math.ceil(W / cell));
  const ch = Math.max(1, Math.ceil(H / cell));
  const full = new Uint8Array(cw * ch);
  const offsets = headOffsets(ctx, head, H);
  head.lines.forEach((hl, i) => {
    const g = hl.line.glyphs;
    if (!g.length) return;
    const size = hl.line.size;
    const base = offsets[i]!;
    const x0 = hl.dx + g[0]!.x;
    // a section label runs into its rule to the head's end (see StoryModule.placeHead)
    const x1 = hl.role === 'section' ? W : hl.dx + g[g.length - 1]!.x + g[g.length - 1]!.advance;
    const y0 = base - t.typography.emAscent * size;
    const y1 = base + (1 - t.typography.emAscent) * size;
    const c0 = Math.max(0, Math.floor(x0 / cell));
    const c1 = Math.min(cw, Math.ceil(x1 / cell));
    for (let r = Math.max(0, Math.floor(y0 / cell)); r < Math.min(ch, Math.ceil(y1 / cell)); r++)
      full.fill(1, r * cw + c0, r * cw + Math.max(c0, c1));
  });
  const best = largestEmptyRect(full, cw, ch).area;
  return (best * cell * cell) / ((t.geometry.columnW + t.geometry.gutter) * grid.pitch);
}

/**
 * Baselines of a head group's lines from the top of its block of height H: the free space shared above the group,
 * between its parts (引题 / 主题 / 副题, half shares, so 副题 and 引题 stay attached to their 主题) and under it.
 */
export function headOffsets(ctx: ModuleContext, head: HeadGroup, H: number): number[] {
  const { grid, t } = ctx;
  const free = H - t.typography.headSpace * grid.pitch - head.height;
  let parts = 1;
  head.lines.forEach((hl, i) => {
    if (i > 0 && hl.role !== head.lines[i - 1]!.role) parts++;
  });
  const gap = Math.max(0, free) / (2 + 0.5 * (parts - 1));
  let part = 0;
  return head.lines.map((hl, i) => {
    if (i > 0 && hl.role !== head.lines[i - 1]!.role) part++;
    return gap * (1 + 0.5 * part) + hl.y;
  });
}
