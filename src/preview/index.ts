/**
 * Preview and read-back of PDF output with MuPDF (the only module that imports `mupdf`): PNG renders for proofs,
 * structured text for tests (text fidelity, reading order, glyph positions, bounds).
 */
import * as mupdf from 'mupdf';

export interface ExtractedChar {
  c: string;
  /** Glyph box (MuPDF's quad from advance and font ascent/descent), pt, origin top-left, y down. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in pt. */
  size: number;
  /** Pen origin (baseline point) of the glyph, pt. */
  ox: number;
  oy: number;
}

export interface ExtractedLine {
  text: string;
  chars: ExtractedChar[];
}

export interface ExtractedPage {
  /** 0-based page index. */
  page: number;
  /** Page size in pt (the page's bounds as MuPDF shows them). */
  width: number;
  height: number;
  lines: ExtractedLine[];
}

function open(pdf: Buffer): mupdf.Document {
  return mupdf.Document.openDocument(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), 'application/pdf');
}

/** Render one page (0-based) to an RGB PNG at `dpi`. CMYK content is converted by MuPDF (fine for previews). */
export async function renderPng(pdf: Buffer, pageIndex: number, dpi: number): Promise<Buffer> {
  const doc = open(pdf);
  try {
    const n = doc.countPages();
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= n)
      throw new RangeError(`page index ${pageIndex} out of range (document has ${n} pages)`);
    const page = doc.loadPage(pageIndex);
    try {
      const s = dpi / 72;
      const pix = page.toPixmap(mupdf.Matrix.scale(s, s), mupdf.ColorSpace.DeviceRGB, false);
      try {
        return Buffer.from(pix.asPNG());
      } finally {
        pix.destroy();
      }
    } finally {
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/** Structured text of every page: lines in MuPDF's reading order, each with its characters and their boxes. */
export async function extractText(pdf: Buffer): Promise<ExtractedPage[]> {
  const doc = open(pdf);
  const pages: ExtractedPage[] = [];
  try {
    const n = doc.countPages();
    for (let i = 0; i < n; i++) {
      const page = doc.loadPage(i);
      try {
        const st = page.toStructuredText('preserve-whitespace,preserve-ligatures');
        try {
          const lines: ExtractedLine[] = [];
          let cur: ExtractedLine | null = null;
          st.walk({
            beginLine() {
              cur = { text: '', chars: [] };
            },
            onChar(c, origin, _font, size, quad) {
              if (!cur) cur = { text: '', chars: [] };
              const xs = [quad[0], quad[2], quad[4], quad[6]];
              const ys = [quad[1], quad[3], quad[5], quad[7]];
              cur.text += c;
              cur.chars.push({
                c,
                x0: Math.min(...xs),
                y0: Math.min(...ys),
                x1: Math.max(...xs),
                y1: Math.max(...ys),
                size,
                ox: origin[0],
                oy: origin[1],
              });
            },
            endLine() {
              if (cur) lines.push(cur);
              cur = null;
            },
          });
          const [bx0, by0, bx1, by1] = page.getBounds();
          pages.push({ page: i, width: bx1 - bx0, height: by1 - by0, lines });
        } finally {
          st.destroy();
        }
      } finally {
        page.destroy();
      }
    }
  } finally {
    doc.destroy();
  }
  return pages;
}

export { PageRaster, type PtRect } from './raster.js';
export { encodePng } from './png.js';
