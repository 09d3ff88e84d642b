/**
 * Rules between modules: a thin 正线 centred in the gutter right of each module and in the separator line under
 * it (doc §1.6, §6.1), none along the type area's edges; the 文武线 (heavy + thin) under the masthead band.
 */
import type { Cmyk } from '../core/units.js';
import type { Grid } from './grid.js';
import type { LayoutTemplate } from './template.js';
import type { Block, Module } from './types.js';

export function moduleRules(t: LayoutTemplate, grid: Grid, modules: Module[], bandRow: number): Block[] {
  const rules: Block[] = [];
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
    for (const [dy, w] of [
      [0, t.rules.mastheadHeavy],
      [2.5, t.rules.mastheadThin],
    ] as const)
      rules.push({
        kind: 'rule',
        item: null,
        rect: { x: x1, y, w: t.geometry.width, h: 4 },
        x1,
        y1: y + dy,
        x2: right,
        y2: y + dy,
        stroke: ink,
        lineWidth: w,
      });
  }
  return rules;
}
