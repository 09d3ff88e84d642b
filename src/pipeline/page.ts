/**
 * One page of a build, from its layout to a checked print PDF: the composition report, paint, the PDF, and
 * preflight. A page with proof marks (overset) also gets a proof PDF, the file previews render: the print
 * page's operations with the marks on top, written unlabelled because it never goes to print.
 */
import { Sink } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import type { PageLayout } from '../layout/types.js';
import type { DisplayDocument, DisplayPage } from '../paint/display.js';
import { paintPage } from '../paint/page.js';
import { proofPage } from '../paint/proof.js';
import { type ImageCache, type ImageReport, writePdf } from '../pdf/index.js';
import { preflight } from '../pdf/preflight.js';
import type { CompositionStats } from '../text/index.js';
import { compositionReport } from './composition-report.js';
import type { ResolvedPrint } from './print.js';
import type { BuildStep, PageReport } from './report.js';

export interface PageContext {
  /** Title and date of the edition's documents (`paintEdition`'s). */
  title: string;
  date: string;
  fonts: FontBook;
  /** The build's print settings: standard, output profile, ink and resolution limits. */
  print: ResolvedPrint;
  imageCache: ImageCache;
  /** Told when each step starts. */
  step: (s: BuildStep) => void;
}

export interface PagePdfs {
  composition: CompositionStats;
  /** The print page's display list. */
  display: DisplayPage;
  /** The print PDF of the page. */
  pdf: Buffer;
  /** The proof PDF (print page + proof marks), when the page has marks; previews render it instead of `pdf`. */
  proof: Buffer | null;
  /** Every placed photo: effective ppi, what the source held, largest total ink. */
  photos: ImageReport[];
}

export type PreflightSummary = PageReport['preflight'];

/** Compose the report, paint and write one laid-out page. Its problems go to `sink`. */
export async function writePage(layout: PageLayout, ctx: PageContext, sink: Sink): Promise<PagePdfs> {
  // The composer's line problems and statistics.
  const composition = compositionReport(layout, sink);
  // Paint the print page, and its proof variant when the page has something to mark.
  ctx.step('paint');
  const display = paintPage(layout);
  const proofDisplay = proofPage(display, layout, ctx.fonts);
  // Write the print PDF, photos separated for the output profile; the proof PDF's problems are the print
  // PDF's, reported once.
  ctx.step('pdf');
  const single: DisplayDocument = { title: `${ctx.title} 第${layout.number}版`, date: ctx.date, pages: [display] };
  const parsedFont = (file: string): unknown => ctx.fonts.parsed(file);
  const common = { imageCache: ctx.imageCache, images: ctx.print.images, parsedFont };
  const photos: ImageReport[] = [];
  const pdf = await writePdf(single, { ...common, standard: ctx.print.standard, sink, imageReport: photos });
  const proof = proofDisplay
    ? await writePdf({ ...single, pages: [proofDisplay] }, { ...common, standard: 'none', sink: new Sink() })
    : null;
  return { composition, display, pdf, proof, photos };
}

/**
 * Preflight a page's print PDF (`pdfName`: the shop's file name) with the build's preflight options; each failed
 * check becomes an error located at the page, with the check's action as its hint.
 */
export async function checkPage(
  page: number,
  pdfName: string,
  pdf: Buffer,
  print: ResolvedPrint,
  sink: Sink,
): Promise<PreflightSummary> {
  const pf =
    print.standard === 'none'
      ? { ok: true, checks: [], errors: 0, warnings: 0 }
      : await preflight(pdf, print.preflight);
  for (const c of pf.checks)
    if (!c.ok)
      sink.error('preflight', `${pdfName} fails preflight check ${c.id} (${c.rule}): ${c.detail}`, { page }, c.action);
  return {
    ok: pf.ok,
    failed: pf.checks.filter((c) => !c.ok).map((c) => c.id),
    errors: pf.errors,
    warnings: pf.warnings,
  };
}
