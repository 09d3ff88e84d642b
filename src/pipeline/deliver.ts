/**
 * Delivery: a build into the output folder, as one set. Every file goes into the staging set (files.ts): the
 * files given are written, the others the report names (an incremental rebuild's unchanged pages, the pages a
 * `build --page N` did not build) are carried over from the folder's current set; each page's working name
 * (`page-01.pdf`) links to its shop name. Then report.json and index.html, and the set is swapped in, so the
 * folder always holds one consistent build: a build that fails or is killed leaves the previous set, and a
 * final build with anything to fix delivers nothing.
 */
import { DiagnosticError } from '../diag/index.js';
import { OutputSet, writeFailure } from './files.js';
import { previewHtml } from './html.js';
import type { BuildReport } from './report.js';

export const EDITION_PDF = 'edition.pdf';

/** A page's new files; a file left out is carried from the current set. */
export interface PageFiles {
  number: number;
  pdf?: Uint8Array;
  png?: Uint8Array;
}

export interface DeliverOptions {
  /** The edition PDF: written anew, carried from the current set (if it is there), or none. */
  editionPdf: Uint8Array | 'carry' | null;
  /** The night's last build: nothing is delivered if there is any error, photo placeholder or overset. */
  final?: boolean;
}

/** Deliver `report`'s files into `outDir`; returns the report as delivered (its edition PDF, `delivered`). */
export function deliver(outDir: string, report: BuildReport, files: PageFiles[], opts: DeliverOptions): BuildReport {
  let output: OutputSet;
  try {
    output = new OutputSet(outDir);
  } catch (e) {
    throw writeFailure(e, outDir) ?? e;
  }
  try {
    // 1. Every page's print PDF, its working-name link and its preview, written or carried.
    const given = new Map(files.map((f) => [f.number, f]));
    const missing: string[] = [];
    const put = (name: string, bytes: Uint8Array | undefined): void => {
      if (bytes) output.write(name, bytes);
      else if (!output.carry(name)) missing.push(name);
    };
    for (const p of report.pages) {
      const f = given.get(p.number);
      put(p.pdf, f?.pdf);
      if (p.alias !== p.pdf) output.link(p.alias, p.pdf);
      if (p.png) put(p.png, f?.png);
    }
    if (missing.length)
      throw new DiagnosticError([
        {
          severity: 'error',
          code: 'output-changed',
          message: `${output.dir} no longer holds ${missing.join(', ')} of the previous build; nothing was replaced`,
          at: { file: output.dir },
          hint: 'build the whole edition again (banmian build without --page)',
        },
      ]);
    // 2. The edition PDF, when there is one that matches the pages.
    let editionPdf: string | null = null;
    if (opts.editionPdf === 'carry') editionPdf = output.carry(EDITION_PDF) ? EDITION_PDF : null;
    else if (opts.editionPdf) {
      output.write(EDITION_PDF, opts.editionPdf);
      editionPdf = EDITION_PDF;
    }
    // 3. A final build with anything to fix delivers nothing: the previous set stays.
    const c = report.counts;
    const delivered = !(opts.final && (c.errors > 0 || c.placeholders > 0 || c.overset > 0));
    const out: BuildReport = { ...report, editionPdf, delivered };
    if (!delivered) {
      output.discard();
      return out;
    }
    // 4. The report and the static browser view, then swap the set in.
    output.write('report.json', `${JSON.stringify(out, null, 1)}\n`);
    output.write('index.html', previewHtml(out));
    output.commit();
    return out;
  } catch (e) {
    output.discard();
    throw writeFailure(e, output.dir) ?? e;
  }
}
