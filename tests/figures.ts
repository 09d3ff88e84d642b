/**
 * Quality figures that may only get better. A test measures a figure (spacing of justified lines, largest hole of a
 * page …) and compares it with the value recorded in tests/figures/<test file>.json: worse fails the test, equal
 * or better passes. The recorded values change only through `npm run test:update` (BANMIAN_UPDATE_FIGURES=1),
 * which rewrites the file with today's values, so that an improvement is committed on purpose and a regression
 * never slips in by editing a number inside a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export type Better = 'lower' | 'higher';

interface Recorded {
  value: number;
  better: Better;
}

export const UPDATE = process.env.BANMIAN_UPDATE_FIGURES === '1';

export class FigureBook {
  readonly file: string;
  private readonly recorded: Record<string, Recorded>;
  private readonly measured: Record<string, Recorded> = {};

  constructor(file: string) {
    this.file = file;
    this.recorded = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Recorded>) : {};
  }

  /**
   * Check `value` against the recorded figure `name` (within `slack`, for figures that move by rounding): fails
   * when it is worse, or when no figure is recorded yet. In update mode it records the value instead.
   */
  check(name: string, value: number, better: Better, slack = 1e-9): void {
    expect(Number.isFinite(value), `${name} is not a number: ${value}`).toBe(true);
    this.measured[name] = { value, better };
    if (UPDATE) return;
    const was = this.recorded[name];
    expect(was, `no recorded figure ${name} in ${this.file}: run npm run test:update and commit it`).toBeDefined();
    if (!was) return;
    expect(was.better, `${name} was recorded as ${was.better}-is-better`).toBe(better);
    const worse = better === 'lower' ? value > was.value + slack : value < was.value - slack;
    expect(worse, `${name} got worse: ${value} against ${was.value} recorded (${better} is better)`).toBe(false);
  }

  /** In update mode, write the figures measured by this file (sorted, so the diff shows what moved). */
  save(): void {
    if (!UPDATE) return;
    const names = Object.keys(this.measured).sort();
    const out: Record<string, Recorded> = {};
    for (const n of names) out[n] = this.measured[n]!;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${JSON.stringify(out, null, 2)}\n`);
  }
}

/** The figure book of a test file (`import.meta.url`), saved after the file's tests in update mode. */
export function figures(testFileUrl: string): FigureBook {
  const test = path.basename(fileURLToPath(testFileUrl)).replace(/\.test\.ts$/, '');
  const book = new FigureBook(path.join(path.dirname(fileURLToPath(import.meta.url)), 'figures', `${test}.json`));
  afterAll(() => book.save());
  return book;
}
