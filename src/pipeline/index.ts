/**
 * The composition root of a build: wires ingest → layout (which calls the composer) → paint → pdf, and owns the
 * diagnostics sink. Pure with respect to the file system except for the explicit write step at the end.
 */
import path from 'node:path';
import { Sink } from '../diag/index.js';
import { loadEdition } from '../ingest/index.js';
import type { DisplayDocument } from '../paint/display.js';
import { type ImageCache, writePdf } from '../pdf/index.js';
import { preflight } from '../pdf/preflight.js';
import { renderPng } from '../preview/index.js';
import { compositionReport } from './composition-report.js';
import { layoutEdition, paintEdition } from './edition.js';
import { writeFileAtomic } from './files.js';
import { previewHtml } from './html.js';
import { layoutReport } from './layout-report.js';
import type { BuildOptions, BuildReport, PageReport } from './report.js';

export { compositionReport } from './composition-report.js';
export { layoutEdition, paintEdition } from './edition.js';
export { writeFileAtomic } from './files.js';
export { previewHtml } from './html.js';
export type { LayoutReport, ModuleReport, QualityReport } from './layout-report.js';
export { qualityLine } from './layout-report.js';
export type { BuildOptions, BuildReport, PageReport, PdfStandard } from './report.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Build an edition file into `opts.outDir`: one PDF per page, the edition PDF, PNG previews, report.json, index.html. */
export async function buildEdition(editionFile: string, opts: BuildOptions, sink = new Sink()): Promise<BuildReport> {
  const edition = loadEdition(editionFile, sink);
  const layouts = layoutEdition(edition, sink);
  const composition = layouts.map((l) => ({ page: l.number, stats: compositionReport(l, sink) }));
  const doc = paintEdition(edition, layouts);

  // Render everything in memory first; files are written only once every page succeeded.
  const outputs: Array<[string, Uint8Array | string]> = [];
  const imageCache: ImageCache = new WeakMap();
  const pages: PageReport[] = [];
  for (const [i, page] of doc.pages.entries()) {
    const single: DisplayDocument = { ...doc, title: `${doc.title} 第${page.number}版`, pages: [page] };
    const pdf = await writePdf(single, { standard: opts.standard, sink, imageCache });
    const pdfName = `page-${pad(page.number)}.pdf`;
    outputs.push([pdfName, pdf]);
    let pngName: string | null = null;
    if (opts.previewDpi > 0) {
      pngName = `page-${pad(page.number)}.png`;
      outputs.push([pngName, await renderPng(pdf, 0, opts.previewDpi)]);
    }
    const pf = opts.standard === 'none' ? { ok: true, checks: [] } : await preflight(pdf);
    for (const c of pf.checks) {
      if (!c.ok)
        sink.error(
          'preflight',
          `preflight check ${c.id} failed: ${c.detail}`,
          { page: page.number },
          'report this as a banmian bug; the file will be rejected by the print shop',
        );
    }
    pages.push({
      number: page.number,
      pdf: pdfName,
      png: pngName,
      items: edition.pages[i]?.items.length ?? 0,
      preflight: { ok: pf.ok, failed: pf.checks.filter((c) => !c.ok).map((c) => c.id) },
      layout: layoutReport(layouts[i]!),
    });
  }
  // The edition file holds the same pages: its problems were reported once already, page by page.
  const editionPdf = await writePdf(doc, { standard: opts.standard, sink: new Sink(), imageCache });
  outputs.push(['edition.pdf', editionPdf]);

  const diagnostics = sink.items;
  const report: BuildReport = {
    edition: path.basename(editionFile),
    paper: edition.paper.name,
    date: edition.date,
    standard: opts.standard,
    pages,
    editionPdf: 'edition.pdf',
    counts: {
      errors: sink.errors.length,
      warnings: sink.warnings.length,
      overset: diagnostics.filter((d) => d.code === 'overset').length,
      heldOver: diagnostics.filter((d) => d.code === 'held-over').length,
      missingImages: diagnostics.filter((d) => d.code === 'missing-image').length,
    },
    composition,
    diagnostics,
  };
  outputs.push(['report.json', `${JSON.stringify(report, null, 1)}\n`]);
  outputs.push(['index.html', previewHtml(report)]);
  for (const [name, bytes] of outputs) writeFileAtomic(path.join(opts.outDir, name), bytes);
  return report;
}
