/**
 * Body columns: a module's body lines flowed into its columns, left to right, to a common foot (doc §6.2 Q4:
 * every column ends on the same line, only the last may be short). Every leg has at least `minLeg` lines (Q13,
 * a hard rule). A module taller than its text is filled by spacing within limits — whole blank lines at paragraph
 * breaks, never at a column top or foot, so the baseline grid holds (Q5) — before its last column is left short.
 * A story allowed to jump is cut at a column foot with a jump line; otherwise text that does not fit is overset.
 */
import type { ComposedLine } from '../../text/types.js';
import type { TextRole } from '../types.js';

/** One piece of a flow line: a composed line at an x shift inside the column (a list row has several). */
export interface FlowPart {
  line: ComposedLine;
  dx: number;
}

export interface FlowLine {
  parts: FlowPart[];
  /** The line's role when it is not running text (credit, crosshead, jump, entry …). */
  role?: TextRole;
  /** A paragraph ends here: a blank line may follow. */
  gap: boolean;
  chars: number;
  /** Source paragraph (index into the item's paragraphs; -1 for lines that are not paragraph text). */
  para: number;
  /** UTF-16 offset in the source paragraph where the line starts. */
  start: number;
  first: boolean;
  last: boolean;
}

export interface FlowCosts {
  minLeg: number;
  /** Blank lines at most per paragraph break, and as a share of the lines. */
  perGap: number;
  share: number;
  /** Lines per column shown before a jump. */
  jumpMinLeg: number;
  blank: number;
  short: number;
  overset: number;
  jump: number;
  hole: (area: number) => number;
}

export interface FlowPlan {
  bottom: number;
  blanks: number;
  /** Lines the last column is short of `bottom`. */
  short: number;
  /** Text lines shown. */
  shown: number;
  /** Cut for a jump: the last slot carries the jump line. */
  cut: boolean;
  /** Text lines not shown (continued or overset). */
  rest: number;
  cost: number;
}

/** What goes into one slot of a column. */
export type Slot = { kind: 'line'; index: number } | { kind: 'blank' } | { kind: 'jump' };

export class Flow {
  readonly gaps: number;
  readonly maxBlanks: number;
  constructor(
    readonly lines: FlowLine[],
    readonly c: FlowCosts,
  ) {
    let g = 0;
    for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.gap) g++;
    this.gaps = g;
    this.maxBlanks = Math.min(g * c.perGap, Math.floor(c.share * lines.length));
  }

  get length(): number {
    return this.lines.length;
  }

  /**
   * The plan for columns starting at `starts` (rows relative to the module top) and ending at `bottom`; null when
   * no plan keeps every leg at `minLeg` lines (or at the jump minimum when cut). `cut`: the story may jump.
   */
  plan(starts: number[], bottom: number, cut: boolean): FlowPlan | null {
    const L = this.lines.length;
    const n = starts.length;
    if (n === 0) return null;
    let R = 0;
    const one = n === 1;
    for (const s of starts) {
      const cap = bottom - s;
      // a single column shorter than a leg is only allowed when the whole text is that short
      if (cap < (one ? Math.min(this.c.minLeg, L) : this.c.minLeg)) return null;
      R += cap;
    }
    const capLast = bottom - starts[n - 1]!;
    if (R >= L) {
      const lastMin = one ? Math.min(this.c.minLeg, L) : this.c.minLeg;
      const extra = R - L;
      // One column: white under it is not spread by blank lines.
      if (one) {
        if (extra > capLast - lastMin) return null;
        const cost = Math.max(0, extra - 1) * this.c.short + this.c.hole(extra);
        return { bottom, blanks: 0, short: extra, shown: L, cut: false, rest: 0, cost };
      }
      // Prefer blank lines while the last column would be short by more than one; the blanks actually set (never at
      // a column top or foot) decide how short it is, and it keeps at least a leg.
      const sMax = capLast - lastMin;
      const need = Math.max(0, extra - sMax);
      if (need > this.maxBlanks) return null;
      let g = Math.min(this.maxBlanks, Math.max(need, extra - 1));
      let a = this.simulate(starts, bottom, g);
      if (extra - a > sMax && g < this.maxBlanks) {
        g = this.maxBlanks;
        a = this.simulate(starts, bottom, g);
      }
      const s = extra - a;
      if (s > sMax) return null;
      const cost = a * this.c.blank + Math.max(0, s - 1) * this.c.short + this.c.hole(s);
      return { bottom, blanks: g, short: s, shown: L, cut: false, rest: 0, cost };
    }
    if (cut) {
      for (const s of starts) if (bottom - s < this.c.jumpMinLeg) return null;
      const shown = R - 1;
      // the continuation is no stub: it carries at least a leg of its own
      if (L - shown < this.c.jumpMinLeg) return null;
      const rest = L - shown;
      return { bottom, blanks: 0, short: 0, shown, cut: true, rest, cost: this.c.jump + 0.2 * rest };
    }
    return { bottom, blanks: 0, short: 0, shown: R, cut: false, rest: L - R, cost: (L - R) * this.c.overset };
  }

  /** Blank lines actually set when `g` are asked for (see slots): counting only. */
  private simulate(starts: number[], bottom: number, g: number): number {
    if (g === 0) return 0;
    let c = 0;
    let row = 0;
    let inserted = 0;
    let gapSeen = 0;
    const caps = starts.map((s) => bottom - s);
    for (let i = 0; i < this.lines.length; i++) {
      while (c < caps.length && row >= caps[c]!) {
        c++;
        row = 0;
      }
      if (c >= caps.length) break;
      if (this.lines[i - 1]?.gap) {
        gapSeen++;
        const want = Math.ceil((gapSeen * g) / Math.max(1, this.gaps));
        if (inserted < want && inserted < g && row > 0 && row < caps[c]! - 1) {
          row++;
          inserted++;
        }
      }
      while (c < caps.length && row >= caps[c]!) {
        c++;
        row = 0;
      }
      if (c >= caps.length) break;
      row++;
    }
    return inserted;
  }

  /** The columns' slots for a plan: text lines, blank lines spread over paragraph breaks, the jump line. */
  slots(starts: number[], p: FlowPlan): Slot[][] {
    const cols: Slot[][] = starts.map(() => []);
    const caps = starts.map((s) => p.bottom - s);
    let c = 0;
    let inserted = 0;
    let gapSeen = 0;
    const total = p.cut ? p.shown : this.lines.length;
    const lastCap = (k: number): number => caps[k]! - (k === caps.length - 1 && p.cut ? 1 : 0);
    for (let i = 0; i < total; i++) {
      while (c < cols.length && cols[c]!.length >= lastCap(c)) c++;
      if (c >= cols.length) break;
      if (this.lines[i - 1]?.gap && p.blanks > 0) {
        gapSeen++;
        const want = Math.ceil((gapSeen * p.blanks) / Math.max(1, this.gaps));
        const row = cols[c]!.length;
        // never at a column top, never as a column's last line
        if (inserted < want && inserted < p.blanks && row > 0 && row < caps[c]! - 1) {
          cols[c]!.push({ kind: 'blank' });
          inserted++;
        }
      }
      while (c < cols.length && cols[c]!.length >= lastCap(c)) c++;
      if (c >= cols.length) break;
      cols[c]!.push({ kind: 'line', index: i });
    }
    if (p.cut) cols[cols.length - 1]!.push({ kind: 'jump' });
    return cols;
  }
}
