/**
 * What the page says about itself: held and held-over items, overset text, an under-full page with the lines
 * it lacks, heads side by side the search could not avoid, and editor overrides that break a page rule — each
 * naming the override and the rule. Returned as values; layoutPage forwards the kept pass's diagnostics.
 */
import { type Diagnostic, diagnostic } from '../diag/index.js';
import type { Item, Page } from '../model/edition.js';
import type { ModuleSpec } from './modules/index.js';
import { buttingPairs } from './quality.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module, PageQuality } from './types.js';

const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;

export function heldDiagnostics(held: Item[], page: number): Diagnostic[] {
  return held.map((it) =>
    diagnostic(
      'held',
      `item ${it.id} is held over (overrides.hold)`,
      { page, item: it.id },
      'set it on a later page, or remove `hold` to place it here',
    ),
  );
}

export function heldOverDiagnostic(m: ModuleSpec, chars: number, page: number): Diagnostic {
  const it = m.item;
  return diagnostic(
    m.promised ? 'continuation-held' : 'held-over',
    m.promised
      ? `the continuation of ${it.id} (${chars} characters) does not fit on page ${page}`
      : `${it.kind} ${it.id} (${chars} characters, about ${Math.round(m.mass())} column-lines) does not fit on page ${page} and is held over`,
    { page, item: it.id },
    m.promised
      ? `continue ${it.id} on another page (overrides.continueOn), or make room on page ${page}`
      : `move ${it.id} to another page, let a story continue (overrides.continueOn or continuation: { auto: true }), or hold a lower-priority item (overrides.hold)`,
  );
}

export function oversetDiagnostic(id: string, lines: number, chars: number, span: number, page: number): Diagnostic {
  return diagnostic(
    'overset',
    `${lines} lines (${chars} characters) of ${id} do not fit on page ${page}`,
    { page, item: id },
    `cut about ${chars} characters from ${id}, give it more columns (overrides.columns > ${span}), let it continue on another page (overrides.continueOn), or hold another item`,
  );
}

/** An under-full page: the lines it lacks and what would fill them. */
export function underfullDiagnostic(
  t: LayoutTemplate,
  q: PageQuality,
  modules: Module[],
  page: number,
): Diagnostic | null {
  if (q.hole <= t.quality.warnAt) return null;
  const lines = Math.max(1, Math.round(q.emptyLines));
  const chars = lines * t.grid.columnChars;
  const photo = modules
    .filter((m) => m.kind === 'photo' && m.info?.photo)
    .sort((a, b) => a.span - b.span || a.rows - b.rows)[0];
  const at = q.holeAt
    ? ` at ${Math.round(q.holeAt.x)},${Math.round(q.holeAt.y)} pt (${Math.round(q.holeAt.w)} × ${Math.round(q.holeAt.h)} pt)`
    : '';
  return diagnostic(
    'underfull',
    `page ${page} is about ${lines} lines short: its largest empty area is ${pct(q.hole)} of the type area${at}`,
    { page },
    `add a story of about ${chars} characters${photo ? `, or enlarge ${photo.item}` : ', or a photo'}, or use a smaller template`,
  );
}

/** Items an editor fixed (pin, columns, headSize): which override each has. */
function overrideOf(it: Item): string | null {
  const o = it.overrides;
  if (!o) return null;
  if (o.pin)
    return `pin (column ${o.pin.column}, span ${o.pin.span}${o.pin.row !== undefined ? `, row ${o.pin.row}` : ''})`;
  if (o.columns) return `columns: ${o.columns}`;
  if (o.headSize) return `headSize: ${o.headSize}`;
  return null;
}

/** Overrides that break a page rule: the diagnostic names the override and the rule. */
export function overrideDiagnostics(
  t: LayoutTemplate,
  page: Page,
  mods: ModuleSpec[],
  modules: Module[],
  blocks: Block[],
  headSizeRejected: string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (it: Item, override: string, rule: string, hint: string): void => {
    out.push(
      diagnostic(
        'override-breaks-rule',
        `the ${override} of ${it.id} breaks the rule: ${rule}`,
        { page: page.number, item: it.id },
        hint,
      ),
    );
  };
  const byId = new Map(mods.map((m) => [m.item.id, m]));
  const lead = modules.find((m) => m.info?.rank === 'lead');
  const pins = mods.filter((m) => m.item.overrides?.pin?.row !== undefined);
  if (lead && lead.row > t.grid.lines / 3 && pins.length) {
    const p = pins.find((m) => m.item.id === lead.item) ?? pins[0]!;
    add(
      p.item,
      overrideOf(p.item) ?? 'pin',
      `the lead story (${lead.item}) must touch the top third of the page (Q9); it is at line ${lead.row}`,
      'move the pin lower or narrower, or pin the lead at the top',
    );
  }
  for (const m of modules) {
    if (m.kind !== 'ad' || !m.item) continue;
    const it = byId.get(m.item)?.item;
    const pin = it?.overrides?.pin;
    if (it && pin?.row !== undefined && m.row + m.rows < t.grid.lines)
      add(
        it,
        overrideOf(it)!,
        `ads are booked at the foot of the page (Q15); this one stands at line ${m.row}`,
        'remove the row of the pin to set the ad at the foot, or confirm the booking',
      );
  }
  for (const id of headSizeRejected) {
    const it = byId.get(id)?.item;
    if (it)
      add(
        it,
        `headSize: ${it.overrides?.headSize}`,
        'a main head sets in at most two lines (Q10); at this size it does not at any width',
        'choose a smaller head size, or remove headSize',
      );
  }
  for (const m of modules) {
    const it = m.item ? byId.get(m.item)?.item : undefined;
    if (!it || !m.info) continue;
    const ov = overrideOf(it);
    if (!ov) continue;
    const hs = it.overrides?.headSize;
    const rank = m.info.rank as keyof LayoutTemplate['heads'] | undefined;
    if (hs && rank && rank in t.heads) {
      const sizes = t.heads[rank].sizes;
      if (hs > Math.max(...sizes) + 0.01 || hs < Math.min(...sizes) - 0.01)
        add(
          it,
          `headSize: ${hs}`,
          `a ${rank} head is ${Math.min(...sizes)}–${Math.max(...sizes)} pt (hierarchy, Q9)`,
          `use a size in ${sizes.join(', ')} pt`,
        );
    }
    const legs = m.info.legs.filter((l) => l > 0);
    if (legs.length > 1 && Math.min(...legs) < t.body.minLeg)
      add(
        it,
        ov,
        `every column leg has at least ${t.body.minLeg} lines (Q13); one has ${Math.min(...legs)}`,
        'give the story fewer columns, or remove the override',
      );
  }
  // Heads side by side that involve a fixed item: the override is the cause.
  for (const [a, b] of buttingPairs(blocks, t.butting.minRatio)) {
    const fixedOne = [a.item, b.item]
      .map((id) => (id ? byId.get(id)?.item : undefined))
      .find((it) => it && overrideOf(it));
    if (fixedOne)
      add(
        fixedOne,
        overrideOf(fixedOne)!,
        `heads of neighbouring modules may not stand side by side at one height (Q7): ${a.item} and ${b.item}`,
        'move or resize the fixed module so its head is clear of its neighbour',
      );
  }
  return out;
}

/** Heads side by side that no override caused (the search should avoid them; say so when it could not). */
export function buttingDiagnostics(t: LayoutTemplate, blocks: Block[], mods: ModuleSpec[], page: number): Diagnostic[] {
  const fixed = new Set(
    mods
      .filter((m) => m.item.overrides?.pin || m.item.overrides?.columns || m.item.overrides?.headSize)
      .map((m) => m.item.id),
  );
  return buttingPairs(blocks, t.butting.minRatio)
    .filter(([a, b]) => !(a.item && fixed.has(a.item)) && !(b.item && fixed.has(b.item)))
    .map(([a, b]) =>
      diagnostic(
        'butting-heads',
        `the heads of ${a.item ?? 'the masthead'} and ${b.item ?? 'the masthead'} stand side by side at one height (碰题) on page ${page}`,
        { page, item: b.item ?? a.item ?? '' },
        'change the priority of one of them, or give one a fixed width (overrides.columns) so the heads part',
      ),
    );
}
