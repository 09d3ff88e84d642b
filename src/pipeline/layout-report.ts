/**
 * The layout part of the build report: where every module of a page is, in pt with the origin at the top-left
 * of the trim and y down (as in layout/types.ts), what it holds (head size, lines, legs, photo crop and effective
 * resolution, continuation, overset), and the page's quality figures (doc §6.2 Q3–Q15) as the engine computed
 * them — so that a preview can draw grids, module outlines and the markers of diagnostics over the page.
 */
import type { Rect } from '../core/units.js';
import type { PageLayout, PageQuality } from '../layout/types.js';

export interface ModuleReport {
  /** Item id; null for the masthead and page furniture. */
  item: string | null;
  kind: string;
  rect: Rect;
  /** 1-based first column, span in columns, 0-based first row (grid line) and rows, as an editor pins them. */
  column: number;
  span: number;
  row: number;
  rows: number;
  /** Largest headline size of the module in pt; null when it has no headline. */
  headSize: number | null;
  /** Body lines set in the module. */
  lines: number;
  /** Story rank (lead, secondary, other, brief, commentary, continued). */
  rank?: string;
  /** Main-head lines and the columns the head group covers (fewer than span: a side head). */
  head?: { lines: number; cols: number };
  /** Lines per body column, left to right; `short`: lines the last column is short of the others. */
  legs?: number[];
  short?: number;
  /** Blank lines added at paragraph breaks; lines of white under the body. */
  blanks?: number;
  white?: number;
  /** Photos: frame width/height, the image's own, the visible part of the image, effective ppi. */
  photo?: {
    aspect: number;
    imageAspect: number | null;
    crop: { x: number; y: number; w: number; h: number } | null;
    ppi: number | null;
  };
  /** The story continues from page `from` (上接) and/or on page `to` (下转). */
  continued?: { from?: number; to?: number };
  /** Text of the module that does not fit (reported as `overset`). */
  overset?: { lines: number; chars: number };
  /** Ads: at their booked place and size. */
  booked?: boolean;
}

export interface LayoutReport {
  template: string;
  trim: { width: number; height: number; bleed: number };
  typeArea: Rect;
  grid: { columns: number; lines: number; pitch: number; firstBaseline: number; columnX: number[]; columnW: number };
  modules: ModuleReport[];
  held: string[];
  overset: Array<{ item: string; lines: number; chars: number }>;
  /** Stories this page continues on later pages: where their text resumes. */
  jumps: Array<{ item: string; to: number; lines: number; chars: number }>;
  /** The page's quality figures (doc §6.2), computed by the engine. */
  quality: QualityReport;
}

/** Q3 hole (share of the type area), Q4 balance, Q7 butting, Q8 stacked, Q9 hierarchy, Q12–Q15. */
export interface QualityReport {
  q3: { hole: number; at: Rect | null; emptyLines: number };
  q4: { unbalanced: number; worstShort: number };
  q7: number;
  q8: number;
  q9: number;
  q12: number;
  q13: { shortestLeg: number | null; shortLegs: number };
  q14: { problems: number; minPpi: number | null };
  q15: number;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export function qualityReport(q: PageQuality): QualityReport {
  return {
    q3: {
      hole: Math.round(q.hole * 10000) / 10000,
      at: q.holeAt ? { ...q.holeAt } : null,
      emptyLines: Math.round(q.emptyLines),
    },
    q4: { unbalanced: q.unbalanced, worstShort: q.worstShort },
    q7: q.butting,
    q8: q.stacked,
    q9: q.hierarchy,
    q12: q.widows,
    q13: { shortestLeg: q.shortestLeg, shortLegs: q.shortLegs },
    q14: { problems: q.photoProblems, minPpi: q.minPpi === null ? null : Math.round(q.minPpi) },
    q15: q.adProblems,
  };
}

/** One line per page for the build's output: the quality figures. */
export function qualityLine(q: QualityReport): string {
  return `Q3 hole ${(q.q3.hole * 100).toFixed(2)} %, Q4 unbalanced ${q.q4.unbalanced}, Q7 butting ${q.q7}, Q8 stacked ${q.q8}, Q9 hierarchy ${q.q9}, Q12 widows ${q.q12}, Q13 shortest leg ${q.q13.shortestLeg ?? '–'}, Q14 photo problems ${q.q14.problems}${q.q14.minPpi !== null ? ` (min ${q.q14.minPpi} ppi)` : ''}, Q15 ad problems ${q.q15}`;
}

/** Read a page layout (read-only) into its report. */
export function layoutReport(layout: PageLayout): LayoutReport {
  const modules = layout.modules.map((m): ModuleReport => {
    let headSize: number | null = null;
    let lines = 0;
    for (const b of layout.blocks) {
      if (b.kind !== 'text' || b.item !== m.item || m.item === null) continue;
      if (b.role === 'headline' || b.role === 'title')
        for (const pl of b.lines) for (const g of pl.line.glyphs) headSize = Math.max(headSize ?? 0, g.size);
      if (b.role === 'body') lines += b.lines.length;
    }
    const r: ModuleReport = {
      item: m.item,
      kind: m.kind,
      rect: { ...m.rect },
      column: m.column + 1,
      span: m.span,
      row: m.row,
      rows: m.rows,
      headSize,
      lines,
    };
    const i = m.info;
    if (i) {
      if (i.rank) r.rank = i.rank;
      if (i.head) r.head = { lines: i.head.lines, cols: i.head.cols };
      if (i.legs.length) {
        r.legs = [...i.legs];
        r.short = i.short;
      }
      if (i.blanks) r.blanks = i.blanks;
      if (i.white) r.white = i.white;
      if (i.photo)
        r.photo = {
          aspect: r2(i.photo.aspect),
          imageAspect: i.photo.imageAspect === null ? null : r2(i.photo.imageAspect),
          crop: i.photo.crop
            ? { x: r2(i.photo.crop.x), y: r2(i.photo.crop.y), w: r2(i.photo.crop.w), h: r2(i.photo.crop.h) }
            : null,
          ppi: i.photo.ppi === null ? null : Math.round(i.photo.ppi),
        };
      if (i.continued) r.continued = { ...i.continued };
      if (i.overset) r.overset = { ...i.overset };
      if (i.booked !== undefined) r.booked = i.booked;
    }
    return r;
  });
  const { columns, lines, pitch, firstBaseline, columnX, columnW } = layout.grid;
  return {
    template: layout.template,
    trim: { width: layout.width, height: layout.height, bleed: layout.bleed },
    typeArea: { ...layout.typeArea },
    grid: { columns, lines, pitch, firstBaseline, columnX: [...columnX], columnW },
    modules,
    held: [...layout.held],
    overset: layout.overset.map((o) => ({ ...o })),
    jumps: layout.jumps.map((j) => ({ item: j.item, to: j.to, lines: j.lines, chars: j.chars })),
    quality: qualityReport(layout.quality),
  };
}
