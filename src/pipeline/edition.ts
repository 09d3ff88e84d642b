/** Lay out and paint a whole edition in memory (no files). */
import type { Sink } from '../diag/index.js';
import { loadFontBook, type FontBook } from '../fonts/index.js';
import { layoutPage, loadTemplate } from '../layout/index.js';
import type { LayoutTemplate } from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
import type { Edition } from '../model/edition.js';
import type { DisplayDocument } from '../paint/display.js';
import { paintPage } from '../paint/page.js';

/** A template loader that loads each template once (pages sharing a template share it). */
export function templateCache(): (layout: string) => LayoutTemplate {
  const templates = new Map<string, LayoutTemplate>();
  return (layout) => {
    let template = templates.get(layout);
    if (!template) {
      template = loadTemplate(layout);
      templates.set(layout, template);
    }
    return template;
  };
}

/**
 * Lay out every page of an edition (no files written), or only the pages numbered in `only` (an incremental
 * build: each page is still laid out against the whole edition, whose other pages its 导读 and 今日N版 read).
 */
export function layoutEdition(
  edition: Edition,
  sink: Sink,
  fonts: FontBook = loadFontBook(),
  templateOf: (layout: string) => LayoutTemplate = templateCache(),
  only?: ReadonlySet<number>,
): PageLayout[] {
  const pages = only ? edition.pages.filter((p) => only.has(p.number)) : edition.pages;
  return pages.map((page) => layoutPage(page, edition, templateOf(page.layout), fonts, sink));
}

export function paintEdition(edition: Edition, layouts: PageLayout[]): DisplayDocument {
  return {
    title: `${edition.paper.name} ${edition.date}`,
    date: edition.date,
    pages: layouts.map((l) => paintPage(l)),
  };
}
