import path from 'node:path';
import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { PDFDocument as LibDoc, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { writePdf, type ImageCache, type ImageReport } from '../src/pdf/index.js';
import { defaultImageSettings } from '../src/pdf/images.js';
import { preflight } from '../src/pdf/preflight.js';
import { renderPng } from '../src/preview/index.js';
import { Sink } from '../src/diag/index.js';
import type { ImageOp } from '../src/paint/display.js';
import { doc, page } from './fixtures/pdf/docs.js';

const PHOTOS = path.resolve(__dirname, 'fixtures', 'photos'); // copies of ../shared/photos (see SOURCES.md there)
const HUBBLE = `${PHOTOS}/hubble-deep-field_1000x872.jpg`;
const COFFEE = `${PHOTOS}/coffee_rgba-vignette-alpha_600x400.png`;
const ROCKET = `${PHOTOS}/tiny_rocket_96x64.jpg`;

const img = (src: string, x: number, y: number, w: number, h: number, fit: 'cover' | 'contain' = 'cover'): ImageOp => ({
  kind: 'image',
  src,
  x,
  y,
  w,
  h,
  fit,
});

async function images(pdf: Buffer): Promise<PDFRawStream[]> {
  const d = await LibDoc.load(pdf);
  const out: PDFRawStream[] = [];
  for (const [, o] of d.context.enumerateIndirectObjects())
    if (o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) out.push(o);
  return out;
}

/** Mean RGB of a region of a rendered page (pt → px at `dpi`). */
async function meanRgb(png: Buffer, dpi: number, x: number, y: number, w: number, h: number): Promise<number[]> {
  const s = dpi / 72;
  // sharp's stats() reads the input, not the pipeline output: materialise the crop first.
  const crop = await sharp(png)
    .extract({ left: Math.round(x * s), top: Math.round(y * s), width: Math.round(w * s), height: Math.round(h * s) })
    .toBuffer();
  const { channels } = await sharp(crop).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

describe('images', () => {
  test('RGB JPEG and RGBA PNG become CMYK JPEGs without SMask; preflight passes', async () => {
    const pdf = await writePdf(doc([page([img(HUBBLE, 40, 40, 200, 150), img(COFFEE, 300, 40, 200, 150, 'contain')])]));
    const xs = await images(pdf);
    expect(xs).toHaveLength(2);
    for (const x of xs) {
      expect(x.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceCMYK'));
      expect(x.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('DCTDecode'));
      expect(x.dict.get(PDFName.of('SMask'))).toBeUndefined();
      expect((x.dict.get(PDFName.of('BitsPerComponent')) as PDFNumber).asNumber()).toBe(8);
      const meta = await sharp(Buffer.from(x.contents)).metadata();
      expect(meta.channels).toBe(4);
      expect(meta.space).toBe('cmyk');
    }
    expect((await preflight(pdf)).ok).toBe(true);
  });

  test('polarity and alpha: rendered colours match the source (no negatives), alpha flattened onto white', async () => {
    const dpi = 72;
    const pdf = await writePdf(doc([page([img(HUBBLE, 40, 40, 200, 150), img(COFFEE, 300, 40, 240, 160)])]));
    const png = await renderPng(pdf, 0, dpi);
    // Hubble deep field: almost black. A polarity error would render it almost white.
    const space = await meanRgb(png, dpi, 40, 40, 200, 150);
    const srcSpace = (await sharp(HUBBLE).stats()).channels.slice(0, 3).map((c) => c.mean);
    for (const [i, v] of space.entries()) expect(Math.abs(v - srcSpace[i]!)).toBeLessThan(35);
    expect(Math.max(...space)).toBeLessThan(80);
    // The coffee PNG fades to transparent at its edges: the corner must print as paper white, the centre as the photo.
    const corner = await meanRgb(png, dpi, 301, 41, 8, 8);
    for (const v of corner) expect(v).toBeGreaterThan(235);
    const flat = await sharp(
      await sharp(COFFEE)
        .flatten({ background: '#ffffff' })
        .extract({ left: 250, top: 150, width: 100, height: 100 })
        .toBuffer(),
    ).stats();
    const centre = await meanRgb(png, dpi, 300 + 100, 40 + 60, 40, 40);
    for (const [i, v] of centre.entries()) expect(Math.abs(v - flat.channels[i]!.mean)).toBeLessThan(40);
  });

  test('cover crops to the frame aspect; contain fits inside and centres', async () => {
    const pdf = await writePdf(
      doc([page([img(HUBBLE, 40, 40, 200, 50, 'cover'), img(HUBBLE, 300, 40, 200, 50, 'contain')])]),
    );
    const [cover, contain] = await images(pdf);
    const dims = (x: PDFRawStream) => [
      (x.dict.get(PDFName.of('Width')) as PDFNumber).asNumber(),
      (x.dict.get(PDFName.of('Height')) as PDFNumber).asNumber(),
    ];
    const [cw, ch] = dims(cover!);
    expect(cw! / ch!).toBeCloseTo(4, 1);
    const [nw, nh] = dims(contain!);
    expect(nw! / nh!).toBeCloseTo(1000 / 872, 1);
    // Downsampled to ≤ 300 ppi at the placed size: cover is 200 pt wide → ≤ 834 px; contain is 50 pt high → ≤ 209 px.
    expect(cw).toBeLessThanOrEqual(834);
    expect(nh).toBeLessThanOrEqual(209);
  });

  test('resolution: an error under 100 ppi, a warning under 200 ppi, naming item and file; limits configurable', async () => {
    const sink = new Sink();
    // 96 px over 100 pt = 69 ppi; 96 px over 50 pt = 138 ppi.
    const a = { ...img(ROCKET, 40, 40, 100, 66.7), item: 'photo-1' };
    const b = { ...img(ROCKET, 200, 40, 50, 33.3), item: 'photo-2' };
    await writePdf(doc([page([a, b])]), { sink });
    const errors = sink.errors.filter((e) => e.code === 'image-resolution-too-low');
    const low = sink.warnings.filter((w) => w.code === 'low-resolution-image');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/photo-1 .*69 ppi.*blurred/);
    expect(errors[0]!.at).toMatchObject({ page: 1, item: 'photo-1', file: ROCKET });
    expect(low).toHaveLength(1);
    expect(low[0]!.message).toMatch(/photo-2 .*138 ppi/);
    expect(low[0]!.at.item).toBe('photo-2');
    // Other limits from the settings: 60 ppi minimum, 130 ppi wish → only a warning, only for the first.
    const lax = new Sink();
    const settings = { ...defaultImageSettings(), errorPpi: 60, warnPpi: 130 };
    const report: ImageReport[] = [];
    await writePdf(doc([page([a, b])]), { sink: lax, images: settings, imageReport: report });
    expect(lax.errors).toEqual([]);
    expect(lax.warnings.map((w) => w.at.item)).toEqual(['photo-1']);
    expect(report.map((r) => [r.item, r.ppi])).toEqual([
      ['photo-1', 69],
      ['photo-2', 138],
    ]);
    const ok = new Sink();
    await writePdf(doc([page([img(HUBBLE, 40, 40, 150, 110)])]), { sink: ok });
    expect(ok.items).toEqual([]);
  });

  test('missing image is an error diagnostic, not a crash', async () => {
    const sink = new Sink();
    const pdf = await writePdf(doc([page([img(`${PHOTOS}/nope.jpg`, 40, 40, 100, 100)])]), { sink });
    expect(sink.errors.map((e) => e.code)).toEqual(['missing-image']);
    expect(await images(pdf)).toHaveLength(0);
  });

  test('deterministic with several images (async preparation)', async () => {
    const d = () =>
      doc([
        page([
          img(COFFEE, 40, 40, 100, 80),
          img(HUBBLE, 150, 40, 100, 80),
          img(ROCKET, 260, 40, 60, 40),
          img(HUBBLE, 340, 40, 100, 80, 'contain'),
        ]),
      ]);
    const a = await writePdf(d());
    const b = await writePdf(d());
    expect(a.equals(b)).toBe(true);
  });

  test('an image cache converts each photo once across writes and changes no byte', async () => {
    const ops = [img(COFFEE, 40, 40, 100, 80), img(HUBBLE, 150, 40, 100, 80)];
    const cache: ImageCache = new WeakMap();
    const first = await writePdf(doc([page(ops)]), { imageCache: cache });
    const conversions = ops.map((op) => cache.get(op));
    expect(conversions.every(Boolean)).toBe(true);
    const second = await writePdf(doc([page(ops)]), { imageCache: cache });
    for (const [i, op] of ops.entries()) expect(cache.get(op)).toBe(conversions[i]); // the same promises: nothing converted again
    expect(second.equals(first)).toBe(true);
    expect(second.equals(await writePdf(doc([page(ops)])))).toBe(true);
  });
});
