/**
 * Every character printed: a story with the Extension B name characters 𠮷 𪚥 𠀀 (in the headline, a credit and
 * the body) prints each of them from an embedded font that has them, read back from the PDF with MuPDF and
 * poppler; a character no font has is an error and prints as the 〓 marker, never as glyph 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { buildEdition } from '../src/pipeline/index.js';

const RARE = ['𠮷', '𪚥', '𠀀'];
const NONE = String.fromCodePoint(0x30000); // CJK Extension G: in no font we ship

let pdf: string;
let sink: Sink;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-rare-'));
  const body = '村民𠮷先生家中藏有一块刻着“𪚥”字的古碑，另有一户人家姓𠀀，三个字都是人名用字。'.repeat(3);
  fs.writeFileSync(
    path.join(dir, 'names.md'),
    `---\nkind: article\nid: names\nheadline: 𠮷姓村民与𪚥字碑\ncredits: [■记者 𠀀明]\n---\n\n${body}\n\n还有一个无字可印的字：${NONE}。\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'edition.yaml'),
    'paper: { name: 测试日报 }\ndate: 2024-07-03\npages:\n  - number: 1\n    layout: broadsheet\n    stories: [names.md]\n',
  );
  sink = new Sink();
  const report = await buildEdition(
    path.join(dir, 'edition.yaml'),
    { outDir: path.join(dir, 'out'), previewDpi: 0 },
    sink,
  );
  pdf = path.join(dir, 'out', report.pages[0]!.pdf);
});

const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} is not installed (see .ci/run): ${r.error.message}`);
  return r.stdout;
};

describe('rare characters', () => {
  test('𠮷 𪚥 𠀀 print from an embedded font that has them (headline, credit and body)', () => {
    const trace = run('mutool', ['trace', pdf]);
    const embedded = run('pdffonts', [pdf])
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/));
    for (const ch of RARE) {
      // every occurrence: the span's font and the glyph index MuPDF draws
      const spans = [...trace.matchAll(/<span font="([^"]+)"[^>]*>([\s\S]*?)<\/span>/g)];
      const uses = spans.flatMap(([, font, inner]) =>
        [...inner!.matchAll(/<g unicode="([^"]+)" glyph="(\d+)"/g)]
          .filter((g) => g[1] === ch)
          .map((g) => ({ font: font!, gid: Number(g[2]) })),
      );
      expect(uses.length, ch).toBeGreaterThanOrEqual(2);
      for (const u of uses) {
        expect(u.font, ch).toMatch(/^[A-Z]{6}\+HanaMin[AB]$/);
        expect(u.gid, `${ch} is not .notdef`).toBeGreaterThan(0);
        const row = embedded.find((r) => r[0] === u.font)!;
        expect(row.slice(-5, -2), `${u.font} embedded, subset, ToUnicode`).toEqual(['yes', 'yes', 'yes']);
      }
      // the font file named there has the character
      const face = loadFontBook()
        .face('body')
        .chain!.find((f) => u0(uses).includes(f.postscriptName))!;
      expect(face.hasChar(ch.codePointAt(0)!)).toBe(true);
    }
    const text = run('pdftotext', [pdf, '-']).replace(/\s/g, '');
    for (const ch of RARE) expect(text).toContain(ch);
  });

  test('a character no font has is an error before composing and prints as 〓, never glyph 0', () => {
    const errs = sink.errors.filter((d) => d.code === 'char-not-in-fonts');
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toContain('U+30000');
    expect(errs[0]!.at).toMatchObject({ item: 'names', paragraph: 2, page: 1 });
    const trace = run('mutool', ['trace', pdf]);
    const g = new RegExp(`<g unicode="${NONE}" glyph="(\\d+)"`).exec(trace);
    expect(g).not.toBeNull();
    expect(Number(g![1])).toBeGreaterThan(0);
    // no ToUnicode map has an entry for U+0000 (or for CID 0, .notdef): <0000> only as the code space's start
    const cmaps = run('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']).match(/begincmap[\s\S]*?endcmap/g) ?? [];
    expect(cmaps.length).toBeGreaterThan(3);
    for (const c of cmaps) expect(c.replace(/<0000>\s*<ffff>/i, '')).not.toContain('<0000>');
  });
});

const u0 = (uses: Array<{ font: string }>): string => uses.map((u) => u.font.slice(7)).join(' ');
