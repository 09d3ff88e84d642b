/**
 * The print settings of a build, from the command line, the edition file's `print:` section and the layout
 * template's `print:` section (in that order of precedence), over the defaults; and the shop's page file names.
 */
import path from 'node:path';
import type { LayoutTemplate } from '../layout/index.js';
import type { Edition, PrintSettings } from '../model/edition.js';
import {
  DEFAULT_ERROR_PPI,
  DEFAULT_INK_LIMIT,
  DEFAULT_PROFILE,
  DEFAULT_WARN_PPI,
  type ImageSettings,
  loadOutputProfile,
} from '../pdf/index.js';
import type { PreflightOptions } from '../pdf/preflight.js';
import type { PdfStandard } from './report.js';

/** Default page file name: paper code, edition date, section letter and page number (`PHRB-20240703-A01.pdf`). */
export const DEFAULT_FILES = '{code}-{date}-{section}{page}.pdf';
export const DEFAULT_SECTION = 'A';
/** Thinnest rule a coldset press holds (GWG2015 effective line width; newspaper practice 0.25 pt). */
export const DEFAULT_HAIRLINE = 0.25;

/** What the command line can set. */
export interface PrintOverrides {
  standard?: PdfStandard;
  profile?: string;
}

export interface ResolvedPrint {
  standard: PdfStandard;
  images: ImageSettings;
  preflight: Required<PreflightOptions>;
  code: string;
  files: string;
  section: string;
}

/** Merge the settings (command line > edition > template > defaults) and load the output profile. */
export function resolvePrint(edition: Edition, template: LayoutTemplate | null, cli: PrintOverrides): ResolvedPrint {
  const ed: PrintSettings = edition.print ?? {};
  const tp = template?.print ?? {};
  const tpProfile = tp.profile && template ? path.resolve(path.dirname(template.file), tp.profile) : undefined;
  const profileFile = cli.profile ? path.resolve(cli.profile) : (ed.profile ?? tpProfile ?? DEFAULT_PROFILE);
  const inkLimit = ed.inkLimit ?? tp.inkLimit ?? DEFAULT_INK_LIMIT;
  const warnPpi = ed.ppi?.warn ?? tp.ppi?.warn ?? DEFAULT_WARN_PPI;
  const errorPpi = ed.ppi?.error ?? tp.ppi?.error ?? DEFAULT_ERROR_PPI;
  const hairline = ed.hairline ?? tp.hairline ?? DEFAULT_HAIRLINE;
  return {
    standard: cli.standard ?? ed.standard ?? tp.standard ?? 'x1a',
    images: { profile: loadOutputProfile(profileFile), inkLimit, warnPpi, errorPpi },
    preflight: { inkLimit, minPpi: errorPpi, warnPpi, minLineWidth: hairline },
    code: ed.code ?? paperCode(edition.paper.romanized ?? '') ?? 'PAPER',
    files: ed.files ?? DEFAULT_FILES,
    section: ed.section ?? DEFAULT_SECTION,
  };
}

/** Pinyin syllables: an optional initial, then the longest final (a greedy reading of romanized names). */
const SYLLABLE =
  /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ve|a|o|e|i|u|v)/;

/**
 * A paper code from the romanized name: the initial letter of every pinyin syllable (`PINGHU RIBAO` → `PHRB`), as
 * Chinese papers abbreviate their names. Null when there is no romanized name.
 */
export function paperCode(romanized: string): string | null {
  let out = '';
  for (const word of romanized
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)) {
    let rest = word;
    while (rest) {
      const m = SYLLABLE.exec(rest);
      const len = m?.[0].length ?? 1;
      // keep an n/g that starts the next syllable (xian'gang): back off when the rest would start with a vowel
      let take = len;
      if (m && take < rest.length && /[aeiouv]/.test(rest[take]!) && /(n|ng)$/.test(m[0]) && take > 1) take -= 1;
      out += rest[0]!.toUpperCase();
      rest = rest.slice(take);
    }
  }
  return out || null;
}

/** The shop's file name of a page. Tokens: {code} {date} (yyyymmdd) {yyyy} {mm} {dd} {section} {page} (01) {n} (1). */
export function pageFileName(print: ResolvedPrint, date: string, page: number): string {
  const [y = '', m = '', d = ''] = date.split('-');
  const values: Record<string, string> = {
    code: print.code,
    date: `${y}${m}${d}`,
    yyyy: y,
    mm: m,
    dd: d,
    section: print.section,
    page: String(page).padStart(2, '0'),
    n: String(page),
  };
  return print.files.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);
}
