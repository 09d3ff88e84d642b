/**
 * Where each diagnostic of a build belongs on the pages: its page and item, and whether the item has a module
 * on that page to mark. Stages locate what they report as they know it (layout by page and item, the importer
 * by file and line, preflight by page); this reads the build report to place every one of them:
 *
 * - `at.page` and `at.item` when given;
 * - else the item whose copy, story or image file and line it names (the last item starting at or before the
 *   line), on the page given if one is;
 * - else the one page an item id is on.
 *
 * A diagnostic with none of these (a problem of the edition file itself) belongs to the edition.
 */
import type { Diagnostic } from '../diag/index.js';
import type { BuildReport } from './report.js';

export interface Place {
  /** The page it belongs to; null: the edition as a whole. */
  page: number | null;
  item: string | null;
  /** The item has a module on the page (a marker can sit on it); false for held items and page-level problems. */
  onPage: boolean;
}

type Pages = BuildReport['pages'];

function fromOrigin(d: Diagnostic, pages: Pages): { page: number; item: string | null } | null {
  const { file, line } = d.at;
  if (file === undefined) return null;
  for (const p of pages) {
    if (d.at.page !== undefined && p.number !== d.at.page) continue;
    const from = p.origins.filter((o) => o.file === file);
    if (!from.length) continue;
    if (d.at.item !== undefined) return { page: p.number, item: d.at.item };
    // the item whose text starts last at or before the line (a story file holds one item)
    let best: (typeof from)[number] | null = null;
    for (const o of from) if (line === undefined || o.line <= line) if (!best || o.line >= best.line) best = o;
    return { page: p.number, item: best?.item ?? (from.length === 1 ? from[0]!.item : null) };
  }
  return null;
}

function onPage(pages: Pages, page: number | null, item: string | null): boolean {
  if (page === null || item === null) return false;
  return pages.some((p) => p.number === page && p.layout.modules.some((m) => m.item === item));
}

/** The place of every diagnostic of `report`, in the order of `report.diagnostics`. */
export function placeDiagnostics(report: Pick<BuildReport, 'pages' | 'diagnostics'>): Place[] {
  const pages = report.pages;
  return report.diagnostics.map((d): Place => {
    let page = d.at.page ?? null;
    let item = d.at.item ?? null;
    if (page === null || item === null) {
      const o = fromOrigin(d, pages);
      if (o) {
        page ??= o.page;
        item ??= o.item;
      } else if (page === null && item !== null) {
        const having = pages.filter((p) => p.origins.some((x) => x.item === item));
        if (having.length === 1) page = having[0]!.number;
      }
    }
    return { page, item, onPage: onPage(pages, page, item) };
  });
}
