/**
 * `build --page N` keeps the output folder one consistent build: the new set is the previous build's, with
 * page N's files and report entry replaced. This merges the one-page build's report into the previous one:
 * the other pages' entries, diagnostics and composition figures as the previous build left them, page N's and
 * the edition-wide ones from this build, the counts over the whole. The edition PDF is left out (it would no
 * longer match page N) until the next build of the whole edition.
 *
 * The previous build counts only if it is of the same edition, paper and date with the same print settings
 * (standard, output condition, file names); otherwise the folder holds page N alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MARKER_FILE } from './files.js';
import { placeDiagnostics } from './places.js';
import { type BuildReport, countDiagnostics } from './report.js';

/** The report of the build in `outDir`, if there is one that can be read. */
export function previousReport(outDir: string): BuildReport | null {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(outDir, MARKER_FILE), 'utf8')) as BuildReport;
    return Array.isArray(r.pages) && Array.isArray(r.diagnostics) ? r : null;
  } catch {
    return null;
  }
}

/**
 * The report of the folder after a build of page `page` alone (`fresh`): merged into `previous` when that is
 * a build of the same edition and settings. `numbers` are the edition's page numbers in order; `fileOf` gives a
 * page's shop file name under this build's settings.
 */
export function onePageReport(
  previous: BuildReport | null,
  fresh: BuildReport,
  page: number,
  numbers: readonly number[],
  fileOf: (n: number) => string,
): BuildReport {
  const kept = (previous?.pages ?? []).filter((p) => p.number !== page && numbers.includes(p.number));
  const same =
    previous !== null &&
    previous.edition === fresh.edition &&
    previous.paper === fresh.paper &&
    previous.date === fresh.date &&
    previous.standard === fresh.standard &&
    JSON.stringify(previous.output) === JSON.stringify(fresh.output) &&
    kept.every((p) => p.pdf === fileOf(p.number));
  if (!same) return { ...fresh, editionPdf: null };
  const order = (n: number): number => numbers.indexOf(n);
  const pages = [...kept, ...fresh.pages].sort((a, b) => order(a.number) - order(b.number));
  // Diagnostics: this build's edition-wide ones first, then page by page, page N's from this build.
  const before = placeDiagnostics(previous);
  const now = placeDiagnostics(fresh);
  const of = (r: BuildReport, places: typeof now, n: number | null) =>
    r.diagnostics.filter((_, i) => (places[i]?.page ?? null) === n);
  const diagnostics = [
    ...of(fresh, now, null),
    ...pages.flatMap((p) => (p.number === page ? of(fresh, now, page) : of(previous, before, p.number))),
  ];
  const composition = pages.flatMap((p) =>
    (p.number === page ? fresh : previous).composition.filter((c) => c.page === p.number),
  );
  return { ...fresh, pages, editionPdf: null, counts: countDiagnostics(diagnostics), composition, diagnostics };
}
