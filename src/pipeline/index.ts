/**
 * The composition root of a build: wires ingest → layout (which calls the composer) → paint → pdf, and owns the
 * diagnostics sink. The machine is checked before anything is composed; every file is written into a staging
 * folder and swapped into the output folder only when the whole set is there.
 */
import path from 'node:path';
import { DiagnosticError, Sink } from '../diag/index.js';
import { loadFontBook, PROJECT_ROOT } from '../fonts/index.js';
import { loadEdition } from '../ingest/index.js';
import type { DisplayDocument } from '../paint/display.js';
import { type ImageCache, type ImageReport, writePdf } from '../pdf/index.js';
import { preflight } from '../pdf/preflight.js';
import { renderPng } from '../preview/index.js';
import { compositionReport } from './composition-report.js';
import { checkCoverage } from './coverage.js';
import { layoutEdition, paintEdition, templateCache } from './edition.js';
import { EnvironmentError, fontProblems, outputProblems, requireEnvironment } from './environment.js';
import { OutputSet, replaceable, writeFailure } from './files.js';
import { previewHtml } from './html.js';
import { layoutReport } from './layout-report.js';
import { pageFileName, type ResolvedPrint, resolvePrint } from './print.js';
import type { BuildOptions, BuildReport, PageReport } from './report.js';

export { compositionReport } from './composition-report.js';
export { checkCoverage } from './coverage.js';
export { layoutEdition, paintEdition, templateCache } from './edition.js';
export { EnvironmentError } from './environment.js';
export { OutputSet, writeFileAtomic } from './files.js';
export { previewHtml } from './html.js';
export type { LayoutReport, ModuleReport } from './layout-report.js';
export { DEFAULT_FILES, pageFileName, paperCode } from './print.js';
export type { BuildOptions, BuildReport, PageReport, PdfStandard } from './report.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Build an edition file into `opts.outDir`: one PDF per page, the edition PDF, PNG previews, report.json, index.html. */
export async function buildEdition(editionFile: string, opts: BuildOptions, sink = new Sink()): Promise<BuildReport> {
  // 1. Read the edition; bad input throws with file and line.
  const edition = loadEdition(editionFile, sink);
  const fonts = loadFontBook();
  const templateOf = templateCache();

  // 2. Check the machine before composing: fonts, the output profile, the output folder (exit status 2).
  requireEnvironment(fontProblems(fonts, path.join(PROJECT_ROOT, 'fonts', 'fonts.yaml')));
  const first = edition.pages[0];
  const print = environment(() => resolvePrint(edition, first ? templateOf(first.layout) : null, opts));
  const notOurs = replaceable(opts.outDir);
  requireEnvironment([...outputProblems(opts.outDir, edition.pages.length), ...(notOurs ? [notOurs] : [])]);
  const output = environment(() => new OutputSet(opts.outDir));

  try {
    // 3. Every character against the face chain of its role.
    checkCoverage(edition, templateOf, fonts, sink);

    // 4. Compose and make up every page, then paint them.
    const layouts = layoutEdition(edition, sink, fonts, templateOf);
    const composition = layouts.map((l) => ({ page: l.number, stats: compositionReport(l, sink) }));
    const doc = paintEdition(edition, layouts);

    // 5. One PDF per page (preflighted), its preview, then the whole edition, all into the staging folder.
    const imageCache: ImageCache = new WeakMap();
    const pages: PageReport[] = [];
    for (const [i, page] of doc.pages.entries()) {
      const pdfName = pageFileName(print, edition.date, page.number);
      const pr = await writePage(doc, page.number, print, opts, sink, imageCache, output, pdfName);
      pages.push({ ...pr, items: edition.pages[i]?.items.length ?? 0, layout: layoutReport(layouts[i]!) });
    }
    // The edition file holds the same pages: its problems were reported once already, page by page.
    const editionStandard = print.standard;
    output.write(
      'edition.pdf',
      await writePdf(doc, { standard: editionStandard, sink: new Sink(), imageCache, images: print.images }),
    );

    // 6. The report and the browser view.
    const report = buildReport(editionFile, edition.paper.name, edition.date, print, pages, composition, sink);
    output.write('report.json', `${JSON.stringify(report, null, 1)}\n`);
    output.write('index.html', previewHtml(report));

    // 7. Deliver: swap the new set in, unless a final build has anything to fix.
    if (opts.final && (report.counts.errors > 0 || report.counts.placeholders > 0 || report.counts.overset > 0)) {
      report.delivered = false;
      output.discard();
    } else output.commit();
    return report;
  } catch (e) {
    output.discard();
    throw writeFailure(e, output.dir) ?? e;
  }
}

/** Run a step whose input problems are problems of the machine (a missing profile, an unwritable folder). */
function environment<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof EnvironmentError) throw e;
    if (e instanceof DiagnosticError) throw new EnvironmentError(e.diagnostics);
    const fail = writeFailure(e, '');
    if (fail) throw fail;
    throw e;
  }
}

/** Write one page: its PDF (shop name, with a working-name link), preflight findings, preview PNG. */
async function writePage(
  doc: DisplayDocument,
  number: number,
  print: ResolvedPrint,
  opts: BuildOptions,
  sink: Sink,
  imageCache: ImageCache,
  output: OutputSet,
  pdfName: string,
): Promise<Omit<PageReport, 'items' | 'layout'>> {
  const page = doc.pages.find((p) => p.number === number)!;
  const single: DisplayDocument = { ...doc, title: `${doc.title} 第${number}版`, pages: [page] };
  const photos: ImageReport[] = [];
  const pdf = await writePdf(single, {
    standard: print.standard,
    sink,
    imageCache,
    images: print.images,
    imageReport: photos,
  });
  output.write(pdfName, pdf);
  const alias = `page-${pad(number)}.pdf`;
  if (alias !== pdfName) output.link(alias, pdfName);
  let png: string | null = null;
  if (opts.previewDpi > 0) {
    png = `page-${pad(number)}.png`;
    output.write(png, await renderPng(pdf, 0, opts.previewDpi));
  }
  const pf =
    print.standard === 'none'
      ? { ok: true, checks: [], errors: 0, warnings: 0 }
      : await preflight(pdf, print.preflight);
  for (const c of pf.checks)
    if (!c.ok)
      sink.error(
        'preflight',
        `${pdfName} fails preflight check ${c.id} (${c.rule}): ${c.detail}`,
        { page: number },
        c.action,
      );
  return {
    number,
    pdf: pdfName,
    alias,
    png,
    preflight: {
      ok: pf.ok,
      failed: pf.checks.filter((c) => !c.ok).map((c) => c.id),
      errors: pf.errors,
      warnings: pf.warnings,
    },
    photos,
  };
}

function buildReport(
  editionFile: string,
  paper: string,
  date: string,
  print: ResolvedPrint,
  pages: PageReport[],
  composition: BuildReport['composition'],
  sink: Sink,
): BuildReport {
  const diagnostics = sink.items;
  const count = (code: string): number => diagnostics.filter((d) => d.code === code).length;
  return {
    edition: path.basename(editionFile),
    paper,
    date,
    standard: print.standard,
    output: {
      condition: print.images.profile.identifier,
      profile: path.basename(print.images.profile.file),
      inkLimit: print.images.inkLimit,
      ppi: { warn: print.images.warnPpi, error: print.images.errorPpi },
    },
    pages,
    editionPdf: 'edition.pdf',
    delivered: true,
    counts: {
      errors: sink.errors.length,
      warnings: sink.warnings.length,
      overset: count('overset'),
      heldOver: count('held-over'),
      missingImages: count('missing-image'),
      placeholders: count('missing-image'),
    },
    composition,
    diagnostics,
  };
}
