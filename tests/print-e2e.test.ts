/**
 * Print files read back by independent tools, for every kind of photo a newsroom sends: RGB JPEG, RGBA PNG,
 * CMYK JPEG with an embedded profile, greyscale JPEG, EXIF-rotated JPEG; as PDF/X-1a and as PDF/X-4 with a
 * shop profile. Each page must pass our preflight, `qpdf --check`, `pdffonts` (all embedded with ToUnicode),
 * `mutool trace` (X-1a: no RGB, no ICCBased, no transparency), render in Ghostscript, and hold the ink limit in a
 * Ghostscript CMYK render with overprint simulated; a greyscale photo must print from the black plate alone.
 * Needs Debian's qpdf, poppler-utils, mupdf-tools and ghostscript (installed by .ci/run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { preflight } from '../src/pdf/preflight.js';
import { type BuildReport, buildEdition } from '../src/pipeline/index.js';
import { shopProfile } from './fixtures/pdf/profiles.js';

const PHOTOS = path.resolve(__dirname, 'fixtures', 'photos');
const HUBBLE = path.join(PHOTOS, 'hubble-deep-field_1000x872.jpg');
const COFFEE = path.join(PHOTOS, 'coffee_rgba-vignette-alpha_600x400.png');

const para = '本报讯 县城老街改造工程昨天完工，沿街店铺陆续开门迎客，市民纷纷前来参观拍照。'.repeat(4);

/** Test photos made from the fixtures, one per kind. */
async function makePhotos(dir: string): Promise<Record<string, string>> {
  const big = await sharp(HUBBLE).resize(1600).toBuffer();
  const files: Record<string, string> = {
    rgb: path.join(dir, 'rgb.jpg'),
    rgba: path.join(dir, 'rgba.png'),
    cmyk: path.join(dir, 'cmyk.jpg'),
    grey: path.join(dir, 'grey.jpg'),
    rotated: path.join(dir, 'rotated.jpg'),
  };
  await sharp(big).jpeg({ quality: 92 }).toFile(files.rgb!);
  await sharp(COFFEE).resize(1400).png().toFile(files.rgba!);
  // separated for another press (libvips' built-in CMYK profile), the profile embedded
  await sharp(await sharp(COFFEE).resize(1400).flatten({ background: '#fff' }).toBuffer())
    .withIccProfile('cmyk')
    .jpeg({ quality: 92 })
    .toFile(files.cmyk!);
  await sharp(big).toColourspace('b-w').jpeg({ quality: 92 }).toFile(files.grey!);
  // stored on its side with EXIF orientation 6 (display: rotate 90° clockwise)
  await sharp(await sharp(COFFEE).resize(1400).flatten({ background: '#fff' }).rotate(-90).toBuffer())
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 92 })
    .toFile(files.rotated!);
  return files;
}

/** An edition with one story and one photo per page: page 1 the RGB photos, page 2 CMYK and rotated, page 3 grey. */
function makeEdition(dir: string, photos: Record<string, string>, print = ''): string {
  const pages: Array<[string, string[]]> = [
    ['1', ['rgb', 'rgba']],
    ['2', ['cmyk', 'rotated']],
    ['3', ['grey']],
  ];
  const yaml = pages.map(([n, kinds]) => {
    // enough copy to fill the page, so the photos keep frames of ordinary proportions
    const stories = [1, 2, 3, 4].map((k) => {
      fs.writeFileSync(
        path.join(dir, `s${n}-${k}.md`),
        `---\nkind: article\nid: s${n}-${k}\nheadline: 老街改造工程完工第${n}版之${k}\n---\n\n${`${para}\n\n`.repeat(5)}`,
      );
      return `s${n}-${k}.md`;
    });
    for (const k of kinds)
      fs.writeFileSync(path.join(dir, `${k}.md`), `---\nkind: photo\nid: ${k}\n---\n\n老街改造后的新面貌（${k}）。\n`);
    // photos pinned to frames of ordinary size (3 columns × 24 lines), so the test is about separation, not make-up
    const pins = kinds.map((k, j) => `${k}: { pin: { column: ${1 + 4 * j}, span: 3, row: 70, lines: 24 } }`);
    return `  - number: ${n}\n    layout: broadsheet\n    stories: [${stories.join(', ')}, ${kinds.map((k) => `${k}.md`).join(', ')}]\n    images: { ${kinds.map((k) => `${k}: ${path.basename(photos[k]!)}`).join(', ')} }\n    overrides: { ${pins.join(', ')} }\n`;
  });
  const file = path.join(dir, 'edition.yaml');
  fs.writeFileSync(
    file,
    `paper: { name: 测试日报, romanized: CESHI RIBAO }\ndate: 2024-07-03\n${print}pages:\n${yaml.join('')}`,
  );
  return file;
}

const tool = (cmd: string, args: string[]): { status: number | null; out: string } => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} is not installed (Debian package; see .ci/run): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

/** Ghostscript CMYK render (72 dpi, overprint simulated) of page 1 of a file: width, height, pixels. */
function renderCmyk(pdf: string): { w: number; h: number; px: Buffer } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-gs-')), 'p.pam');
  const r = tool('gs', [
    '-q',
    '-dNOPAUSE',
    '-dBATCH',
    '-dSAFER',
    '-sDEVICE=pamcmyk32',
    '-r72',
    '-dOverprint=/simulate',
    `-sOutputFile=${out}`,
    pdf,
  ]);
  expect(r.status, r.out).toBe(0);
  const d = fs.readFileSync(out);
  const end = d.indexOf('ENDHDR\n');
  const head = d.subarray(0, end).toString('latin1');
  const w = Number(/WIDTH (\d+)/.exec(head)![1]);
  const h = Number(/HEIGHT (\d+)/.exec(head)![1]);
  return { w, h, px: d.subarray(end + 7) };
}

/** Total ink (%) at the 99.9th percentile and largest C, M, Y of a region (pt, top-left origin). */
function inkOf(img: { w: number; h: number; px: Buffer }, r: { x: number; y: number; w: number; h: number }) {
  const sums: number[] = [];
  const cmy = [0, 0, 0];
  for (let y = Math.ceil(r.y) + 1; y < Math.floor(r.y + r.h) - 1; y++)
    for (let x = Math.ceil(r.x) + 1; x < Math.floor(r.x + r.w) - 1; x++) {
      const i = (y * img.w + x) * 4;
      sums.push(img.px[i]! + img.px[i + 1]! + img.px[i + 2]! + img.px[i + 3]!);
      for (let k = 0; k < 3; k++) cmy[k] = Math.max(cmy[k]!, img.px[i + k]!);
    }
  sums.sort((a, b) => a - b);
  return { tac: ((sums[Math.floor(sums.length * 0.999)] ?? 0) * 100) / 255, cmy: cmy.map((v) => (v * 100) / 255) };
}

describe.each(['x1a', 'x4'] as const)('print files (%s) for every kind of photo', (standard) => {
  let dir: string;
  let report: BuildReport;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `banmian-print-${standard}-`));
    const photos = await makePhotos(dir);
    const file = makeEdition(dir, photos);
    report = await buildEdition(
      file,
      {
        outDir: path.join(dir, 'out'),
        previewDpi: 0,
        ...(standard === 'x4' ? { standard: 'x4' as const, profile: shopProfile() } : {}),
      },
      new Sink(),
    );
  }, 120000);

  const pdfs = (): string[] => report.pages.map((p) => path.join(dir, 'out', p.pdf));

  test('every photo placed, at 200 ppi or more, separated from the kind of source it is', () => {
    const photos = report.pages.flatMap((p) => p.photos).sort((a, b) => (a.item ?? '').localeCompare(b.item ?? ''));
    expect(photos.map((p) => [p.item, p.source])).toEqual([
      ['cmyk', 'cmyk'],
      ['grey', 'grey'],
      ['rgb', 'rgb'],
      ['rgba', 'rgb'],
      ['rotated', 'rgb'],
    ]);
    for (const p of photos) expect(p.ppi, `${p.item}`).toBeGreaterThanOrEqual(100);
    for (const p of photos) expect(p.maxInk).toBeLessThanOrEqual(240);
    // the rotated photo, stored 933 × 1400 on its side, is displayed upright (orientation 6): 1400 × 933
    const rot = photos.find((p) => p.item === 'rotated')!;
    expect([rot.width, rot.height]).toEqual([1400, 933]);
    expect(report.output.condition).toBe(standard === 'x4' ? 'Shop newspaper 26 coldset (test)' : 'CGATS TR 002');
  });

  test('banmian preflight passes every page', async () => {
    for (const f of pdfs()) {
      const res = await preflight(fs.readFileSync(f));
      expect(
        res.checks.filter((c) => !c.ok),
        f,
      ).toEqual([]);
    }
    for (const p of report.pages) expect(p.preflight.ok).toBe(true);
  });

  test('qpdf --check, pdffonts (embedded, ToUnicode), Ghostscript renders every page', () => {
    for (const f of [...pdfs(), path.join(dir, 'out', 'edition.pdf')]) {
      const q = tool('qpdf', ['--check', f]);
      expect(q.status, q.out).toBe(0);
      expect(q.out).toContain('No syntax or stream encoding errors');
      const fonts = tool('pdffonts', [f]).out.split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, f).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      const gs = tool('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-dPDFSTOPONERROR', '-sDEVICE=nullpage', f]);
      expect(gs.status, gs.out).toBe(0);
    }
  });

  test('mutool trace: no RGB; in X-1a no ICCBased and no transparency', () => {
    for (const f of pdfs()) {
      const t = tool('mutool', ['trace', f]).out;
      expect(t).toContain('<fill_image');
      expect(t).not.toMatch(/colorspace="(DeviceRGB|RGB)"/);
      if (standard === 'x1a') {
        expect(t).not.toMatch(/ICCBased|ICC/);
        expect(t).not.toMatch(/alpha="(?!1")/);
      }
    }
  });

  test('Ghostscript CMYK render: every page within 240 % total ink; the grey photo from the black plate alone', () => {
    for (const [i, f] of pdfs().entries()) {
      const img = renderCmyk(f);
      const page = report.pages[i]!;
      expect(inkOf(img, { x: 0, y: 0, w: img.w, h: img.h }).tac, f).toBeLessThanOrEqual(240.5);
      for (const m of page.layout.modules.filter((m) => m.kind === 'photo')) {
        // the frame of the image inside the photo module: the photo's placed box is its top part
        const ph = page.photos.find((p) => p.item === m.item)!;
        const region = { x: m.rect.x, y: m.rect.y, w: ph.placedW, h: ph.placedH };
        const ink = inkOf(img, region);
        expect(ink.tac, `${m.item}`).toBeLessThanOrEqual(240.5);
        if (m.item === 'grey') for (const v of ink.cmy) expect(v, 'C/M/Y of the grey photo').toBeLessThanOrEqual(3);
        else expect(Math.max(...ink.cmy), `${m.item} is in colour`).toBeGreaterThan(10);
      }
    }
  });
});
