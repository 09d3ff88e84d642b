/** The figure book itself: a worse figure fails, an equal or better one passes, a missing one fails. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FigureBook, UPDATE } from './figures.js';

function book(recorded: object): FigureBook {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-'));
  const file = path.join(dir, 'x.json');
  fs.writeFileSync(file, JSON.stringify(recorded));
  return new FigureBook(file);
}

describe.skipIf(UPDATE)('figure book', () => {
  const b = book({ hole: { value: 1.2, better: 'lower' }, found: { value: 0.99, better: 'higher' } });
  it('passes a figure equal to or better than the recorded one', () => {
    b.check('hole', 1.2, 'lower');
    b.check('hole', 0.9, 'lower');
    b.check('found', 1, 'higher');
  });
  it('fails a worse figure', () => {
    expect(() => b.check('hole', 1.21, 'lower')).toThrow(/got worse/);
    expect(() => b.check('found', 0.98, 'higher')).toThrow(/got worse/);
  });
  it('fails a figure that was never recorded, and a changed direction', () => {
    expect(() => b.check('new', 1, 'lower')).toThrow(/no recorded figure/);
    expect(() => b.check('hole', 1, 'higher')).toThrow(/lower-is-better/);
  });
});
