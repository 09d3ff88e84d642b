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
}

export interface PageReport {
  number: number;
  /** The page's PDF as the print shop receives it (e.g. `PHRB-20240703-A01.pdf`). */
  pdf: string;
  /** Working name of the same file (`page-01.pdf`, a link) for previews and tools. */
  alias: string;
  png: string | null;
  items: number;
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
  editionPdf: string;
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
