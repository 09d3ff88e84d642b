import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { PDFDocument as LibDoc, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib';
import { writePdf, type ImageCache, type ImageReport } from '../src/pdf/index.js';
import * as images_ from '../src/pdf/images.js';
import { defaultImageSettings } from '../src/pdf/images.js';
import { shopProfile } from './fixtures/pdf/profiles.js';
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

/** A JPEG with an ICC profile embedded as APP2 ICC_PROFILE markers (ICC.1 Annex B), the pixels untouched. */
function withIcc(jpeg: Buffer, icc: Buffer): Buffer {
  const max = 65519;
  const count = Math.ceil(icc.length / max);
  const markers: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = icc.subarray(i * max, (i + 1) * max);
    const head = Buffer.alloc(18);
    head.writeUInt16BE(0xffe2, 0);
    head.writeUInt16BE(chunk.length + 16, 2);
    head.write('ICC_PROFILE\0', 4, 'latin1');
    head[16] = i + 1;
    head[17] = count;
    markers.push(head, chunk);
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...markers, jpeg.subarray(2)]);
}

/** A flat CMYK JPEG of one colour (percentages), 64 × 64 px, no profile. */
async function flatCmyk(c: number[]): Promise<Buffer> {
  const n = 64 * 64;
  const v = c.map((x) => Math.round(x * 2.55));
  const cmy = Buffer.alloc(n * 3);
  const k = Buffer.alloc(n, v[3]);
  for (let i = 0; i < n; i++) cmy.set(v.slice(0, 3), i * 3);
  return sharp(cmy, { raw: { width: 64, height: 64, channels: 3 } })
    .joinChannel(k, { raw: { width: 64, height: 64, channels: 1 } })
    .toColourspace('cmyk')
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

const centre = async (jpeg: Buffer): Promise<number[]> => {
  const { data, info } = await sharp(jpeg)
    .pipelineColourspace('cmyk')
    .toColourspace('cmyk')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const i = (info.width * Math.floor(info.height / 2) + Math.floor(info.width / 2)) * 4;
  return [...data.subarray(i, i + 4)].map((x) => Math.round(x / 2.55));
};

describe('separation', () => {
  const settings = defaultImageSettings();
  const { convertImage } = images_;

  test('CMYK originals go through their own profile; one separated for this press keeps its numbers', async () => {
    const flat = await flatCmyk([42, 37, 39, 3]);
    // tagged with the output profile itself: already separated for this press, numbers kept
    const press = await convertImage(withIcc(flat, settings.profile.icc.bytes), 40, 40, 'cover', settings);
    expect(press.source).toBe('cmyk-press');
    for (const [i, v] of (await centre(press.jpeg)).entries())
      expect(Math.abs(v - [42, 37, 39, 3][i]!)).toBeLessThan(3);
    // untagged: taken as separated for this press too
    const untagged = await convertImage(flat, 40, 40, 'cover', settings);
    expect(untagged.source).toBe('cmyk-untagged');
    // tagged with another press's profile: converted through that profile, so the result depends on it
    const other = withIcc(flat, fs.readFileSync(shopProfile()));
    const a = await convertImage(other, 40, 40, 'cover', settings);
    expect(a.source).toBe('cmyk');
    const viaOther = await centre(a.jpeg);
    expect(viaOther).not.toEqual(await centre(press.jpeg));
    // never re-separated through sRGB: the sRGB route gives another result
    const rgb = await sharp(withIcc(flat, fs.readFileSync(shopProfile())))
      .toColourspace('srgb')
      .png()
      .toBuffer();
    const viaSrgb = await centre((await convertImage(rgb, 40, 40, 'cover', settings)).jpeg);
    expect(viaOther).not.toEqual(viaSrgb);
    for (const v of [viaOther, viaSrgb]) expect(v.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(240);
  });

  test('every pixel within the ink limit, pure black mostly K; greys and neutral RGB on the black plate alone', async () => {
    const black = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const red = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#102030' } })
      .png()
      .toBuffer();
    const dark = await convertImage(red, 30, 30, 'cover', settings);
    const [c, m, y, k] = await centre(dark.jpeg);
    expect(c! + m! + y! + k!).toBeLessThanOrEqual(240);
    expect(k!).toBeGreaterThan(Math.max(c!, m!, y!)); // a dark colour carried mostly by K
    const g = await convertImage(black, 30, 30, 'cover', settings);
    expect(g.source).toBe('grey');
    const meta = await sharp(g.jpeg).metadata();
    expect(meta.channels).toBe(1);
    // 100 % K for black, white stays paper, mid grey gets the press's dot gain (lighter than 50 % K)
    const tone = images_.greyToneTable(settings.profile.kLightness!, 240);
    expect(tone[0]).toBe(255);
    expect(tone[255]).toBe(0);
    expect(tone[128]!).toBeLessThan(128);
    for (let v = 1; v < 256; v++) expect(tone[v]!).toBeLessThanOrEqual(tone[v - 1]!);
    // a tighter ink limit is held too
    const tight = await convertImage(HUBBLE, 200, 150, 'cover', { ...settings, inkLimit: 200 });
    expect(tight.maxInk).toBeLessThanOrEqual(200);
  });
});
