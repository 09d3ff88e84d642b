/**
 * Planted defects: each is added to a clean page of ours (our own writer's output, which passes), and preflight
 * must reject it with the right check, naming page and object, and count every finding.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { loadOutputProfile, writePdf } from '../src/pdf/index.js';
import { preflight } from '../src/pdf/preflight.js';
import { doc, page, run, SENTENCE } from './fixtures/pdf/docs.js';
import { shopProfile } from './fixtures/pdf/profiles.js';

const HUBBLE = path.resolve(__dirname, 'fixtures', 'photos', 'hubble-deep-field_1000x872.jpg');

/** A clean page of ours: text, a tint, a rule and a photo. */
const clean = (): Promise<Buffer> =>
  writePdf(
    doc([
      page([
        run(SENTENCE, 40, 60, 10),
        run('红色大标题', 40, 100, 36, [0, 100, 100, 0]),
        { kind: 'rect', x: 30, y: 120, w: 200, h: 40, fill: [0, 20, 60, 0] },
        { kind: 'line', x1: 30, y1: 220, x2: 300, y2: 220, stroke: [0, 0, 0, 100], lineWidth: 0.3 },
        { kind: 'image', src: HUBBLE, x: 300, y: 120, w: 150, h: 110, fit: 'cover' },
      ]),
    ]),
  );

type Plant = (d: PDFDocument, resources: PDFDict) => string;

/** Append `plant`'s content (and resources) to page 1 of a clean page; saved as PDF 1.3 without object streams. */
async function planted(plant: Plant): Promise<Buffer> {
  const d = await PDFDocument.load(await clean(), { updateMetadata: false });
  const node = d.getPages()[0]!.node;
  const resources = node.Resources()!;
  const content = plant(d, resources);
  node.addContentStream(d.context.register(d.context.flateStream(content)));
  const out = Buffer.from(await d.save({ useObjectStreams: false }));
  out[7] = 0x33;
  return out;
}

const failed = async (pdf: Buffer): Promise<string[]> =>
  (await preflight(pdf)).checks.filter((c) => !c.ok).map((c) => c.id);

/** A sub-dictionary of the page resources, created when absent. */
function sub(d: PDFDocument, resources: PDFDict, key: string): PDFDict {
  let s = resources.lookup(PDFName.of(key));
  if (!(s instanceof PDFDict)) {
    s = d.context.obj({});
    resources.set(PDFName.of(key), s);
  }
  return s as PDFDict;
}

describe('preflight on planted defects', () => {
  test('the clean page passes every check, with nothing found', async () => {
    const res = await preflight(await clean());
    expect(res.checks.filter((c) => !c.ok)).toEqual([]);
    expect(res.errors).toBe(0);
    expect(res.ok).toBe(true);
    // an appended harmless content stream changes nothing
    expect(await failed(await planted(() => 'q 0 0.2 0.6 0 k 10 10 40 40 re f Q'))).toEqual([]);
  });

  test('a 400 % fill fails ink-limit-vector', async () => {
    const pdf = await planted(() => 'q 1 1 1 1 k 10 10 50 50 re f Q');
    expect(await failed(pdf)).toEqual(['ink-limit-vector']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'ink-limit-vector')!;
    expect(check.findings[0]).toMatchObject({ page: 1, object: 'fill 100/100/100/100' });
    expect(check.findings[0]!.message).toMatch(/400 % total ink, over 240 %/);
    // the limit is configurable: at 400 % the same fill passes
    expect((await preflight(pdf, { inkLimit: 400 })).ok).toBe(true);
  });

  test('an inline RGB image fails inline-images', async () => {
    // 4 × 4 px placed 1 pt wide: 288 ppi, so only the colour space is wrong
    const data = Array.from({ length: 48 }, (_, i) => (i * 37) % 200).map((v) => v.toString(16).padStart(2, '0'));
    const pdf = await planted(
      () => `q 1 0 0 1 100 100 cm BI /W 4 /H 4 /CS /RGB /BPC 8 /F /AHx ID ${data.join('')}> EI Q`,
    );
    expect(await failed(pdf)).toEqual(['inline-images']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'inline-images')!;
    expect(check.findings[0]).toMatchObject({ page: 1, object: 'inline image', message: 'in DeviceRGB' });
  });

  test('a 4 ppi image fails image-resolution', async () => {
    const pdf = await planted((d, res) => {
      const px = Buffer.alloc(8 * 8 * 4, 40);
      const im = d.context.register(
        d.context.flateStream(px, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 8,
          Height: 8,
          ColorSpace: 'DeviceCMYK',
          BitsPerComponent: 8,
        }),
      );
      sub(d, res, 'XObject').set(PDFName.of('ImLow'), im);
      return 'q 144 0 0 144 200 200 cm /ImLow Do Q';
    });
    expect(await failed(pdf)).toEqual(['image-resolution']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'image-resolution')!;
    expect(check.findings[0]).toMatchObject({ page: 1, object: 'image /ImLow' });
    expect(check.findings[0]!.message).toMatch(/^4 ppi/);
  });

  test('a 0.05 pt two-ink hairline fails hairlines', async () => {
    const pdf = await planted(() => 'q 0.5 0.5 0 0 K 0.05 w 10 300 m 300 300 l S Q');
    expect(await failed(pdf)).toEqual(['hairlines']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'hairlines')!;
    expect(check.findings[0]).toMatchObject({
      page: 1,
      object: 'stroke 50/50/0/0',
      message: '0.05 pt wide, under 0.25 pt',
    });
    // a 0.3 pt line in two inks passes, with a warning
    const res = await preflight(await planted(() => 'q 0.5 0.5 0 0 K 0.3 w 10 300 m 300 300 l S Q'));
    expect(res.ok).toBe(true);
    expect(res.checks.find((c) => c.id === 'thin-multi-ink-lines')!.count).toBe(1);
  });

  test('a registration-colour fill fails registration-colour', async () => {
    const pdf = await planted((d, res) => {
      const fn = d.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 });
      sub(d, res, 'ColorSpace').set(PDFName.of('CSReg'), d.context.obj(['Separation', 'All', 'DeviceCMYK', fn]));
      return 'q /CSReg cs 1 scn 10 10 20 20 re f Q';
    });
    expect(await failed(pdf)).toEqual(['registration-colour']);
  });

  const withIntent = async (identifier: string, embed?: string): Promise<Buffer> => {
    const d = await PDFDocument.load(await clean(), { updateMetadata: false });
    const oi = d.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    oi.set(PDFName.of('OutputConditionIdentifier'), PDFString.of(identifier));
    oi.set(PDFName.of('OutputCondition'), PDFString.of(identifier));
    oi.set(PDFName.of('Info'), PDFString.of(identifier));
    if (embed)
      oi.set(
        PDFName.of('DestOutputProfile'),
        d.context.register(d.context.flateStream(loadOutputProfile(embed).icc.bytes, { N: 4 })) as PDFRef,
      );
    const out = Buffer.from(await d.save({ useObjectStreams: false }));
    out[7] = 0x33;
    return out;
  };

  test('an output intent naming coated paper (FOGRA39) fails output-condition', async () => {
    const pdf = await withIntent('FOGRA39');
    expect(await failed(pdf)).toEqual(['output-condition']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'output-condition')!;
    expect(check.findings[0]!.message).toMatch(/coated paper.*not newsprint/);
    // with a profile embedded it is still coated paper
    expect(await failed(await withIntent('FOGRA39', shopProfile('Coated FOGRA39 (test)')))).toEqual([
      'output-condition',
    ]);
  });

  test('an output intent naming a made-up condition fails output-condition, unless the shop profile is embedded', async () => {
    const pdf = await withIntent('Banmian Test Press 7');
    expect(await failed(pdf)).toEqual(['output-condition']);
    expect(await failed(await withIntent('Banmian Test Press 7', shopProfile()))).toEqual([]);
    // registered newsprint names pass without a profile
    expect(await failed(await withIntent('IFRA26'))).toEqual([]);
  });

  test('every finding is counted: 30 over-limit fills are 30 findings, none capped', async () => {
    const fills = Array.from({ length: 30 }, (_, i) => `${(i + 10) / 40} 1 1 1 k ${10 + i} 10 5 5 re f`).join('\n');
    const res = await preflight(await planted(() => `q ${fills} Q`));
    const check = res.checks.find((c) => c.id === 'ink-limit-vector')!;
    expect(check.count).toBe(30);
    expect(check.findings).toHaveLength(30);
    expect(check.detail).toMatch(/^30 findings: /);
    // the same fill repeated is one finding that counts its occurrences
    const rep = await preflight(await planted(() => `q 1 1 1 1 k ${'10 10 5 5 re f '.repeat(12)} Q`));
    const r = rep.checks.find((c) => c.id === 'ink-limit-vector')!;
    expect(r.count).toBe(12);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.times).toBe(12);
  });
});

describe('preflight on image ink', () => {
  test('a CMYK image at 400 % fails ink-limit-image; ours (separated for newsprint) passes', async () => {
    const pdf = await planted((d, res) => {
      const im = d.context.register(
        d.context.flateStream(Buffer.alloc(300 * 300 * 4, 255), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 300,
          Height: 300,
          ColorSpace: 'DeviceCMYK',
          BitsPerComponent: 8,
        }),
      );
      sub(d, res, 'XObject').set(PDFName.of('ImInk'), im);
      return 'q 72 0 0 72 300 300 cm /ImInk Do Q';
    });
    expect(await failed(pdf)).toEqual(['ink-limit-image']);
    const check = (await preflight(pdf)).checks.find((c) => c.id === 'ink-limit-image')!;
    expect(check.findings[0]).toMatchObject({ page: 1, object: 'image /ImInk' });
    expect(check.findings[0]!.message).toMatch(/^400 % total ink/);
  });
});
