/**
 * Lay out and paint a whole edition in memory (no files). Stories continue across pages: a page's jump (下转第N版)
 * becomes a continuation module on page N (its short head and 上接第M版), and the numbers are right by
 * construction — a continuation that page N cannot take moves the jump to the next page, or, on the last page,
 * the story is set without a jump and its overset reported. The 导读 on page 1 lists the other pages' leads as built.
 */
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

interface Built {
  layout: PageLayout;
  diags: Diagnostic[];
}

/** Lay out every page of an edition (no files written). */
export function layoutEdition(edition: Edition, sink: Sink, fonts: FontBook = loadFontBook()): PageLayout[] {
  const templates = new Map<string, LayoutTemplate>();
  const template = (name: string): LayoutTemplate => {
    let t = templates.get(name);
    if (!t) {
      t = loadTemplate(name);
      templates.set(name, t);
    }
    return t;
  };
  const pages = edition.pages;
  // Where each story may jump: its continueOn (a later page of the edition), else nowhere.
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
  const built = new Map<number, Built>();
  let index: IndexEntry[] | null = null;
  // Lay out from page k on, forwarding every jump to the page it names.
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
      const s = new Sink();
      const layout = layoutPage(p, edition, template(p.layout), fonts, s, req);
      built.set(p.number, { layout, diags: s.items });
      for (const j of layout.jumps) push(incoming, j.to, jumpPart(p, j));
    }
  };
  run(0);
  // Every promised continuation must stand on its page; else the jump moves on (or is given up), and the pages
  // from the jumping one are laid out again. A few rounds at most: each round moves a jump later.
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
  // 导读: page 1 again when the other pages' leads as built differ from what its copy said.
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
  for (const p of pages) for (const d of built.get(p.number)!.diags) sink.add(d);
  return pages.map((p) => built.get(p.number)!.layout);
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
  built: Map<number, Built>,
): { item: string; from: number; to: number } | null {
  for (const p of pages)
    for (const j of built.get(p.number)!.layout.jumps) {
      const target = built.get(j.to)?.layout;
      const ok = target?.modules.some((m) => m.item === j.item && m.info?.continued?.from === p.number);
      if (!ok) return { item: j.item, from: p.number, to: j.to };
    }
  return null;
}

/** The other pages' lead stories as built, for page 1's 导读. */
function builtIndex(pages: Page[], built: Map<number, Built>): IndexEntry[] {
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
