/**
 * The layout corpus (tests/fixtures/corpus: 14 pages of invented copy — a front page, dense news pages of 12 and
 * 15 items, a long feature with crossheads, briefs, an opinion page, notices and name lists, tables, pages with
 * 0, 1 and 3 photos in portrait and landscape (one EXIF-rotated, one a strip to crop), an under-full and an
 * overfull page that continues, a page of plain-text copy) built on both templates, each page once. On every
 * page, from the layout report AND read back from the PDF: nothing lost, no colliding glyphs, no heads side by
 * side or stacked, legs of at least minLeg lines, photos within the crop range, the largest hole within Q3 or an
 * under-full warning that gives the missing lines, no head broken inside a word.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, Sink } from '../src/diag/index.js';
import { importCopy, readImageSize, readStoryFile } from '../src/ingest/index.js';
import { type LayoutTemplate, loadTemplate, orderItems, type PageLayout } from '../src/layout/index.js';
import { assignRanks } from '../src/layout/ranks.js';
import { type Edition, itemTexts } from '../src/model/edition.js';
import { writePdf } from '../src/pdf/index.js';
import { insideWord } from '../src/text/index.js';
import { layoutEdition, paintEdition } from '../src/pipeline/index.js';
import { type ExtractedPage, extractText } from '../src/preview/index.js';
import { figures } from './figures.js';
import { CORPUS_DIR, type CorpusPage, corpusEdition, corpusPages } from './fixtures/corpus/load.mjs';

const TEMPLATES = ['broadsheet', 'tabloid'] as const;
const strip = (s: string): string => s.replace(/[\s\u3000]/g, '');
/**
 * The corpus's own place names and compounds that the headline word list lacks, added to the composer's word
 * checker (text/words.ts insideWord: budoux phrases and the list) for this corpus.
 */
const CORPUS_WORDS: ReadonlySet<string> = new Set(
  fs
    .readFileSync(path.join(CORPUS_DIR, 'words.txt'), 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w && !w.startsWith('#')),
);

interface Built {
  page: CorpusPage;
  edition: Edition;
  template: LayoutTemplate;
  layouts: PageLayout[];
  diags: Diagnostic[];
  pdfs: Buffer[];
  text: ExtractedPage[];
}

const corpus = corpusPages({ readStoryFile, importCopy, readImageSize }, new Sink());
/** Every corpus page's largest hole may only get smaller (tests/figures/layout-corpus.json). */
const figs = figures(import.meta.url);
const built = new Map<string, Built>();

beforeAll(async () => {
  for (const name of TEMPLATES) {
    const template = loadTemplate(name);
    for (const page of corpus) {
      const edition = corpusEdition(page, name);
      const sink = new Sink();
      const layouts = layoutEdition(edition, sink);
      const doc = paintEdition(edition, layouts);
      const pdfs: Buffer[] = [];
      const text: ExtractedPage[] = [];
      for (const p of doc.pages) {
        const pdf = Buffer.from(await writePdf({ ...doc, pages: [p] }, { standard: 'none', sink: new Sink() }));
        pdfs.push(pdf);
        text.push(...(await extractText(pdf)));
      }
      built.set(`${name}/${page.id}`, { page, edition, template, layouts, diags: sink.items, pdfs, text });
    }
  }
}, 600_000);

/** Characters as a multiset. */
function bag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of strip(s)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** pdftoppm (poppler), as the print shop's and the outside checkers' rasteriser; absent: the PDF check is skipped. */
const PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined;

/**
 * Largest all-white rectangle of the rendered page inside `area` (pt), as a share of it: the page rendered at 36 dpi
 * in grey by pdftoppm, grey < 245 is ink (as ../shared/tools/makeupcheck.py reads a page).
 */
async function pdfHole(pdf: Buffer, area: { x: number; y: number; w: number; h: number }): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-corpus-'));
  fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
  spawnSync('pdftoppm', ['-r', '36', '-gray', '-png', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
  const { data, info } = await sharp(path.join(dir, 'p.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const s = 36 / 72;
  const X0 = Math.round(area.x * s);
  const Y0 = Math.round(area.y * s);
  const X1 = Math.round((area.x + area.w) * s);
  const Y1 = Math.round((area.y + area.h) * s);
  const W = X1 - X0;
  const h = new Int32Array(W);
  let best = 0;
  for (let y = Y0; y < Y1; y++) {
    for (let x = 0; x < W; x++) h[x] = data[(y * info.width + X0 + x) * info.channels]! < 245 ? 0 : h[x]! + 1;
    const stack: number[] = [];
    for (let x = 0; x <= W; x++) {
      const cur = x < W ? h[x]! : 0;
      while (stack.length && h[stack[stack.length - 1]!]! >= cur) {
        const top = stack.pop()!;
        const left = stack.length ? stack[stack.length - 1]! + 1 : 0;
        best = Math.max(best, h[top]! * (x - left));
      }
      stack.push(x);
    }
  }
  return best / (W * (Y1 - Y0));
}

for (const name of TEMPLATES)
  describe(`corpus on the ${name} template`, () => {
    for (const page of corpus) {
      const key = `${name}/${page.id}`;
      const get = (): Built => built.get(key)!;

      it(`${page.id}: nothing lost — every character printed, continued or reported`, () => {
        const b = get();
        const reported = new Set(b.layouts.flatMap((l) => l.overset.map((o) => o.item)));
        for (const d of b.diags)
          if (d.code === 'overset' || d.code === 'held-over') expect(reported.has(d.at.item!), d.message).toBe(true);
        // the PDF holds every character of every item that is not reported (continued stories across pages)
        const printed = bag(b.text.flatMap((p) => p.lines.map((l) => l.text)).join(''));
        for (const p of b.edition.pages)
          for (const it of p.items) {
            if (reported.has(it.id)) continue;
            for (const [c, n] of bag(itemTexts(it).join(''))) {
              const have = printed.get(c) ?? 0;
              expect(have, `${it.id}: ${c}`).toBeGreaterThanOrEqual(n);
              printed.set(c, have - n);
            }
          }
        // every reported item says how much and what to do
        for (const d of b.diags.filter((x) => x.code === 'overset' || x.code === 'held-over'))
          expect(d.hint).toMatch(/cut|move|continue|hold/);
      });

      it(`${page.id}: the lead story (or an opinion page's first) is set, never held over for lower items`, () => {
        const b = get();
        for (const [k, p] of b.edition.pages.entries()) {
          const ordered = orderItems(p.items.filter((it) => !it.overrides?.hold));
          // the lead, or on a page without one (an opinion page) its first story
          const ranks = assignRanks(ordered, b.template, p.number).ranks;
          const lead =
            ordered[ranks.indexOf('lead')] ?? ordered.find((it) => it.kind === 'article' || it.kind === 'commentary');
          if (!lead) continue;
          // it stands on the page; a lead longer than the whole type area (the feature on the tabloid) stands as
          // tall as the page with the rest reported overset, any other lead whole
          const rank = b.layouts[k]!.modules.find((m) => m.item === lead.id)?.info?.rank;
          expect(rank).toBe(ranks.includes('lead') ? 'lead' : ranks[ordered.indexOf(lead)]);
          const lines = strip(itemTexts(lead).join('')).length / b.template.grid.columnChars;
          if (lines > b.template.grid.columns * b.template.grid.lines)
            expect(b.diags.some((d) => d.code === 'overset' && d.at.item === lead.id)).toBe(true);
          else expect(b.layouts[k]!.overset.map((o) => o.item)).not.toContain(lead.id);
        }
      });

      it(`${page.id}: a page given photos prints its first one, and every booked ad stands on its page`, () => {
        const b = get();
        for (const [k, p] of b.edition.pages.entries()) {
          const onPage = new Set(b.layouts[k]!.modules.map((m) => m.item));
          // (a lead longer than the whole page takes all of it: every line beside it would be one more overset)
          const leadOverset = b.diags.some((d) => d.code === 'overset' && d.at.page === p.number);
          const photo = orderItems(p.items).find((it) => it.kind === 'photo');
          if (photo && !leadOverset) expect(onPage.has(photo.id), `${photo.id} on page ${p.number}`).toBe(true);
          for (const ad of p.items.filter((it) => it.kind === 'ad'))
            expect(onPage.has(ad.id), `${ad.id} on page ${p.number}`).toBe(true);
        }
      });

      it(`${page.id}: a notice's box holds its text: no more than two lines of white under its last line`, () => {
        for (const l of get().layouts)
          for (const m of l.modules.filter((x) => x.kind === 'notice')) {
            // every notice is framed (template notice.frame)
            const box = l.blocks.find((b) => b.kind === 'box' && b.item === m.item);
            expect(box?.kind, `${m.item}'s frame`).toBe('box');
            if (box?.kind !== 'box') continue;
            const foot = Math.max(
              ...l.blocks.flatMap((b) =>
                b.kind === 'text' && b.item === m.item ? b.lines.map((x) => x.baseline) : [],
              ),
            );
            const belly = (box.rect.y + box.rect.h - foot) / l.grid.pitch;
            expect(belly, `${m.item} on page ${l.number}`).toBeLessThanOrEqual(2.5);
          }
      });

      it(`${page.id}: an inner page carries its 报眉 (paper, 第N版, 版名), page 1 the masthead instead`, () => {
        const b = get();
        for (const [k, l] of b.layouts.entries()) {
          const head = l.blocks
            .flatMap((x) => (x.kind === 'text' && x.role === 'running-head' ? x.lines.map((y) => y.line.text) : []))
            .join('');
          if (l.number === 1) expect(head).toBe('');
          else {
            expect(strip(head)).toContain(strip(b.edition.paper.name));
            expect(strip(head)).toContain(`第${l.number}版`);
            expect(strip(head)).toContain(strip(b.edition.pages[k]!.name!));
          }
        }
      });

      it(`${page.id}: no colliding glyphs, nothing outside the page`, () => {
        for (const p of get().text) {
          const boxes = p.lines.flatMap((l, li) => l.chars.filter((c) => c.c.trim()).map((c) => ({ ...c, li })));
          boxes.sort((a, b) => a.y0 - b.y0);
          let collisions = 0;
          for (let i = 0; i < boxes.length; i++) {
            const a = boxes[i]!;
            expect(a.x0 >= -0.01 && a.y0 >= -0.01 && a.x1 <= p.width + 0.01 && a.y1 <= p.height + 0.01).toBe(true);
            for (let j = i + 1; j < boxes.length && boxes[j]!.y0 < a.y1; j++) {
              const c = boxes[j]!;
              if (a.li === c.li) continue;
              const w = Math.min(a.x1, c.x1) - Math.max(a.x0, c.x0);
              const h = Math.min(a.y1, c.y1) - Math.max(a.y0, c.y0);
              if (
                w > 0 &&
                h > 0 &&
                w * h > 0.6 * Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (c.x1 - c.x0) * (c.y1 - c.y0))
              )
                collisions++;
            }
          }
          expect(collisions).toBe(0);
        }
      });

      it(`${page.id}: no heads side by side or stacked, legs ≥ minLeg, photos within their crop range`, () => {
        const b = get();
        for (const l of b.layouts) {
          const q = l.quality;
          expect([q.butting, q.stacked, q.shortLegs], `page ${l.number}`).toEqual([0, 0, 0]);
          if (q.shortestLeg !== null) expect(q.shortestLeg).toBeGreaterThanOrEqual(b.template.body.minLeg);
          for (const m of l.modules) {
            const ph = m.info?.photo;
            if (!ph) continue;
            // width/height within the template's range (3:4 portrait to 2:1 landscape), never a strip
            expect(ph.aspect, m.item!).toBeLessThanOrEqual(ph.range[0] + 0.01);
            expect(ph.aspect, m.item!).toBeGreaterThanOrEqual(ph.range[1] - 0.01);
            if (ph.ppi !== null) expect(ph.ppi).toBeGreaterThanOrEqual(b.template.photo.minPpi - 0.5);
          }
        }
      });

      it(`${page.id}: the largest hole is within Q3 (read from the PDF too), or the page says how many lines it lacks`, async () => {
        const b = get();
        for (const [k, l] of b.layouts.entries()) {
          const fromPdf = PDFTOPPM ? await pdfHole(b.pdfs[k]!, l.typeArea) : l.quality.hole;
          // the engine's figure and the rendered page's agree
          expect(Math.abs(fromPdf - l.quality.hole), `page ${l.number}`).toBeLessThan(0.01);
          figs.check(
            `${b.template.name} ${page.id} page ${l.number}: largest hole (share of the type area)`,
            l.quality.hole,
            'lower',
          );
          const limit = b.template.quality.maxHole;
          if (Math.max(fromPdf, l.quality.hole) > limit + 0.0005) {
            const d = b.diags.find((x) => x.code === 'underfull' && x.at.page === l.number);
            expect(
              d?.message ??
                `no underfull warning: engine ${(l.quality.hole * 100).toFixed(2)} %, PDF ${(fromPdf * 100).toFixed(2)} %`,
            ).toMatch(/about \d+ lines short/);
          }
        }
      });

      it(`${page.id}: no head broken inside a word`, () => {
        for (const l of get().layouts)
          for (const blk of l.blocks) {
            if (blk.kind !== 'text' || blk.lines.length < 2) continue;
            if (!['headline', 'kicker', 'subhead', 'title', 'photo-title'].includes(blk.role)) continue;
            const lines = blk.lines.map((x) => strip(x.line.text));
            const whole = lines.join('');
            let at = 0;
            for (const line of lines.slice(0, -1)) {
              at += line.length;
              expect(insideWord(whole, at, CORPUS_WORDS), `${blk.item}: ${lines.join(' | ')}`).toBe(false);
            }
          }
      });
    }
  });

describe('a page of notices, lists and ads (every item a ruled box with a title)', () => {
  // beside a box's title only a headless module may start at the same height; when there is none, the boxes on
  // the right start under the title band instead of being held over while half the page stays white
  for (const name of TEMPLATES)
    it(`${name}: every box is set, none held over`, () => {
      const b = built.get(`${name}/p07-notices`)!;
      expect(b.layouts.flatMap((l) => l.overset.map((o) => o.item))).toEqual([]);
      expect(b.diags.filter((d) => d.code === 'held-over')).toEqual([]);
    });
});
