/**
 * The 报眼 beside the masthead on page 1: its boxes (weather) at their natural height, the 导读 in the rest —
 * the other pages' lead stories with their page (as built, when the edition layer knows them), then this page's
 * other stories. Headlines as in the copy, nothing made up.
 */
import type { Edition, Item, Page } from '../model/edition.js';
import type { FontBook } from '../fonts/index.js';
import type { Grid } from './grid.js';
import type { Region } from './makeup.js';
import { buildEarIndex, type IndexEntry } from './masthead.js';
import type { ModuleSpec, Place } from './modules/index.js';
import { orderItems } from './ranks.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module } from './types.js';

const isStory = (it: Item): boolean => it.kind === 'article' || it.kind === 'commentary';

/** 导读 entries from the copy: every other page's first story, then this page's stories after the lead. */
export function copyIndex(edition: Edition, page: Page, others: Item[]): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const p of edition.pages) {
    if (p.number === page.number) continue;
    const lead = orderItems(p.items.filter((it) => !it.overrides?.hold)).find(isStory);
    if (lead && 'headline' in lead) out.push({ item: lead.id, headline: lead.headline, page: p.number });
  }
  for (const it of others) if ('headline' in it) out.push({ item: it.id, headline: it.headline });
  return out;
}

/**
 * Fill the 报眼 under its boxes with the 导读. `pages`: the other pages' entries as built (null: from the copy).
 * Returns the 导读's blocks and module, and shortens the one box above it to its natural height.
 */
export function buildEar(
  t: LayoutTemplate,
  grid: Grid,
  fonts: FontBook,
  edition: Edition,
  page: Page,
  regions: Region[],
  placements: Array<{ index: number; place: Place }>,
  mods: ModuleSpec[],
  dropped: ReadonlySet<number>,
  pages: IndexEntry[] | null,
): { blocks: Block[]; module: Module | null; entries: IndexEntry[] } {
  const none = { blocks: [], module: null, entries: [] };
  const ear = regions.find((r) => r.only && r.row === 0);
  if (!ear || !t.masthead?.index) return none;
  const inEar = placements.filter(
    ({ place: q }) => q.row >= ear.row && q.row < ear.row + ear.rows && q.col >= ear.col && q.col < ear.col + ear.cols,
  );
  const one = inEar.length === 1 && inEar[0]!.place.span === ear.cols ? inEar[0]! : null;
  if (inEar.length !== 0 && !one) return none;
  const keep = one ? Math.min(one.place.rows, mods[one.index]!.minRows(one.place.shape)) : -1;
  const row0 = ear.row + keep + 1;
  const here = mods
    .filter((m, i) => m.rank !== 'lead' && isStory(m.item) && !dropped.has(i) && !m.promised)
    .map((m) => m.item);
  const entries = pages
    ? [...pages, ...here.flatMap((it) => ('headline' in it ? [{ item: it.id, headline: it.headline }] : []))]
    : copyIndex(edition, page, here);
  const rect = grid.rect(ear.col, ear.cols, row0, ear.row + ear.rows - row0);
  rect.h -= t.typography.boxGap * grid.pitch;
  const blocks = buildEarIndex(t, grid, fonts, rect, entries);
  if (!blocks.length) return none;
  if (one) one.place = { ...one.place, rows: keep };
  return {
    entries,
    blocks,
    module: {
      item: null,
      kind: 'masthead',
      column: ear.col,
      span: ear.cols,
      row: row0,
      rows: ear.row + ear.rows - row0,
      rect: grid.rect(ear.col, ear.cols, row0, ear.row + ear.rows - row0),
    },
  };
}
