/**
 * Stories continued across pages: a 4-page edition in which two stories of an overfull page 2 continue on pages
 * 3 and 4 (下转第N版 / 上接第N版 with the right numbers, the continuation under the story's short head, every
 * character printed once); an edition that continues an overfull page's story automatically; a jump that moves
 * on when its page cannot take the continuation; the 导读 of page 1 following the pages as built.
 */
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy, readImageSize, readStoryFile } from '../src/ingest/index.js';
import { layoutPage, loadTemplate, type PageLayout } from '../src/layout/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import type { Edition, Item, Page, StoryItem } from '../src/model/edition.js';
import { type LayoutMemo, layoutEdition, planEdition } from '../src/pipeline/index.js';
import { corpusEdition, corpusPages } from './fixtures/corpus/load.mjs';

const corpus = corpusPages({ readStoryFile, importCopy, readImageSize }, new Sink());
const byId = (id: string) => corpus.find((p) => p.id === id)!;
const strip = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** The text of an item's body lines on a page, in reading order (jump lines kept). */
function bodyText(l: PageLayout, item: string): string {
  return l.blocks
    .flatMap((b) => (b.kind === 'text' && b.item === item && b.role === 'body' ? b.lines.map((x) => x.line.text) : []))
    .join('');
}

function edition(pages: Page[], auto = false): Edition {
  const base = corpusEdition(byId('p01-front'), 'broadsheet');
  return { ...base, pages, ...(auto ? { continuation: { auto: true } } : {}) };
}

const page = (number: number, name: string, items: Item[]): Page => ({ number, name, layout: 'broadsheet', items });

describe('a 4-page edition with two stories continued', () => {
  const over = byId('p13-overfull');
  const next = over.next!;
  // page 2: the overfull page's copy with its last two stories twice as long (they cannot stand whole on the
  // page); those two may continue, one on page 3, one on page 4
  const with_ = (it: Item, continueOn: number): Item =>
    it.kind === 'article'
      ? { ...it, paragraphs: [...it.paragraphs, ...it.paragraphs], overrides: { ...it.overrides, continueOn } }
      : it;
  const p2 = over.items.map((it) => (it.id === 's-6' ? with_(it, 3) : it.id === 's-7' ? with_(it, 4) : it));
  const ed = edition([
    page(1, '要闻', byId('p01-front').items),
    page(2, '要闻二版', p2),
    page(3, '要闻三版', [next.items[0]!]),
    page(4, '要闻四版', [next.items[1]!, ...byId('p12-underfull').items]),
  ]);
  const sink = new Sink();
  const layouts = layoutEdition(ed, sink);
  const [, l2, l3, l4] = layouts;

  it('page 2 cuts the two stories it may continue, with 下转 lines naming pages 3 and 4', () => {
    const jumps = Object.fromEntries(l2!.jumps.map((j) => [j.item, j.to]));
    expect(jumps).toEqual({ 's-6': 3, 's-7': 4 });
    expect(strip(bodyText(l2!, 's-6')).endsWith('（下转第3版）')).toBe(true);
    expect(strip(bodyText(l2!, 's-7')).endsWith('（下转第4版）')).toBe(true);
    const m = l2!.modules.find((x) => x.item === 's-6')!;
    expect(m.info?.continued).toEqual({ to: 3 });
    // at least 8 lines per column shown before the jump (Q2)
    for (const leg of m.info!.legs) expect(leg).toBeGreaterThanOrEqual(8);
  });

  it('pages 3 and 4 carry the continuations under the short head, starting with 上接第2版', () => {
    for (const [l, id, from] of [
      [l3!, 's-6', 2],
      [l4!, 's-7', 2],
    ] as const) {
      const m = l.modules.find((x) => x.item === id)!;
      expect(m.info?.continued).toEqual({ from });
      expect(m.info?.rank).toBe('continued');
      expect(strip(bodyText(l, id)).startsWith(`（上接第${from}版）`)).toBe(true);
      const head = l.blocks.find((b) => b.kind === 'text' && b.item === id && b.role === 'headline');
      const story = p2.find((it) => it.id === id) as StoryItem;
      expect(head && head.kind === 'text' && strip(head.lines.map((x) => x.line.text).join(''))).toBe(
        strip(story.headline),
      );
    }
  });

  it('every character of a continued story is printed once, in order, across its pages', () => {
    for (const [id, to] of [
      ['s-6', l3!],
      ['s-7', l4!],
    ] as const) {
      const story = p2.find((it) => it.id === id) as StoryItem;
      const first = strip(bodyText(l2!, id)).replace('（下转第3版）', '').replace('（下转第4版）', '');
      const rest = strip(bodyText(to, id)).replace('（上接第2版）', '');
      const whole = strip([...story.credits, `${story.dateline ?? ''}`, ...story.paragraphs].join(''));
      expect(first + rest).toBe(whole);
    }
  });

  it('no page loses anything and every jump number is right', () => {
    for (const l of layouts) {
      for (const j of l.jumps) {
        const target = layouts.find((x) => x.number === j.to)!;
        expect(target.modules.some((m) => m.item === j.item && m.info?.continued?.from === l.number)).toBe(true);
      }
    }
    expect(sink.items.filter((d) => d.code === 'continuation-held')).toEqual([]);
  });

  it("page 1's 导读 lists the other pages' leads with the pages they are on", () => {
    const entries = layouts[0]!.earIndex.filter((e) => e.page !== undefined);
    for (const e of entries) {
      const l = layouts.find((x) => x.number === e.page)!;
      const m = l.modules.find((x) => x.item === e.item);
      expect(m, e.item).toBeDefined();
    }
  });

  it('an incremental plan lays out again only the pages whose inputs or continuations changed', () => {
    const memo: LayoutMemo = new Map();
    const first = planEdition(ed, new Sink(), undefined, { memo });
    const again = planEdition(ed, new Sink(), undefined, { memo });
    expect([1, 2, 3, 4].filter((n) => again.get(n) !== first.get(n))).toEqual([]);
    // page 4 changes: page 4 only (its lead stays the lead, so page 1's 导读 stays)
    const p4 = ed.pages[3]!;
    const at = p4.items.findLastIndex((it) => it.kind === 'article');
    const story = p4.items[at] as StoryItem;
    const items4 = p4.items.map((it, k) =>
      k === at ? { ...story, paragraphs: [...story.paragraphs, '补记一句。'] } : it,
    );
    const edited4: Page = { ...p4, items: items4 };
    const ed4 = { ...ed, pages: [...ed.pages.slice(0, 3), edited4] };
    const after4 = planEdition(ed4, new Sink(), undefined, { memo });
    expect([1, 2, 3, 4].filter((n) => after4.get(n) !== first.get(n))).toEqual([4]);
    // s-6 on page 2 gets longer: page 2 and page 3, where more of it continues; page 4 keeps its layout
    const s6 = p2.find((it) => it.id === 's-6') as StoryItem;
    const longer = p2.map((it) =>
      it.id === 's-6' ? { ...s6, paragraphs: [...s6.paragraphs, s6.paragraphs[0]!] } : it,
    );
    const ed2 = { ...ed4, pages: [ed4.pages[0]!, { ...ed4.pages[1]!, items: longer }, ...ed4.pages.slice(2)] };
    const after2 = planEdition(ed2, new Sink(), undefined, { memo });
    expect([1, 2, 3, 4].filter((n) => after2.get(n) !== after4.get(n))).toEqual([2, 3]);
    // and what it gives is what a plan from scratch gives
    const scratch = planEdition(ed2, new Sink());
    const summary = (l: PageLayout): string =>
      JSON.stringify([
        l.modules.map((m) => [m.item, m.rect]),
        l.jumps,
        l.blocks.map((b) => (b.kind === 'text' ? b.lines.map((x) => x.line.text) : b.kind)),
      ]);
    const same = (n: number): boolean => summary(after2.get(n)!.layout) === summary(scratch.get(n)!.layout);
    expect([1, 2, 3, 4].filter((n) => !same(n))).toEqual([]);
  });
});

describe('automatic continuation', () => {
  it('an overfull page continues its last long stories on the next page when the edition allows it', () => {
    const over = byId('p13-overfull');
    const ed = edition([page(2, '要闻二版', over.items), page(3, '要闻三版', over.next!.items)], true);
    const sink = new Sink();
    const [l2, l3] = layoutEdition(ed, sink);
    expect(l2!.jumps.length).toBeGreaterThan(0);
    for (const j of l2!.jumps) {
      expect(j.to).toBe(3);
      expect(l3!.modules.some((m) => m.item === j.item && m.info?.continued?.from === 2)).toBe(true);
    }
    // what did not continue is printed or reported, nothing silently lost
    const lost = sink.items.filter((d) => d.code === 'held-over' || d.code === 'overset');
    for (const d of lost) expect(l2!.overset.some((o) => o.item === d.at.item)).toBe(true);
  });

  it('a much overfull page continues at most continuation.autoStories stories by itself, its first in priority', () => {
    // the overfull page on the tabloid, every long story allowed to continue on page 3: far more of them than
    // its six columns hold
    const over = byId('p13-overfull');
    const ed = edition([page(2, '要闻二版', over.items), page(3, '要闻三版', [])], true);
    const tabloid = loadTemplate('tabloid');
    expect(tabloid.continuation.autoStories).toBe(2);
    const l2 = layoutPage({ ...ed.pages[0]!, layout: 'tabloid' }, ed, tabloid, loadFontBook(), new Sink(), {
      autoTo: 3,
    });
    expect(l2.jumps.length).toBeGreaterThan(0);
    expect(l2.jumps.length).toBeLessThanOrEqual(tabloid.continuation.autoStories);
    // the stories that continue are the page's first in priority among those that do not stand whole on it
    const onPage = new Set(l2.modules.map((m) => m.item));
    const order = over.items.filter((it) => it.kind === 'article').map((it) => it.id);
    const jumped = l2.jumps.map((j) => order.indexOf(j.item));
    const held = l2.overset.map((o) => order.indexOf(o.item)).filter((i) => i >= 0 && !onPage.has(order[i]!));
    expect(held.length).toBeGreaterThan(0);
    for (const h of held) expect(Math.max(...jumped)).toBeLessThan(h);
  });

  it('a continuation its page cannot take whole moves on or is given up: none is cut again, overset', () => {
    const over = byId('p13-overfull');
    const tab = (p: Page): Page => ({ ...p, layout: 'tabloid' });
    const ed = edition([tab(page(2, '要闻二版', over.items)), tab(page(3, '要闻三版', over.next!.items))], true);
    const layouts = layoutEdition(ed, new Sink());
    const continued = layouts.flatMap((l) => l.modules.filter((m) => m.info?.continued?.from).map((m) => [l, m.item]));
    expect(continued.length).toBeGreaterThan(0);
    for (const [l, item] of continued as Array<[PageLayout, string]>)
      expect(l.overset.map((o) => o.item)).not.toContain(item);
  });

  it('without continuation an overfull page holds items over with a report', () => {
    const over = byId('p13-overfull');
    const ed = edition([page(2, '要闻二版', over.items), page(3, '要闻三版', over.next!.items)]);
    const sink = new Sink();
    const [l2] = layoutEdition(ed, sink);
    expect(l2!.jumps).toEqual([]);
    const lost = sink.items.filter((d) => d.code === 'held-over' || d.code === 'overset');
    expect(lost.length).toBeGreaterThan(0);
    for (const d of lost) expect(d.hint).toMatch(/continue|move|cut|hold/);
  });

  it('a jump to a page that cannot take the continuation moves to the next page, its number right', () => {
    const over = byId('p13-overfull');
    // page 3 is a full-page ad (pinned): the continuation promised to it goes on to page 4, and the jump line says 4
    const ad: Item = {
      kind: 'ad',
      id: 'full-page-ad',
      lines: ['青山县全域旅游推介', '山水青山　欢迎您'],
      overrides: { pin: { column: 1, span: 8, row: 0, lines: 120 } },
    };
    const p2 = over.items.map((it) => (it.id === 's-7' ? { ...it, overrides: { continueOn: 3 } } : it));
    const ed = edition([page(2, '要闻二版', p2), page(3, '广告', [ad]), page(4, '要闻四版', over.next!.items)]);
    const sink = new Sink();
    const layouts = layoutEdition(ed, sink);
    const j = layouts[0]!.jumps.find((x) => x.item === 's-7')!;
    expect(j.to).toBe(4);
    expect(strip(bodyText(layouts[0]!, 's-7')).endsWith('（下转第4版）')).toBe(true);
    const l4 = layouts.find((x) => x.number === 4)!;
    expect(l4.modules.some((m) => m.item === 's-7' && m.info?.continued?.from === 2)).toBe(true);
    expect(strip(bodyText(l4, 's-7')).startsWith('（上接第2版）')).toBe(true);
    expect(layouts[1]!.modules.some((m) => m.item === 's-7')).toBe(false);
    expect(sink.items.filter((d) => d.code === 'continuation-held')).toEqual([]);
  });
});
