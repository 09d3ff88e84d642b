/**
 * Page layout: items of a page → positioned blocks on the template's grid.
 *
 * 1. Order the items (overrides.priority, else copy order; the first story is the lead), rank the stories.
 * 2. Measure every module at every width (text composed for real).
 * 3. Reserve fixed modules (masthead on page 1, pinned items) and cut the free type area into rectangles
 *    around them (the one beside the masthead is the 报眼).
 * 4. Search arrangements (makeup.ts) minimising empty space and penalties; build blocks; draw rules in gutters.
 * Overset text, held items and missing images become diagnostics.
 */
import type { Cmyk, Rect } from '../core/units.js';
import { Sink } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import { type Edition, type Item, itemTexts, type Page } from '../model/edition.js';
import { buildEarIndex, buildMasthead, buildRunningHead, mastheadRows, type IndexEntry } from './masthead.js';
import { Makeup, type Region } from './makeup.js';
import { Grid, makeModule, photoHasImage, type ModuleSpec, type Place, type Rank } from './modules.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module, Overset, PageLayout } from './types.js';

export { loadTemplate, loadTemplateFile, makeTemplate, type LayoutTemplate } from './template.js';
export type { Block, PageLayout, Module, PlacedLine, TextBlock } from './types.js';

const isStory = (it: Item): boolean => it.kind === 'article' || it.kind === 'commentary';

/** Make-up order: explicit priorities first, then copy order; the first story leads unless a priority says otherwise. */
export function orderItems(items: Item[]): Item[] {
  const keyed = items.map((it, i) => ({
    it,
    key: it.overrides?.priority ?? 1000 + i,
    explicit: it.overrides?.priority !== undefined,
  }));
  keyed.sort((a, b) => a.key - b.key);
  const first = keyed[0];
  if (first && !isStory(first.it) && !first.explicit) {
    const k = keyed.findIndex((x) => isStory(x.it));
    if (k > 0) keyed.unshift(...keyed.splice(k, 1));
  }
  return keyed.map((x) => x.it);
}

interface Fixed {
  col: number;
  span: number;
  row: number;
  rows: number;
  ear?: boolean;
}

/** Cut `r` into free rectangles around the fixed modules, leaving one separator line above and below each. */
function freeRegions(r: Region, fixed: Fixed[], earKinds: ReadonlySet<string>): Region[] {
  if (r.cols <= 0 || r.rows <= 0) return [];
  const f = fixed.find(
    (q) => q.col < r.col + r.cols && q.col + q.span > r.col && q.row < r.row + r.rows && q.row + q.rows > r.row,
  );
  if (!f) return [r];
  const rest = fixed.filter((q) => q !== f);
  const out: Region[] = [];
  const aboveRows = f.row - 1 - r.row;
  if (aboveRows > 0)
    out.push(...freeRegions({ col: r.col, row: r.row, cols: r.cols, rows: aboveRows }, rest, earKinds));
  const top = Math.max(r.row, f.row);
  const bottom = Math.min(r.row + r.rows, f.row + f.rows);
  const side = (col: number, cols: number): void => {
    const reg: Region = { col, row: top, cols, rows: bottom - top };
    if (f.ear) {
      reg.only = earKinds;
      reg.noLead = true;
    }
    out.push(...freeRegions(reg, rest, earKinds));
  };
  if (f.col > r.col) side(r.col, f.col - r.col);
  if (f.col + f.span < r.col + r.cols) side(f.col + f.span, r.col + r.cols - f.col - f.span);
  const belowRow = f.row + f.rows + 1;
  if (belowRow < r.row + r.rows)
    out.push(
      ...freeRegions({ col: r.col, row: belowRow, cols: r.cols, rows: r.row + r.rows - belowRow }, rest, earKinds),
    );
  return out;
}

/**
 * 导读 entries for page 1's 报眼: in a multi-page edition the other pages' lead stories (with their page), then this
 * page's other stories; on a single page its stories after the lead. Headlines as in the copy, nothing made up.
 */
function earEntries(edition: Edition, page: Page, others: Item[]): IndexEntry[] {
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
 * Lay out one page. An under-full page (template `underfull`) is laid out a second time spread (template `spread`:
 * larger heads, wider modules, more head padding); the layout with less empty area and no more errors is kept, and
 * only its diagnostics are reported.
 */
export function layoutPage(
  page: Page,
  edition: Edition,
  template: LayoutTemplate,
  fonts: FontBook,
  sink: Sink,
): PageLayout {
  // Each pass reports into its own sink seeded with what is already known (the loader's image warnings are not
  // repeated); only the kept pass's new diagnostics are forwarded.
  const seeded = (): Sink => {
    const k = new Sink();
    for (const d of sink.items) k.add(d);
    return k;
  };
  const known = sink.items.length;
  const first = seeded();
  const a = layoutOnce(page, edition, template, fonts, first);
  let best = { layout: a.layout, share: a.share, diags: first };
  const S = template.spread;
  if (S && a.share > (template.underfull ?? 0.05)) {
    const up = (sizes: number[]): number[] => {
      const g = template.grades;
      const top = Math.max(...sizes);
      const i = g.findIndex((x) => x <= top);
      const larger = i > 0 ? g.slice(Math.max(0, i - S.grades), i) : [];
      return [...larger, ...sizes];
    };
    const heads = Object.fromEntries(
      Object.entries(template.heads).map(([k, h]) => [
        k,
        { ...h, sizes: up(h.sizes), spans: [h.spans[0], h.spans[1] + S.columns] as [number, number] },
      ]),
    ) as LayoutTemplate['heads'];
    const t2: LayoutTemplate = {
      ...template,
      heads,
      cost: { ...template.cost, headPadMax: Math.max(template.cost.headPadMax, S.headPadMax) },
    };
    const second = seeded();
    const b = layoutOnce(page, edition, t2, fonts, second);
    if (b.share < a.share && second.errors.length <= first.errors.length)
      best = { layout: b.layout, share: b.share, diags: second };
  }
  for (const d of best.diags.items.slice(known)) sink.add(d);
  return best.layout;
}

function layoutOnce(
  page: Page,
  edition: Edition,
  template: LayoutTemplate,
  fonts: FontBook,
  sink: Sink,
): { layout: PageLayout; share: number } {
  const t = template;
  const grid = new Grid(t);
  const ctx = { t, grid, fonts };
  const at = (item?: string): { page: number; item?: string; file?: string } =>
    item ? { page: page.number, item } : { page: page.number };

  const held = page.items.filter((it) => it.overrides?.hold);
  for (const it of held)
    sink.info(
      'held',
      `item ${it.id} is held over (overrides.hold)`,
      at(it.id),
      'set it on a later page, or remove `hold` to place it here',
    );
  const ordered = orderItems(page.items.filter((it) => !it.overrides?.hold));

  // Ranks: the lead, then `secondary.count` secondary stories, the rest `other`; commentary keeps its own style.
  let storyN = 0;
  const mods: ModuleSpec[] = ordered.map((it, i) => {
    let rank: Rank | null = null;
    if (it.kind === 'commentary') rank = 'commentary';
    else if (it.kind === 'article') {
      rank = storyN === 0 ? 'lead' : storyN <= t.heads.secondary.count ? 'secondary' : 'other';
      storyN++;
    }
    return makeModule(ctx, it, i, rank);
  });

  // Fixed modules: the masthead (page 1 of a template with one), then pins with a row.
  const fixed: Fixed[] = [];
  const modules: Module[] = [];
  const blocks: Block[] = [];
  const rules: Block[] = [];
  let bandRow = -1;
  if (t.masthead && page.number === 1) {
    const rows = Math.min(mastheadRows(t, grid, fonts, edition), grid.lines - 10);
    fixed.push({ col: 0, span: t.masthead.columns, row: 0, rows, ear: true });
    modules.push({
      item: null,
      kind: 'masthead',
      column: 0,
      span: t.masthead.columns,
      row: 0,
      rows,
      rect: grid.rect(0, t.masthead.columns, 0, rows),
    });
    blocks.push(...buildMasthead(t, grid, fonts, edition, rows));
    bandRow = rows;
  } else if (page.number > 1 && t.runningHead) {
    // Inner pages: a 报眉 over the type area instead of the masthead (page 1 never has one, doc §1.7).
    blocks.push(...buildRunningHead(t, fonts, edition, page));
    if (!page.name)
      sink.warn(
        'running-head-name',
        `page ${page.number} has no 版名 for its 报眉`,
        at(),
        `add \`name: <版名>\` to page ${page.number} in the edition file`,
      );
  }
  const placements: Array<{ index: number; place: Place }> = [];
  let free = 0;
  mods.forEach((m, i) => {
    const pin = m.item.overrides?.pin;
    if (!pin) {
      free |= 1 << i;
      return;
    }
    if (pin.row === undefined) {
      free |= 1 << i; // width only (the module's spans are forced to pin.span); the make-up picks the place
      return;
    }
    const span = Math.min(pin.span, grid.columns);
    const rows = pin.lines ?? m.heights(span, grid.lines)[0] ?? m.minRows(span);
    const f: Fixed = { col: pin.column - 1, span, row: pin.row, rows };
    const clash = fixed.find(
      (q) =>
        q.col < f.col + f.span && q.col + q.span > f.col && q.row - 1 < f.row + f.rows && q.row + q.rows + 1 > f.row,
    );
    if (f.col < 0 || f.col + f.span > grid.columns || f.row < 0 || f.row + f.rows > grid.lines || clash) {
      sink.warn(
        'pin-invalid',
        `pin of ${m.item.id} (column ${pin.column}, span ${pin.span}, row ${pin.row}, ${rows} lines) is off the grid or overlaps another fixed module`,
        at(m.item.id),
        'move the pin inside the grid and clear of the masthead and other pins; the make-up placed the item itself',
      );
      free |= 1 << i;
      return;
    }
    fixed.push(f);
    placements.push({ index: i, place: { col: f.col, span: f.span, row: f.row, rows: f.rows } });
  });

  const earKinds = new Set<string>(t.masthead?.ear ?? []);
  const regions = freeRegions({ col: 0, row: 0, cols: grid.columns, rows: grid.lines }, fixed, earKinds);
  const mk = new Makeup(mods, {
    empty: t.cost.empty,
    butting: t.cost.butting,
    drop: t.cost.overset,
    hole: t.cost.hole ?? 0,
    holeFree: t.cost.holeFree ?? 0,
  });
  const res = mk.solve(regions, free);
  placements.push(...res.placements);

  // 报眼: its boxes (weather) at their natural height, the 导读 of the other stories in the rest (template
  // masthead.index). The ear region is the `only` region beside the masthead.
  const ear = regions.find((r) => r.only && r.row === 0);
  if (ear && t.masthead?.index && bandRow > 0) {
    const inEar = res.placements.filter(
      ({ place: q }) =>
        q.row >= ear.row && q.row < ear.row + ear.rows && q.col >= ear.col && q.col < ear.col + ear.cols,
    );
    const one = inEar.length === 1 && inEar[0]!.place.span === ear.cols ? inEar[0]! : null;
    if (inEar.length === 0 || one) {
      const keep = one ? Math.min(one.place.rows, mods[one.index]!.minRows(one.place.span)) : -1;
      const row0 = ear.row + keep + 1;
      const dropped = new Set(res.dropped);
      const entries = earEntries(
        edition,
        page,
        mods.filter((m, i) => m.rank !== 'lead' && isStory(m.item) && !dropped.has(i)).map((m) => m.item),
      );
      const rect = grid.rect(ear.col, ear.cols, row0, ear.row + ear.rows - row0);
      rect.h -= 0.3 * grid.pitch;
      const ix = buildEarIndex(t, grid, fonts, rect, entries);
      if (ix.length) {
        if (one) one.place = { ...one.place, rows: keep };
        blocks.push(...ix);
        modules.push({
          item: null,
          kind: 'masthead',
          column: ear.col,
          span: ear.cols,
          row: row0,
          rows: ear.row + ear.rows - row0,
          rect: grid.rect(ear.col, ear.cols, row0, ear.row + ear.rows - row0),
        });
      }
    }
  }

  const oversets: Overset[] = [];
  const report = (id: string, lines: number, chars: number, span: number): void => {
    oversets.push({ item: id, lines, chars });
    sink.error(
      'overset',
      `${lines} lines (${chars} characters) of ${id} do not fit on page ${page.number}`,
      at(id),
      `cut about ${chars} characters from ${id}, or give it more columns (overrides.columns > ${span}) or hold another item`,
    );
  };

  // Modules in reading order: top to bottom, then left to right.
  placements.sort((a, b) => a.place.row - b.place.row || a.place.col - b.place.col);
  for (const { index, place } of placements) {
    const m = mods[index]!;
    const rect: Rect = grid.rect(place.col, place.span, place.row, place.rows);
    modules.push({
      item: m.item.id,
      kind: m.item.kind,
      column: place.col,
      span: place.span,
      row: place.row,
      rows: place.rows,
      rect,
    });
    const built = m.build(place);
    blocks.push(...built.blocks);
    if (built.overset) report(m.item.id, built.overset.lines, built.overset.chars, place.span);
    // One warning per photo: the edition loader may already have reported it (ingest checks image paths).
    const known = sink.items.some((d) => d.code === 'missing-image' && d.at.item === m.item.id);
    if (m.item.kind === 'photo' && !photoHasImage(m) && !known) {
      const why = m.item.image ? `its image ${m.item.image} cannot be read` : 'it names no image file';
      sink.warn(
        'photo-placeholder',
        `photo ${m.item.id} is set as a placeholder frame: ${why}`,
        at(m.item.id),
        'add `image: <file>` for this photo in the edition (JPEG or PNG), or hold the photo',
      );
    }
  }
  // Items no region could take are held over, never silently dropped: each reported with its size and what to do.
  const heldOver: string[] = [];
  for (const i of res.dropped) {
    const m = mods[i]!;
    const it = m.item;
    const text = itemTexts(it).join('');
    const chars = Array.from(text).length;
    heldOver.push(it.id);
    oversets.push({ item: it.id, lines: Math.ceil(chars / t.grid.columnChars), chars });
    sink.error(
      'held-over',
      `${it.kind} ${it.id} (${chars} characters, about ${Math.round(m.mass())} column-lines) does not fit on page ${page.number} and is held over`,
      at(it.id),
      `move ${it.id} to another page, cut the page's stories, or hold a lower-priority item (overrides.hold)`,
    );
  }

  // Under-full page: the largest share of the type area left empty by the make-up (grid cells no module covers).
  const cells = new Uint8Array(grid.columns * grid.lines);
  for (const mod of modules)
    for (let r = Math.max(0, mod.row - 1); r < Math.min(grid.lines, mod.row + mod.rows + 1); r++)
      cells.fill(1, r * grid.columns + mod.column, r * grid.columns + mod.column + mod.span);
  let emptyCells = 0;
  for (const v of cells) if (!v) emptyCells++;
  const share = emptyCells / cells.length;
  if (share > (t.underfull ?? 0.05)) {
    sink.warn(
      'underfull',
      `page ${page.number} is under-full: ${(share * 100).toFixed(0)} % of the type area has no module`,
      at(),
      'add stories or photos to this page, use a smaller template, or give the stories larger heads (overrides.columns)',
    );
  }

  // Rules: a thin rule in the gutter right of each module and in the separator line under it.
  const lw = t.rules.module;
  const ink = t.colors.rule as Cmyk;
  const right = t.geometry.x0 + t.geometry.width;
  const half = grid.pitch / 2;
  for (const mod of modules) {
    const r = mod.rect;
    const atTop = mod.row === 0 || mod.row === bandRow + 1;
    const bottomRow = mod.row + mod.rows;
    const atBottom = bottomRow >= grid.lines;
    if (r.x + r.w < right - 1) {
      const x = r.x + r.w + t.geometry.gutter / 2;
      rules.push({
        kind: 'rule',
        item: mod.item,
        rect: r,
        x1: x,
        y1: r.y - (atTop ? 0 : half),
        x2: x,
        y2: r.y + r.h + (atBottom || bottomRow === bandRow ? 0 : half),
        stroke: ink,
        lineWidth: lw,
      });
    }
    if (!atBottom && bottomRow !== bandRow) {
      const y = r.y + r.h + half;
      const x1 = r.x - (mod.column > 0 ? t.geometry.gutter / 2 : 0);
      const x2 = r.x + r.w + (r.x + r.w < right - 1 ? t.geometry.gutter / 2 : 0);
      rules.push({ kind: 'rule', item: mod.item, rect: r, x1, y1: y, x2, y2: y, stroke: ink, lineWidth: lw });
    }
  }
  if (bandRow > 0) {
    const y = grid.rowY(bandRow) + half - 1.5;
    const x1 = t.geometry.x0;
    rules.push({
      kind: 'rule',
      item: null,
      rect: { x: x1, y, w: t.geometry.width, h: 4 },
      x1,
      y1: y,
      x2: right,
      y2: y,
      stroke: ink,
      lineWidth: t.rules.mastheadHeavy,
    });
    rules.push({
      kind: 'rule',
      item: null,
      rect: { x: x1, y, w: t.geometry.width, h: 4 },
      x1,
      y1: y + 2.5,
      x2: right,
      y2: y + 2.5,
      stroke: ink,
      lineWidth: t.rules.mastheadThin,
    });
  }

  const layout: PageLayout = {
    number: page.number,
    template: t.name,
    width: t.geometry.trimW,
    height: t.geometry.trimH,
    bleed: t.geometry.bleed,
    typeArea: { x: t.geometry.x0, y: t.geometry.y0, w: t.geometry.width, h: t.geometry.height },
    grid: {
      columns: grid.columns,
      lines: grid.lines,
      pitch: grid.pitch,
      firstBaseline: grid.baseline(0),
      columnX: Array.from({ length: grid.columns }, (_, c) => grid.colX(c)),
      columnW: t.geometry.columnW,
    },
    modules,
    blocks: [...blocks, ...rules],
    held: held.map((it) => it.id),
    overset: oversets,
  };
  return { layout, share };
}
