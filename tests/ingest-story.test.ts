/** Story files: lossless round trip, and clear diagnostics for hand-written mistakes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy, readStoryFile, writeStoryFiles } from '../src/ingest/index.js';
import type { Item } from '../src/model/edition.js';
import { thrown } from './helpers.js';

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-story-'));
const noOrigin = (it: Item): Item => {
  const { origin: _o, ...rest } = it;
  return rest as Item;
};

describe('story files', () => {
  const items = importCopy(fs.readFileSync(SAMPLE, 'utf8'), 'sample.txt', new Sink());

  it('round-trip the sample losslessly: import → write → read gives the same items', () => {
    const dir = tmp();
    const files = writeStoryFiles(items, dir);
    expect(files.map((f) => path.basename(f))).toEqual(items.map((i) => `${i.id}.md`));
    const sink = new Sink();
    const back = files.map((f) => readStoryFile(f, sink));
    expect(sink.items).toEqual([]);
    expect(back.map(noOrigin)).toEqual(items.map(noOrigin));
    // the story file is the origin of what is read from it
    for (const [k, it] of back.entries()) expect(it.origin?.file).toBe(files[k]);
  });

  it('round-trip overrides, images, sections and multi-line heads', () => {
    const extra: Item[] = [
      {
        kind: 'article',
        id: 'a-x',
        section: '□栏目',
        kicker: '第一行\n第二行',
        headline: 'null',
        subhead: '123',
        credits: ['■记者 张三'],
        dateline: null,
        paragraphs: ['# 不是标题', '- 也不是列表', 'yes'],
        overrides: { priority: 1, pin: { column: 2, span: 3, row: 0 }, hold: false },
      },
      { kind: 'ad', id: 'ad-x', lines: ['一行', '地址：某处'], image: '/abs/ad.jpg' },
      {
        kind: 'photo',
        id: 'p-x',
        title: null,
        caption: '说明。',
        credits: [],
        image: 'photos/a.jpg',
        overrides: { columns: 2 },
      },
    ];
    const dir = tmp();
    const back = writeStoryFiles(extra, dir).map((f) => readStoryFile(f, new Sink()));
    expect(back.map(noOrigin)).toEqual(extra);
  });

  it('reads a minimal hand-written file with defaults (id from the file name)', () => {
    const f = path.join(tmp(), 'my-story.md');
    fs.writeFileSync(f, '---\nkind: article\nheadline: 手写的标题\n---\n\n第一段，\n换行接着写。\n\n第二段。\n');
    const it = readStoryFile(f, new Sink());
    expect(it).toMatchObject({
      kind: 'article',
      id: 'my-story',
      kicker: null,
      subhead: null,
      credits: [],
      dateline: null,
      paragraphs: ['第一段，换行接着写。', '第二段。'],
    });
    expect(it.origin).toEqual({ file: f, line: 3 });
  });

  it('reports a wrong field type with file and line', () => {
    const f = path.join(tmp(), 'bad.md');
    fs.writeFileSync(f, '---\nkind: article\nheadline: 标题\ncredits: 42\ndateline: 本报讯\n---\n\n正文。\n');
    const e = thrown(() => readStoryFile(f, new Sink()));
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]).toMatchObject({ severity: 'error', code: 'story-invalid', at: { file: f, line: 4 } });
    expect(e.diagnostics[0]!.message).toMatch(/credits/);
    expect(e.diagnostics[0]!.hint).toMatch(/^correct credits/);
  });

  it('reports a misspelt field and an unknown kind with their lines', () => {
    const f = path.join(tmp(), 'typo.md');
    fs.writeFileSync(f, '---\nkind: article\nheadline: 标题\nsubhaed: 副题\n---\n\n正文。\n');
    const e = thrown(() => readStoryFile(f, new Sink()));
    expect(e.diagnostics.map((d) => [d.at.line, d.message, d.hint])).toEqual([
      [4, '(top level): unknown field "subhaed" (did you mean "subhead"?)', 'rename "subhaed" to "subhead"'],
    ]);
    const g = path.join(tmp(), 'kind.md');
    fs.writeFileSync(g, '---\nid: x\nkind: story\n---\n');
    expect(thrown(() => readStoryFile(g, new Sink())).diagnostics[0]).toMatchObject({
      code: 'story-invalid',
      at: { file: g, line: 3 },
    });
  });

  it('reports YAML syntax errors, a missing front matter and a missing file without a raw Error', () => {
    const d = tmp();
    const f = path.join(d, 'syntax.md');
    fs.writeFileSync(f, '---\nkind: article\nheadline: [未闭合\n---\n正文。\n');
    const e = thrown(() => readStoryFile(f, new Sink()));
    expect(e.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', at: { file: f } });
    expect(e.diagnostics[0]!.at.line).toBeGreaterThanOrEqual(3);
    const g = path.join(d, 'plain.md');
    fs.writeFileSync(g, '只有正文。\n');
    expect(thrown(() => readStoryFile(g, new Sink())).diagnostics[0]).toMatchObject({
      code: 'story-front-matter',
      at: { file: g, line: 1 },
    });
    expect(thrown(() => readStoryFile(path.join(d, 'none.md'), new Sink())).diagnostics[0]!.code).toBe(
      'story-unreadable',
    );
  });

  it('warns about an empty story body, at the file', () => {
    const f = path.join(tmp(), 'empty.md');
    fs.writeFileSync(f, '---\nkind: article\nheadline: 只有标题\n---\n');
    const sink = new Sink();
    readStoryFile(f, sink);
    expect(sink.items.map((d) => [d.code, d.at.file, d.at.item])).toEqual([['story-empty', f, 'empty']]);
  });
});
