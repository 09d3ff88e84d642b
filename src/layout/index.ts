/**
 * Page layout: the items of a page → positioned blocks on the template's grid, with the page's quality figures
 * and its diagnostics. Layout reads no files: image sizes come from the model, templates are loaded by the caller.
 */
import { type Diagnostic, diagnostic, type Sink } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import { type Edition, type Page, itemTexts } from '../model/edition.js';
import { buildModules, itemChars } from './build.js';
import {
  buttingDiagnostics,
  heldDiagnostics,
  heldOverDiagnostic,
  overrideDiagnostics,
  underfullDiagnostic,
} from './diagnose.js';
import { buildEar } from './ear.js';
import { Grid } from './grid.js';
import { Makeup, type MakeupResult, type Region } from './makeup.js';
import { buildMasthead, buildRunningHead, type IndexEntry, mastheadRows } from './masthead.js';
import {
  continuationModule,
  type Incoming,
  makeModule,
  type ModuleContext,
  type ModuleSpec,
  type Place,
  StoryModule,
  shared,
} from './modules/index.js';
import { pageQuality } from './quality.js';
import { assignRanks, bodyChars, orderItems } from './ranks.js';
import { type Fixed, pinFixed, regionVariants } from './regions.js';
import { moduleRules } from './rules.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module, Overset, PageLayout, PageQuality } from './types.js';

export { loadTemplate, loadTemplateFile, makeTemplate, type LayoutTemplate } from './template.js';
export type { Block, Jump, Module, PageLayout, PageQuality, PlacedLine, TextBlock } from './types.js';
export type { Incoming } from './modules/index.js';
export type { IndexEntry } from './masthead.js';
export { orderItems } from './ranks.js';
export { largestHole, buttingPairs } from './quality.js';

/** What the edition asks of one page beyond its copy. */
export interface PageRequest {
  /** Stories continued here from earlier pages (their jump lines promise this page). */
  incoming?: Incoming[];
  /** The page each story may continue on; absent: from the items' overrides.continueOn. */
  continueTo?: ReadonlyMap<string, number>;
  /** An overfull page may continue its lowest-priority long stories on this page (edition continuation.auto). */
  autoTo?: number | null;
  /** 导读 entries of the other pages as built; absent: from the copy. */
  index?: IndexEntry[] | null;
  /**
   * Work shared by the layouts of one page within one edition build (composed body lines, searches), keyed by
   * what each depends on: a page laid out again for its 导读 or a moved jump reuses what did not change.
   */
  memo?: Map<string, unknown>;
}

interface Pass {
  layout: PageLayout;
  diags: Diagnostic[];
  /** Characters not on the page (overset or held over), and errors. */
  lost: number;
  errors: number;
}

/**
 * Lay out one page: as the copy asks; if it is overfull and the edition allows, again with stories continued
 * on a later page; if it is under-full, again spread. The better layout is kept and only its diagnostics are
 * reported.
 */
export function layoutPage(
  page: Page,
  edition: Edition,
  template: LayoutTemplate,
  fonts: FontBook,
  sink: Sink,
  req: PageRequest = {},
): PageLayout {
  const flows = req.memo ?? new Map<string, unknown>();
  const ask = (t: LayoutTemplate, continueTo: ReadonlyMap<string, number>, spread = false): Ask => ({
    page,
    edition,
    t,
    fonts,
    req,
    continueTo,
    flows,
    spread,
  });
  // 1. The page as the copy and its overrides ask (stories jump only where continueOn says).
  let best = layoutOnce(ask(template, req.continueTo ?? explicitJumps(page, edition)));
  // 2. Overfull, and the edition lets stories continue: again with its long stories allowed to jump; when more
  // than continuation.autoStories jump, once more with only the first of them in priority allowed (a page of jump
  // lines is not a page).
  if (best.lost > 0 && req.autoTo) {
    const allowed = autoJumps(page, template, req);
    let b = layoutOnce(ask(template, allowed));
    const rank = new Map(orderItems(page.items).map((it, i) => [it.id, i]));
    const auto = b.layout.jumps
      .filter((j) => !req.continueTo?.has(j.item))
      .sort((x, y) => (rank.get(x.item) ?? 0) - (rank.get(y.item) ?? 0));
    if (auto.length > template.continuation.autoStories) {
      const keep = new Set(auto.slice(0, template.continuation.autoStories).map((j) => j.item));
      const fewer = new Map([...allowed].filter(([id]) => keep.has(id) || req.continueTo?.has(id)));
      b = layoutOnce(ask(template, fewer));
    }
    if (b.lost < best.lost || (b.lost === best.lost && b.errors < best.errors)) best = b;
  }
  // 3. Under-full: again with more generous modules (photo size, head size within rank, spacing); the fuller wins.
  if (best.layout.quality.hole > template.quality.warnAt && template.spread) {
    const jumps = best.layout.jumps.length ? jumpMap(best) : (req.continueTo ?? explicitJumps(page, edition));
    const s = layoutOnce(ask(spreadTemplate(template), jumps, true));
    if (s.lost <= best.lost && s.errors <= best.errors && s.layout.quality.hole < best.layout.quality.hole - 0.001)
      best = s;
  }
  // 4. Report what the kept layout says about itself.
  for (const d of best.diags) sink.add(d);
  return best.layout;
}

/** What one layout of a page is asked: the page, its template (as is, or spread), where its stories may jump. */
interface Ask {
  page: Page;
  edition: Edition;
  t: LayoutTemplate;
  fonts: FontBook;
  req: PageRequest;
  continueTo: ReadonlyMap<string, number>;
  /** The page's memo (PageRequest.memo): composed lines, head groups, searches. */
  flows: Map<string, unknown>;
  spread: boolean;
}

/** What a layout of the page has before its arrangements are built: the modules and the search's answer. */
interface Searched {
  grid: Grid;
  held: Page['items'];
  mods: ModuleSpec[];
  furn: Furniture;
  fixed: ReturnType<typeof fixModules>;
  search: { res: MakeupResult; regions: Region[] };
  dropped: Set<number>;
  diags: Diagnostic[];
}

/** One layout of the page: a short list of named steps. */
function layoutOnce(a: Ask): Pass {
  const { page, edition, t, fonts, req, continueTo, flows, spread } = a;
  // Modules and search (the 导读 does not change them): reused from an earlier layout that asked the same.
  const key = `search|${t.name}|${spread}|${JSON.stringify([...continueTo])}|${JSON.stringify(
    (req.incoming ?? []).map((c) => [c.from, c.resume, c.item.id]),
  )}`;
  const found = shared(flows, key, () => searchOnce(a));
  const { grid, held, mods, furn, fixed, search, dropped } = found;
  const diags: Diagnostic[] = [...found.diags];
  const typeArea = { x: t.geometry.x0, y: t.geometry.y0, w: t.geometry.width, h: t.geometry.height };
  // Pick: the cheapest arrangement and its alternatives, each built and measured as the printed page will be; the
  // one without heads side by side, within Q3 and with the least overset wins (the cheapest when they tie; one
  // that breaks no rule cannot be beaten, so the ones after it are not built).
  let chosen: Assembled | null = null;
  let chosenScore = Infinity;
  for (const p of [search.res.placements, ...search.res.alternatives]) {
    const a = assemble(
      t,
      grid,
      fonts,
      edition,
      page,
      req,
      furn,
      search.regions,
      [...fixed.placements, ...p],
      mods,
      dropped,
      typeArea,
    );
    const sc = score(t, a);
    if (!chosen || sc < chosenScore - 1e-9) {
      chosen = a;
      chosenScore = sc;
    }
    if (chosenScore <= 0) break;
  }
  if (!chosen) throw new Error('no arrangement to build');
  const { ear, built, modules, blocks, quality } = chosen;
  diags.push(...built.diags);
  // Held over: items no region could take, each reported with its size (never silently dropped).
  const oversets: Overset[] = [...built.oversets];
  const heldOver: string[] = [];
  for (const i of [...dropped].sort((a, b) => a - b)) {
    const m = mods[i]!;
    const chars = m.promised && m instanceof StoryModule ? m.chars : itemChars(m);
    heldOver.push(m.item.id);
    oversets.push({ item: m.item.id, lines: Math.ceil(chars / t.grid.columnChars), chars });
    diags.push(heldOverDiagnostic(m, chars, page.number));
  }
  // Diagnostics the page gives about itself: under-full, heads side by side, overrides that break a rule.
  const under = underfullDiagnostic(t, quality, modules, page.number);
  if (under) diags.push(under);
  const rejected = mods.filter((m) => m instanceof StoryModule && m.headSizeRejected).map((m) => m.item.id);
  diags.push(...overrideDiagnostics(t, page, mods, modules, blocks, rejected));
  diags.push(...buttingDiagnostics(t, blocks, mods, page.number));
  const layout: PageLayout = {
    number: page.number,
    template: t.name,
    width: t.geometry.trimW,
    height: t.geometry.trimH,
    bleed: t.geometry.bleed,
    typeArea,
    grid: {
      columns: grid.columns,
      lines: grid.lines,
      pitch: grid.pitch,
      firstBaseline: grid.baseline(0),
      columnX: Array.from({ length: grid.columns }, (_, c) => grid.colX(c)),
      columnW: t.geometry.columnW,
    },
    modules,
    blocks,
    held: held.map((it) => it.id),
    overset: oversets,
    jumps: built.jumps,
    earIndex: ear.entries,
    quality,
  };
  const lost = oversets.reduce((a, o) => a + o.chars, 0);
  return { layout, diags, lost, errors: diags.filter((d) => d.severity === 'error').length };
}

/** The page's modules measured and arranged by the search (before the 导读 and the arrangements are built). */
function searchOnce(a: Ask): Searched {
  const { page, edition, t, fonts, req, continueTo, flows, spread } = a;
  const grid = new Grid(t);
  const ctx: ModuleContext = { t, grid, fonts, page: page.number, continueTo, flows, spread };
  const diags: Diagnostic[] = [];
  // Items: the held ones set aside (reported), the rest in make-up order with their ranks.
  const held = page.items.filter((it) => it.overrides?.hold);
  diags.push(...heldDiagnostics(held, page.number));
  const ordered = orderItems(page.items.filter((it) => !it.overrides?.hold));
  const ranked = assignRanks(ordered, t, page.number);
  diags.push(...ranked.diags);
  // The lead is searched first, so it stands at the top of the page (a brief before it in the copy follows it).
  const li = ranked.ranks.indexOf('lead');
  if (li > 0) {
    ordered.unshift(...ordered.splice(li, 1));
    ranked.ranks.unshift(...ranked.ranks.splice(li, 1));
  }
  // Modules: every item measured at every width (text composed for real); continued parts after them.
  const mods: ModuleSpec[] = [
    ...ordered.map((it, i) => makeModule(ctx, it, i, ranked.ranks[i]!)),
    ...(req.incoming ?? []).map((p, k) => continuationModule(ctx, p, ordered.length + k)),
  ];
  // Furniture: the masthead on page 1 with the 报眼 beside it, the 报眉 over inner pages.
  const furn = furniture(t, grid, fonts, edition, page);
  diags.push(...furn.diags);
  // Fixed modules: pins (booked ads without a row are searched at the foot).
  const fixed = fixModules(mods, grid, page.number, furn.fixed);
  diags.push(...fixed.diags);
  // Search: the free area cut around the fixed modules every way worth trying; the cheapest arrangement wins.
  const earKinds = new Set<string>(t.masthead?.ear ?? []);
  const search = searchPage(t, mods, regionVariants(grid, fixed.fixed, earKinds), fixed.free);
  const dropped = new Set([...search.res.dropped, ...fixed.unplaced]);
  return { grid, held, mods, furn, fixed, search, dropped, diags };
}

interface Assembled {
  ear: ReturnType<typeof buildEar>;
  built: ReturnType<typeof buildModules>;
  modules: Module[];
  blocks: Block[];
  quality: PageQuality;
}

/** One arrangement built: the 报眼, every module's blocks, the rules, the page's quality figures. */
function assemble(
  t: LayoutTemplate,
  grid: Grid,
  fonts: FontBook,
  edition: Edition,
  page: Page,
  req: PageRequest,
  furn: Furniture,
  regions: Region[],
  placementsIn: Array<{ index: number; place: Place }>,
  mods: ModuleSpec[],
  dropped: ReadonlySet<number>,
  typeArea: { x: number; y: number; w: number; h: number },
): Assembled {
  const placements = placementsIn.map((p) => ({ ...p }));
  // 报眼: the 导读 under the weather box (page 1).
  const ear =
    furn.bandRow > 0
      ? buildEar(t, grid, fonts, edition, page, regions, placements, mods, dropped, req.index ?? null)
      : { blocks: [], module: null, entries: [] };
  // Build: every module's blocks in reading order, overset text, the jumps of stories cut for a later page.
  const built = buildModules(grid, mods, placements, page.number);
  const modules: Module[] = [...furn.modules, ...(ear.module ? [ear.module] : []), ...built.modules];
  // Rules between modules and under the masthead band.
  const blocks: Block[] = [...furn.blocks, ...ear.blocks, ...built.blocks];
  blocks.push(...moduleRules(t, grid, modules, furn.bandRow));
  // Quality figures, computed from the layout as an outside checker reads the page.
  return { ear, built, modules, blocks, quality: pageQuality(t, modules, blocks, typeArea) };
}

/** How an arrangement reads: heads side by side or stacked, overset, a hole beyond Q3 (lower is better). */
function score(t: LayoutTemplate, a: Assembled): number {
  const q = a.quality;
  const overset = a.built.oversets.reduce((s, o) => s + o.chars, 0);
  return (q.butting + q.stacked) * 1e6 + overset * 100 + Math.max(0, q.hole - t.quality.maxHole) * 1e4;
}

interface Furniture {
  fixed: Fixed[];
  blocks: Block[];
  modules: Module[];
  /** Lines of the masthead band on page 1; -1 on inner pages. */
  bandRow: number;
  diags: Diagnostic[];
}

/** Page 1 of a template with a masthead: the 报头 top-left (its 报眼 beside it). Inner pages: the 报眉. */
function furniture(t: LayoutTemplate, grid: Grid, fonts: FontBook, edition: Edition, page: Page): Furniture {
  const out: Furniture = { fixed: [], blocks: [], modules: [], bandRow: -1, diags: [] };
  if (t.masthead && page.number === 1) {
    const rows = Math.min(mastheadRows(t, grid, fonts, edition), grid.lines - 10);
    out.fixed.push({ col: 0, span: t.masthead.columns, row: 0, rows, ear: true });
    out.modules.push({
      item: null,
      kind: 'masthead',
      column: 0,
      span: t.masthead.columns,
      row: 0,
      rows,
      rect: grid.rect(0, t.masthead.columns, 0, rows),
    });
    out.blocks.push(...buildMasthead(t, grid, fonts, edition, rows));
    out.bandRow = rows;
    return out;
  }
  // Every inner page has its 报眉 (page 1 never has one, doc §1.7).
  out.blocks.push(...buildRunningHead(t, fonts, edition, page));
  if (!page.name)
    out.diags.push(
      diagnostic(
        'running-head-name',
        `page ${page.number} has no 版名 for its 报眉`,
        { page: page.number },
        `add \`name: <版名>\` to page ${page.number} in the edition file`,
      ),
    );
  return out;
}

/** Pins with a row, then ads at their booked place; the free items' mask. */
function fixModules(
  mods: ModuleSpec[],
  grid: Grid,
  page: number,
  furniture: Fixed[],
): {
  fixed: Fixed[];
  placements: Array<{ index: number; place: Place }>;
  free: number;
  unplaced: number[];
  diags: Diagnostic[];
} {
  const fixed = [...furniture];
  const placements: Array<{ index: number; place: Place }> = [];
  const diags: Diagnostic[] = [];
  let free = 0;
  mods.forEach((m, i) => {
    const pf = pinFixed(m, grid, fixed, page);
    if (pf && 'fixed' in pf) {
      fixed.push(pf.fixed);
      placements.push({ index: i, place: { ...pf.fixed, col: pf.fixed.col, shape: pf.shape } });
      return;
    }
    if (pf) diags.push(pf.diag);
    free |= 1 << i;
  });
  return { fixed, placements, free, unplaced: [], diags };
}

/** Every region variant solved (one memo shared: states do not depend on where a region is); the cheapest kept. */
function searchPage(
  t: LayoutTemplate,
  mods: ModuleSpec[],
  variants: Region[][],
  free: number,
): { res: MakeupResult; regions: Region[] } {
  const mk = new Makeup(mods, {
    empty: t.cost.empty,
    butting: t.cost.butting,
    drop: t.cost.drop,
    hole: t.cost.hole,
    holeFree: t.cost.holeFree,
    minRatio: t.butting.minRatio,
    lines: t.grid.lines,
  });
  let best: { res: MakeupResult; regions: Region[] } | null = null;
  for (const regions of variants) {
    mk.work = 0;
    const res = mk.solve(regions, free);
    if (!best || res.cost < best.res.cost - 1e-9) best = { res, regions };
  }
  return best ?? { res: { placements: [], dropped: [], cost: 0, alternatives: [] }, regions: [] };
}

/** Jumps the items' overrides ask for: continueOn a later page of the edition. */
function explicitJumps(page: Page, edition: Edition): Map<string, number> {
  const out = new Map<string, number>();
  const later = new Set(edition.pages.filter((p) => p.number > page.number).map((p) => p.number));
  for (const it of page.items) {
    const n = it.overrides?.continueOn;
    if (n !== undefined && later.has(n)) out.set(it.id, n);
  }
  return out;
}

/** The explicit jumps plus the page's long stories (not the lead, not briefs) onto `req.autoTo`. */
function autoJumps(page: Page, t: LayoutTemplate, req: PageRequest): Map<string, number> {
  const out = new Map(req.continueTo ?? []);
  const order = orderItems(page.items.filter((it) => !it.overrides?.hold));
  const ranks = assignRanks(order, t, page.number).ranks;
  const long = order.filter(
    (it, i) =>
      it.kind === 'article' &&
      (ranks[i] === 'secondary' || ranks[i] === 'other') &&
      bodyChars(it) > 3 * t.continuation.minLeg * t.grid.columnChars,
  );
  // every long story may jump; each jump costs (cost.jump), so the search continues as few as it must
  for (const it of long) if (!out.has(it.id) && req.autoTo) out.set(it.id, req.autoTo);
  for (const [id, n] of out) if (n < 0) out.delete(id);
  return out;
}

function jumpMap(p: Pass): Map<string, number> {
  return new Map(p.layout.jumps.map((j) => [j.item, j.to]));
}

/** The template with every rank's heads a grade larger, widths a column wider, heads padded more. */
function spreadTemplate(template: LayoutTemplate): LayoutTemplate {
  const spread = template.spread!;
  const up = (sizes: number[]): number[] => {
    const { grades } = template;
    const top = Math.max(...sizes);
    const i = grades.findIndex((x) => x <= top);
    const larger = i > 0 ? grades.slice(Math.max(0, i - spread.grades), i) : [];
    return [...larger, ...sizes];
  };
  const heads = Object.fromEntries(
    Object.entries(template.heads).map(([k, h]) => [
      k,
      { ...h, sizes: up(h.sizes), spans: [h.spans[0], h.spans[1] + spread.columns] as [number, number] },
    ]),
  ) as LayoutTemplate['heads'];
  return {
    ...template,
    body: spread.spacing ? { ...template.body, spacing: spread.spacing } : template.body,
    heads,
    photo: { ...template.photo, spans: [template.photo.spans[0], template.photo.spans[1] + spread.columns] },
    cost: { ...template.cost, headPadMax: Math.max(template.cost.headPadMax, spread.headPadMax) },
  };
}

/** Every visible text of the items of a page (for no-loss checks). */
export function pageTexts(page: Page): string[] {
  return page.items.flatMap((it) => itemTexts(it));
}
