/**
 * The composition root of a build: wires ingest → layout (which calls the composer) → paint → pdf, and owns the
 * diagnostics sink. Pure with respect to the file system except for the explicit write step at the end.
 */
import path from 'node:path';
import { Sink } from '../diag/index.js';
import { renderPng } from '../preview/index.js';
import { EditionBuilder, pagePdfName, pagePngName } from './builder.js';
import { writeFileAtomic } from './files.js';
import { previewHtml } from './html.js';
import type { BuildOptions, BuildReport } from './report.js';

export { compositionReport } from './composition-report.js';
export { layoutEdition, paintEdition } from './edition.js';
export { writeFileAtomic } from './files.js';
export { previewHtml } from './html.js';
export type { LayoutReport, ModuleReport } from './layout-report.js';
export type { BuildOptions, BuildProgress, BuildReport, BuildStep, PageReport, PdfStandard } from './report.js';
export { BUILD_STEPS } from './report.js';
export { EditionBuilder, pagePdfName, pagePngName, type BuiltPage, type EditionBuild } from './builder.js';
export { placeDiagnostics, type Place } from './places.js';

/**
 * Build an edition file into `opts.outDir`: one PDF per page, the edition PDF, PNG previews, report.json,
 * index.html (with `opts.page`: that page's PDF and PNG only).
 */
export async function buildEdition(editionFile: string, opts: BuildOptions, sink = new Sink()): Promise<BuildReport> {
  // Lay out, paint, write and check every page (builder.ts; page.ts for one page).
  const builder = new EditionBuilder(editionFile, {
    standard: opts.standard,
    previewDpi: opts.previewDpi,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const build = await builder.build(sink, opts.page === undefined ? {} : { page: opts.page });
  // Render the previews (proof pages where a page has proof marks) in memory; files are written only once
  // every page succeeded.
  const outputs: Array<[string, Uint8Array | string]> = [];
  for (const [index, page] of build.pages.entries()) {
    outputs.push([pagePdfName(page.number), page.pdf]);
    if (opts.previewDpi > 0) {
      opts.onProgress?.({ page: page.number, step: 'png', index, total: build.pages.length });
      outputs.push([pagePngName(page.number), await renderPng(page.proof ?? page.pdf, 0, opts.previewDpi)]);
    }
  }
  const report = builder.report();
  // The edition-wide files describe every page: a one-page build leaves them as they are.
  if (opts.page === undefined) {
    outputs.push([report.editionPdf, await builder.editionPdf()]);
    outputs.push(['report.json', `${JSON.stringify(report, null, 1)}\n`]);
    outputs.push(['index.html', previewHtml(report)]);
  }
  for (const [name, bytes] of outputs) writeFileAtomic(path.join(opts.outDir, name), bytes);
  return report;
}
