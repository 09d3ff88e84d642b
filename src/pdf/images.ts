/**
 * Images for print: every ImageOp source is separated for the output condition before any drawing happens, so
 * the drawing pass is synchronous and the output deterministic. Per image:
 *
 * 1. read its size after EXIF orientation and what it holds (RGB, CMYK, greyscale, alpha, embedded profile);
 * 2. crop it for `cover` and downsample it to at most MAX_PPI at the placed size (alpha flattened onto white);
 * 3. separate it: colour through the output profile from the image's own profile (sRGB when it has none; a CMYK
 *    original from its own CMYK profile, never via sRGB), greyscale (and neutral RGB) to the black plate alone
 *    along the profile's K-only tone curve;
 * 4. hold every pixel within the ink limit, measured on the encoded JPEG itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Sink } from '../diag/index.js';
import type { DisplayDocument, ImageOp } from '../paint/display.js';
import { loadOutputProfile, type OutputProfile } from './profile.js';

/** Downsample above this effective resolution (ppi at the placed size). */
export const MAX_PPI = 300;
export const JPEG_QUALITY = 90;

/** What a build separates photos for. Defaults: the newsprint profile, 240 %, warn < 200 ppi, error < 100 ppi. */
export interface ImageSettings {
  profile: OutputProfile;
  /** Total ink limit, % (C+M+Y+K). ISO 12647-3 coldset newsprint: 240 %. */
  inkLimit: number;
  /** Effective resolution below which a photo gets a warning (GWG / newspaper practice: 200 ppi at 100 lpi). */
  warnPpi: number;
  /** Effective resolution below which a photo is an error (it prints visibly blurred). */
  errorPpi: number;
}

export const DEFAULT_INK_LIMIT = 240;
export const DEFAULT_WARN_PPI = 200;
export const DEFAULT_ERROR_PPI = 100;

export function defaultImageSettings(): ImageSettings {
  return {
    profile: loadOutputProfile(),
    inkLimit: DEFAULT_INK_LIMIT,
    warnPpi: DEFAULT_WARN_PPI,
    errorPpi: DEFAULT_ERROR_PPI,
  };
}

/**
 * What a photo held: RGB (or colour in any non-CMYK space), CMYK with its own profile, CMYK already separated for
 * this press (its embedded profile is the output profile), CMYK without a profile, greyscale (or neutral RGB).
 */
export type ImageSource = 'rgb' | 'cmyk' | 'cmyk-press' | 'cmyk-untagged' | 'grey';

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
  /** The JPEG bytes embedded (CMYK, or one-channel grey for the black plate). */
  jpeg: Buffer;
}

export interface Converted {
  jpeg: Buffer;
  /** Placed box relative to the frame. */
  ox: number;
  oy: number;
  w: number;
  h: number;
  ppi: number;
  source: ImageSource;
  /** Largest total ink of any pixel of the encoded JPEG, %. */
  maxInk: number;
  /** Pixel size of the source after EXIF orientation. */
  width: number;
  height: number;
}

/** Greyscale interpretations of libvips. */
const GREY_SPACES = new Set(['b-w', 'grey16']);
/** An RGB photo whose pixels all stay this close to neutral (0–255) prints as greyscale. */
const NEUTRAL_CHROMA = 6;

/** Convert one image for one frame. Pure function of (file bytes, frame, fit, settings). */
export async function convertImage(
  src: string | Buffer,
  frameW: number,
  frameH: number,
  fit: 'cover' | 'contain',
  settings: ImageSettings,
): Promise<Converted> {
  // 1. What the file holds, and its size as displayed (EXIF orientations 5–8 swap width and height).
  const meta = await sharp(src, { failOn: 'error' }).metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const iw = (swap ? meta.height : meta.width) ?? 0;
  const ih = (swap ? meta.width : meta.height) ?? 0;
  if (!(iw > 0 && ih > 0)) throw new Error('image has no pixels');
  let source: ImageSource =
    meta.space === 'cmyk'
      ? meta.icc
        ? Buffer.from(meta.icc).equals(settings.profile.icc.bytes)
          ? 'cmyk-press'
          : 'cmyk'
        : 'cmyk-untagged'
      : GREY_SPACES.has(meta.space ?? '') || (meta.channels ?? 3) <= 2
        ? 'grey'
        : 'rgb';
  if (source === 'rgb' && (await isNeutral(src))) source = 'grey';

  // 2. Geometry: pt per source pixel at the placed size; crop for cover; downsample to MAX_PPI.
  const s = fit === 'cover' ? Math.max(frameW / iw, frameH / ih) : Math.min(frameW / iw, frameH / ih);
  const ppi = 72 / s;
  let img = sharp(src, { failOn: 'error' }).rotate();
  let w = frameW;
  let h = frameH;
  let ox = 0;
  let oy = 0;
  let srcW = iw;
  let srcH = ih;
  if (fit === 'cover') {
    srcW = Math.min(iw, Math.max(1, Math.round(frameW / s)));
    srcH = Math.min(ih, Math.max(1, Math.round(frameH / s)));
    img = img.extract({
      left: Math.floor((iw - srcW) / 2),
      top: Math.floor((ih - srcH) / 2),
      width: srcW,
      height: srcH,
    });
  } else {
    w = iw * s;
    h = ih * s;
    ox = (frameW - w) / 2;
    oy = (frameH - h) / 2;
  }
  const maxW = Math.max(1, Math.ceil((w / 72) * MAX_PPI));
  const maxH = Math.max(1, Math.ceil((h / 72) * MAX_PPI));
  if (srcW > maxW || srcH > maxH)
    img = img.resize(Math.min(srcW, maxW), Math.min(srcH, maxH), { fit: 'fill', kernel: 'lanczos3' });

  // 3–4. Separate and encode.
  const enc =
    source === 'grey'
      ? await greyToBlack(img.flatten({ background: { r: 255, g: 255, b: 255 } }), settings)
      : await toCmyk(img, source, settings);
  return { jpeg: enc.jpeg, maxInk: enc.maxInk, ox, oy, w, h, ppi, source, width: iw, height: ih };
}

/** True when a small rendition of an RGB image has no pixel further than NEUTRAL_CHROMA from grey. */
async function isNeutral(src: string | Buffer): Promise<boolean> {
  const { data, info } = await sharp(src, { failOn: 'error' })
    .resize(96, 96, { fit: 'inside' })
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const c = info.channels;
  for (let i = 0; i + 2 < data.length; i += c) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > NEUTRAL_CHROMA) return false;
  }
  return true;
}

/** Colour: through the output profile (from the image's embedded profile), then held within the ink limit. */
async function toCmyk(
  img: Sharp,
  source: ImageSource,
  settings: ImageSettings,
): Promise<{ jpeg: Buffer; maxInk: number }> {
  const profile = settings.profile.file;
  const pipeline =
    source === 'rgb'
      ? img.flatten({ background: { r: 255, g: 255, b: 255 } }).withIccProfile(profile)
      : source === 'cmyk'
        ? // CMYK stays CMYK through the pipeline; the transform reads the image's own embedded profile.
          img.pipelineColourspace('cmyk').toColourspace('cmyk').withIccProfile(profile)
        : // separated for this press already (or untagged: taken as such): only the ink limit is applied
          img.pipelineColourspace('cmyk').toColourspace('cmyk');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`separation gave ${info.channels} channels, not CMYK`);
  return encodeWithinLimit(data, info.width, info.height, settings.inkLimit);
}

/**
 * Encode CMYK pixels as a JPEG whose every decoded pixel holds the ink limit: CMY are scaled down where
 * C+M+Y+K exceeds it (K, which carries the detail of newsprint shadows, is kept), the JPEG is decoded again,
 * and the target lowered by any overshoot of the compression (at most a few tries).
 */
async function encodeWithinLimit(
  data: Buffer,
  width: number,
  height: number,
  limitPct: number,
): Promise<{ jpeg: Buffer; maxInk: number }> {
  const n = width * height;
  const limit = (limitPct * 255) / 100;
  let target = limit;
  let jpeg = Buffer.alloc(0);
  let maxInk = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const cmy = Buffer.alloc(n * 3);
    const k = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      let c = data[4 * i]!;
      let m = data[4 * i + 1]!;
      let y = data[4 * i + 2]!;
      const kk = Math.min(data[4 * i + 3]!, Math.floor(target));
      const sum = c + m + y;
      if (sum + kk > target && sum > 0) {
        const f = Math.max(0, target - kk) / sum;
        c = Math.floor(c * f);
        m = Math.floor(m * f);
        y = Math.floor(y * f);
      }
      cmy[3 * i] = c;
      cmy[3 * i + 1] = m;
      cmy[3 * i + 2] = y;
      k[i] = kk;
    }
    // Three raw channels plus a joined fourth, labelled CMYK: sharp writes them as they are (Adobe CMYK JPEG).
    jpeg = await sharp(cmy, { raw: { width, height, channels: 3 } })
      .joinChannel(k, { raw: { width, height, channels: 1 } })
      .toColourspace('cmyk')
      .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
      .toBuffer();
    const back = await sharp(jpeg).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
    let max = 0;
    for (let i = 0; i + 3 < back.length; i += 4)
      max = Math.max(max, back[i]! + back[i + 1]! + back[i + 2]! + back[i + 3]!);
    maxInk = (max * 100) / 255;
    if (max <= limit) break;
    target -= max - limit + 1;
  }
  return { jpeg, maxInk };
}

/**
 * Greyscale: one channel for the black plate. The image's lightness (its own profile → sRGB grey → L*) is mapped
 * with black-point compensation onto the range a K-only tint reaches on the output condition (paper white to
 * 100 % K), then set to the K value that prints that lightness on the profile's K-only curve.
 */
async function greyToBlack(img: Sharp, settings: ImageSettings): Promise<{ jpeg: Buffer; maxInk: number }> {
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const curve = settings.profile.kLightness ?? DOT_GAIN_CURVE;
  const tone = greyToneTable(curve, settings.inkLimit);
  const c = info.channels;
  const out = Buffer.alloc(info.width * info.height);
  for (let i = 0, j = 0; j < out.length; i += c, j++) out[j] = 255 - tone[data[i]!]!;
  const jpeg = await sharp(out, { raw: { width: info.width, height: info.height, channels: 1 } })
    .toColourspace('b-w')
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  let maxK = 0;
  for (const v of tone) maxK = Math.max(maxK, v);
  return { jpeg, maxInk: (maxK * 100) / 255 };
}

/** L* of K-only tints for a profile without a readable AToB table: 26 % dot gain at 50 % (ISO 12647-3), K100 at L* 45. */
const DOT_GAIN_CURVE = Float64Array.from({ length: 256 }, (_, i) => {
  const k = i / 255;
  const printed = Math.min(1, k + 0.26 * 4 * k * (1 - k));
  return 100 - (100 - 45) * printed;
});

/** sRGB-encoded grey (0–255) → K (0–255) printing the same relative lightness; K capped at the ink limit. */
export function greyToneTable(kLightness: Float64Array, inkLimit: number): Uint8Array {
  const n = kLightness.length;
  const white = kLightness[0]!;
  const black = kLightness[n - 1]!;
  const table = new Uint8Array(256);
  const maxK = Math.min(255, Math.round((Math.min(100, inkLimit) * 255) / 100));
  for (let v = 0; v < 256; v++) {
    const lin = v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
    const lstar = lin > 216 / 24389 ? 116 * Math.cbrt(lin) - 16 : (24389 / 27) * lin;
    const target = black + (lstar / 100) * (white - black);
    // first K step whose lightness is at or below the target (the curve falls from white to black)
    let i = 0;
    while (i < n - 1 && kLightness[i + 1]! >= target) i++;
    const a = kLightness[i]!;
    const b = kLightness[Math.min(n - 1, i + 1)]!;
    const t = a > b ? Math.min(1, Math.max(0, (a - target) / (a - b))) : 0;
    table[v] = Math.min(maxK, Math.round(((i + t) / (n - 1)) * 255));
  }
  return table;
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

async function convertOp(op: ImageOp, settings: ImageSettings): Promise<Conversion> {
  if (!fs.existsSync(op.src)) return { error: 'missing' };
  try {
    return { ok: await convertImage(op.src, op.w, op.h, op.fit, settings) };
  } catch (e) {
    return { error: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
}

/** What the report says about each placed photo. */
export interface ImageReport {
  page: number;
  item: string | null;
  file: string;
  /** Effective resolution at the placed size, ppi (whole). */
  ppi: number;
  source: ImageSource;
  /** Pixel size after EXIF orientation. */
  width: number;
  height: number;
  /** Placed size, pt. */
  placedW: number;
  placedH: number;
  /** Largest total ink of a pixel, %. */
  maxInk: number;
}

export async function prepareImages(
  doc: DisplayDocument,
  open: (jpeg: Buffer) => unknown,
  settings: ImageSettings,
  sink?: Sink,
  cache?: ImageCache,
  report?: ImageReport[],
): Promise<Map<ImageOp, PreparedImage>> {
  const ops: Array<{ op: ImageOp; page: number }> = [];
  for (const p of doc.pages) for (const op of p.ops) if (op.kind === 'image') ops.push({ op, page: p.number });
  const results = await Promise.all(
    ops.map(({ op }) => {
      let conversion = cache?.get(op);
      if (!conversion) {
        conversion = convertOp(op, settings);
        cache?.set(op, conversion);
      }
      return conversion;
    }),
  );
  const out = new Map<ImageOp, PreparedImage>();
  ops.forEach(({ op, page }, i) => {
    const r = results[i]!;
    const at = { file: op.src, page, ...(op.item ? { item: op.item } : {}) };
    const name = op.item ? `${op.item} (${path.basename(op.src)})` : path.basename(op.src);
    if ('error' in r) {
      if (r.error === 'missing')
        sink?.error('image-not-found', `image ${op.src} does not exist`, at, 'add the photo file or remove the image');
      else
        sink?.error(
          'unreadable-image',
          `image ${op.src} cannot be read (${r.message})`,
          at,
          'export the photo again as JPEG, PNG or TIFF',
        );
      return;
    }
    const c = r.ok;
    // compared in whole ppi: a frame snapped to the grid may land a fraction under a limit
    const ppi = Math.round(c.ppi);
    if (ppi < settings.errorPpi)
      sink?.error(
        'image-resolution-too-low',
        `photo ${name} is ${ppi} ppi at its placed size (${c.width}×${c.height} px over ${Math.round(c.w)}×${Math.round(c.h)} pt), under the ${settings.errorPpi} ppi minimum: it will print visibly blurred`,
        at,
        `use an original of at least ${Math.ceil((c.w / 72) * settings.warnPpi)} px wide, or make the frame smaller`,
      );
    else if (ppi < settings.warnPpi)
      sink?.warn(
        'low-resolution-image',
        `photo ${name} is ${ppi} ppi at its placed size (${c.width}×${c.height} px over ${Math.round(c.w)}×${Math.round(c.h)} pt), under the ${settings.warnPpi} ppi the press wants`,
        at,
        `use an original of at least ${Math.ceil((c.w / 72) * settings.warnPpi)} px wide, or make the frame smaller`,
      );
    if (c.source === 'cmyk-untagged')
      sink?.info(
        'image-cmyk-untagged',
        `photo ${name} is CMYK without an embedded profile; it is taken as separated for this press (only the ink limit applied)`,
        at,
        'embed the profile the photo was separated with, or deliver it as RGB',
      );
    report?.push({
      page,
      item: op.item ?? null,
      file: op.src,
      ppi,
      source: c.source,
      width: c.width,
      height: c.height,
      placedW: Math.round(c.w * 10) / 10,
      placedH: Math.round(c.h * 10) / 10,
      maxInk: Math.round(c.maxInk * 10) / 10,
    });
    out.set(op, { pdfImage: open(c.jpeg), x: op.x + c.ox, y: op.y + c.oy, w: c.w, h: c.h, ppi: c.ppi, jpeg: c.jpeg });
  });
  return out;
}
