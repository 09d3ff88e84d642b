/**
 * The preflight's checks as data: what each one checks, the rule it follows and how severe a finding is. An
 * `error` makes the file fail; a `warning` is reported and leaves it passing. Rules: ISO 15930-1 (PDF/X-1a:2001),
 * ISO 15930-7 (PDF/X-4), the printing condition of ISO 12647-3 (coldset newsprint), and the Ghent Workgroup's
 * GWG2015 specification (newspaper variants), each named by the rule title the standard gives it.
 */

export type CheckSeverity = 'error' | 'warning';

export interface CheckSpec {
  id: string;
  what: string;
  /** The standard and rule this check follows. */
  rule: string;
  severity: CheckSeverity;
  /** What to do about a finding. */
  action: string;
}

export const CHECKS: readonly CheckSpec[] = [
  {
    id: 'parse',
    what: 'the file can be read as PDF',
    rule: 'ISO 32000-1 file structure',
    severity: 'error',
    action: 'export the file again from the layout program',
  },
  {
    id: 'header',
    what: 'header version: %PDF-1.3 or lower (X-1a), at most 1.6 (X-4)',
    rule: 'ISO 15930-1 / ISO 15930-7: base PDF version',
    severity: 'error',
    action: 'write the file as PDF/X-1a:2001 (PDF 1.3) or PDF/X-4 (PDF 1.6)',
  },
  {
    id: 'object-streams',
    what: 'no object streams or cross-reference streams in a PDF 1.3 file',
    rule: 'ISO 15930-1: PDF 1.3 features only',
    severity: 'error',
    action: 'save without object streams (compatibility PDF 1.3)',
  },
  {
    id: 'encryption',
    what: 'not encrypted',
    rule: 'ISO 15930-1 / -7: encryption not allowed',
    severity: 'error',
    action: 'save without a password or permissions',
  },
  {
    id: 'id',
    what: 'trailer /ID present',
    rule: 'ISO 15930-1 / -7: file identifier',
    severity: 'error',
    action: 'save the file with a document ID',
  },
  {
    id: 'info',
    what: 'Info: Title, CreationDate, ModDate, Trapped as a name, the GTS_PDFX keys of the variant',
    rule: 'ISO 15930-1 / -7: document information and identification',
    severity: 'error',
    action: 'label the file PDF/X-1a:2001 (or PDF/X-4) in the export settings',
  },
  {
    id: 'xmp',
    what: 'PDF/X-4: XMP metadata with pdfxid:GTS_PDFXVersion',
    rule: 'ISO 15930-7: metadata',
    severity: 'error',
    action: 'export as PDF/X-4 so the XMP identification is written',
  },
  {
    id: 'output-intent',
    what: 'exactly one GTS_PDFX output intent with its keys; X-4: an embedded CMYK output profile',
    rule: 'ISO 15930-1 / -7: output intent',
    severity: 'error',
    action: 'export with the print shop’s output condition as the output intent',
  },
  {
    id: 'output-condition',
    what: 'the output condition is newsprint: a registered newsprint reference name, or the shop’s own profile embedded',
    rule: 'ISO 15930-1 output intent + ISO 12647-3 (coldset newsprint) printing condition',
    severity: 'error',
    action:
      'separate for newsprint (IFRA26, CGATS TR 002, or embed the shop’s newsprint profile), not for coated paper',
  },
  {
    id: 'actions-annotations',
    what: 'no annotations, actions, JavaScript or forms',
    rule: 'ISO 15930-1 / -7: annotations and actions',
    severity: 'error',
    action: 'remove links, comments, form fields and scripts',
  },
  {
    id: 'page-boxes',
    what: 'TrimBox on every page, nested in BleedBox, CropBox and MediaBox; no UserUnit in PDF 1.3',
    rule: 'ISO 15930-1 / -7: page boundaries',
    severity: 'error',
    action: 'set the trim box to the newspaper page size',
  },
  {
    id: 'fonts-embedded',
    what: 'every font embedded',
    rule: 'ISO 15930-1 / -7: fonts',
    severity: 'error',
    action: 'embed all fonts (subsets are fine)',
  },
  {
    id: 'fonts-tounicode',
    what: 'every font has a ToUnicode map',
    rule: 'GWG2015: text must be extractable (ToUnicode)',
    severity: 'error',
    action: 'export with Unicode text mapping',
  },
  {
    id: 'colour-spaces',
    what: 'X-1a: DeviceCMYK, DeviceGray, Separation, DeviceN only (no RGB, Lab, ICCBased); X-4: no DeviceRGB',
    rule: 'ISO 15930-1 / -7: colour spaces',
    severity: 'error',
    action: 'convert RGB and calibrated colour to CMYK with the press profile',
  },
  {
    id: 'inline-images',
    what: 'inline images (BI … EI) checked like image objects: colour space, filter, resolution, ink',
    rule: 'ISO 15930-1 / -7: colour spaces and filters apply to inline images',
    severity: 'error',
    action: 'convert the inline image to CMYK or greyscale at print resolution',
  },
  {
    id: 'registration-colour',
    what: 'no registration colour (Separation /All) in content',
    rule: 'GWG2015: registration colour used in page content',
    severity: 'error',
    action: 'use 100 % K for black; registration colour belongs only to the printer’s own marks',
  },
  {
    id: 'transparency',
    what: 'X-1a: no transparency keys, SMasks or transparency groups',
    rule: 'ISO 15930-1: transparency not allowed',
    severity: 'error',
    action: 'flatten transparency before export',
  },
  {
    id: 'transfer-halftone',
    what: 'no transfer functions or halftone dictionaries',
    rule: 'ISO 15930-1 / -7: transfer functions and halftones',
    severity: 'error',
    action: 'remove transfer curves and screen settings from the file',
  },
  {
    id: 'filters',
    what: 'X-1a: no JPX, JBIG2 or 16-bit images',
    rule: 'ISO 15930-1: PDF 1.3 filters',
    severity: 'error',
    action: 'save images as JPEG or Flate, 8 bits per component',
  },
  {
    id: 'forbidden-content',
    what: 'no PostScript, OPI or image alternates',
    rule: 'ISO 15930-1 / -7: PostScript and OPI',
    severity: 'error',
    action: 'remove embedded PostScript and OPI comments',
  },
  {
    id: 'ink-limit-vector',
    what: 'total ink (C+M+Y+K) of every fill, stroke and text colour within the limit',
    rule: 'ISO 12647-3: total area coverage on newsprint; GWG2015: total area coverage',
    severity: 'error',
    action: 'reduce the colour’s C, M and Y (rich blacks at most 240 %; use 100 % K for black)',
  },
  {
    id: 'ink-limit-image',
    what: 'total ink of image pixels within the limit (99.9th percentile)',
    rule: 'ISO 12647-3: total area coverage on newsprint; GWG2015: total area coverage',
    severity: 'error',
    action: 'separate the photo with the newsprint profile (ink limit 240 %)',
  },
  {
    id: 'image-resolution',
    what: 'effective resolution of every contone image at its placed size at or above the minimum',
    rule: 'GWG2015: image resolution (contone)',
    severity: 'error',
    action: 'use a larger original or place the image smaller',
  },
  {
    id: 'image-resolution-low',
    what: 'effective resolution of contone images at or above the press’s wish',
    rule: 'GWG2015: image resolution (contone), warning level',
    severity: 'warning',
    action: 'use a larger original or place the image smaller if it matters',
  },
  {
    id: 'hairlines',
    what: 'no stroke thinner than the minimum line width (effective, after scaling)',
    rule: 'GWG2015: effective line width',
    severity: 'error',
    action: 'make the rule at least 0.25 pt wide',
  },
  {
    id: 'thin-multi-ink-lines',
    what: 'strokes under 0.5 pt use one ink (registration on newsprint)',
    rule: 'GWG2015: effective line width (multi-ink)',
    severity: 'warning',
    action: 'set thin rules in 100 % K or make them 0.5 pt or wider',
  },
  {
    id: 'black-text-overprint',
    what: '100 % K text overprints',
    rule: 'GWG2015: overprint 100 % black text',
    severity: 'error',
    action: 'set black text to overprint',
  },
  {
    id: 'rich-black-text',
    what: 'no rich-black text (K ≥ 80 % with C, M or Y)',
    rule: 'GWG2015: rich black text',
    severity: 'error',
    action: 'set black text in 100 % K only',
  },
  {
    id: 'small-multi-ink-text',
    what: 'text under 9 pt uses one ink',
    rule: 'GWG2015: small text',
    severity: 'error',
    action: 'set small text in one ink (K)',
  },
];

export const CHECK_BY_ID: ReadonlyMap<string, CheckSpec> = new Map(CHECKS.map((c) => [c.id, c]));
