/**
 * Page layout: geometry properties on the sample page (no overlaps, inside the type area, baseline grid,
 * nothing lost), overset, missing images, editor overrides, a second template, determinism, paint.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../src/core/units.js';
import { Sink } from '../src/diag/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { layoutPage, loadTemplate, type LayoutTemplate, type PageLayout } from '../src/layout/index.js';
import { type Item, itemTexts } from '../src/model/edition.js';
import { paintPage } from '../src/paint/page.js';
import { ROOT, sampleEdition, sampleItems } from './fixtures/layout/sample.js';

const fonts = loadFontBook();
const broadsheet = loadTemplate('broadsheet');
const tabloid = loadTemplate('tabloid');
const HUBBLE = path.join(ROOT, 'seeds', 'photos', 'hubble-deep-field_1000x872.jpg');
const withImage = (it: Item): Item =>
  it.kind === 'photo' ? { ...it, image: HUBBLE, imageSize: { width: 1000, height: 872, orientation: 1 } } : it;

function run(items: Item[] = sampleItems(), t: LayoutTemplate = broadsheet): { layout: PageLayout; sink: Sink } {
  const sink = new Sink();
  const { edition, page } = sampleEdition(items);
  return { layout: layoutPage(page, edition, t, fonts, sink), sink };
}

const strip = (s: string): string => s.replace(/[\s\u3000]/g, '');
const overlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
const inside = (a: Rect, b: Rect): boolean =>
  a.x >= b.x - 0.01 && a.y >= b.y - 0.01 && a.x + a.w <= b.x + b.w + 0.01 && a.y + a.h <= b.y + b.h + 0.01;

function checkGeometry(layout: PageLayout): void {
  const mods = layout.modules;
  for (let i = 0; i < mods.length; i++) {
    expect(inside(mods[i]!.rect, layout.typeArea), `${mods[i]!.item} inside`).toBe(true);
    for (let j = i + 1; j < mods.length; j++)
      expect(overlap(mods[i]!.rect, mods[j]!.rect), `${mods[i]!.item} × ${mods[j]!.item}`).toBe(false);
  }
  // Every block lies inside its module (and so inside the type area); blocks of different modules never meet.
  for (const b of layout.blocks) {
    if (b.kind === 'rule') continue;
    // Page furniture (item null) belongs to one of the masthead modules: the 报头 or the 导读 in the 报眼.
    const homes = mods.filter((m) => m.item === b.item && (b.item !== null || m.kind === 'masthead'));
    const home = homes.find((m) => inside(b.rect, m.rect)) ?? homes[0];
    expect(home, `module of block ${b.item}`).toBeDefined();
    expect(inside(b.rect, home!.rect), `${b.kind} ${b.item} inside its module`).toBe(true);
  }
  // Body text blocks never overlap each other.
  const body = layout.blocks.filter((b) => b.kind === 'text' && b.role === 'body');
  for (let i = 0; i < body.length; i++)
    for (let j = i + 1; j < body.length; j++) expect(overlap(body[i]!.rect, body[j]!.rect)).toBe(false);
  // The ink of every glyph stays inside the type area horizontally.
  for (const b of layout.blocks) {
    if (b.kind !== 'text') continue;
    for (const l of b.lines)
      for (const g of l.line.glyphs) {
        const ink = g.face.ink(g.gid);
        if (ink.xMax <= ink.xMin) continue;
        expect(l.x + g.x + ink.xMin * g.size, `${g.text} in ${l.line.text}`).toBeGreaterThanOrEqual(
          layout.typeArea.x - 0.5,
        );
        expect(l.x + g.x + ink.xMax * g.size, `${g.text} in ${l.line.text}`).toBeLessThanOrEqual(
          layout.typeArea.x + layout.typeArea.w + 0.5,
        );
      }
  }
}

/** All text of an item's blocks, in block order. */
function itemText(layout: PageLayout, id: string): string {
  return strip(
    layout.blocks.flatMap((b) => (b.kind === 'text' && b.item === id ? b.lines.map((l) => l.line.text) : [])).join(''),
  );
}

describe('sample page layout', () => {
  const { layout, sink } = run();

  it('places every item plus the masthead, without overlaps, inside the type area', () => {
    // null twice: the 报头 and the 导读 in the 报眼 beside it.
    expect(layout.modules.map((m) => m.item).sort()).toEqual([null, null, ...sampleItems().map((i) => i.id)].sort());
    checkGeometry(layout);
    expect(layout.held).toEqual([]);
    expect(layout.overset).toEqual([]);
    expect(sink.items.filter((d) => d.code === 'overset')).toEqual([]);
  });

  it('puts every body baseline on the 11.5 pt grid, and every module on whole lines and columns', () => {
    const { firstBaseline, pitch } = layout.grid;
    let n = 0;
    for (const b of layout.blocks) {
      if (b.kind !== 'text' || b.role !== 'body') continue;
      for (const l of b.lines) {
        const k = (l.baseline - firstBaseline) / pitch;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
        n++;
      }
    }
    expect(n).toBeGreaterThan(300);
    for (const m of layout.modules) {
      expect(Number.isInteger(m.row) && Number.isInteger(m.rows) && Number.isInteger(m.span)).toBe(true);
      expect(m.rect.y).toBeCloseTo(layout.typeArea.y + m.row * pitch, 6);
      expect(m.rect.x).toBeCloseTo(layout.grid.columnX[m.column]!, 6);
    }
  });

  it('loses nothing: every reference text is in the composed lines of its item', () => {
    for (const it of sampleItems()) {
      const all = itemText(layout, it.id);
      const texts: string[] = [];
      if (it.kind === 'article' || it.kind === 'commentary') {
        texts.push(it.headline, ...it.credits, ...it.paragraphs);
        if (it.kicker) texts.push(it.kicker);
        if (it.subhead) texts.push(it.subhead);
        if (it.dateline) texts.push(it.dateline + it.paragraphs[0]);
        if (it.kind === 'article' && it.section) texts.push(it.section);
        if (it.kind === 'commentary') texts.push(it.column.name, ...(it.column.editor ? [it.column.editor] : []));
      } else if (it.kind === 'photo') texts.push(it.caption, ...it.credits, ...(it.title ? [it.title] : []));
      else if (it.kind === 'ad') texts.push(...it.lines, '广告');
      else if (it.kind === 'weather') texts.push(it.text);
      else texts.push(...itemTexts(it));
      for (const s of texts) expect(all, `${it.id}: ${s.slice(0, 12)}`).toContain(strip(s));
    }
  });

  it('sets the masthead from edition.paper: name, romanized name, date with 星期, issue, registration', () => {
    const mast = strip(
      layout.blocks
        .flatMap((b) => (b.kind === 'text' && b.item === null ? b.lines.map((l) => l.line.text) : []))
        .join(''),
    );
    for (const s of [
      '平湖日报',
      'PINGHUDAILY',
      '2024年7月3日',
      '星期三',
      '总第8899期',
      'CN33-0000',
      '中共平湖市委机关报',
    ])
      expect(mast).toContain(s);
  });

  it('makes the first article the lead: top of the free area, widest and largest head', () => {
    const stories = layout.modules.filter((m) => m.kind === 'article' || m.kind === 'commentary');
    const lead = layout.modules.find((m) => m.item === 'innovation-school')!;
    expect(Math.min(...stories.map((m) => m.row))).toBe(lead.row);
    expect(Math.max(...stories.map((m) => m.span))).toBe(lead.span);
    const headSize = (id: string): number =>
      Math.max(
        ...layout.blocks.flatMap((b) =>
          b.kind === 'text' && b.item === id && b.role === 'headline' ? b.lines.map((l) => l.line.size) : [0],
        ),
      );
    expect(headSize('innovation-school')).toBeGreaterThanOrEqual(36);
    for (const s of stories)
      if (s.item !== 'innovation-school') expect(headSize(s.item!)).toBeLessThan(headSize('innovation-school'));
  });

  it('balances body columns: in every story all columns end on one row, only the last may end higher (Q4)', () => {
    for (const m of layout.modules) {
      if (m.kind !== 'article' && m.kind !== 'commentary') continue;
      const bottoms = layout.blocks
        .filter((b) => b.kind === 'text' && b.role === 'body' && b.item === m.item)
        .map((b) => (b.kind === 'text' ? b.lines[b.lines.length - 1]!.baseline : 0));
      const first = bottoms[0]!;
      for (const y of bottoms.slice(0, -1)) expect(y).toBeCloseTo(first, 3);
      expect(bottoms[bottoms.length - 1]!).toBeLessThanOrEqual(first + 0.001);
    }
  });

  it('sets a short head group on a wide module over fewer columns, the body running up beside it (sideHead)', () => {
    const side = layout.modules.filter((m) => {
      const head = layout.blocks.find((b) => b.kind === 'text' && b.item === m.item && b.role === 'headline');
      const body = layout.blocks.filter((b) => b.kind === 'text' && b.item === m.item && b.role === 'body');
      return head && head.rect.w < m.rect.w - 1 && body.some((b) => b.rect.y < head.rect.y + head.rect.h);
    });
    expect(side.length, 'the sample sets at least one head beside its body').toBeGreaterThan(0);
    for (const m of side) expect(['article', 'commentary']).toContain(m.kind);
    checkGeometry(layout);
  });

  it('draws placeholders for photos without an image (the loader warns about them, layout reads no files)', () => {
    expect(sink.items.filter((d) => d.code === 'missing-image')).toEqual([]);
    const boxes = layout.blocks.filter((b) => b.kind === 'box' && (b.item === 'rowing' || b.item === 'kindergarten'));
    expect(boxes.length).toBe(2);
    expect(itemText(layout, 'rowing')).toContain('图片');
  });

  it('is deterministic', () => {
    const view = (l: PageLayout): string =>
      JSON.stringify({
        m: l.modules,
        b: l.blocks.map((b) =>
          b.kind === 'text'
            ? {
                ...b,
                lines: b.lines.map((x) => [
                  x.x,
                  x.baseline,
                  x.line.text,
                  x.line.glyphs.map((g) => [g.gid, g.x, g.size, g.face.id]),
                ]),
              }
            : b,
        ),
      });
    expect(view(run().layout)).toBe(view(layout));
  });

  it('paints in reading order with 100 % K text and the whole page as trim', () => {
    const dp = paintPage(layout);
    expect(dp.trim).toEqual({ x: 0, y: 0, w: layout.width, h: layout.height });
    const glyphs = dp.ops.filter((o) => o.kind === 'glyphs');
    expect(glyphs.length).toBeGreaterThan(300);
    const black = glyphs.filter((o) => o.kind === 'glyphs' && o.fill.join() === '0,0,0,100');
    expect(black.length).toBeGreaterThan(glyphs.length - 3); // only the masthead name is in 报头红
    const text = glyphs.map((o) => (o.kind === 'glyphs' ? o.text : '')).join('');
    expect(text.indexOf('平湖日报')).toBeLessThan(
      text.indexOf(sampleItems()[0]!.kind === 'article' ? '第134期创新学堂举行' : ''),
    );
  });
});

describe('photos with an image', () => {
  it('sets an image frame (cover) within the crop range, its effective resolution in the module info', () => {
    const items = sampleItems().map((it) => (it.id === 'rowing' ? withImage(it) : it));
    const { layout } = run(items);
    const img = layout.blocks.find((b) => b.kind === 'image');
    expect(img && img.kind === 'image' && img.fit).toBe('cover');
    const m = layout.modules.find((x) => x.item === 'rowing')!;
    const p = m.info!.photo!;
    expect(p.aspect).toBeLessThanOrEqual(p.range[0] + 0.01);
    expect(p.aspect).toBeGreaterThanOrEqual(p.range[1] - 0.01);
    expect(p.ppi).toBeGreaterThanOrEqual(broadsheet.photo.minPpi - 0.5);
    expect(p.crop!.w * p.crop!.h).toBeGreaterThan(0.35);
    checkGeometry(layout);
  });

  it('frames an EXIF-rotated image by its displayed size, and never sets a tall image as a strip', () => {
    // stored 1200 × 900 with orientation 6: displayed 900 × 1200 (ingest resolves it); a 500 × 1500 strip is cropped
    const items = sampleItems().map((it) =>
      it.id === 'rowing'
        ? { ...it, image: HUBBLE, imageSize: { width: 900, height: 1200, orientation: 6 } }
        : it.id === 'kindergarten'
          ? { ...it, image: HUBBLE, imageSize: { width: 500, height: 1500, orientation: 1 } }
          : it,
    );
    const { layout } = run(items);
    for (const id of ['rowing', 'kindergarten']) {
      const p = layout.modules.find((x) => x.item === id)!.info!.photo!;
      expect(p.aspect, id).toBeGreaterThanOrEqual(0.75 - 0.01);
      expect(p.aspect, id).toBeLessThanOrEqual(2 + 0.01);
    }
    // the rotated one is framed upright (portrait), not by its stored landscape size
    expect(layout.modules.find((x) => x.item === 'rowing')!.info!.photo!.aspect).toBeLessThan(1.2);
  });
});

describe('overset and held over', () => {
  it('a story too long for the page is held over, with its size and an action, never silently lost', () => {
    const items = sampleItems().map((it) =>
      it.id === 'agri-contest' && it.kind === 'article'
        ? { ...it, paragraphs: Array.from({ length: 12 }, () => it.paragraphs).flat() }
        : it,
    );
    const { layout, sink } = run(items);
    checkGeometry(layout);
    const o = layout.overset.find((x) => x.item === 'agri-contest')!;
    expect(o.chars).toBeGreaterThan(0);
    const d = sink.items.find((x) => (x.code === 'held-over' || x.code === 'overset') && x.at.item === 'agri-contest');
    expect(d?.severity).toBe('error');
    expect(d!.hint).toMatch(/move|cut|continue|hold/);
    // what is printed plus what is reported is the whole story
    const art = items.find((i) => i.id === 'agri-contest')!;
    const total = strip(itemTexts(art).join('')).length;
    expect(itemText(layout, 'agri-contest').length + o.chars).toBeGreaterThanOrEqual(total);
  });
});

describe('editor overrides', () => {
  it('priority makes another story the lead', () => {
    const items = sampleItems().map((it) => (it.id === 'agri-contest' ? { ...it, overrides: { priority: 1 } } : it));
    const { layout } = run(items);
    const lead = layout.modules.find((m) => m.item === 'agri-contest')!;
    const stories = layout.modules.filter((m) => m.kind === 'article' || m.kind === 'commentary');
    expect(lead.row).toBe(Math.min(...stories.map((m) => m.row)));
    const size = Math.max(
      ...layout.blocks.flatMap((b) =>
        b.kind === 'text' && b.item === 'agri-contest' && b.role === 'headline' ? b.lines.map((l) => l.line.size) : [0],
      ),
    );
    expect(size).toBeGreaterThanOrEqual(36);
    checkGeometry(layout);
  });

  it('columns forces the module width', () => {
    const items = sampleItems().map((it) => (it.id === 'enterprise-visit' ? { ...it, overrides: { columns: 2 } } : it));
    const { layout } = run(items);
    expect(layout.modules.find((m) => m.item === 'enterprise-visit')!.span).toBe(2);
    checkGeometry(layout);
  });

  it('hold leaves the item out and reports it', () => {
    const items = sampleItems().map((it) => (it.id === 'kindergarten' ? { ...it, overrides: { hold: true } } : it));
    const { layout, sink } = run(items);
    expect(layout.modules.find((m) => m.item === 'kindergarten')).toBeUndefined();
    expect(layout.held).toEqual(['kindergarten']);
    expect(sink.items.find((d) => d.code === 'held')!.at.item).toBe('kindergarten');
    checkGeometry(layout);
  });

  it('pin puts the module at the given grid place', () => {
    const items = sampleItems().map((it) =>
      it.id === 'driving-school' ? { ...it, overrides: { pin: { column: 7, span: 2, row: 100, lines: 20 } } } : it,
    );
    const { layout } = run(items);
    const m = layout.modules.find((x) => x.item === 'driving-school')!;
    expect([m.column, m.span, m.row, m.rows]).toEqual([6, 2, 100, 20]);
    checkGeometry(layout);
  });
});

describe('templates', () => {
  it('lays out on the 四开 tabloid template (layouts/tabloid.yaml) without overlaps', () => {
    const items = sampleItems().filter((it) =>
      ['innovation-school', 'rowing', 'enterprise-visit', 'driving-school', 'weather'].includes(it.id),
    );
    const { layout, sink } = run(items, tabloid);
    expect(layout.grid.columns).toBe(6);
    expect(layout.width).toBeCloseTo((270 * 72) / 25.4, 3);
    checkGeometry(layout);
    const placed = new Set(layout.modules.map((m) => m.item));
    for (const it of items) expect(placed.has(it.id) || layout.overset.some((o) => o.item === it.id), it.id).toBe(true);
    expect(sink.errors.filter((d) => d.code !== 'overset' && d.code !== 'held-over')).toEqual([]);
  });

  it('rejects an invalid template with an actionable diagnostic', () => {
    expect(() => loadTemplate('no-such-template')).toThrow(/does not exist/);
  });
});

describe('副题 dash', () => {
  it('adds —— only when the subhead has no leading dash of its own (— ⸺ ―)', () => {
    const items = sampleItems().map((it) =>
      it.kind === 'article' && it.subhead ? { ...it, subhead: '——访县农业农村局局长刘建国' } : it,
    );
    const { edition, page } = sampleEdition(items);
    const l = layoutPage(page, edition, loadTemplate('broadsheet'), fonts, new Sink());
    const subs = l.blocks.flatMap((b) =>
      b.kind === 'text' && b.role === 'subhead' ? [b.lines.map((x) => x.line.text).join('')] : [],
    );
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) {
      expect(s.replace(/\s/g, '')).toMatch(/^——访/);
      expect(s).not.toMatch(/———/);
    }
    const s2 = sampleItems().map((it) =>
      it.kind === 'article' && it.subhead ? { ...it, subhead: '聚焦平安平湖建设' } : it,
    );
    const { edition: e2, page: p2 } = sampleEdition(s2);
    const l2 = layoutPage(p2, e2, loadTemplate('broadsheet'), fonts, new Sink());
    const subs2 = l2.blocks.flatMap((b) =>
      b.kind === 'text' && b.role === 'subhead' ? [b.lines.map((x) => x.line.text).join('')] : [],
    );
    for (const s of subs2) expect(s.replace(/\s/g, '')).toMatch(/^——聚焦/);
  });
  it('subheadText keeps — ⸺ ― and adds —— otherwise', async () => {
    const { subheadText } = await import('../src/layout/modules/index.js');
    expect(subheadText('——访局长')).toBe('——访局长');
    expect(subheadText('⸺访局长')).toBe('⸺访局长');
    expect(subheadText('―访局长')).toBe('―访局长');
    expect(subheadText('访局长')).toBe('——访局长');
  });
});
