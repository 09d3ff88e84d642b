/**
 * The bad input that reaches a page desk at night, through `banmian import` as an editor runs it: for each, the
 * exit status, the located message, no stack trace, nothing on stdout when the file is refused, and the same
 * items from a GB18030 or UTF-16 file as from the UTF-8 one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGb18030, encodeUtf16 } from './helpers.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'banmian.js');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt'), 'utf8');
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-bad-'));

/** Run `banmian import FILE --json` on the given bytes. */
function importBytes(name: string, bytes: Buffer | string) {
  const file = path.join(DIR, name);
  fs.writeFileSync(file, bytes);
  const r = spawnSync(process.execPath, [BIN, 'import', file, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.stderr, `${name}: no stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(r.stderr).not.toMatch(/internal error/);
  return r;
}

const items = (stdout: string): unknown => (JSON.parse(stdout) as { items: unknown[] }).items;
const utf8 = importBytes('utf8.txt', SAMPLE);

/** Deterministic pseudo-random bytes. */
function garbage(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe('banmian import on bad input', () => {
  it('the sample copy: exit 0, the reference structure', () => {
    expect(utf8.status).toBe(0);
    expect(items(utf8.stdout)).toHaveLength(9);
  });

  it('empty: exit 0, no items, a warning at line 1', () => {
    const r = importBytes('empty.txt', '');
    expect([r.status, items(r.stdout)]).toEqual([0, []]);
    expect(r.stderr).toMatch(/^warning: empty\.txt:1 import-empty: the copy contains no text/m);
  });

  it('binary: exit 1, refused with the byte offset, nothing on stdout', () => {
    const r = importBytes('binary.txt', garbage(4096));
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(
      /^error: binary\.txt:\d+ input-binary: the copy contains binary data \(.*byte offset \d+, line \d+\)/m,
    );
  });

  it('UTF-16 LE and BE with a byte-order mark: exit 0, the same items as UTF-8', () => {
    for (const endian of ['le', 'be'] as const) {
      const r = importBytes(`utf16${endian}.txt`, encodeUtf16(SAMPLE, endian));
      expect(r.status).toBe(0);
      expect(items(r.stdout)).toEqual(items(utf8.stdout));
      expect(r.stderr).toBe('');
    }
  });

  it('GB18030: exit 0, the same items as UTF-8, an info naming the encoding', () => {
    const r = importBytes('gb.txt', encodeGb18030(SAMPLE));
    expect(r.status).toBe(0);
    expect(items(r.stdout)).toEqual(items(utf8.stdout));
    expect(r.stderr).toMatch(/^info: gb\.txt:1 input-encoding-assumed: .*GB18030/m);
  });

  it('5 MB: exit 1, refused with its size, the limit and a hint, nothing on stdout', () => {
    const r = importBytes('dump.txt', `${SAMPLE}\n\n`.repeat(Math.ceil((5 << 20) / Buffer.byteLength(SAMPLE))));
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(
      /^error: dump\.txt input-too-large: the copy file is 5\.\d MiB .*the limit for one page's copy is 1\.0 MiB .* — split the file/m,
    );
  });

  it('headlines only: exit 0, one item per headline, a warning each', () => {
    const heads = Array.from({ length: 9 }, (_, k) => `第${k + 1}条新闻的标题在这里`);
    const r = importBytes('heads.txt', heads.join('\n\n'));
    expect(r.status).toBe(0);
    expect((items(r.stdout) as Array<{ headline: string }>).map((i) => i.headline)).toEqual(heads);
    expect(r.stderr.match(/import-empty-story/g)).toHaveLength(9);
  });

  it('mixed CRLF, LF and CR: exit 0, the same items as LF', () => {
    const mixed = SAMPLE.split('\n')
      .map((l, k) => l + ['\r\n', '\r', '\n'][k % 3])
      .join('');
    const r = importBytes('mixed.txt', mixed);
    expect(r.status).toBe(0);
    expect(items(r.stdout)).toEqual(items(utf8.stdout));
  });

  it('control characters and escape sequences: exit 0, removed with a located info each, the same items', () => {
    const dirty = SAMPLE.replace('第134期创新学堂举行', '\u001B[1;31m第134期\u0007创新\u200B学堂举行\u001B[0m').replace(
      '■记者 林旭东',
      '■记者 林\u0008旭东',
    );
    const r = importBytes('dirty.txt', dirty);
    expect(r.status).toBe(0);
    expect(items(r.stdout)).toEqual(items(utf8.stdout));
    expect(r.stderr).toMatch(
      /^info: dirty\.txt:3 import-escape-removed: 2 terminal escape sequences were removed on 1 line, first at line 3/m,
    );
    expect(r.stderr).toMatch(
      /^info: dirty\.txt:3 import-control-removed: 2 control characters were removed on 2 lines/m,
    );
    expect(r.stderr).toMatch(/^info: dirty\.txt:3 import-invisible-text:/m);
    expect(r.stdout).not.toMatch(/\[1;31m|\[0m/);
  });

  it('50,000 characters without punctuation: exit 0, kept whole, a warning with the line', () => {
    const long = '县城'.repeat(25_000);
    const r = importBytes('long.txt', `县城新增两处口袋公园\n\n■记者 张三\n\n${long}\n`);
    expect(r.status).toBe(0);
    expect((items(r.stdout) as Array<{ paragraphs: string[] }>)[0]!.paragraphs).toEqual([long]);
    expect(r.stderr).toMatch(
      /^warning: long\.txt:5 \[article-1\] import-long-paragraph: the paragraph at line 5 has 50000 characters/m,
    );
  });

  it('an unterminated quote: exit 0, the text kept, a warning with its line', () => {
    const r = importBytes(
      'quote.txt',
      '县城新增两处口袋公园\n\n■记者 张三\n\n本报讯 市民说：“公园真好，我们天天来。\n',
    );
    expect(r.status).toBe(0);
    expect((items(r.stdout) as Array<{ paragraphs: string[] }>)[0]!.paragraphs).toEqual([
      '市民说：“公园真好，我们天天来。',
    ]);
    expect(r.stderr).toMatch(
      /^warning: quote\.txt:5 \[article-1\] import-unbalanced: “ opened at line 5 is never closed/m,
    );
  });

  it('UTF-8 cut mid-character: exit 1, refused with the byte offset and line, nothing on stdout', () => {
    const full = Buffer.from(SAMPLE.trimEnd());
    const r = importBytes('cut.txt', full.subarray(0, full.length - 2));
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: cut\\.txt:125 input-truncated: the file ends in the middle of a UTF-8 character \\(byte offset ${full.length - 3}, line 125\\)`,
        'm',
      ),
    );
  });
});
