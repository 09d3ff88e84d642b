/**
 * Build progress on the terminal. On a terminal: one bar per page, redrawn in place as its steps go by. Not
 * on a terminal (a log, a pipe): one plain line per page when it is built, with the time of each step.
 * Writes go through `write`; only cli.ts hands it a stream.
 */
import { performance } from 'node:perf_hooks';
import { BUILD_STEPS, type BuildProgress, type BuildStep } from '../pipeline/index.js';

/** Share of a page's build time each step takes (the sample page, roughly): how far a bar moves. */
const WEIGHT: Record<BuildStep, number> = { layout: 0.35, paint: 0.05, pdf: 0.4, preflight: 0.1, png: 0.1 };
const BAR = 24;

interface PageLine {
  page: number;
  step: BuildStep | 'done';
  /** Start of each step seen, ms. */
  starts: Array<[BuildStep | 'done', number]>;
}

export class Progress {
  private readonly pages = new Map<number, PageLine>();
  private drawn = 0;

  constructor(
    private readonly write: (s: string) => void,
    private readonly tty: boolean,
    /** Steps the build will take (no `png` when previews are off). */
    private readonly steps: readonly BuildStep[] = BUILD_STEPS,
  ) {}

  update(p: BuildProgress): void {
    const line = this.pages.get(p.page) ?? { page: p.page, step: p.step, starts: [] };
    this.pages.set(p.page, line);
    line.step = p.step;
    line.starts.push([p.step, performance.now()]);
    if (this.tty) this.redraw();
    else if (p.step === 'done') this.write(`${this.plain(line)}\n`);
  }

  /** The build is over: bars full, or the preview times on one line. */
  finish(): void {
    for (const l of this.pages.values()) {
      l.starts.push(['done', performance.now()]);
      l.step = 'done';
    }
    if (this.tty) {
      this.redraw(true);
      return;
    }
    const png = [...this.pages.values()].map((l) => this.span(l, 'png')).filter((s): s is number => s !== null);
    if (png.length)
      this.write(
        `previews: ${png.length} page${png.length > 1 ? 's' : ''} in ${seconds(png.reduce((a, b) => a + b, 0))}\n`,
      );
  }

  private fraction(l: PageLine, final: boolean): number {
    if (final) return 1;
    let f = 0;
    const total = this.steps.reduce((s, k) => s + WEIGHT[k], 0);
    for (const k of this.steps) {
      if (k === l.step) break;
      if (l.step === 'done' && k === 'png') break;
      f += WEIGHT[k];
    }
    return f / total;
  }

  private redraw(final = false): void {
    const lines = [...this.pages.values()].sort((a, b) => a.page - b.page);
    let out = this.drawn ? `\x1b[${this.drawn}A` : '';
    for (const l of lines) {
      const n = Math.round(this.fraction(l, final) * BAR);
      const step = final ? 'done' : l.step === 'done' ? 'built' : l.step;
      out += `\x1b[2Kpage ${String(l.page).padStart(2)} [${'█'.repeat(n)}${'░'.repeat(BAR - n)}] ${step.padEnd(9)} ${seconds(this.busy(l))}\n`;
    }
    this.drawn = lines.length;
    this.write(out);
  }

  /** Time the page's steps took so far, ms: not the wait between its build and its preview (other pages'). */
  private busy(l: PageLine): number {
    let t = 0;
    l.starts.forEach(([step, at], i) => {
      if (step !== 'done') t += (l.starts[i + 1]?.[1] ?? performance.now()) - at;
    });
    return t;
  }

  /** Time of one step of a page, ms (from its start to the next step's); null if it did not run. */
  private span(l: PageLine, step: BuildStep): number | null {
    const i = l.starts.findIndex(([s]) => s === step);
    if (i < 0) return null;
    const next = l.starts[i + 1];
    return next ? next[1] - l.starts[i]![1] : null;
  }

  private plain(l: PageLine): string {
    const parts = BUILD_STEPS.flatMap((s) => {
      const t = this.span(l, s);
      return t === null ? [] : [`${s} ${seconds(t)}`];
    });
    return `page ${l.page}: built in ${seconds(this.busy(l))} (${parts.join(', ')})`;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
