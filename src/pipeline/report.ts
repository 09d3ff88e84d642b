/** The build report (out/report.json): what was built, every diagnostic, and the layout of every page. */
import type { Diagnostic } from '../diag/index.js';
import type { ImageReport } from '../pdf/index.js';
import type { CompositionStats } from '../text/index.js';
import type { LayoutReport } from './layout-report.js';

export type PdfStandard = 'x1a' | 'x4' | 'none';

export interface BuildOptions {
  outDir: string;
  /** PDF standard; default: the edition's or template's `print.standard`, else x1a. */
  standard?: PdfStandard;
  /** The shop's CMYK output profile (overrides the edition and the template). */
  profile?: string;
  /** Preview resolution in dpi; 0 = no PNG previews. */
  previewDpi: number;
  /**
   * The night's last build: nothing is delivered (the previous files stay) if there is any error, a photo
   * placeholder or overset text.
   */
  final?: boolean;
  /**
   * Build only this page (`build --page N`): the other pages' files of the previous build of the same edition
   * in the folder are carried into the new set with their report entries, this page's files and entry are
   * replaced, and `edition.pdf` (which would no longer match) is left out until the next whole build.
   */
  page?: number;
  /** Told each step of each page as it starts (for progress bars). */
  onProgress?: (p: BuildProgress) => void;
}

/** The steps of a page's build, in order. */
export const BUILD_STEPS = ['layout', 'paint', 'pdf', 'preflight', 'png'] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

/** A page's build reached `step` (`done`: finished). `index` of `total` pages being built in this run. */
export interface BuildProgress {
  page: number;
  step: BuildStep | 'done';
  index: number;
  total: number;
}

export interface PageReport {
  number: number;
  /** The page's PDF as the print shop receives it (e.g. `PHRB-20240703-A01.pdf`). */
  pdf: string;
  /** Working name of the same file (`page-01.pdf`, a link) for previews and tools. */
  alias: string;
  png: string | null;
  items: number;
  /**
   * Where each item of the page came from: its copy or story file (1-based line of its start) and its image
   * file (line 0). Places diagnostics that stages locate by file (pipeline/places.ts).
   */
  origins: Array<{ item: string; file: string; line: number }>;
  preflight: { ok: boolean; failed: string[]; errors: number; warnings: number };
  /** Every placed photo: item, file, effective ppi, what the source held, largest total ink. */
  photos: ImageReport[];
  /** Where everything is on the page: grid, modules, quality figures. */
  layout: LayoutReport;
}

export interface BuildReport {
  edition: string;
  paper: string;
  date: string;
  standard: PdfStandard;
  /** The output condition photos were separated for, and its profile file. */
  output: { condition: string; profile: string; inkLimit: number; ppi: { warn: number; error: number } };
  pages: PageReport[];
  /** The edition PDF; null when the folder holds none that matches the pages (after `build --page N`). */
  editionPdf: string | null;
  /** False when a --final build refused to deliver (errors, placeholders or overset): nothing was replaced. */
  delivered: boolean;
  /** `overset`: items whose text did not all fit; `heldOver`: items left off the page because they did not fit. */
  counts: {
    errors: number;
    warnings: number;
    overset: number;
    heldOver: number;
    missingImages: number;
    placeholders: number;
  };
  /** The composition report of the body text, per page: counts of each rule applied, loosest/tightest lines. */
  composition: Array<{ page: number; stats: CompositionStats }>;
  diagnostics: Diagnostic[];
}

/** The counts of a report, from its diagnostics (a missing image is drawn as a placeholder frame). */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): BuildReport['counts'] {
  const count = (code: string): number => diagnostics.filter((d) => d.code === code).length;
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    overset: count('overset'),
    heldOver: count('held-over'),
    missingImages: count('missing-image'),
    placeholders: count('missing-image'),
  };
}
