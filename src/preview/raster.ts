/**
 * One page of a PDF held open for rendering again and again: the page view renders it at screen resolution
 * and, when zoomed in, at a resolution where 9 pt body text is sharp. MuPDF records the page once as a display
 * list and replays it for each resolution.
 */
import * as mupdf from 'mupdf';
import { encodePng } from './png.js';

/** A region of the page in pt, origin top-left of the media box, y down (e.g. the trim box). */
export interface PtRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class PageRaster {
  private readonly doc: mupdf.Document;
  private readonly list: mupdf.DisplayList;
  /** The region rendered: the whole page unless a region was given. */
  readonly region: PtRect;

  constructor(pdf: Uint8Array, pageIndex = 0, region?: PtRect) {
    this.doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    const n = this.doc.countPages();
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= n) {
      this.doc.destroy();
      throw new RangeError(`page index ${pageIndex} out of range (document has ${n} pages)`);
    }
    const page = this.doc.loadPage(pageIndex);
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      this.region = region ?? { x: 0, y: 0, w: x1 - x0, h: y1 - y0 };
      this.list = page.toDisplayList();
    } finally {
      page.destroy();
    }
  }

  /** Pixel size of the whole region at `dpi`. */
  size(dpi: number): { width: number; height: number } {
    const s = dpi / 72;
    return { width: Math.max(1, Math.round(this.region.w * s)), height: Math.max(1, Math.round(this.region.h * s)) };
  }

  /** Render the region at `dpi` as an RGB PNG (CMYK content converted by MuPDF, fine for previews). */
  async png(dpi: number): Promise<Buffer> {
    const s = dpi / 72;
    const { width, height } = this.size(dpi);
    const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, width, height], false);
    try {
      pix.clear(255);
      const ctm = mupdf.Matrix.concat(mupdf.Matrix.translate(-this.region.x, -this.region.y), mupdf.Matrix.scale(s, s));
      const dev = new mupdf.DrawDevice(mupdf.Matrix.identity, pix);
      try {
        this.list.run(dev, ctm);
        dev.close();
      } finally {
        dev.destroy();
      }
      return await encodePng(pix.getPixels(), width, height, 3, pix.getStride());
    } finally {
      pix.destroy();
    }
  }

  destroy(): void {
    this.list.destroy();
    this.doc.destroy();
  }
}
