/**
 * Images for print: every ImageOp source becomes a CMYK JPEG (alpha flattened onto white, EXIF orientation applied,
 * cropped for `cover`, downsampled to at most MAX_PPI at the placed size) before any drawing happens, so the
 * drawing pass is synchronous and the output deterministic.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { DisplayDocument, ImageOp } from '../paint/display.js';
import type { Sink } from '../diag/index.js';

/** Downsample above this effective resolution (ppi at the placed size). */
export const MAX_PPI = 300;
/** Warn below this effective resolution. */
export const WARN_PPI = 150;
/** At or below this, say it will print blurry. */
export const BLURRY_PPI = 100;
export const JPEG_QUALITY = 90;

export interface PreparedImage {
  /** pdfkit image object (from `doc.openImage`). */
  pdfImage: unknown;
  /** Placed box on the page, pt, top-left origin. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Effective resolution of the source at the placed size. */
  ppi: number;
  /** The CMYK JPEG bytes embedded. */
  jpeg: Buffer;
}

interface Converted {
  jpeg: Buffer;
  /** Placed box relative to the frame. */
  ox: number;
  oy: number;
  w: number;
  h: number;
  ppi: number;
}

/** Convert one image for one frame. Pure function of (file bytes, frame, fit). */
export async function convertImage(
  src: string | Buffer,
  frameW: number,
  frameH: number,
  fit: 'cover' | 'contain',
): Promise<Converted> {
  // Decode once: EXIF orientation applied, converted to 8-bit sRGB (embedded source profiles honoured), alpha kept.
  const { data, info } = await sharp(src, { failOn: 'error' })
    .rotate()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const iw = info.width;
  const ih = info.height;
  if (!(iw > 0 && ih > 0)) throw new Error('image has no pixels');
  const base = sharp(data, { raw: { width: iw, height: ih, channels: info.channels } });
  // pt per source pixel at the placed size.
  const s = fit === 'cover' ? Math.max(frameW / iw, frameH / ih) : Math.min(frameW / iw, frameH / ih);
  const ppi = 72 / s;
  let img = base;
  let w = frameW;
  let h = frameH;
  let ox = 0;
  let oy = 0;
  let srcW = iw;
  let srcH = ih;
  if (fit === 'cover') {
    // Crop the centred source region that maps onto the frame.
    srcW = Math.min(iw, Math.max(1, Math.round(frameW / s)));
    srcH = Math.min(ih, Math.max(1, Math.round(frameH / s)));
    const left = Math.floor((iw - srcW) / 2);
    const top = Math.floor((ih - srcH) / 2);
    img = img.extract({ left, top, width: srcW, height: srcH });
  } else {
    w = iw * s;
    h = ih * s;
    ox = (frameW - w) / 2;
    oy = (frameH - h) / 2;
  }
  // Downsample to at most MAX_PPI at the placed size.
  const maxW = Math.max(1, Math.ceil((w / 72) * MAX_PPI));
  const maxH = Math.max(1, Math.ceil((h / 72) * MAX_PPI));
  if (srcW > maxW || srcH > maxH)
    img = img.resize(Math.min(srcW, maxW), Math.min(srcH, maxH), { fit: 'fill', kernel: 'lanczos3' });
  const jpeg = await img
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .toColourspace('cmyk')
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
    .toBuffer();
  return { jpeg, ox, oy, w, h, ppi };
}

/**
 * Prepare every ImageOp of the document (in parallel; results are keyed by op, so completion order does not
 * matter), then open them in document order with pdfkit's `openImage` (which numbers them). Problems become
 * diagnostics; an image that cannot be read is left out of the page.
 */
type Conversion = { ok: Converted } | { error: 'missing' } | { error: 'unreadable'; message: string };

/**
 * Conversions already done, by ImageOp: a build that writes each page and then the whole edition from the same
 * display list converts every photo once. Create one per build with `new WeakMap()`.
 */
export type ImageCache = WeakMap<ImageOp, Promise<Conversion>>;

async function convertOp(op: ImageOp): Promise<Conversion> {
  if (!fs.existsSync(op.src)) return { error: 'missing' };
  try {
    return { ok: await convertImage(op.src, op.w, op.h, op.fit) };
  } catch (e) {
    return { error: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
}

export async function prepareImages(
  doc: DisplayDocument,
  open: (jpeg: Buffer) => unknown,
  sink?: Sink,
  cache?: ImageCache,
): Promise<Map<ImageOp, PreparedImage>> {
  const ops: Array<{ op: ImageOp; page: number }> = [];
  for (const p of doc.pages) for (const op of p.ops) if (op.kind === 'image') ops.push({ op, page: p.number });
  const results = await Promise.all(
    ops.map(({ op }) => {
      let conversion = cache?.get(op);
      if (!conversion) {
        conversion = convertOp(op);
        cache?.set(op, conversion);
      }
      return conversion;
    }),
  );
  const out = new Map<ImageOp, PreparedImage>();
  ops.forEach(({ op, page }, i) => {
    const r = results[i]!;
    if ('error' in r) {
      if (r.error === 'missing')
        sink?.error(
          'missing-image',
          `image ${op.src} does not exist`,
          { file: op.src, page },
          'add the photo file or remove the image from the page',
        );
      else
        sink?.error(
          'unreadable-image',
          `image ${op.src} cannot be read (${r.message})`,
          { file: op.src, page },
          'export the photo again as JPEG, PNG or TIFF',
        );
      return;
    }
    const c = r.ok;
    const ppi = Math.round(c.ppi);
    if (c.ppi <= BLURRY_PPI) {
      sink?.warn(
        'low-resolution-image',
        `image ${op.src} is ${ppi} ppi at its placed size and will print blurry`,
        { file: op.src, page },
        `use a larger original (at least ${WARN_PPI} ppi, ideally 200–300) or make the frame smaller`,
      );
    } else if (ppi < WARN_PPI) {
      // compared in whole ppi: a frame snapped to the grid may land a fraction under the limit
      sink?.warn(
        'low-resolution-image',
        `image ${op.src} is only ${ppi} ppi at its placed size`,
        { file: op.src, page },
        `use a larger original (at least ${WARN_PPI} ppi) or make the frame smaller`,
      );
    }
    out.set(op, { pdfImage: open(c.jpeg), x: op.x + c.ox, y: op.y + c.oy, w: c.w, h: c.h, ppi: c.ppi, jpeg: c.jpeg });
  });
  return out;
}
