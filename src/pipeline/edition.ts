/**
 * Lay out and paint a whole edition in memory (no files). Stories continue across pages: a page's jump (下转第N版)
 * becomes a continuation module on page N (its short head and 上接第M版), and the numbers are right by
 * construction — a continuation that page N cannot take moves the jump to the next page, or, on the last page,
 * the story is set without a jump and its overset reported. The 导读 on page 1 lists the other pages' leads as built.
 *
 * A page's layout depends on its own inputs and on what the edition asks of it (its PageRequest: the stories
 * continued into it, where its own stories may jump, page 1's 导读 as built). An incremental build keys each page
 * by both and reuses the layout of an unchanged key (`PlanOptions.memo`), so an edit to one page lays out again
 * only the pages whose inputs or requests changed — a longer story on page 2 that now continues differently
 * changes page 3's request, and page 3 with it.
 */
import crypto from 'node:crypto';
import { type Diagnostic, Sink } from '../diag/index.js';
import { type FontBook, loadFontBook } from '../fonts/index.js';
import {
  type IndexEntry,
  type Incoming,
  type LayoutTemplate,
  layoutPage,
  loadTemplate,
  type PageRequest,
} from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
import type { Edition, Page, StoryItem } from '../model/edition.js';
import type { DisplayDocument } from '../paint/display.js';
import { paintPage } from '../paint/page.js';

/** One page as laid out: its layout, the diagnostics layout gave, and the key of what it was laid out from. */
export interface PlannedPage {
  layout: PageLayout;
  diagnostics: Diagnostic[];
  /** A hash of the page's inputs (`keyOf`) and of its request: equal keys, equal layouts. */
  key: string;
}

/** Layouts of earlier plans by key, kept by the caller between builds (the preview's builder). */
export type LayoutMemo = Map<string, PlannedPage>;

export interface PlanOptions {
  templateOf?: (layout: string) => LayoutTemplate;
  /** The pages wanted; the others are laid out only where a wanted page depends on them. */
  only?: ReadonlySet<number>;
  /** The key of a page's own inputs (the builder's page key); default: the page's items and template. */
  keyOf?: (page: Page) => string;
  /** Layouts from earlier plans, reused for equal keys; pruned to this plan's keys. */
  memo?: LayoutMemo;
}

/** A template loader that loads each template once (pages sharing a template share it). */
export function templateCache(): (layout: string) => LayoutTemplate {
  const templates = new Map<string, LayoutTemplate>();
  return (layout) => {
    let template = templates.get(layout);
    if (!template) {
      template = loadTemplate(layout);
      templates.set(layout, template);
    }
    return template;
  };
}

/**
 * Lay out every page of an edition (no files written), or only the pages numbered in `only` (each still laid
 * out against the whole edition: the stories continued into it, the 导读 of page 1). Diagnostics go to `sink`
 * in page order.
 */
export function layoutEdition(
  edition: Edition,
  sink: Sink,
  fonts: FontBook = loadFontBook(),
  templateOf: (layout: string) => LayoutTemplate = templateCache(),
  only?: ReadonlySet<number>,
): PageLayout[] {
  const plan = planEdition(edition, sink, fonts, { templateOf, ...(only ? { only } : {}) });
  const wanted = only ? edition.pages.filter((p) => only.has(p.number)) : edition.pages;
  for (const p of wanted) for (const d of plan.get(p.number)!.diagnostics) sink.add(d);
  return wanted.map((p) => plan.get(p.number)!.layout);
}

/**
 * Lay out the edition's pages with their continuations and 导读, by page number. Edition-level problems (a
 * continueOn naming no later page) go to `sink`; each page's own diagnostics stay with its PlannedPage.
 */
export function planEdition(
  edition: Edition,
  sink: Sink,
  fonts: FontBook = loadFontBook(),
  opts: PlanOptions = {},
): Map<number, PlannedPage> {
  const template = opts.templateOf ?? templateCache();
  const keyOf = opts.keyOf ?? ((p: Page) => JSON.stringify([p, template(p.layout).file]));
  const pages = edition.pages;
  const used = new Map<string, PlannedPage>();
  // each page's measured modules and searches, shared by its layouts in this build
  const work = new Map<number, Map<string, unknown>>();
  const layoutOne = (p: Page, req: PageRequest): PlannedPage => {
    const key = requestKey(keyOf(p), req);
    let done = used.get(key) ?? opts.memo?.get(key);
    if (!done) {
      const s = new Sink();
      let memo = work.get(p.number);
      if (!memo) {
        memo = new Map();
        work.set(p.number, memo);
      }
      const layout = layoutPage(p, edition, template(p.layout), fonts, s, { ...req, memo });
      done = { layout, diagnostics: s.items, key };
    }
    used.set(key, done);
    return done;
  };
  const finish = (built: Map<number, PlannedPage>): Map<number, PlannedPage> => {
    if (opts.memo) {
      opts.memo.clear();
      for (const [k, v] of used) opts.memo.set(k, v);
    }
    return built;
  };
  // 1. Where each story may jump: its continueOn (a later page of the edition), else nowhere.
  const jumpTo = new Map<number, Map<string, number>>();
  const noAuto = new Map<number, Set<string>>();
  for (const [k, p] of pages.entries()) {
    const m = new Map<string, number>();
    for (const it of p.items) {
      const n = it.overrides?.continueOn;
      if (n === undefined) continue;
      if (pages.findIndex((q) => q.number === n) > k) m.set(it.id, n);
      else
        sink.warn(
          'continue-invalid',
          `${it.id} may continue on page ${n}, which is not a later page of this edition`,
          { page: p.number, item: it.id },
          `give continueOn a page after ${p.number}, or remove it`,
        );
    }
    jumpTo.set(p.number, m);
  }
  // 2. Pages that cannot receive a continuation and do not quote the others (not page 1) stand alone: wanted
  // ones are laid out by themselves.
  const continues = edition.continuation?.auto === true || [...jumpTo.values()].some((m) => m.size > 0);
  if (opts.only && !continues && !opts.only.has(1)) {
    const built = new Map<number, PlannedPage>();
    for (const p of pages)
      if (opts.only.has(p.number)) built.set(p.number, layoutOne(p, { incoming: [], continueTo: new Map() }));
    return finish(built);
  }
  const built = new Map<number, PlannedPage>();
  let index: IndexEntry[] | null = null;
  // 3. Lay out from page k on, forwarding every jump to the page it names.
  const run = (from: number): void => {
    const incoming = new Map<number, Incoming[]>();
    for (const [k, p] of pages.entries()) {
      if (k < from) {
        for (const j of built.get(p.number)!.layout.jumps) push(incoming, j.to, jumpPart(p, j));
        continue;
      }
      const next = pages[k + 1];
      const req: PageRequest = {
        incoming: incoming.get(p.number) ?? [],
        continueTo: jumpsOf(p, jumpTo, noAuto),
        autoTo: edition.continuation?.auto && next ? next.number : null,
        index: p.number === 1 ? index : null,
      };
      const done = layoutOne(p, req);
      built.set(p.number, done);
      for (const j of done.layout.jumps) push(incoming, j.to, jumpPart(p, j));
    }
  };
  run(0);
  // 4. Every promised continuation must stand on its page; else the jump moves on (or is given up), and the
  // pages from the jumping one are laid out again. A few rounds at most: each round moves a jump later.
  for (let round = 0; round < 2 * pages.length; round++) {
    const miss = missingContinuation(pages, built);
    if (!miss) break;
    const k = pages.findIndex((p) => p.number === miss.from);
    const later = pages.findIndex((p) => p.number === miss.to) + 1;
    const m = jumpTo.get(miss.from)!;
    if (later > 0 && later < pages.length) m.set(miss.item, pages[later]!.number);
    else {
      m.delete(miss.item);
      const na = noAuto.get(miss.from) ?? new Set<string>();
      na.add(miss.item);
      noAuto.set(miss.from, na);
    }
    run(k);
  }
  // 5. 导读: page 1 again when the other pages' leads as built differ from what its copy said.
  const first = built.get(1);
  if (first && pages.length > 1) {
    const asBuilt = builtIndex(pages, built);
    if (asBuilt.length && JSON.stringify(asBuilt) !== JSON.stringify(indexOf(first.layout))) {
      index = asBuilt;
      const before = JSON.stringify(first.layout.jumps);
      const k = pages.findIndex((p) => p.number === 1);
      run(k);
      if (JSON.stringify(built.get(1)!.layout.jumps) !== before) run(k + 1);
    }
  }
  return finish(built);
}

/** The key of a page laid out on `request`: its own inputs' key and what the edition asks of it. */
function requestKey(own: string, req: PageRequest): string {
  const asked = {
    incoming: (req.incoming ?? []).map((c) => [c.from, c.resume, c.item]),
    continueTo: [...(req.continueTo ?? new Map()).entries()],
    autoTo: req.autoTo ?? null,
    index: req.index ?? null,
  };
  return crypto.createHash('sha256').update(own).update('\0').update(JSON.stringify(asked)).digest('hex');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** The continuation a jump promises: the story from where it was cut. */
function jumpPart(from: Page, j: PageLayout['jumps'][number]): Incoming {
  const item = from.items.find((it) => it.id === j.item) as StoryItem;
  return { item, from: from.number, resume: j.resume };
}

function jumpsOf(
  p: Page,
  jumpTo: Map<number, Map<string, number>>,
  noAuto: Map<number, Set<string>>,
): ReadonlyMap<string, number> {
  const m = new Map(jumpTo.get(p.number) ?? []);
  // a story whose continuation could not be placed anywhere is not continued automatically either
  for (const id of noAuto.get(p.number) ?? []) m.set(id, -1);
  return m;
}

/** The first jump whose continuation is not on the page it names. */
function missingContinuation(
  pages: Page[],
  built: Map<number, PlannedPage>,
): { item: string; from: number; to: number } | null {
  for (const p of pages)
    for (const j of built.get(p.number)!.layout.jumps) {
      const target = built.get(j.to)?.layout;
      // the continuation stands on its page, whole (a continuation cut again would need a jump of its own)
      const ok =
        target?.modules.some((m) => m.item === j.item && m.info?.continued?.from === p.number) &&
        !target.overset.some((o) => o.item === j.item);
      if (!ok) return { item: j.item, from: p.number, to: j.to };
    }
  return null;
}

/** The other pages' lead stories as built, for page 1's 导读. */
function builtIndex(pages: Page[], built: Map<number, PlannedPage>): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const p of pages) {
    if (p.number === 1) continue;
    const layout = built.get(p.number)!.layout;
    const lead =
      layout.modules.find((m) => m.info?.rank === 'lead') ??
      layout.modules.find((m) => m.info?.rank && m.info.rank !== 'continued');
    const it = lead ? p.items.find((x) => x.id === lead.item) : undefined;
    if (it && 'headline' in it && typeof it.headline === 'string' && it.headline)
      out.push({ item: it.id, headline: it.headline, page: p.number });
  }
  return out;
}

/** The 导读 entries page 1 was built with (other pages' entries only), from its layout. */
function indexOf(layout: PageLayout): IndexEntry[] {
  return layout.earIndex.filter((e) => e.page !== undefined);
}

export function paintEdition(edition: Edition, layouts: PageLayout[]): DisplayDocument {
  return {
    title: `${edition.paper.name} ${edition.date}`,
    date: edition.date,
    pages: layouts.map((l) => paintPage(l)),
  };
}
