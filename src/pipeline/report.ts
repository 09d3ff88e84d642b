/** The build report (out/report.json): what was built, every diagnostic, and the layout of every page. */
import type { Diagnostic } from '../diag/index.js';
import type { CompositionStats } from '../text/index.js';
import type { LayoutReport } from './layout-report.js';

export type PdfStandard = 'x1a' | 'x4' | 'none';

export interface BuildOptions {
  outDir: string;
  standard: PdfStandard;
  /** Preview resolution in dpi; 0 = no PNG previews. */
  previewDpi: number;
  /**
   * Build only this page (`build --page N`): its PDF and PNG are written; the edition PDF, report.json and
   * index.html, which describe the whole edition, are left as they are.
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
  pdf: string;
  png: string | null;
  items: number;
  /**
   * Where each item of the page came from: its copy or story file (1-based line of its start) and its image
   * file (line 0). Places diagnostics that stages locate by file (pipeline/places.ts).
   */
  origins: Array<{ item: string; file: string; line: number }>;
  preflight: { ok: boolean; failed: string[] };
  /** Where everything is on the page: grid, modules, quality figures. */
  layout: LayoutReport;
}

export interface BuildReport {
  edition: string;
  paper: string;
  date: string;
  standard: PdfStandard;
  pages: PageReport[];
  editionPdf: string;
  /** `overset`: items whose text did not all fit; `heldOver`: items left off the page because they did not fit. */
  counts: { errors: number; warnings: number; overset: number; heldOver: number; missingImages: number };
  /** The composition report of the body text, per page: counts of each rule applied, loosest/tightest lines. */
  composition: Array<{ page: number; stats: CompositionStats }>;
  diagnostics: Diagnostic[];
}
