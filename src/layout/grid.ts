/** The page grid of a template: whole columns across, whole lines down (doc §1.2: widths in 字, heights in 行). */
import type { Rect } from '../core/units.js';
import type { LayoutTemplate } from './template.js';

export class Grid {
  readonly pitch: number;
  readonly columns: number;
  readonly lines: number;
  constructor(readonly t: LayoutTemplate) {
    this.pitch = t.grid.pitch;
    this.columns = t.grid.columns;
    this.lines = t.grid.lines;
  }
  colX(c: number): number {
    return this.t.geometry.x0 + c * (this.t.geometry.columnW + this.t.geometry.gutter);
  }
  spanW(span: number): number {
    return span * this.t.geometry.columnW + (span - 1) * this.t.geometry.gutter;
  }
  rowY(r: number): number {
    return this.t.geometry.y0 + r * this.pitch;
  }
  /** Baseline of a body line in grid row r (the body em box centred in the line). */
  baseline(r: number): number {
    return this.rowY(r) + this.baselineOffset(this.t.body.size, this.pitch);
  }
  /** Baseline offset of type of `size` centred in a band of height `h` (ideographic em box, typography.emAscent). */
  baselineOffset(size: number, h: number): number {
    return (h - size) / 2 + this.t.typography.emAscent * size;
  }
  rect(col: number, span: number, row: number, rows: number): Rect {
    return { x: this.colX(col), y: this.rowY(row), w: this.spanW(span), h: rows * this.pitch };
  }
  /** Columns needed for a width in pt. */
  colsFor(w: number): number {
    for (let k = 1; k <= this.columns; k++) if (this.spanW(k) >= w - 0.01) return k;
    return this.columns;
  }
}
