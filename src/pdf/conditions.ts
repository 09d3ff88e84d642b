/**
 * Output conditions: the characterization data sets registered in the ICC Characterization Data Registry
 * (http://www.color.org, reference names as PDF/X output intents use them, ISO 15930-1 §6.4 / ISO 15930-7 §6.2.4),
 * and whether each one describes printing on newsprint. A PDF/X file for a newspaper must name a registered
 * newsprint condition, or embed the print shop's own profile (DestOutputProfile) for an unregistered one.
 */

export interface OutputCondition {
  /** Reference name, as written in OutputConditionIdentifier. */
  id: string;
  /** What was printed and measured. */
  what: string;
  /** True for coldset/newsprint conditions (ISO 12647-3 and its national equivalents). */
  newsprint: boolean;
}

/** Registered conditions we know by name. Anything else is "unknown" (and needs an embedded profile). */
export const REGISTERED_CONDITIONS: readonly OutputCondition[] = [
  { id: 'IFRA26', what: 'coldset offset on newsprint, ISO 12647-3:2004, 26 % TVI', newsprint: true },
  { id: 'IFRA30', what: 'coldset offset on newsprint, ISO 12647-3:2004, 30 % TVI', newsprint: true },
  { id: 'CGATS TR 002', what: 'coldset offset on newsprint (ANSI CGATS/SNAP TR 002-2007)', newsprint: true },
  { id: 'CGATS 21-2-CRPC1', what: 'CRPC1, newsprint (CGATS 21-2)', newsprint: true },
  { id: 'JCN2002', what: 'Japan Color 2002 Newspaper', newsprint: true },
  { id: 'CGATS TR 001', what: 'SWOP publication printing on coated paper', newsprint: false },
  { id: 'CGATS TR 003', what: 'heatset web offset, grade 5 paper', newsprint: false },
  { id: 'CGATS TR 005', what: 'sheetfed offset, grade 2 coated paper', newsprint: false },
  { id: 'CGATS TR 006', what: 'gravure on grade 5 paper', newsprint: false },
  { id: 'CGATS 21-2-CRPC2', what: 'CRPC2, uncoated (CGATS 21-2)', newsprint: false },
  { id: 'CGATS 21-2-CRPC3', what: 'CRPC3, uncoated (CGATS 21-2)', newsprint: false },
  { id: 'CGATS 21-2-CRPC4', what: 'CRPC4, coated #5 (CGATS 21-2)', newsprint: false },
  { id: 'CGATS 21-2-CRPC5', what: 'CRPC5, coated #3 (CGATS 21-2)', newsprint: false },
  { id: 'CGATS 21-2-CRPC6', what: 'CRPC6, premium coated (CGATS 21-2)', newsprint: false },
  { id: 'CGATS 21-2-CRPC7', what: 'CRPC7, extended gamut coated (CGATS 21-2)', newsprint: false },
  { id: 'FOGRA27', what: 'offset on coated paper, ISO 12647-2:2004', newsprint: false },
  { id: 'FOGRA28', what: 'heatset web offset on LWC paper', newsprint: false },
  { id: 'FOGRA29', what: 'offset on uncoated paper, ISO 12647-2:2004', newsprint: false },
  { id: 'FOGRA30', what: 'offset on uncoated yellowish paper', newsprint: false },
  { id: 'FOGRA39', what: 'offset on coated paper, ISO 12647-2:2004/Amd 1', newsprint: false },
  { id: 'FOGRA40', what: 'heatset web offset on LWC improved paper', newsprint: false },
  { id: 'FOGRA45', what: 'offset on LWC improved paper', newsprint: false },
  { id: 'FOGRA46', what: 'offset on improved uncoated (SC) paper', newsprint: false },
  { id: 'FOGRA47', what: 'offset on uncoated white paper, ISO 12647-2:2004/Amd 1', newsprint: false },
  { id: 'FOGRA51', what: 'offset on premium coated paper, ISO 12647-2:2013', newsprint: false },
  { id: 'FOGRA52', what: 'offset on wood-free uncoated paper, ISO 12647-2:2013', newsprint: false },
  { id: 'FOGRA53', what: 'offset on coated paper, ISO 12647-2:2013 PC1', newsprint: false },
  { id: 'JC200103', what: 'Japan Color 2001 Coated', newsprint: false },
  { id: 'JC200104', what: 'Japan Color 2001 Uncoated', newsprint: false },
  { id: 'JCW2003', what: 'Japan Color 2003 Web Coated', newsprint: false },
];

/** The registry PDF/X output intents name (ISO 15930-1 §6.4). */
export const ICC_REGISTRY = 'http://www.color.org';

const norm = (s: string): string =>
  s
    .toUpperCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** The registered condition an identifier names, matched without regard to case, spaces or underscores. */
export function registeredCondition(id: string): OutputCondition | null {
  const n = norm(id);
  return REGISTERED_CONDITIONS.find((c) => norm(c.id) === n) ?? null;
}

/** Words in an identifier or profile description that say "coated or sheetfed paper", never newsprint. */
export const COATED_WORDS = /\b(coated|fogra ?(27|39|51|53)|swop|gracol|psocoated|iso ?coated|sheetfed)\b/i;
/** Words that say "newsprint". */
export const NEWSPRINT_WORDS =
  /(newsprint|newspaper|coldset|ifra ?(26|30)|12647-3|17934\.3|cgats tr ?002|报纸|新闻纸)/i;
