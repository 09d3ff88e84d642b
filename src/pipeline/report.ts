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
}

export interface PageReport {
  number: number;
  pdf: string;
  png: string | null;
  items: number;
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
