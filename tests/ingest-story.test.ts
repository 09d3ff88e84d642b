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

  it('round-trip notices, lists, tables and briefs, with their text in the body an editor can read', () => {
    const extra: Item[] = [
      {
        kind: 'notice',
        id: 'n',
        title: '中华人民共和国主席令',
        number: '第二十一号',
        paragraphs: ['《某某法》已于2024年10月11日通过，现予公布。', '一、自2025年1月1日起施行'],
        marks: [{ paragraph: 1, role: 'crosshead' }],
        signature: ['中华人民共和国主席  林正平'],
        date: '2024年10月11日',
      },
      {
        kind: 'list',
        id: 'l',
        title: '“最美乡村教师”名单',
        intro: ['经评选，下列同志获此称号：', '- 这一段以短横开头，不是名单'],
        entries: ['王　芳', '李建国', '张三（县第一中学）'],
        outro: ['县教育局', '2024年10月11日'],
      },
      {
        kind: 'table',
        id: 't',
        title: '今日菜价',
        header: ['品名', '单价|元', '涨跌'],
        rows: [
          ['大白菜', '1.20', ''],
          ['土豆', '2.00', '-0.1'],
        ],
        notes: ['（单位：元/斤）', '| 竖线开头的注'],
      },
      {
        kind: 'table',
        id: 't2',
        title: null,
        header: null,
        rows: [
          ['甲', '1'],
          ['乙', '2'],
        ],
        notes: [],
      },
      {
        kind: 'briefs',
        id: 'b',
        title: '简讯',
        entries: [
          {
            headline: '县图书馆开展国庆阅读活动',
            text: '10月1日至7日，县图书馆举办阅读活动。',
            credits: ['（通讯员 沈佳）'],
          },
          { headline: null, text: '■县第二中学获评省级文明校园。', credits: [] },
          { headline: null, text: '## 以井号开头的正文', credits: ['（记者 甲）', '（通讯员 乙）'] },
        ],
      },
      {
        kind: 'commentary',
        id: 'c',
        kicker: null,
        headline: '让创新活力竞相迸发',
        subhead: null,
        credits: ['李 斌'],
        column: { name: '人民论坛', romanized: null, editor: null, tag: '（人民论坛）' },
        dateline: null,
        paragraphs: ['正文。', '（作者为某大学教授）'],
        marks: [{ paragraph: 1, role: 'closing' }],
      },
      {
        kind: 'article',
        id: 'a',
        kicker: null,
        headline: '一线的奋斗者',
        subhead: null,
        credits: ['本报记者  王  芳'],
        dateline: null,
        paragraphs: ['核心阅读', '正文。', '——编 者'],
        marks: [
          { paragraph: 0, role: 'label' },
          { paragraph: 2, role: 'signature' },
        ],
        column: { name: '点赞新时代·奋斗者', romanized: null, editor: null, tag: '（点赞新时代·奋斗者）' },
      },
    ];
    const dir = tmp();
    const files = writeStoryFiles(extra, dir);
    const sink = new Sink();
    const back = files.map((f) => readStoryFile(f, sink));
    expect(sink.items).toEqual([]);
    expect(back.map(noOrigin)).toEqual(extra);
    // the body is what an editor types: entries as "- " lines, a pipe table, "## " heads and "> " credits
    expect(fs.readFileSync(files[1]!, 'utf8')).toMatch(/\n- 王　芳\n- 李建国\n/);
    expect(fs.readFileSync(files[2]!, 'utf8')).toMatch(
      /\| 品名 \| 单价\\\|元 \| 涨跌 \|\n\| --- \| --- \| --- \|\n\| 大白菜 \| 1\.20 \| {2}\|/,
    );
    expect(fs.readFileSync(files[4]!, 'utf8')).toMatch(
      /## 县图书馆开展国庆阅读活动\n10月1日至7日，县图书馆举办阅读活动。\n> （通讯员 沈佳）/,
    );
  });

  it('reads hand-written list, table and briefs files', () => {
    const d = tmp();
    const w = (name: string, text: string): string => {
      fs.writeFileSync(path.join(d, name), text);
      return path.join(d, name);
    };
    const list = readStoryFile(w('l.md', '---\nkind: list\ntitle: 名单\n---\n\n- 张三\n- 李四\n'), new Sink());
    expect(list).toMatchObject({
      kind: 'list',
      id: 'l',
      title: '名单',
      intro: [],
      entries: ['张三', '李四'],
      outro: [],
    });
    const table = readStoryFile(
      w('t.md', '---\nkind: table\n---\n\n|品名|单价|\n|---|---|\n|白菜|1.2|\n|土豆|\n'),
      new Sink(),
    );
    expect(table).toMatchObject({
      title: null,
      header: ['品名', '单价'],
      rows: [
        ['白菜', '1.2'],
        ['土豆', ''],
      ],
    });
    const briefs = readStoryFile(
      w('b.md', '---\nkind: briefs\ntitle: 简讯\n---\n\n## 甲\n正文一。\n\n正文二。\n> （记者 乙）\n'),
      new Sink(),
    );
    expect(briefs).toMatchObject({
      entries: [
        { headline: '甲', text: '正文一。', credits: [] },
        { headline: null, text: '正文二。', credits: ['（记者 乙）'] },
      ],
    });
    const sink = new Sink();
    readStoryFile(w('e.md', '---\nkind: list\n---\n\n只有一段话。\n'), sink);
    expect(sink.items.map((x) => x.code)).toEqual(['story-empty']);
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

  it('a misspelt kind gets "did you mean"', () => {
    const f = path.join(tmp(), 'k.md');
    fs.writeFileSync(f, '---\nkind: artcle\nheadline: 标题\n---\n\n正文。\n');
    expect(thrown(() => readStoryFile(f, new Sink())).diagnostics[0]!.hint).toMatch(
      /^set kind to article \(did you mean it\?\)/,
    );
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
