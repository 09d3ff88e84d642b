/**
 * Build the placed modules: each module's blocks at its place, in reading order (top to bottom, then left to
 * right), with its info for the report; overset text and the jumps of stories cut for a later page.
 */
import type { Diagnostic } from '../diag/index.js';
import { itemTexts } from '../model/edition.js';
import { oversetDiagnostic } from './diagnose.js';
import type { Grid } from './grid.js';
import type { ModuleSpec, Place } from './modules/index.js';
import { StoryModule } from './modules/index.js';
import type { Block, Jump, Module, Overset } from './types.js';

export interface Built {
  modules: Module[];
  blocks: Block[];
  oversets: Overset[];
  jumps: Jump[];
  diags: Diagnostic[];
}

export function buildModules(
  grid: Grid,
  mods: ModuleSpec[],
  placements: Array<{ index: number; place: Place }>,
  page: number,
): Built {
  const out: Built = { modules: [], blocks: [], oversets: [], jumps: [], diags: [] };
  const sorted = [...placements].sort((a, b) => a.place.row - b.place.row || a.place.col - b.place.col);
  for (const { index, place } of sorted) {
    const m = mods[index]!;
    const built = m.build(place);
    out.modules.push({
      item: m.item.id,
      kind: m.item.kind,
      column: place.col,
      span: place.span,
      row: place.row,
      rows: place.rows,
      rect: grid.rect(place.col, place.span, place.row, place.rows),
      info: built.info,
    });
    out.blocks.push(...built.blocks);
    if (built.overset) {
      out.oversets.push({ item: m.item.id, ...built.overset });
      out.diags.push(oversetDiagnostic(m.item.id, built.overset.lines, built.overset.chars, place.span, page));
    }
    if (built.cut && m instanceof StoryModule && m.jumpTo !== null)
      out.jumps.push({ item: m.item.id, from: page, to: m.jumpTo, ...built.cut });
  }
  return out;
}

/** Characters of an item (for held-over reports). */
export function itemChars(m: ModuleSpec): number {
  return Array.from(itemTexts(m.item).join('').replace(/\s/g, '')).length;
}
