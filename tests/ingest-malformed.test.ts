/**
 * The importer on malformed input, at the library level: encodings, binary data, invisible characters,
 * unbalanced marks, huge inputs. Decoding either succeeds (with an info naming an assumed encoding) or refuses
 * the file with one located error; importing decoded text never throws and loses nothing.
 * (tests/cli-bad-input.test.ts runs the same inputs through the command line.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { checkNoLoss } from './no-loss.js';
import { COPY_LIMIT_BYTES, importCopy, importCopyBytes, itemsToReferenceJson } from '../src/ingest/index.js';
import type { ArticleItem, Item } from '../src/model/edition.js';
import { encodeGb18030, encodeUtf16, thrown } from './helpers.js';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', 'seeds', '000_52660507d51a0aa1.txt'), 'utf8');
const STORY = '县城新增两处口袋公园\n\n■记者 张三\n\n本报讯 近日，两处口袋公园建成开放，市民休闲又多了好去处。\n';

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

const bytes = (b: Uint8Array): { items: Item[]; sink: Sink } => {
  const sink = new Sink();
  return { items: importCopyBytes(b, 'bad.txt', sink), sink };
};

const codes = (sink: Sink): string[] => sink.items.map((d) => `${d.severity}:${d.code}`);
const json = (items: Item[]): unknown => itemsToReferenceJson(items);

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

describe('encodings', () => {
  const utf8 = bytes(Buffer.from(SAMPLE));

  it('GB18030 (GBK) copy imports equal to the UTF-8 copy, with an info naming the encoding assumed', () => {
    const gb = bytes(encodeGb18030(SAMPLE));
    expect(json(gb.items)).toEqual(json(utf8.items));
    expect(codes(gb.sink)).toEqual(['info:input-encoding-assumed']);
    expect(gb.sink.items[0]!.message).toMatch(/GB18030/);
  });

  it('UTF-16 LE and BE with a byte-order mark import equal to the UTF-8 copy, silently', () => {
    for (const endian of ['le', 'be'] as const) {
      const u = bytes(encodeUtf16(SAMPLE, endian));
      expect(json(u.items)).toEqual(json(utf8.items));
      expect(u.sink.items).toEqual([]);
    }
  });

  it('UTF-8 with a byte-order mark, and UTF-16 without one (read from its NUL pattern, with an info)', () => {
    expect(json(bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])).items)).toEqual(
      json(utf8.items),
    );
    const nobom = bytes(Buffer.from(SAMPLE, 'utf16le'));
    expect(json(nobom.items)).toEqual(json(utf8.items));
    expect(codes(nobom.sink)).toEqual(['info:input-encoding-assumed']);
  });

  it('UTF-8 cut in the middle of a character is refused with the byte offset and line', () => {
    const full = Buffer.from(STORY.trimEnd());
    const cut = full.subarray(0, full.length - 1);
    const e = thrown(() => bytes(cut)).diagnostics;
    expect(e.map((d) => [d.code, d.at.line, d.at.offset])).toEqual([['input-truncated', 5, full.length - 3]]);
    expect(e[0]!.message).toMatch(/byte offset \d+, line 5/);
  });

  it('damaged UTF-8 in the middle is refused with the offset of the first bad byte', () => {
    const good = Buffer.from(STORY);
    const at = good.indexOf(Buffer.from('两处口袋公园建成'));
    const bad = Buffer.from(good);
    bad[at + 1] = 0x41; // the second byte of a three-byte character
    const e = thrown(() => bytes(bad)).diagnostics;
    expect(e.map((d) => [d.code, d.at.line, d.at.offset])).toEqual([['input-encoding', 5, at]]);
  });

  it('a literal U+FFFD in valid UTF-8 is text: kept, with a warning at its line', () => {
    const { items, sink } = imp('县城新增两处口袋公园\n\n本报讯 近日，公园里的\uFFFD字看不清了，但这是文字。\n');
    expect(codes(sink)).toEqual(['warning:input-replacement-char']);
    expect(sink.items[0]!.at.line).toBe(3);
    expect((items[0] as ArticleItem).paragraphs[0]).toContain('\uFFFD');
  });

  it('binary data is refused with the file, the byte offset and the line', () => {
    for (const seed of [1, 2, 3]) {
      const e = thrown(() => bytes(garbage(64 * 1024, seed))).diagnostics;
      expect(e).toHaveLength(1);
      expect(['input-binary', 'input-encoding']).toContain(e[0]!.code);
      expect(e[0]!.at.file).toBe('bad.txt');
      expect(e[0]!.at.offset).toBeGreaterThanOrEqual(0);
      expect(e[0]!.at.line).toBeGreaterThan(0);
    }
    const pdf = thrown(() => bytes(Buffer.from('%PDF-1.4\n%âãÏÓ\n'))).diagnostics[0]!;
    expect([pdf.code, pdf.message]).toEqual([
      'input-binary',
      'the copy is a PDF file (its signature at byte offset 0), not text',
    ]);
    const withNul = Buffer.concat([Buffer.from(`${STORY}第二行`), Buffer.from([0, 1, 2, 3]), Buffer.from('尾')]);
    const nul = thrown(() => bytes(withNul)).diagnostics[0]!;
    expect([nul.code, nul.at.offset, nul.at.line]).toEqual(['input-binary', Buffer.byteLength(`${STORY}第二行`), 6]);
  });

  it('a copy over the limit is refused with its size, the limit and a hint', () => {
    const big = Buffer.alloc(COPY_LIMIT_BYTES + 1, 0x41);
    const e = thrown(() => bytes(big)).diagnostics[0]!;
    expect(e.code).toBe('input-too-large');
    expect(e.message).toMatch(/1\.0 MiB \(1048577 bytes\).*the limit for one page's copy is 1\.0 MiB/);
    expect(e.hint).toMatch(/^split the file/);
  });
});

describe('malformed text', () => {
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

  it('control and zero-width characters are removed with a located info each; a name is never split', () => {
    const text =
      '县城新增\u200B两处口袋公园\n\n■记者\u0007 张\u200D三\n\n本报\u200D讯 近日，两处口袋\u202E公园建成开放。\u0000\n';
    const { items, sink } = imp(text);
    expect(sink.items.map((d) => [d.severity, d.code, d.at.line])).toEqual([
      ['info', 'import-control-removed', 3],
      ['info', 'import-invisible-text', 1],
    ]);
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

  it('ANSI escape sequences are removed whole; VT, FF, NEL, LS and PS break lines', () => {
    const ansi = imp(
      '\u001B[1;31m县城新增两处口袋公园\u001B[0m\n\n■记者 张三\n\n本报讯 近日，\u001B]0;title\u0007两处口袋公园建成开放，市民休闲又多了好去处。\n',
    );
    expect(codes(ansi.sink)).toEqual(['info:import-escape-removed']);
    expect(JSON.stringify(ansi.items)).not.toMatch(/\[1;31m|\[0m|title/);
    expect(json(ansi.items)).toEqual(json(imp(STORY).items));
    const breaks = imp(STORY.replace('园\n\n■', '园\v\f■').replace('三\n\n本', '三\u2028\u2029本'));
    expect(json(breaks.items)).toEqual(json(imp(STORY).items));
    expect(json(imp(STORY.replace(/\n/g, '\u0085')).items)).toEqual(json(imp(STORY).items));
  });

  it('mixed CRLF, LF and CR import like LF', () => {
    const lines = SAMPLE.split('\n');
    const mixed = lines.map((l, k) => l + (k % 3 === 0 ? '\r\n' : k % 3 === 1 ? '\r' : '\n')).join('');
    expect(json(imp(mixed).items)).toEqual(json(imp(SAMPLE).items));
  });

  it('an unterminated quote or bracket is warned at its line; the text is kept', () => {
    const { items, sink } = imp(
      '县城新增两处口袋公园\n\n■记者 张三\n\n本报讯 近日，市民说：“公园真好。\n\n第二段（没有收尾的括号。\n',
    );
    expect(sink.items.map((d) => [d.code, d.at.line])).toEqual([
      ['import-unbalanced', 7],
      ['import-unbalanced', 5],
    ]);
    expect((items[0] as ArticleItem).paragraphs).toEqual(['近日，市民说：“公园真好。', '第二段（没有收尾的括号。']);
    // a quotation of several paragraphs opens each with “ and closes only the last: balanced
    const multi = imp('标题一行\n\n■记者 张三\n\n本报讯 他说：“第一段话。\n\n“第二段话。\n\n“第三段话。”\n');
    expect(multi.sink.items).toEqual([]);
  });

  it('a 50,000-character paragraph without punctuation imports whole, with a warning at its line', () => {
    const long = '县城'.repeat(25_000);
    const { items, sink } = imp(`县城新增两处口袋公园\n\n■记者 张三\n\n${long}\n`);
    expect(sink.items.map((d) => [d.code, d.at.line])).toEqual([['import-long-paragraph', 5]]);
    expect((items[0] as ArticleItem).paragraphs).toEqual([long]);
  });

  it('nine headlines and nothing else: nine items, each with its own headline and a warning', () => {
    const heads = Array.from({ length: 9 }, (_, k) => `第${k + 1}条新闻的标题在这里`);
    for (const sep of ['\n\n', '\n']) {
      const { items, sink } = imp(heads.join(sep));
      expect(items.map((i) => (i as ArticleItem).headline)).toEqual(heads);
      expect(sink.items.map((d) => d.code)).toEqual(Array(9).fill('import-empty-story'));
    }
  });

  // Speed is measured by bench/ingest.mjs (npm run bench), not by timed tests; these check that huge inputs
  // are imported whole by the text API (the file limit is the decoder's).
  it('a 2 MB copy is imported whole', () => {
    const reps = Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(`${SAMPLE}\n\n`));
    const big = `${SAMPLE}\n\n`.repeat(reps);
    expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const items = importCopy(big, 'big.txt', new Sink());
    expect(items).toHaveLength(9 * reps);
  });

  it('2 MB of one line, or of garbage decoded as UTF-8, is imported without a throw and loses nothing', () => {
    const one = SAMPLE.replace(/\s+/g, '').repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(SAMPLE)));
    for (const text of [garbage(2 * 1024 * 1024, 9).toString('utf8'), one]) {
      const items = importCopy(text, 'big.txt', new Sink());
      expect(checkNoLoss(text, items).missing).toEqual([]);
    }
  });
});
