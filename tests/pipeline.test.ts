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
import { compositionReport, layoutEdition } from '../src/pipeline/index.js';

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
  it('reports a character the font cannot draw as a missing-glyph warning with the item', () => {
    const sink = new Sink();
    const ed = loadEdition(
      edition(`---\nkind: article\nid: grain\nheadline: 秋粮收购工作启动\n---\n\n${body}记者王𪛖报道。\n`),
      sink,
    );
    const [layout] = layoutEdition(ed, sink);
    compositionReport(layout!, sink);
    const d = sink.items.filter((x) => x.code === 'missing-glyph');
    expect(d).toHaveLength(1);
    expect(d[0]!.at.item).toBe('grain');
    expect(d[0]!.message).toContain('U+2A6D6');
    expect(d[0]!.hint).toMatch(/replace|font/);
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
