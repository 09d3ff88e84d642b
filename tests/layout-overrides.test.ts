/**
 * Editor control kept honest: an override that breaks a page rule is kept and reported once, naming the
 * override and the rule (a pin that moves the lead off the top, an ad pinned off the foot, a head size outside
 * its rank); two priority-1 stories on a page are warned. On the corpus page without photos (broadsheet).
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, Sink } from '../src/diag/index.js';
import { importCopy, readImageSize, readStoryFile } from '../src/ingest/index.js';
import type { PageLayout } from '../src/layout/index.js';
import type { Item, ItemOverrides } from '../src/model/edition.js';
import { layoutEdition } from '../src/pipeline/index.js';
import { corpusEdition, corpusPages } from './fixtures/corpus/load.mjs';

const corpus = corpusPages({ readStoryFile, importCopy, readImageSize }, new Sink());

/** The page laid out with `overrides` by item id (and extra items), with its diagnostics. */
function run(
  id: string,
  overrides: Record<string, ItemOverrides>,
  extra: Item[] = [],
): { layout: PageLayout; diags: Diagnostic[] } {
  const page = corpus.find((p) => p.id === id)!;
  const items = [...page.items, ...extra].map((it) =>
    overrides[it.id] ? { ...it, overrides: { ...it.overrides, ...overrides[it.id] } } : it,
  );
  const sink = new Sink();
  const [layout] = layoutEdition(corpusEdition({ ...page, items }, 'broadsheet'), sink);
  return { layout: layout!, diags: sink.items };
}

const broken = (diags: Diagnostic[], item: string): Diagnostic[] =>
  diags.filter((d) => d.code === 'override-breaks-rule' && d.at.item === item);

describe('editor overrides that break a page rule', () => {
  it('a pin that puts the lead low on the page: kept, and reported naming the pin and Q9', () => {
    const { layout, diags } = run('p09-no-photo', { lead: { pin: { column: 1, span: 5, row: 60 } } });
    const lead = layout.modules.find((m) => m.item === 'lead')!;
    expect(lead.row).toBeGreaterThanOrEqual(60);
    const d = broken(diags, 'lead');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/pin \(column 1, span 5, row 60\)/);
    expect(d[0]!.message).toMatch(/Q9/);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.at.page).toBe(2);
    expect(d[0]!.hint).toMatch(/pin/);
  });

  it('a pin of another story across the top that pushes the lead down: reported on the pin, naming the lead', () => {
    const { layout, diags } = run('p09-no-photo', { 's-1': { pin: { column: 1, span: 8, row: 0, lines: 45 } } });
    expect(layout.modules.find((m) => m.item === 'lead')!.row).toBeGreaterThan(40);
    const d = broken(diags, 's-1');
    expect(d.map((x) => x.message).join()).toMatch(/pin \(column 1, span 8, row 0\).*lead story \(lead\).*Q9/);
  });

  it('an ad pinned in the middle of the page: reported naming the pin and Q15', () => {
    const ad: Item = { kind: 'ad', id: 'ad-x', lines: ['青山县公共资源交易中心', '咨询电话：0000-1234567'] };
    const { layout, diags } = run('p09-no-photo', { 'ad-x': { pin: { column: 1, span: 3, row: 40, lines: 14 } } }, [
      ad,
    ]);
    expect(layout.modules.find((m) => m.item === 'ad-x')?.row).toBe(40);
    const d = broken(diags, 'ad-x');
    expect(d.map((x) => x.message).join()).toMatch(/Q15/);
  });

  it('a head size outside the story’s rank: reported with the sizes of the rank', () => {
    const { diags } = run('p09-no-photo', { lead: { headSize: 12 } });
    const d = broken(diags, 'lead');
    expect(d.map((x) => x.message).join()).toMatch(/headSize: 12.*lead head is/);
    expect(d.map((x) => x.hint).join()).toMatch(/use a size in/);
  });

  it('no override: no override diagnostic', () => {
    const { diags } = run('p09-no-photo', {});
    expect(diags.filter((d) => d.code === 'override-breaks-rule' || d.code === 'priority-duplicate')).toEqual([]);
  });

  it('two priority-1 stories on a page are warned once; the first leads', () => {
    const { layout, diags } = run('p09-no-photo', { lead: { priority: 1 }, 's-3': { priority: 1 } });
    const d = diags.filter((x) => x.code === 'priority-duplicate');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/lead, s-3|s-3, lead/);
    expect(layout.modules.filter((m) => m.info?.rank === 'lead').map((m) => m.item)).toHaveLength(1);
  });
});
