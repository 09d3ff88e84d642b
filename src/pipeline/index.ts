/**
 * The composition root of a build: wires ingest → layout (which calls the composer) → paint → pdf → preview,
 * and owns the diagnostics sink. `banmian build` and the preview server build through the same incremental
 * EditionBuilder (builder.ts), which checks the machine and every character before composing; the files go
 * into the output folder as one set, swapped in when complete (deliver.ts).
 */
import { Sink } from '../diag/index.js';
import { renderPng } from '../preview/index.js';
import { EditionBuilder } from './builder.js';
import { deliver, type PageFiles } from './deliver.js';
import { onePageReport, previousReport } from './one-page.js';
import type { BuildOptions, BuildReport } from './report.js';

export { EditionBuilder, pageAliasName, pagePngName, type BuiltPage, type EditionBuild } from './builder.js';
export { compositionReport } from './composition-report.js';
export { checkCoverage } from './coverage.js';
export { deliver, EDITION_PDF, type PageFiles } from './deliver.js';
export {
  type LayoutMemo,
  layoutEdition,
  type PlannedPage,
  paintEdition,
  planEdition,
  templateCache,
} from './edition.js';
export { EnvironmentError } from './environment.js';
export { OutputSet, writeFileAtomic } from './files.js';
export { previewHtml } from './html.js';
export type { LayoutReport, ModuleReport, QualityReport } from './layout-report.js';
export { qualityLine } from './layout-report.js';
export { placeDiagnostics, type Place } from './places.js';
export { DEFAULT_FILES, pageFileName, paperCode } from './print.js';
export type { BuildOptions, BuildProgress, BuildReport, BuildStep, PageReport, PdfStandard } from './report.js';
export { BUILD_STEPS } from './report.js';

/**
 * Build an edition file into `opts.outDir`: one PDF per page under the shop's file name (with its `page-NN.pdf`
 * link), the edition PDF, PNG previews, report.json, index.html. With `opts.page`, that page's files replace
 * its files in the folder's previous build of the edition. Returns the report of what this build built (with
 * `opts.page`: that page), as delivered.
 */
export async function buildEdition(editionFile: string, opts: BuildOptions, sink = new Sink()): Promise<BuildReport> {
  // 1. The build: the machine (fonts, profile, output folder) and every character checked before composing,
  // then each page laid out, painted, written and preflighted (builder.ts, page.ts).
  const builder = new EditionBuilder(editionFile, {
    ...(opts.standard ? { standard: opts.standard } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    previewDpi: opts.previewDpi,
    outDir: opts.outDir,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const build = await builder.build(sink, opts.page === undefined ? {} : { page: opts.page });

  // 2. The previews, from the proof PDF where a page has proof marks (overset), never from marks in print.
  const files: PageFiles[] = [];
  for (const [index, page] of build.pages.entries()) {
    const png = opts.previewDpi > 0 ? await preview(page.proof ?? page.pdf, page.number, index) : null;
    files.push({ number: page.number, pdf: page.pdf, ...(png ? { png } : {}) });
  }
  async function preview(pdf: Buffer, page: number, index: number): Promise<Buffer> {
    opts.onProgress?.({ page, step: 'png', index, total: build.pages.length });
    return renderPng(pdf, 0, opts.previewDpi);
  }

  // 3. Deliver the whole edition, or (--page) this page within the folder's previous build.
  const report = builder.report();
  if (opts.page === undefined)
    return deliver(opts.outDir, report, files, {
      editionPdf: await builder.editionPdf(),
      ...(opts.final ? { final: true } : {}),
    });
  const numbers = build.edition.pages.map((p) => p.number);
  const whole = onePageReport(previousReport(opts.outDir), report, opts.page, numbers, (n) => builder.pageFile(n));
  const done = deliver(opts.outDir, whole, files, { editionPdf: null, ...(opts.final ? { final: true } : {}) });
  return { ...report, editionPdf: null, delivered: done.delivered };
}
