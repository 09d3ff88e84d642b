/**
 * The composition root on small hand-made editions: problems the composer records become located diagnostics,
 * and the build report carries the composition report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadEdition } from '../src/ingest/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { checkCoverage, compositionReport, layoutEdition, templateCache } from '../src/pipeline/index.js';

function edition(story: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-pipe-'));
  fs.writeFileSync(path.join(dir, 'story.md'), story);
  fs.writeFileSync(
    path.join(dir, 'edition.yaml'),
    'paper: { name: 测试日报 }\ndate: 2024-10-11\npages:\n  - number: 1\n    layout: broadsheet\n    stories: [story.md]\n',
  );
  return path.join(dir, 'edition.yaml');
}

const body =
  '本报讯 昨天上午，全市秋粮收购工作会议召开。会议要求各地做好秋粮收购准备，确保农民手中有粮卖得出、卖得好。'.repeat(6);

describe('pipeline', () => {
  it('checks every character before composing: one no font has is an error naming code point, item and paragraph', () => {
    const sink = new Sink();
    const ed = loadEdition(
      edition(
        `---\nkind: article\nid: grain\nheadline: 秋粮收购工作启动\n---\n\n${body}\n\n${body}记者王𪛖报道\u{30000}。\n`,
      ),
      sink,
    );
    const found = checkCoverage(ed, templateCache(), loadFontBook(), sink);
    // 𪛖 (Extension B) is in the fallback faces; U+30000 (Extension G) is in none
    expect(found).toHaveLength(1);
    expect(found[0]!.code).toBe('char-not-in-fonts');
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('U+30000');
    expect(found[0]!.message).toContain('paragraph 2 of grain');
    expect(found[0]!.at).toMatchObject({ page: 1, item: 'grain', paragraph: 2 });
    // composed: the rare character from the face that has it, the unknown one as the 〓 marker, never .notdef
    const [layout] = layoutEdition(ed, sink);
    const glyphs = layout!.blocks.flatMap((b) => (b.kind === 'text' ? b.lines.flatMap((l) => l.line.glyphs) : []));
    const rare = glyphs.find((g) => g.text === '𪛖')!;
    expect(rare.face.postscriptName).toMatch(/^HanaMin/);
    expect(rare.gid).not.toBe(0);
    const unknown = glyphs.find((g) => g.text === '\u{30000}')!;
    expect(unknown.gid).not.toBe(0);
    expect(unknown.gid).toBe(unknown.face.glyphFor(0x3013).gid);
    compositionReport(layout!, sink);
    expect(sink.items.filter((x) => x.code === 'missing-glyph')).toEqual([]);
  });

  it('gives the composition report of the body: lines, paragraphs, and no missing glyphs on clean text', () => {
    const sink = new Sink();
    const ed = loadEdition(
      edition(`---\nkind: article\nid: grain\nheadline: 秋粮收购工作启动\n---\n\n${body}\n\n${body}\n`),
      sink,
    );
    const [layout] = layoutEdition(ed, sink);
    const stats = compositionReport(layout!, sink);
    expect(stats.paragraphs).toBe(2);
    expect(stats.lines).toBeGreaterThan(20);
    expect(stats.pairsCompressed + stats.lineEndHalved).toBeGreaterThan(0);
    expect(sink.items.filter((x) => x.code === 'missing-glyph')).toEqual([]);
  });
});
