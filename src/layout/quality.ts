/**
 * The page's quality figures (doc §6.2), computed from the layout itself the way an outside checker reads the
 * printed page: Q3 the largest empty rectangle in the type area (everything that prints is ink: glyph boxes,
 * images, tints, frames, rules), Q4 balance, Q7 heads side by side with no text between them, Q8 heads stacked,
 * Q9 hierarchy, Q12 widows, Q13 legs, Q14 photos, Q15 ads.
 */
import type { Rect } from '../core/units.js';
import type { ComposedLine } from '../text/types.js';
import { largestEmptyRect } from './empty-rect.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module, PageQuality, PlacedLine } from './types.js';

/** Raster resolution of the hole search, pt per cell (36 dpi, as the page checkers read a PDF). */
const CELL = 2;
/** pt of a glyph's ink box edge that renders lighter than ink at that resolution. */
const EDGE = 0.75;
/** Text at least this size reads as a head (the size the outside checkers use). */
export const HEAD_PT = 13;
/** Masthead names are larger than any head. */
const MAST_PT = 60;

const inkCache = new WeakMap<ComposedLine, Float64Array>();

/**
 * A composed line's glyph ink boxes relative to its origin and baseline (x0, y0, x1, y1 each, y down), less the
 * anti-aliased edge a 36 dpi rendering shows lighter than ink. Lines are shared by every arrangement of a page, so
 * each is measured once.
 */
function inkBoxes(line: ComposedLine): Float64Array {
  let out = inkCache.get(line);
  if (out) return out;
  const boxes: number[] = [];
  for (const g of line.glyphs) {
    const ink = g.face.ink(g.gid);
    if (ink.xMax <= ink.xMin) continue;
    boxes.push(
      g.x + ink.xMin * g.size + EDGE,
      -g.dy - ink.yMax * g.size + EDGE,
      g.x + ink.xMax * g.size - EDGE,
      -g.dy - ink.yMin * g.size - EDGE,
    );
  }
  out = Float64Array.from(boxes);
  inkCache.set(line, out);
  return out;
}

/** Largest axis-aligned empty rectangle inside `area` not covered by any printed block, as a share of `area`. */
export function largestHole(blocks: Block[], area: Rect): { share: number; rect: Rect | null } {
  const W = Math.ceil(area.w / CELL);
  const H = Math.ceil(area.h / CELL);
  const full = new Uint8Array(W * H);
  const mark = (x0: number, y0: number, x1: number, y1: number): void => {
    const c0 = Math.max(0, Math.floor((x0 - area.x) / CELL));
    const c1 = Math.min(W, Math.ceil((x1 - area.x) / CELL));
    const r0 = Math.max(0, Math.floor((y0 - area.y) / CELL));
    const r1 = Math.min(H, Math.ceil((y1 - area.y) / CELL));
    for (let r = r0; r < r1; r++) full.fill(1, r * W + c0, r * W + Math.max(c0, c1));
  };
  for (const b of blocks) {
    if (b.kind === 'image') mark(b.rect.x, b.rect.y, b.rect.x + b.rect.w, b.rect.y + b.rect.h);
    else if (b.kind === 'box') {
      const r = b.rect;
      if (b.fill?.some((v) => v > 0)) mark(r.x, r.y, r.x + r.w, r.y + r.h);
      else if (b.stroke) {
        const w = Math.max(CELL / 2, b.lineWidth ?? 0.5);
        mark(r.x, r.y, r.x + r.w, r.y + w);
        mark(r.x, r.y + r.h - w, r.x + r.w, r.y + r.h);
        mark(r.x, r.y, r.x + w, r.y + r.h);
        mark(r.x + r.w - w, r.y, r.x + r.w, r.y + r.h);
      }
    } else if (b.kind === 'rule') {
      const w = Math.max(CELL / 4, b.lineWidth / 2);
      mark(Math.min(b.x1, b.x2) - w, Math.min(b.y1, b.y2) - w, Math.max(b.x1, b.x2) + w, Math.max(b.y1, b.y2) + w);
    }
    // every glyph's ink box: white between and around glyphs is white on the printed page too
    else
      for (const pl of b.lines) {
        const ink = inkBoxes(pl.line);
        for (let k = 0; k < ink.length; k += 4)
          mark(pl.x + ink[k]!, pl.baseline + ink[k + 1]!, pl.x + ink[k + 2]!, pl.baseline + ink[k + 3]!);
      }
  }
  const e = largestEmptyRect(full, W, H);
  const at: Rect | null = e.area
    ? { x: area.x + e.col * CELL, y: area.y + e.row * CELL, w: e.cols * CELL, h: e.rows * CELL }
    : null;
  return { share: (e.area * CELL * CELL) / (area.w * area.h), rect: at };
}

interface HeadBox extends Rect {
  item: string | null;
  size: number;
}

/**
 * A text line's vertical extent as a PDF reader reports its characters' boxes: from the line's fonts' ascender
 * to their descender (mutool's quads, pdftotext's boxes), not the ideographic em box, which is shorter.
 */
function lineExtent(l: PlacedLine): { y0: number; y1: number } {
  let a = 0;
  let d = 0;
  for (const g of l.line.glyphs) {
    a = Math.max(a, g.face.ascent);
    d = Math.min(d, g.face.descent);
  }
  return { y0: l.baseline - a * l.line.size, y1: l.baseline - d * l.line.size };
}

/**
 * Head-sized text, one box per module (its 引题, 主题 and 副题, or logo and head, read as one head group, as an
 * outside checker merges neighbouring head lines); page furniture one box per block; masthead names left out.
 */
export function headBoxes(blocks: Block[]): HeadBox[] {
  const groups = new Map<string, PlacedLine[]>();
  let k = 0;
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    const big = b.lines.filter((l) => l.line.size >= HEAD_PT && l.line.size < MAST_PT && l.line.glyphs.length);
    if (!big.length) continue;
    const key = b.item ?? `\u0000${k++}`;
    groups.set(key, [...(groups.get(key) ?? []), ...big]);
  }
  const out: HeadBox[] = [];
  for (const [key, big] of groups) {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    let size = 0;
    for (const l of big) {
      const g = l.line.glyphs;
      x0 = Math.min(x0, l.x + g[0]!.x);
      x1 = Math.max(x1, l.x + g[g.length - 1]!.x + g[g.length - 1]!.advance);
      const e = lineExtent(l);
      y0 = Math.min(y0, e.y0);
      y1 = Math.max(y1, e.y1);
      size = Math.max(size, l.line.size);
    }
    out.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0, item: key.startsWith('\u0000') ? null : key, size });
  }
  return out;
}

/** Every text line's box and size (for "text between two heads"). */
function lineBoxes(blocks: Block[]): Array<Rect & { size: number }> {
  const out: Array<Rect & { size: number }> = [];
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    for (const l of b.lines) {
      const g = l.line.glyphs;
      if (!g.length) continue;
      const e = lineExtent(l);
      out.push({
        x: l.x + g[0]!.x,
        y: e.y0,
        w: g[g.length - 1]!.x + g[g.length - 1]!.advance - g[0]!.x,
        h: e.y1 - e.y0,
        size: l.line.size,
      });
    }
  }
  return out;
}

/** Pairs of heads of different modules side by side at the same height with no text between them (Q7). */
export function buttingPairs(blocks: Block[], minRatio: number): Array<[HeadBox, HeadBox]> {
  const heads = headBoxes(blocks);
  const lines = lineBoxes(blocks);
  const out: Array<[HeadBox, HeadBox]> = [];
  for (let i = 0; i < heads.length; i++)
    for (let j = i + 1; j < heads.length; j++) {
      const a = heads[i]!;
      const b = heads[j]!;
      if (a.item === b.item) continue;
      const top = Math.max(a.y, b.y);
      const bot = Math.min(a.y + a.h, b.y + b.h);
      if (bot <= top) continue;
      const [L, R] = a.x < b.x ? [a, b] : [b, a];
      if (R.x <= L.x + L.w) continue;
      if (Math.max(a.size, b.size) / Math.min(a.size, b.size) >= minRatio) continue;
      const between = lines.some(
        (g) => g.x >= L.x + L.w - 0.5 && g.x + g.w <= R.x + 0.5 && g.y < bot && g.y + g.h > top,
      );
      if (!between) out.push([L, R]);
    }
  return out;
}

/** Heads directly under another module's head with no text between them in the columns they share (Q8). */
function stackedPairs(blocks: Block[]): number {
  const heads = headBoxes(blocks).filter((h) => h.item !== null);
  const lines = lineBoxes(blocks);
  let n = 0;
  for (const a of heads)
    for (const b of heads) {
      if (a === b || a.item === b.item || b.y < a.y + a.h) continue;
      const x0 = Math.max(a.x, b.x);
      const x1 = Math.min(a.x + a.w, b.x + b.w);
      if (x1 <= x0) continue;
      const between = lines.some(
        (g) => g.x < x1 && g.x + g.w > x0 && g.y >= a.y + a.h - 0.5 && g.y + g.h <= b.y + 0.5 && g.size < HEAD_PT,
      );
      if (!between) n++;
    }
  return n;
}

const RANK_ORDER = ['lead', 'secondary', 'other', 'brief'];

export function pageQuality(t: LayoutTemplate, modules: Module[], blocks: Block[], typeArea: Rect): PageQuality {
  const hole = largestHole(blocks, typeArea);
  const butting = buttingPairs(blocks, t.butting.minRatio);
  let unbalanced = 0;
  let worstShort = 0;
  let widows = 0;
  let shortest: number | null = null;
  let shortLegs = 0;
  let photoProblems = 0;
  let minPpi: number | null = null;
  let adProblems = 0;
  let hierarchy = 0;
  const cells = new Uint8Array(t.grid.columns * t.grid.lines);
  let white = 0;
  for (const m of modules) {
    for (let r = Math.max(0, m.row - 1); r < Math.min(t.grid.lines, m.row + m.rows + 1); r++)
      cells.fill(1, r * t.grid.columns + m.column, r * t.grid.columns + m.column + m.span);
    const info = m.info;
    if (!info) continue;
    white += info.white * m.span + info.short;
    widows += info.widows;
    if (info.legs.length > 1) {
      if (info.short > 1) unbalanced++;
      worstShort = Math.max(worstShort, info.short);
    }
    // Q13 counts the legs of modules with body columns side by side (a one-column text is not a leg)
    const legs = info.legs.filter((l) => l > 0);
    if (legs.length > 1)
      for (const l of legs) {
        shortest = shortest === null ? l : Math.min(shortest, l);
        if (l < t.body.minLeg) shortLegs++;
      }
    if (info.photo) {
      const p = info.photo;
      if (p.aspect > p.range[0] + 0.01 || p.aspect < p.range[1] - 0.01) photoProblems++;
      if (p.ppi !== null) {
        minPpi = minPpi === null ? p.ppi : Math.min(minPpi, p.ppi);
        if (p.ppi < t.photo.reportPpi) photoProblems++;
      }
    }
    if (m.kind === 'ad') {
      if (info.booked === false) adProblems++;
      // booked at the foot: on the last line, or on another ad
      const onFoot =
        m.row + m.rows >= t.grid.lines ||
        modules.some(
          (o) =>
            o.kind === 'ad' &&
            o.row === m.row + m.rows + 1 &&
            o.column < m.column + m.span &&
            m.column < o.column + o.span,
        );
      if (!onFoot && !m.info?.pinned) adProblems++;
      if (butting.some(([a, b]) => a.item === m.item || b.item === m.item)) adProblems++;
    }
  }
  // Q9: a story of a lower rank with a larger main head than one of a higher rank; the lead off the top third.
  const stories = modules.filter((m) => m.info?.rank && RANK_ORDER.includes(m.info.rank) && m.info.head);
  for (const a of stories)
    for (const b of stories) {
      const ra = RANK_ORDER.indexOf(a.info!.rank!);
      const rb = RANK_ORDER.indexOf(b.info!.rank!);
      if (ra < rb && b.info!.head!.size > a.info!.head!.size + 0.01) hierarchy++;
    }
  const lead = modules.find((m) => m.info?.rank === 'lead');
  if (lead && lead.row > t.grid.lines / 3) hierarchy++;
  let empty = 0;
  for (const v of cells) if (!v) empty++;
  return {
    hole: hole.share,
    holeAt: hole.rect,
    unbalanced,
    worstShort,
    butting: butting.length,
    stacked: stackedPairs(blocks),
    hierarchy,
    widows,
    shortestLeg: shortest,
    shortLegs,
    photoProblems,
    minPpi,
    adProblems,
    emptyLines: empty + white,
  };
}
