import path from 'node:path';
import { describe, expect, test } from 'vitest';
import PDFDocument from 'pdfkit';
import { PDFDocument as LibDoc, PDFDict, PDFName, PDFString } from 'pdf-lib';
import { loadOutputProfile, writePdf } from '../src/pdf/index.js';
import { preflight } from '../src/pdf/preflight.js';
import { postProcess } from '../src/pdf/postprocess.js';
import { doc, face, page, run, SENTENCE } from './fixtures/pdf/docs.js';

type Kit = InstanceType<typeof PDFDocument>;

/** A pdfkit page with `draw` applied, then our PDF/X pass, so the planted defect is the only thing wrong. */
async function planted(draw: (d: Kit) => void, label = true): Promise<Buffer> {
  const d = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.3',
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  } as ConstructorParameters<typeof PDFDocument>[0]);
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((r) => d.on('end', () => r()));
  d.addPage({ size: [578, 443], margin: 0 });
  draw(d);
  d.end();
  await ended;
  const raw = Buffer.concat(chunks);
  return label ? postProcess(raw, doc([page([])]), 'x1a', loadOutputProfile()) : raw;
}

const failed = async (pdf: Buffer): Promise<string[]> =>
  (await preflight(pdf)).checks.filter((c) => !c.ok).map((c) => c.id);

describe('preflight', () => {
  test('our own output passes every check', async () => {
    const pdf = await writePdf(
      doc([
        page([
          run(SENTENCE, 40, 60, 10),
          run('红色大标题', 40, 100, 36, [0, 100, 100, 0]),
          { kind: 'rect', x: 30, y: 120, w: 200, h: 40, fill: [0, 20, 60, 0] },
          { kind: 'line', x1: 30, y1: 220, x2: 300, y2: 220, stroke: [0, 0, 0, 100], lineWidth: 0.25 },
          {
            kind: 'image',
            src: path.resolve(__dirname, 'fixtures', 'photos', 'coffee_rgba-vignette-alpha_600x400.png'),
            x: 300,
            y: 120,
            w: 150,
            h: 100,
            fit: 'cover',
          },
        ]),
      ]),
    );
    const res = await preflight(pdf);
    expect(res.checks.filter((c) => !c.ok)).toEqual([]);
    expect(res.ok).toBe(true);
    expect(res.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'header',
        'object-streams',
        'info',
        'output-intent',
        'page-boxes',
        'fonts-embedded',
        'fonts-tounicode',
        'colour-spaces',
        'transparency',
        'actions-annotations',
        'black-text-overprint',
        'rich-black-text',
      ]),
    );
  });

  test('a clean planted baseline (CMYK rect, overprinted K text) passes', async () => {
    const pdf = await planted((d) => {
      d.fillColor([0, 20, 60, 0]).rect(10, 10, 50, 50).fill();
    });
    expect(await failed(pdf)).toEqual([]);
  });

  test('RGB colour (pdfkit named colour) is caught', async () => {
    expect(await failed(await planted((d) => void d.fillColor('red').rect(10, 10, 50, 50).fill()))).toEqual([
      'colour-spaces',
    ]);
  });

  test('raw rg operator is caught', async () => {
    expect(await failed(await planted((d) => void d.addContent('1 0 0 rg 10 10 50 50 re f')))).toEqual([
      'colour-spaces',
    ]);
  });

  test('non-embedded standard font is caught (and its missing ToUnicode)', async () => {
    const f = await failed(
      await planted((d) => void d.fillColor([0, 0, 0, 50]).font('Helvetica').fontSize(12).text('Hello', 20, 20)),
    );
    expect(f).toContain('fonts-embedded');
    expect(f).toContain('fonts-tounicode');
  });

  test('opacity (even 1.0) is caught', async () => {
    expect(
      await failed(await planted((d) => void d.fillColor([0, 20, 60, 0]).fillOpacity(0.5).rect(10, 10, 50, 50).fill())),
    ).toEqual(['transparency']);
    expect(
      await failed(await planted((d) => void d.fillColor([0, 20, 60, 0]).opacity(1).rect(10, 10, 50, 50).fill())),
    ).toEqual(['transparency']);
  });

  test('PNG alpha (SMask) and RGB images are caught', async () => {
    const f = await failed(
      await planted(
        (d) =>
          void d.image(
            path.resolve(__dirname, 'fixtures', 'photos', 'coffee_rgba-vignette-alpha_600x400.png'),
            10,
            10,
            { width: 100 },
          ),
      ),
    );
    expect(f).toContain('transparency');
    expect(f).toContain('colour-spaces');
    expect(
      await failed(
        await planted(
          (d) =>
            void d.image(path.resolve(__dirname, 'fixtures', 'photos', 'tiny_rocket_96x64.jpg'), 10, 10, {
              width: 40,
            }),
        ),
      ),
    ).toEqual(['colour-spaces']);
  });

  test('100% K text that knocks out is caught; rich black and small multi-ink text too', async () => {
    const k = await planted((d) => void d.font(face.file).fillColor([0, 0, 0, 100]).fontSize(10).text('正文', 20, 20));
    expect(await failed(k)).toEqual(['black-text-overprint']);
    const rich = await planted(
      (d) => void d.font(face.file).fillColor([60, 40, 40, 100]).fontSize(30).text('标题', 20, 20),
    );
    expect(await failed(rich)).toEqual(['rich-black-text']);
    const small = await planted(
      (d) => void d.font(face.file).fillColor([0, 100, 100, 0]).fontSize(6).text('小字', 20, 20),
    );
    expect(await failed(small)).toEqual(['small-multi-ink-text']);
    // Large red headline text is fine.
    expect(
      await failed(
        await planted((d) => void d.font(face.file).fillColor([0, 100, 100, 0]).fontSize(30).text('标题', 20, 20)),
      ),
    ).toEqual([]);
  });

  test('annotations and actions are caught', async () => {
    expect(await failed(await planted((d) => void d.link(10, 10, 50, 20, 'https://example.com')))).toEqual([
      'actions-annotations',
    ]);
  });

  test('missing TrimBox, Info keys, OutputIntent and UserUnit are caught (unlabelled pdfkit output)', async () => {
    const f = await failed(await planted(() => {}, false));
    expect(f).toEqual(expect.arrayContaining(['page-boxes', 'info', 'output-intent']));
    const none = await writePdf(doc([page([run('字', 40, 60)])]), { standard: 'none' });
    expect(await failed(none)).toEqual(expect.arrayContaining(['page-boxes', 'info', 'output-intent']));
  });

  test('object streams and a 1.7 header (pdf-lib defaults) are caught', async () => {
    const good = await writePdf(doc([page([run('字', 40, 60)])]));
    const d = await LibDoc.load(good, { updateMetadata: false });
    const bad = Buffer.from(await d.save());
    expect(await failed(bad)).toEqual(expect.arrayContaining(['header', 'object-streams']));
  });

  test('TrimBox together with ArtBox, and a TrimBox outside the MediaBox, are caught', async () => {
    const good = await writePdf(doc([page([run('字', 40, 60)])]));
    const d = await LibDoc.load(good, { updateMetadata: false });
    d.getPages()[0]!.setArtBox(9, 9, 100, 100);
    let bad = Buffer.from(await d.save({ useObjectStreams: false }));
    bad[7] = 0x33;
    expect(await failed(bad)).toEqual(['page-boxes']);
    const e = await LibDoc.load(good, { updateMetadata: false });
    e.getPages()[0]!.setTrimBox(-5, 9, 700, 100);
    bad = Buffer.from(await e.save({ useObjectStreams: false }));
    bad[7] = 0x33;
    expect(await failed(bad)).toEqual(['page-boxes']);
  });

  test('Trapped as a string and a missing conformance key are caught', async () => {
    const good = await writePdf(doc([page([run('字', 40, 60)])]));
    const d = await LibDoc.load(good, { updateMetadata: false });
    const info = d.context.lookup(d.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('Trapped'), PDFString.of('False'));
    info.delete(PDFName.of('GTS_PDFXConformance'));
    const bad = Buffer.from(await d.save({ useObjectStreams: false }));
    bad[7] = 0x33;
    const res = await preflight(bad);
    expect(res.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['info']);
    expect(res.checks.find((c) => c.id === 'info')!.detail).toMatch(/Trapped.*GTS_PDFXConformance/);
  });
});
