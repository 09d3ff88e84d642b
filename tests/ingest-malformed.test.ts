/**
 * importCopy on malformed input: empty and blank files, files in the wrong encoding, binary garbage, invisible
 * characters, and a 2 MB copy (must stay fast). It never throws; every problem is a located diagnostic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { checkNoLoss, importCopy } from '../src/ingest/index.js';
import type { ArticleItem, Item } from '../src/model/edition.js';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', 'seeds', '000_52660507d51a0aa1.txt'), 'utf8');

function imp(text: string): { items: Item[]; sink: Sink } {
  const sink = new Sink();
  let items: Item[] = [];
  expect(() => (items = importCopy(text, 'bad.txt', sink))).not.toThrow();
  for (const d of sink.items) {
    expect(d.at.file).toBe('bad.txt');
    expect(d.at.line).toBeGreaterThan(0);
    expect(d.hint).toMatch(/^(add|put|check|nothing|save|move|write)\b/);
  }
  return { items, sink };
}

const codes = (sink: Sink): string[] => sink.items.map((d) => `${d.severity}:${d.code}`);

/** Deterministic pseudo-random bytes. */
function garbage(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe('malformed copy', () => {
  it('an empty file: no items, one warning at line 1', () => {
    const { items, sink } = imp('');
    expect(items).toEqual([]);
    expect(codes(sink)).toEqual(['warning:import-empty']);
  });

  it('a file of blank lines, spaces, full-width spaces and a BOM: no items, one warning', () => {
    const { items, sink } = imp('\uFEFF\r\n\r\n   \n\u3000\u3000\n\t\n');
    expect(items).toEqual([]);
    expect(codes(sink)).toEqual(['warning:import-empty']);
  });

  it('a GBK file read as UTF-8: an input-encoding error at the first bad line, telling the editor to save as UTF-8', () => {
    const gbk = Buffer.from(
      'b1beb1a8d1b620cfd8b3c7d0c2d4f6c1bdb4a6bfdab4fcb9abd4b0a3accad0c3f1d0ddcfd0d3d0c1cbbac3c8a5b4a6a1a3',
      'hex',
    );
    const text = `县城新增两处口袋公园\n\n${gbk.toString('utf8')}\n`;
    const { items, sink } = imp(text);
    const e = sink.errors;
    expect(e).toHaveLength(1);
    expect(e[0]!.code).toBe('input-encoding');
    expect(e[0]!.at.line).toBe(3);
    expect(e[0]!.hint).toMatch(/^save the copy as UTF-8/);
    // nothing is dropped silently: the unreadable characters are kept as they were read
    const r = checkNoLoss(text, items, sink.items);
    expect([r.missing, r.extra]).toEqual([[], []]);
  });

  it('a UTF-16 file read as UTF-8: an input-encoding error', () => {
    const text = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('县城新增两处口袋公园\r\n\r\n本报讯 近日，两处口袋公园建成开放。\r\n', 'utf16le'),
    ]).toString('utf8');
    const { sink } = imp(text);
    expect(sink.errors.map((d) => [d.code, d.at.line])).toEqual([['input-encoding', 1]]);
  });

  it('binary garbage: no throw, an input-encoding error, and still nothing lost', () => {
    for (const seed of [1, 2, 3]) {
      const text = garbage(64 * 1024, seed).toString('utf8');
      const { items, sink } = imp(text);
      expect(sink.errors.map((d) => d.code)).toEqual(['input-encoding']);
      const r = checkNoLoss(text, items, sink.items);
      expect([r.missing, r.extra]).toEqual([[], []]);
    }
  });

  it('control and zero-width characters are removed with one warning; the structure is still recognised', () => {
    const text = '县城新增\u200B两处口袋公园\n\n■记者\u0007 张三\n\n本报\u200D讯 近日，两处口袋公园建成开放。\u0000\n';
    const { items, sink } = imp(text);
    expect(codes(sink)).toEqual(['warning:import-invisible-text']);
    expect(sink.items[0]!.at.line).toBe(1);
    const a = items[0] as ArticleItem;
    expect([a.headline, a.credits, a.dateline, a.paragraphs]).toEqual([
      '县城新增两处口袋公园',
      ['■记者 张三'],
      '本报讯',
      ['近日，两处口袋公园建成开放。'],
    ]);
    const r = checkNoLoss(text, items, sink.items);
    expect([r.missing, r.extra]).toEqual([[], []]);
  });

  // Speed is measured by bench/ingest.mjs (npm run bench), not by timed tests; these check that huge inputs
  // are imported whole.
  it('a 2 MB copy is imported whole', () => {
    const reps = Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(`${SAMPLE}\n\n`));
    const big = `${SAMPLE}\n\n`.repeat(reps);
    expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const items = importCopy(big, 'big.txt', new Sink());
    expect(items).toHaveLength(9 * reps);
  });

  it('a 2 MB copy of garbage, or of one line, is imported without a throw and loses nothing', () => {
    const one = SAMPLE.replace(/\s+/g, '').repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(SAMPLE)));
    for (const text of [garbage(2 * 1024 * 1024, 9).toString('utf8'), one]) {
      const items = importCopy(text, 'big.txt', new Sink());
      expect(checkNoLoss(text, items).missing).toEqual([]);
    }
  });
});
