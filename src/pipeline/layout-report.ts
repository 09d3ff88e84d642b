/**
 * The layout part of the build report: where every module of a page is, in pt with the origin at the top-left
 * of the trim and y down (as in layout/types.ts), so that a preview can draw grids, module outlines and the
 * markers of diagnostics (located by page and item) over the rendered page.
 */
import type { Rect } from '../core/units.js';
import type { PageLayout } from '../layout/types.js';

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
}

export interface LayoutReport {
  template: string;
  trim: { width: number; height: number; bleed: number };
  typeArea: Rect;
  grid: { columns: number; lines: number; pitch: number; firstBaseline: number; columnX: number[]; columnW: number };
  modules: ModuleReport[];
  held: string[];
  overset: Array<{ item: string; lines: number; chars: number }>;
}

/** Read a page layout (read-only) into its report. */
export function layoutReport(layout: PageLayout): LayoutReport {
  const modules = layout.modules.map((m): ModuleReport => {
    let headSize: number | null = null;
    let lines = 0;
    for (const b of layout.blocks) {
      if (b.kind !== 'text' || b.item !== m.item || m.item === null) continue;
      if (b.role === 'headline')
        for (const pl of b.lines) for (const g of pl.line.glyphs) headSize = Math.max(headSize ?? 0, g.size);
      if (b.role === 'body') lines += b.lines.length;
    }
    return {
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
  };
}
