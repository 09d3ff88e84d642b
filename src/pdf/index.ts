/**
 * PDF stage: DisplayDocument → print PDF bytes. The only module that imports pdfkit and pdf-lib.
 *
 * pdfkit writes the pages (CMYK content we write ourselves, CJK fonts as CIDFontType2 subsets with ToUnicode,
 * CMYK JPEG images); a pdf-lib pass then labels the file PDF/X-1a:2001 (boxes, Info, OutputIntent, ID, subset tags,
 * header). Same input → same bytes: nothing depends on the clock, images are prepared before drawing.
 */
import PDFDocument from 'pdfkit';
import type { DisplayDocument, DisplayPage, GlyphOp, ImageOp, LineOp, RectOp } from '../paint/display.js';
import type { Cmyk } from '../core/units.js';
import type { Sink } from '../diag/index.js';
import { PdfkitGlyphs, OVERPRINT_GS, num } from './glyphs.js';
import {
  defaultImageSettings,
  prepareImages,
  type ImageCache,
  type ImageReport,
  type ImageSettings,
  type PreparedImage,
} from './images.js';
import { postProcess, editionDate } from './postprocess.js';
export {
  DEFAULT_ERROR_PPI,
  DEFAULT_INK_LIMIT,
  DEFAULT_WARN_PPI,
  type ImageCache,
  type ImageReport,
  type ImageSettings,
} from './images.js';
export { DEFAULT_PROFILE, loadOutputProfile, type OutputProfile } from './profile.js';

export type PdfStandard = 'x1a' | 'x4' | 'none';

export interface WritePdfOptions {
  /** Output labelling; default `x1a` (PDF/X-1a:2001). `none` = pdfkit's output as is (still CMYK, no transparency). */
  standard?: PdfStandard;
  sink?: Sink;
  /**
   * The output profile photos are separated with (and the output intent names), the ink limit and the resolution
   * limits. Default: the project's newsprint profile (CGATS TR 002), 240 %, warn < 200 ppi, error < 100 ppi.
   */
  images?: ImageSettings;
  /** Share photo conversions between calls on the same display list (each page, then the edition). */
  imageCache?: ImageCache;
  /** Filled with one entry per placed photo: effective ppi, what the source held, largest total ink. */
  imageReport?: ImageReport[];
  /**
   * A font file's parsed font, when the caller has it (FontBook.parsed): pdfkit embeds it instead of reading
   * and parsing the file on every write (a CJK font is 15 MB). The bytes written are the same either way.
   */
  parsedFont?: (file: string) => unknown;
}

/** Strokes up to this width (pt) in 100% K overprint ("thin rules"); wider ones knock out like solids. */
export const THIN_RULE_MAX = 2;

const isSolidK = (c: Cmyk): boolean => c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] >= 100;
const clamp = (v: number): number => Math.min(100, Math.max(0, v));
const cmyk = (c: Cmyk): string => c.map((v) => num(clamp(v) / 100)).join(' ');

/**
 * Colours over the ink limit are reported once each and drawn with C, M and Y scaled down to fit (K, which
 * carries text and rules, is kept): no colour the engine draws exceeds the limit.
 */
class InkGuard {
  private readonly seen = new Set<string>();
  constructor(
    private readonly limit: number,
    private readonly sink?: Sink,
  ) {}
  fit(c: Cmyk, page: number): Cmyk {
    const v = c.map(clamp) as unknown as Cmyk;
    const sum = v[0] + v[1] + v[2] + v[3];
    if (sum <= this.limit + 1e-9) return v;
    const key = v.join('/');
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.sink?.error(
        'colour-over-ink-limit',
        `colour ${key} has ${Math.round(sum)} % total ink, over the ${this.limit} % limit; drawn with less C, M and Y`,
        { page },
        'change the colour in the layout template (colors:) to stay within the ink limit',
      );
    }
    const k = Math.min(v[3], this.limit);
    const cmy = v[0] + v[1] + v[2];
    const f = cmy > 0 ? Math.max(0, this.limit - k) / cmy : 0;
    return [v[0] * f, v[1] * f, v[2] * f, k];
  }
}

function rectContent(op: RectOp, ink: (c: Cmyk) => Cmyk): string | null {
  const hasStroke = op.stroke !== undefined && (op.lineWidth ?? 1) > 0;
  if (!op.fill && !hasStroke) return null;
  const parts: string[] = ['q'];
  const lw = op.lineWidth ?? 1;
  if (hasStroke && op.stroke && isSolidK(op.stroke) && lw <= THIN_RULE_MAX && !op.fill)
    parts.push(`/${OVERPRINT_GS} gs`);
  if (op.fill) parts.push(`${cmyk(ink(op.fill))} k`);
  if (hasStroke && op.stroke) parts.push(`${cmyk(ink(op.stroke))} K`, `${num(lw)} w`);
  parts.push(`${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re`);
  parts.push(op.fill && hasStroke ? 'B' : op.fill ? 'f' : 'S', 'Q');
  return parts.join('\n');
}

function lineContent(op: LineOp, ink: (c: Cmyk) => Cmyk): string | null {
  if (!(op.lineWidth > 0)) return null;
  const parts: string[] = ['q'];
  if (isSolidK(op.stroke) && op.lineWidth <= THIN_RULE_MAX) parts.push(`/${OVERPRINT_GS} gs`);
  parts.push(`${cmyk(ink(op.stroke))} K`, `${num(op.lineWidth)} w`);
  if (op.dash) parts.push(`[${num(op.dash[0])} ${num(op.dash[1])}] 0 d`);
  parts.push(`${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S`, 'Q');
  return parts.join('\n');
}

function glyphContent(op: GlyphOp, glyphs: PdfkitGlyphs, page: number, ink: (c: Cmyk) => Cmyk): string | null {
  if (op.glyphs.length === 0) return null;
  const parts: string[] = ['q'];
  if (isSolidK(op.fill)) parts.push(`/${OVERPRINT_GS} gs`);
  parts.push(`${cmyk(ink(op.fill))} k`, 'BT', glyphs.glyphRun(op, page), 'ET', 'Q');
  return parts.join('\n');
}

type Doc = InstanceType<typeof PDFDocument>;

function imageContent(doc: Doc, op: ImageOp, img: PreparedImage | undefined): void {
  if (!img) return;
  // pdfkit places the image XObject with its own cm (it knows the page is flipped); no transparency involved.
  doc.image(img.pdfImage as Parameters<Doc['image']>[0], img.x, img.y, { width: img.w, height: img.h });
  void op;
}

function drawPage(
  doc: Doc,
  glyphs: PdfkitGlyphs,
  page: DisplayPage,
  images: Map<ImageOp, PreparedImage>,
  guard: InkGuard,
): void {
  const ink = (c: Cmyk): Cmyk => guard.fit(c, page.number);
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  glyphs.deletePageKey('UserUnit');
  glyphs.registerOverprint();
  for (const op of page.ops) {
    let content: string | null = null;
    switch (op.kind) {
      case 'glyphs':
        content = glyphContent(op, glyphs, page.number, ink);
        break;
      case 'rect':
        content = rectContent(op, ink);
        break;
      case 'line':
        content = lineContent(op, ink);
        break;
      case 'image':
        imageContent(doc, op, images.get(op));
        break;
    }
    if (content) doc.addContent(content);
  }
}

/** Write all pages of `doc` into one PDF. */
export async function writePdf(doc: DisplayDocument, opts: WritePdfOptions = {}): Promise<Buffer> {
  const standard = opts.standard ?? 'x1a';
  const date = editionDate(doc.date);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.3',
    info: { Title: doc.title, Producer: 'banmian', Creator: 'banmian', CreationDate: date.js, ModDate: date.js },
  } as ConstructorParameters<typeof PDFDocument>[0]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  // Images first (async, sharp), then all drawing synchronously in page order: deterministic object order.
  const settings = opts.images ?? defaultImageSettings();
  const images = await prepareImages(
    doc,
    (buf) => (pdf as unknown as { openImage(src: Buffer): unknown }).openImage(buf),
    settings,
    opts.sink,
    opts.imageCache,
    opts.imageReport,
  );
  const glyphs = new PdfkitGlyphs(pdf, opts.sink, opts.parsedFont);
  const guard = new InkGuard(settings.inkLimit, opts.sink);
  for (const page of doc.pages) drawPage(pdf, glyphs, page, images, guard);
  pdf.end();
  const raw = await done;
  if (standard === 'none') return raw;
  return postProcess(raw, doc, standard, settings.profile);
}

export { preflight, type PreflightResult, type PreflightCheck } from './preflight.js';
