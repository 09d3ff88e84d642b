/**
 * The one place that touches pdfkit internals (EmbeddedFont fields, page resource dictionaries). Everything else in
 * src/pdf uses pdfkit's public API or raw content written through `doc.addContent`.
 *
 * Glyphs are written one by one at exact positions: pdfkit never shapes or lays out our text. For each glyph we ask
 * the font's fontkit subset for a CID (`subset.includeGlyph(gid)`), record its width (`widths[cid]`, 1/1000 em) and
 * its characters (`unicode[cid]`, for the ToUnicode CMap pdfkit writes at `doc.end()`), then emit `Tj`/`TJ` with the
 * CIDs as 2-byte hex strings (Identity-H).
 */
import type { GlyphOp } from '../paint/display.js';
import type { Sink } from '../diag/index.js';

/** The parts of pdfkit's EmbeddedFont we rely on (pdfkit 0.20.2, js/pdfkit.js `class EmbeddedFont`). */
interface EmbeddedFontInternals {
  id: string;
  name: string;
  scale: number;
  font: { getGlyph(gid: number): { advanceWidth: number }; numGlyphs: number };
  subset: { includeGlyph(gid: number): number; glyphs: number[]; encode(): Uint8Array; cff?: unknown };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  toUnicodeCmap(): PdfRef;
}

interface PdfRef {
  data: Record<string, unknown>;
  end(data?: unknown): void;
}

/** The parts of pdfkit's PDFDocument / PDFPage we rely on. */
interface DocInternals {
  _font: EmbeddedFontInternals | null;
  font(src: unknown): unknown;
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  page: {
    fonts: Record<string, unknown>;
    ext_gstates: Record<string, unknown>;
    dictionary: PdfRef;
  };
}

/** Format a number for a content stream: at most 3 decimals, no exponent, no `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (Object.is(r, -0) || r === 0) return '0';
  return String(r);
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** Code points of a string (astral characters count once). */
const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);

/** UTF-16BE hex of code points (astral ones as surrogate pairs). */
const utf16Hex = (cps: readonly number[]): string =>
  cps
    .map((cp) =>
      cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp),
    )
    .join('');

/** A ToUnicode CMap (Adobe-Identity-UCS) with one bfchar entry per CID that has text; never U+0000. */
function toUnicodeCmap(doc: DocInternals, unicode: ReadonlyArray<readonly number[] | undefined>): PdfRef {
  const entries: string[] = [];
  unicode.forEach((cps, cid) => {
    if (cid === 0 || !cps || cps.length === 0 || cps.includes(0)) return;
    entries.push(`<${hex4(cid)}> <${utf16Hex(cps)}>`);
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  const cmap = doc.ref();
  cmap.end(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
  return cmap;
}

/** Name of the overprint ExtGState in every page's resources. */
export const OVERPRINT_GS = 'GsOP';

export class PdfkitGlyphs {
  private readonly doc: DocInternals;
  private readonly fonts = new Map<string, EmbeddedFontInternals>();
  /** font id + gid → text first mapped, to detect a glyph reused for different text. */
  private readonly mapped = new Map<string, string>();
  /** font id + gid + text → the extra CID of a glyph set for a second text. */
  private readonly alternates = new Map<string, number>();
  private overprintRef: PdfRef | null = null;

  constructor(
    doc: unknown,
    private readonly sink?: Sink,
    /** The parsed font of a file, if the caller has one (pdfkit takes a fontkit font as well as a path). */
    private readonly parsed?: (file: string) => unknown,
  ) {
    this.doc = doc as DocInternals;
  }

  /** One EmbeddedFont per file, reused across pages. */
  private fontFor(file: string): EmbeddedFontInternals {
    let f = this.fonts.get(file);
    if (!f) {
      this.doc.font(this.parsed?.(file) ?? file);
      const font = this.doc._font;
      if (!font?.subset || !Array.isArray(font.widths) || !Array.isArray(font.unicode)) {
        throw new Error(`pdfkit did not open ${file} as an embedded font`);
      }
      if (font.subset.cff == null) {
        // fontkit writes TrueType subsets with the Apple sfnt version tag 'true'; poppler and MuPDF accept it, but
        // a print shop's older RIP may not. Write the OpenType/Windows tag 0x00010000 instead (print-pdf.md §4.1).
        const subset = font.subset;
        const encode = subset.encode.bind(subset);
        subset.encode = () => {
          const bytes = encode();
          if (bytes[0] === 0x74 && bytes[1] === 0x72 && bytes[2] === 0x75 && bytes[3] === 0x65)
            bytes.set([0, 1, 0, 0], 0);
          return bytes;
        };
      }
      // pdfkit's ToUnicode maps every CID from 0, .notdef to U+0000 and glyphs without text to nothing; ours
      // maps only the glyphs that carry text (bfchar, at most 100 per block as ISO 32000-1 §9.10.3 allows).
      const doc = this.doc;
      font.toUnicodeCmap = () => toUnicodeCmap(doc, font.unicode);
      f = font;
      this.fonts.set(file, f);
    }
    return f;
  }

  /** Register the shared overprint ExtGState (OP/op true, OPM 1; PDF 1.3 keys only) on the current page. */
  registerOverprint(): void {
    if (!this.overprintRef) {
      this.overprintRef = this.doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
      this.overprintRef.end();
    }
    this.doc.page.ext_gstates[OVERPRINT_GS] = this.overprintRef;
  }

  /** Delete a key from the current page dictionary (e.g. pdfkit's `/UserUnit`). */
  deletePageKey(key: string): void {
    delete this.doc.page.dictionary.data[key];
  }

  /**
   * CID for `gid` in the subset of `font`, recording width and Unicode text on first use. A glyph that stands for
   * different text in different places (U+2E3A ⸺ and the `——` ligature are one glyph in Noto CJK; a Kangxi radical
   * and its ideograph) gets one CID per text: the subset holds the glyph once more under the new CID, so that the
   * ToUnicode of every printed glyph is exactly the characters it was set for.
   */
  private cid(font: EmbeddedFontInternals, gid: number, text: string, op: GlyphOp, page: number): number {
    if (!Number.isInteger(gid) || gid < 0 || gid >= font.font.numGlyphs) {
      this.sink?.error(
        'bad-glyph-id',
        `glyph id ${gid} is not in font ${op.fontName}`,
        { page },
        'rebuild the page; the composition stage produced a glyph the font does not have',
      );
      gid = 0;
    }
    const key = `${font.id}:${gid}`;
    const first = this.mapped.get(key);
    let cid: number;
    if (first === undefined || first === text) {
      cid = font.subset.includeGlyph(gid);
    } else {
      const alt = `${key}:${text}`;
      const known = this.alternates.get(alt);
      if (known !== undefined) return known;
      font.subset.glyphs.push(gid);
      cid = font.subset.glyphs.length - 1;
      this.alternates.set(alt, cid);
      font.unicode[cid] = codePoints(text);
    }
    if (font.widths[cid] == null) font.widths[cid] = font.font.getGlyph(gid).advanceWidth * font.scale;
    if (first === undefined) {
      this.mapped.set(key, text);
      font.unicode[cid] = codePoints(text);
      if (text === '') {
        this.sink?.info(
          'glyph-without-text',
          `glyph ${gid} of ${op.fontName} carries no text; copied text will show U+FFFD for it`,
          { page },
          'attach the characters of a mark or ligature part to one of its glyphs in the composition stage',
        );
      }
    }
    return cid;
  }

  /**
   * Content for one glyph run. The page CTM is pdfkit's flipped one (origin top-left, y down), so the text matrix
   * flips back (`1 0 0 -1 x y Tm`). Glyphs are placed with a TJ array whose adjustments move the pen from where the
   * font's own advance leaves it to the exact target x; a vertical offset starts a new Tm.
   */
  glyphRun(op: GlyphOp, page: number): string {
    const font = this.fontFor(op.font);
    this.doc.page.fonts[font.id] = font.ref();
    const size = op.size;
    const out: string[] = [`/${font.id} ${num(size)} Tf`];
    let items: string[] = [];
    let pen = 0; // current pen x (pt, page coordinates)
    let curDy: number | null = null;
    const flush = (): void => {
      if (items.length) out.push(`[${items.join(' ')}] TJ`);
      items = [];
    };
    for (const g of op.glyphs) {
      const cid = this.cid(font, g.gid, g.text, op, page);
      const x = op.x + g.dx;
      if (curDy === null || g.dy !== curDy) {
        flush();
        curDy = g.dy;
        // dy is positive upwards (PlacedGlyph.dy); page y grows downwards.
        out.push(`1 0 0 -1 ${num(x)} ${num(op.y - g.dy)} Tm`);
        pen = Math.round(x * 1000) / 1000;
      } else {
        const adj = Math.round(((pen - x) * 1000 * 1000) / size) / 1000;
        if (adj !== 0) items.push(num(adj));
        pen -= (adj * size) / 1000;
      }
      items.push(`<${hex4(cid)}>`);
      pen += ((font.widths[cid] ?? 0) * size) / 1000;
    }
    flush();
    return out.join('\n');
  }
}
