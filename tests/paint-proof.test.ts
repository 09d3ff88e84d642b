/**
 * Proof marks (paint/proof.ts): an overset story is marked at the foot of its module in the proof the previews
 * render, with the number of lines that did not fit; the print PDF never carries the mark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { type BuiltPage, EditionBuilder } from '../src/pipeline/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { proofPage } from '../src/paint/proof.js';
import { extractText } from '../src/preview/index.js';

const ROOT = path.resolve(__dirname, '..');

/** The sample edition with article-3 pinned into 8 lines of 2 columns: most of it cannot fit. */
function overset(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-proof-'));
  fs.cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
  const file = path.join(dir, 'edition.yaml');
  fs.appendFileSync(file, '    overrides:\n      article-3: { pin: { column: 1, span: 2, row: 60, lines: 8 } }\n');
  return file;
}

const textOf = async (pdf: Buffer): Promise<string> =>
  (await extractText(pdf)).flatMap((p) => p.lines.map((l) => l.text)).join('\n');

describe('proof marks', () => {
  let page: BuiltPage;
  beforeAll(async () => {
    const b = new EditionBuilder(overset(), { standard: 'x1a', previewDpi: 0 });
    page = (await b.build(new Sink())).pages[0]!;
  });

  it('the page is overset, and the proof carries 溢出 +N 行 with N the overset lines; the print PDF does not', async () => {
    const o = page.layout.overset.find((x) => x.item === 'article-3');
    expect(o?.lines).toBeGreaterThan(0);
    expect(page.proof).not.toBeNull();
    expect(await textOf(page.proof!)).toContain(`溢出 +${o!.lines} 行`);
    expect(await textOf(page.pdf)).not.toContain('溢出');
  });

  it('the mark sits at the foot of the module, at its right edge', async () => {
    const m = page.layout.modules.find((x) => x.item === 'article-3')!;
    const lines = (await extractText(page.proof!))[0]!.lines.filter((l) => l.text.startsWith('溢出'));
    expect(lines).toHaveLength(1);
    const chars = lines[0]!.chars;
    const d = page.layout.bleed;
    const foot = m.rect.y + m.rect.h + d;
    const right = m.rect.x + m.rect.w + d;
    expect(Math.min(...chars.map((c) => c.y0))).toBeLessThan(foot);
    expect(Math.max(...chars.map((c) => c.y1))).toBeGreaterThan(foot);
    expect(Math.max(...chars.map((c) => c.x1))).toBeLessThanOrEqual(right + 0.01);
    expect(Math.max(...chars.map((c) => c.x1))).toBeGreaterThan(right - 10);
  });

  it('the proof page is the print page with the marks after it; a page without overset has no proof', () => {
    const fonts = loadFontBook();
    const proof = proofPage(page.display, page.layout, fonts)!;
    expect(proof.ops.slice(0, page.display.ops.length)).toEqual(page.display.ops);
    const marks = proof.ops.slice(page.display.ops.length);
    expect(marks.map((o) => o.kind)).toEqual(expect.arrayContaining(['line', 'rect', 'glyphs']));
    expect(proofPage(page.display, { ...page.layout, overset: [] }, fonts)).toBeNull();
  });
});
