/**
 * End to end: the sample edition (seeds/edition.yaml) built into out-like files, then read back from the PDF
 * as a reader or the print shop would: every reference text present line by line in reading order, no glyph
 * collisions, nothing off the page, body lines obeying kinsoku and flush, preflight clean, same bytes twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { buildEdition, layoutEdition, type BuildReport } from '../src/pipeline/index.js';
import { loadEdition } from '../src/ingest/index.js';
import { extractText } from '../src/preview/index.js';
import {
  START_PROHIBITED_GB as LINE_START_PROHIBITED,
  END_PROHIBITED_GB as LINE_END_PROHIBITED,
} from '../src/text/rules.js';

const ROOT = path.resolve(__dirname, '..');
const EDITION = path.join(ROOT, 'seeds', 'edition.yaml');
const REFERENCE = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json'), 'utf8'),
) as { items: Record<string, unknown>[] };
const strip = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** Every visible text of the reference, as [where, text]. */
function referenceTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const it of REFERENCE.items) {
    const id = String(it.id);
    for (const k of ['section', 'kicker', 'headline', 'subhead', 'title', 'caption', 'text', 'dateline']) {
      const v = it[k];
      if (typeof v === 'string' && v) out.push([`${id}.${k}`, strip(v)]);
    }
    for (const k of ['credits', 'lines', 'paragraphs']) {
      const v = it[k];
      if (Array.isArray(v)) for (const [i, s] of v.entries()) out.push([`${id}.${k}[${i}]`, strip(String(s))]);
    }
    const col = it.column as Record<string, string | null> | undefined;
    if (col) for (const k of ['name', 'editor'] as const) if (col[k]) out.push([`${id}.column.${k}`, strip(col[k]!)]);
  }
  return out;
}

let dir: string;
let report: BuildReport;
let pdf: Buffer;
let pages: Awaited<ReturnType<typeof extractText>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-e2e-'));
  report = await buildEdition(EDITION, { outDir: dir, standard: 'x1a', previewDpi: 20 });
  pdf = fs.readFileSync(path.join(dir, 'page-01.pdf'));
  pages = await extractText(pdf);
});

describe('sample edition build', () => {
  it('writes the page PDF, the edition PDF, a PNG preview, report.json and index.html', () => {
    for (const f of ['page-01.pdf', 'edition.pdf', 'page-01.png', 'report.json', 'index.html']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const png = fs.readFileSync(path.join(dir, 'page-01.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const rep = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as BuildReport;
    expect(rep.pages).toHaveLength(1);
    expect(rep.counts.errors).toBe(0);
    // the composition report of the body text travels with the build
    const stats = rep.composition[0]!.stats;
    // the body text: every paragraph of the stories, credits not counted
    const stories = REFERENCE.items.filter((it) => Array.isArray(it.paragraphs));
    expect(stats.paragraphs).toBe(stories.reduce((n, it) => n + (it.paragraphs as unknown[]).length, 0));
    expect(stats.lines).toBeGreaterThan(300);
    expect(stats.rulesBroken + stats.overfull + stats.notFlush + stats.missingGlyphs).toBe(0);
  });

  it('reports the photo without an image file as a warning, and no overset', () => {
    const missing = report.diagnostics.filter((d) => d.code === 'missing-image');
    expect(missing.length).toBe(1);
    expect(missing[0]!.hint.length).toBeGreaterThan(0);
    expect(report.diagnostics.filter((d) => d.code === 'overset' || d.code === 'held-over')).toEqual([]);
  });

  it('has every reference text in the PDF, line by line in reading order', () => {
    const lines = pages.flatMap((p) => p.lines.map((l) => strip(l.text))).filter(Boolean);
    const all = lines.join('');
    const missing = referenceTexts()
      .filter(([, t]) => !all.includes(t))
      .map(([w]) => w);
    expect(missing).toEqual([]);
    // reading order: paragraphs of one story appear in order
    for (const it of REFERENCE.items) {
      const paras = (it.paragraphs as string[] | undefined) ?? [];
      let at = -1;
      for (const p of paras) {
        const k = all.indexOf(strip(p), at + 1);
        expect(k, `${String(it.id)} paragraph order`).toBeGreaterThan(at);
        at = k;
      }
    }
  });

  it('has no colliding glyphs and nothing outside the page', () => {
    const page = pages[0]!;
    const boxes = page.lines.flatMap((l, li) => l.chars.filter((c) => c.c.trim()).map((c) => ({ ...c, li })));
    expect(boxes.length).toBeGreaterThan(3000);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(page.width + 0.01);
      expect(b.y1).toBeLessThanOrEqual(page.height + 0.01);
    }
    boxes.sort((a, b) => a.y0 - b.y0);
    let collisions = 0;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length && boxes[j]!.y0 < a.y1; j++) {
        const b = boxes[j]!;
        if (a.li === b.li) continue;
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > 0 && h > 0 && w * h > 0.6 * Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0)))
          collisions++;
      }
    }
    expect(collisions).toBe(0);
  });

  it('sets body lines by the rules: no prohibited line start or end, every non-final line flush', () => {
    const sink = new Sink();
    const layouts = layoutEdition(loadEdition(EDITION, sink), sink);
    let bodyLines = 0;
    const bad: string[] = [];
    for (const block of layouts.flatMap((l) => l.blocks)) {
      if (block.kind !== 'text' || block.role !== 'body') continue;
      for (const { line } of block.lines) {
        bodyLines++;
        const first = line.text[0] ?? '';
        const last = line.text[line.text.length - 1] ?? '';
        if (LINE_START_PROHIBITED.has(first)) bad.push(`starts with ${first}: ${line.text}`);
        if (LINE_END_PROHIBITED.has(last)) bad.push(`ends with ${last}: ${line.text}`);
        if (!line.last && Math.abs(line.width - line.measure) > 0.5)
          bad.push(`not flush (${line.width} of ${line.measure}): ${line.text}`);
      }
    }
    expect(bodyLines).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });

  it('passes preflight (PDF/X-1a)', () => {
    for (const p of report.pages) expect(p.preflight.failed).toEqual([]);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-e2e2-'));
    await buildEdition(EDITION, { outDir: dir2, standard: 'x1a', previewDpi: 0 });
    expect(fs.readFileSync(path.join(dir2, 'page-01.pdf')).equals(pdf)).toBe(true);
    expect(fs.readFileSync(path.join(dir2, 'edition.pdf')).equals(fs.readFileSync(path.join(dir, 'edition.pdf')))).toBe(
      true,
    );
  });

  it("reports each page's layout: modules with their figures and the page's quality figures Q3–Q15", () => {
    const rep = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as BuildReport;
    const l = rep.pages[0]!.layout;
    const stories = l.modules.filter((m) => m.kind === 'article' || m.kind === 'commentary');
    expect(stories.length).toBeGreaterThan(3);
    for (const m of stories) {
      expect(m.headSize).toBeGreaterThan(9);
      expect(m.lines).toBeGreaterThan(0);
      expect(m.rank).toBeDefined();
      expect(m.legs!.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(m.lines);
    }
    const photo = l.modules.find((m) => m.item === 'photo-1')!;
    expect(photo.photo!.ppi).toBeGreaterThan(100);
    expect(photo.photo!.crop!.w).toBeLessThanOrEqual(1);
    expect(photo.photo!.aspect).toBeGreaterThanOrEqual(0.74);
    expect(photo.photo!.aspect).toBeLessThanOrEqual(2.01);
    const q = l.quality;
    expect(q.q3.hole).toBeLessThanOrEqual(0.015);
    expect([q.q7, q.q8, q.q9, q.q13.shortLegs]).toEqual([0, 0, 0, 0]);
    expect(q.q13.shortestLeg).toBeGreaterThanOrEqual(6);
  });

  const mc = path.resolve(ROOT, '..', 'shared', 'tools', 'makeupcheck.py');
  it.skipIf(!fs.existsSync(mc))(
    'passes the independent make-up checker: hole ≤ 1.5 %, no butting heads, no strips',
    () => {
      const r = spawnSync('python3', [mc, path.join(dir, 'page-01.pdf')], { encoding: 'utf8' });
      expect(r.stdout).toMatch(/butting heads 0, photos \d+ \(0 strips\)/);
      expect(r.status, r.stdout).toBe(0);
    },
  );

  const shared = path.resolve(ROOT, '..', 'shared', 'tools', 'pagecheck.py');
  const haveTools = fs.existsSync(shared) && spawnSync('mutool', ['-v']).error === undefined;
  it.skipIf(!haveTools)('passes the independent page checker (../shared/tools/pagecheck.py)', () => {
    const r = spawnSync(
      'python3',
      [shared, path.join(dir, 'page-01.pdf'), path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json')],
      { encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toMatch(
      /fidelity \d+\/\d+ chars \(100\.00%\), kinsoku 0, overlapping glyphs 0, outside page 0/,
    );
    expect(r.status).toBe(0);
  });
});
