/**
 * Page layout across an edition: the 2-page fixture (masthead with 农历 on page 1, 报眉 on the inner page) and the
 * largest empty rectangle inside the type area computed from the layout's blocks (no rendering), so that a fill
 * regression is caught by the unit tests.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../src/core/units.js';
import { Sink } from '../src/diag/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { loadEdition } from '../src/ingest/index.js';
import { layoutPage, loadTemplate, type PageLayout } from '../src/layout/index.js';
import type { TextRole } from '../src/layout/types.js';
import { dateParts } from '../src/layout/masthead.js';
import { figures } from './figures.js';
import { ROOT, sampleEdition, sampleItems } from './fixtures/layout/sample.js';

const fonts = loadFontBook();
const figs = figures(import.meta.url);
const broadsheet = loadTemplate('broadsheet');
const strip = (s: string): string => s.replace(/[\s\u3000]/g, '');
const text = (l: PageLayout, pred: (role: string, item: string | null) => boolean): string =>
  strip(
    l.blocks
      .flatMap((b) => (b.kind === 'text' && pred(b.role, b.item) ? b.lines.map((x) => x.line.text) : []))
      .join(''),
  );

/** Largest axis-aligned empty rectangle inside the type area, as a share of it (raster of `res` pt): every printed
 * block is ink — glyph boxes, images, tints, frames and rules — as an outside checker reads the page. */
function largestHole(l: PageLayout, res = 2): { share: number; rect: Rect } {
  const A = l.typeArea;
  const W = Math.ceil(A.w / res);
  const H = Math.ceil(A.h / res);
  const full = new Uint8Array(W * H);
  const mark = (x0: number, y0: number, x1: number, y1: number): void => {
    const c0 = Math.max(0, Math.floor((x0 - A.x) / res));
    const c1 = Math.min(W, Math.ceil((x1 - A.x) / res));
    const r0 = Math.max(0, Math.floor((y0 - A.y) / res));
    const r1 = Math.min(H, Math.ceil((y1 - A.y) / res));
    for (let r = r0; r < r1; r++) full.fill(1, r * W + c0, r * W + c1);
  };
  for (const b of l.blocks) {
    const r = b.rect;
    if (b.kind === 'image' || (b.kind === 'box' && b.fill)) mark(r.x, r.y, r.x + r.w, r.y + r.h);
    else if (b.kind === 'box') {
      for (const [x0, y0, x1, y1] of [
        [r.x, r.y, r.x + r.w, r.y + 1],
        [r.x, r.y + r.h - 1, r.x + r.w, r.y + r.h],
        [r.x, r.y, r.x + 1, r.y + r.h],
        [r.x + r.w - 1, r.y, r.x + r.w, r.y + r.h],
      ] as const)
        mark(x0, y0, x1, y1);
    } else if (b.kind === 'rule')
      mark(
        Math.min(b.x1, b.x2) - 0.5,
        Math.min(b.y1, b.y2) - 0.5,
        Math.max(b.x1, b.x2) + 0.5,
        Math.max(b.y1, b.y2) + 0.5,
      );
    else if (b.kind === 'text')
      for (const pl of b.lines)
        for (const g of pl.line.glyphs) {
          const ink = g.face.ink(g.gid);
          if (ink.xMax <= ink.xMin) continue;
          const x = pl.x + g.x;
          mark(
            x + ink.xMin * g.size,
            pl.baseline - ink.yMax * g.size,
            x + ink.xMax * g.size,
            pl.baseline - ink.yMin * g.size,
          );
        }
  }
  // Maximal rectangle in a binary matrix: histogram of empty run heights per row, stack per row.
  const h = new Int32Array(W);
  let best = 0;
  let at: Rect = { x: 0, y: 0, w: 0, h: 0 };
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) h[c] = full[r * W + c] ? 0 : h[c]! + 1;
    const stack: number[] = [];
    for (let c = 0; c <= W; c++) {
      const cur = c < W ? h[c]! : 0;
      while (stack.length && h[stack[stack.length - 1]!]! >= cur) {
        const top = stack.pop()!;
        const left = stack.length ? stack[stack.length - 1]! + 1 : 0;
        const area = h[top]! * (c - left);
        if (area > best) {
          best = area;
          at = { x: A.x + left * res, y: A.y + (r - h[top]! + 1) * res, w: (c - left) * res, h: h[top]! * res };
        }
      }
      stack.push(c);
    }
  }
  return { share: (best * res * res) / (A.w * A.h), rect: at };
}

describe('two-page edition', () => {
  const sink = new Sink();
  const edition = loadEdition(path.join(ROOT, 'tests', 'fixtures', 'layout', 'two-page', 'edition.yaml'), sink);
  const [p1, p2] = edition.pages.map((p) => layoutPage(p, edition, broadsheet, fonts, sink));

  it('page 1: masthead with 公历, 星期, 农历 (lunar-javascript) and no 报眉', () => {
    const mast = text(p1!, (_r, item) => item === null);
    for (const s of ['平湖日报', '2024年7月3日', '星期三', '农历甲辰年五月廿八', '今日2版']) expect(mast).toContain(s);
    expect(p1!.modules.some((m) => m.kind === 'masthead')).toBe(true);
    expect(p1!.blocks.some((b) => b.kind === 'text' && b.role === 'running-head')).toBe(false);
  });

  it("page 1: the 报眼 holds the weather box at its natural height and a 导读 of page 2's lead with 第2版", () => {
    const mast = text(p1!, (_r, item) => item === null);
    expect(mast).toContain('导读');
    const lead2 = edition.pages[1]!.items.find((it) => it.kind === 'article');
    expect(lead2 && 'headline' in lead2).toBe(true);
    expect(mast).toContain(strip((lead2 as { headline: string }).headline).slice(0, 6));
    expect(mast).toContain('第2版');
    const ear = p1!.modules.filter((m) => m.kind === 'masthead');
    expect(ear.length).toBe(2);
    const weather = p1!.modules.find((m) => m.kind === 'weather');
    expect(weather, 'page 1 has its weather box').toBeDefined();
    expect(weather!.rows).toBeLessThan(ear[0]!.rows / 2);
  });

  it('page 2: a 报眉 over the 眉线 (name, 第2版, 版名, date) instead of the masthead', () => {
    expect(p2!.modules.some((m) => m.kind === 'masthead')).toBe(false);
    const head = text(p2!, (role) => role === 'running-head');
    for (const s of ['平湖日报', '第2版', '综合新闻', '2024年7月3日星期三']) expect(head).toContain(s);
    const rule = p2!.blocks.find((b) => b.kind === 'rule' && b.item === null);
    expect(rule && rule.kind === 'rule' && rule.y1).toBeLessThan(p2!.typeArea.y);
    expect(rule && rule.kind === 'rule' && rule.y1).toBeGreaterThan(0);
    // Every 报眉 line sits above the 眉线, inside the page.
    for (const b of p2!.blocks)
      if (b.kind === 'text' && b.role === 'running-head')
        for (const l of b.lines) expect(l.baseline).toBeLessThan(rule!.kind === 'rule' ? rule!.y1 : 0);
    expect(p2!.modules.length).toBeGreaterThan(5);
  });

  it('page 2 is under-full and says so: page, share of empty area, an action hint', () => {
    const d = sink.items.find((x) => x.code === 'underfull' && x.at.page === 2);
    expect(d, 'underfull diagnostic').toBeDefined();
    expect(d!.message).toMatch(/\d+ %/);
    expect(d!.hint).toMatch(/add stories|smaller template/);
    // page 1 (the sample's copy with placeholder frames) is within Q3 or says so too
    if (p1!.quality.hole > broadsheet.quality.maxHole)
      expect(sink.items.some((x) => x.code === 'underfull' && x.at.page === 1)).toBe(true);
  });

  it('page 2 is spread before it is reported (template spread): at most 32 % left without modules (42 % unspread)', () => {
    const d = sink.items.find((x) => x.code === 'underfull' && x.at.page === 2);
    const pct = Number(/(\d+) %/.exec(d?.message ?? '')?.[1]);
    // 32, not 30, since the importer takes the bracketed byline after a dateline as a credit line of its own
    expect(pct).toBeLessThanOrEqual(32);
    // No diagnostic is reported twice (each pass has its own sink; only the kept one is forwarded).
    const keys = sink.items.map((x) => `${x.code}|${x.at.page}|${x.at.item}|${x.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks: 小标题, 编者按, 转版 and interview questions set in their roles; credits carry line role `credit`', () => {
    const roles = new Set(
      p2!.blocks.flatMap((b) => (b.kind === 'text' && b.role === 'body' ? b.lines.map((l) => l.role ?? 'body') : [])),
    );
    expect(roles.has('credit')).toBe(true);
    const marked = edition.pages[1]!.items.flatMap((it) =>
      'marks' in it && it.marks ? it.marks.map((m) => m.role) : [],
    );
    const map: Record<string, TextRole> = { crosshead: 'crosshead', note: 'note', jump: 'jump', question: 'question' };
    for (const r of new Set(marked)) expect(roles.has(map[r]!), r).toBe(true);
  });

  it('dates the 农历 correctly across a lunar new year and rejects impossible dates', () => {
    expect(dateParts('2024-02-10')!.lunar).toBe('农历甲辰年正月初一');
    expect(dateParts('2024-02-09')!.lunar).toBe('农历癸卯年腊月三十');
    expect(dateParts('2024-02-30')).toBeNull();
  });
});

describe('largest empty rectangle (from blocks)', () => {
  const run = (items = sampleItems()): { layout: PageLayout; sink: Sink } => {
    const { edition, page } = sampleEdition(items);
    const sink = new Sink();
    return { layout: layoutPage(page, edition, broadsheet, fonts, sink), sink };
  };
  const withImages = sampleItems().map((it) =>
    it.kind === 'photo'
      ? {
          ...it,
          image: path.join(ROOT, 'seeds', 'photos', 'hubble-deep-field_1000x872.jpg'),
          imageSize: { width: 1000, height: 872, orientation: 1 },
        }
      : it,
  );
  // The sample's copy with both photos fills the page: its largest hole is within Q3 (1.5 %). Without images the
  // placeholder frames are capped (a reservation is no filler), so those pages may be under-full — and then say so.
  const cases: Array<[string, ReturnType<typeof sampleItems>, boolean]> = [
    ['both photos with images', withImages, true],
    ['the sample page (placeholder frames)', sampleItems(), false],
    [
      'priority swap',
      sampleItems().map((it) => (it.id === 'agri-contest' ? { ...it, overrides: { priority: 1 } } : it)),
      false,
    ],
    [
      'a story forced to 3 columns',
      sampleItems().map((it) => (it.id === 'enterprise-visit' ? { ...it, overrides: { columns: 3 } } : it)),
      false,
    ],
  ];
  for (const [name, items, full] of cases)
    it(`${name}: largest hole ${full ? '≤ 1.5 %' : '≤ 1.5 % or an under-full warning with the missing lines'}`, () => {
      const { layout, sink } = run(items);
      const hole = largestHole(layout);
      // the figure may only get better (tests/figures/layout-edition.json)
      figs.check(`${name}: largest hole (share of the type area)`, hole.share, 'lower', 0.001);
      // the engine's own Q3 agrees with this independent raster of the blocks
      expect(
        Math.abs(layout.quality.hole - hole.share),
        `${layout.quality.hole} ${JSON.stringify(layout.quality.holeAt)} vs ${hole.share} ${JSON.stringify(hole.rect)}`,
      ).toBeLessThan(0.004);
      if (full || hole.share <= broadsheet.quality.maxHole) {
        expect(hole.share, JSON.stringify(hole.rect)).toBeLessThanOrEqual(broadsheet.quality.maxHole);
        if (layout.quality.hole <= broadsheet.quality.warnAt)
          expect(sink.items.some((d) => d.code === 'underfull')).toBe(false);
      } else {
        const d = sink.items.find((x) => x.code === 'underfull');
        expect(d?.message).toMatch(/about \d+ lines short/);
      }
    });
});
