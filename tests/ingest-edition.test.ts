/** loadEdition: the sample edition, and broken edition files giving clear, located diagnostics (never a raw Error). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadEdition } from '../src/ingest/index.js';
import { loadTemplateFile } from '../src/layout/template.js';
import type { Edition } from '../src/model/edition.js';
import { thrown } from './helpers.js';

const ROOT = path.resolve(__dirname, '..');
const EDITION = path.join(ROOT, 'seeds', 'edition.yaml');
const COPY = path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt');
const PHOTO = path.join(ROOT, 'seeds', 'photos', 'hubble-deep-field_1000x872.jpg');

/** A scratch edition directory with the sample copy and photo. */
function scratch(yaml: string, files: Record<string, string> = {}): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-ed-'));
  fs.copyFileSync(COPY, path.join(d, 'copy.txt'));
  fs.mkdirSync(path.join(d, 'photos'));
  fs.copyFileSync(PHOTO, path.join(d, 'photos', 'p.jpg'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    fs.writeFileSync(path.join(d, name), text);
  }
  const f = path.join(d, 'edition.yaml');
  fs.writeFileSync(f, yaml);
  return f;
}

describe('loadEdition on seeds/edition.yaml', () => {
  const sink = new Sink();
  const ed: Edition = loadEdition(EDITION, sink);

  it('reads the paper, the date and page 1 with the sample items', () => {
    expect(ed.paper.name).toBe('平湖日报');
    expect(ed.date).toBe('2024-07-03');
    expect(ed.baseDir).toBe(path.join(ROOT, 'seeds'));
    expect(ed.pages).toHaveLength(1);
    const p = ed.pages[0]!;
    expect([p.number, p.name, p.layout]).toEqual([1, '要闻', 'broadsheet']);
    expect(p.items.map((i) => i.kind)).toEqual([
      'article',
      'commentary',
      'article',
      'photo',
      'article',
      'article',
      'photo',
      'ad',
      'weather',
    ]);
  });

  it('resolves photo-1 to the existing file and leaves photo-2 without one, with one missing-image warning', () => {
    const photos = ed.pages[0]!.items.filter((i) => i.kind === 'photo');
    expect(photos.map((p) => p.kind === 'photo' && p.image)).toEqual([PHOTO, undefined]);
    expect(sink.errors).toEqual([]);
    const missing = sink.items.filter((d) => d.code === 'missing-image');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', at: { file: EDITION, item: 'photo-2', page: 1 } });
    expect(missing[0]!.at.line).toBeGreaterThan(1);
    expect(missing[0]!.hint).toMatch(/photo-2/);
  });
});

describe('loadEdition applies images, overrides and story files', () => {
  const f = scratch(
    [
      'paper: { name: 测试报 }',
      'date: 2024-02-29',
      'issue: 7',
      'pages:',
      '  - number: 1',
      '    layout: broadsheet',
      '    copy: copy.txt',
      '    stories: [stories/extra.md]',
      '    images:',
      '      photo-1: photos/p.jpg',
      '      photo-2: photos/none.jpg',
      '      photo-9: photos/p.jpg',
      '    overrides:',
      '      article-1: { priority: 1 }',
      '      extra: { columns: 2, pin: { column: 1, span: 2 } }',
      '      article-99: { hold: true }',
      '',
    ].join('\n'),
    { 'stories/extra.md': '---\nkind: article\nheadline: 加一篇\n---\n\n正文。\n' },
  );
  const sink = new Sink();
  const ed = loadEdition(f, sink);
  const items = ed.pages[0]!.items;

  it('appends story files after the copy and applies overrides', () => {
    expect(ed.issue).toBe(7);
    expect(items.map((i) => i.id).slice(-2)).toEqual(['weather-1', 'extra']);
    expect(items.find((i) => i.id === 'article-1')!.overrides).toEqual({ priority: 1 });
    expect(items.find((i) => i.id === 'extra')!.overrides).toEqual({ columns: 2, pin: { column: 1, span: 2 } });
  });

  it('warns about a missing image file and unknown ids, each at its line', () => {
    const got = sink.items.map((d) => [d.code, d.at.line, d.at.item]);
    expect(got).toContainEqual(['missing-image', 11, 'photo-2']);
    expect(got).toContainEqual(['unknown-item', 12, 'photo-9']);
    expect(got).toContainEqual(['unknown-item', 16, 'article-99']);
    expect(sink.errors).toEqual([]);
    expect(items.find((i) => i.id === 'photo-2')).not.toHaveProperty('image');
    for (const d of sink.items) expect(d.hint.length).toBeGreaterThan(10);
  });
});

describe('broken edition files', () => {
  it('reports an impossible date and a page without layout, at their lines', () => {
    const f = scratch('paper: { name: 测试报 }\ndate: 2024-13-45\npages: [ { number: 1 } ]\n');
    const e = thrown(() => loadEdition(f, new Sink()));
    const got = e.diagnostics.map((d) => [d.code, d.at.file, d.at.line]);
    expect(got).toContainEqual(['edition-invalid', f, 2]);
    expect(got).toContainEqual(['edition-invalid', f, 3]);
    expect(e.diagnostics.find((d) => d.at.line === 2)!.hint).toMatch(/YYYY-MM-DD/);
    expect(e.diagnostics.find((d) => d.at.line === 3)!.message).toBe('pages[0].layout: required field is missing');
  });

  it('reports YAML syntax errors with their line', () => {
    const f = scratch('paper:\n  name: 测试报\ndate: 2024-07-03\npages:\n  - number: 1\n   layout: broadsheet\n');
    const e = thrown(() => loadEdition(f, new Sink()));
    expect(e.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', at: { file: f } });
    expect(e.diagnostics[0]!.at.line).toBeGreaterThanOrEqual(5);
  });

  it('reports unknown fields, bad overrides, a missing copy and a broken story file together', () => {
    const f = scratch(
      [
        'paper: { name: 测试报, slogan: 无 }',
        'date: 2024-07-03',
        'pages:',
        '  - number: 1',
        '    layout: broadsheet',
        '    copy: nope.txt',
        '    overrides:',
        '      article-1: { priority: 0, colums: 2 }',
        '',
      ].join('\n'),
    );
    const e = thrown(() => loadEdition(f, new Sink()));
    const got = e.diagnostics.map((d) => [d.at.line, d.message]);
    expect(got.map(([l]) => l).sort()).toEqual([1, 8, 8]);
    expect(got.some(([, m]) => /slogan/.test(String(m)))).toBe(true);
    expect(got.some(([, m]) => /colums/.test(String(m)))).toBe(true);

    const g = scratch(
      'paper: { name: 测试报 }\ndate: 2024-07-03\npages:\n  - number: 1\n    layout: broadsheet\n    copy: nope.txt\n    stories: [bad.md]\n',
      { 'bad.md': '---\nkind: article\nheadline: 标题\ncredits: 42\n---\n' },
    );
    const e2 = thrown(() => loadEdition(g, new Sink()));
    expect(e2.diagnostics.map((d) => [d.code, path.basename(d.at.file ?? ''), d.at.line])).toEqual([
      ['missing-copy', 'edition.yaml', 6],
      ['story-invalid', 'bad.md', 4],
    ]);
  });

  it('reports a missing or non-mapping edition file', () => {
    expect(thrown(() => loadEdition('/no/such/edition.yaml', new Sink())).diagnostics[0]!.code).toBe(
      'edition-unreadable',
    );
    const f = scratch('- just\n- a list\n');
    expect(thrown(() => loadEdition(f, new Sink())).diagnostics[0]).toMatchObject({
      code: 'edition-invalid',
      at: { file: f, line: 1 },
    });
  });
});

describe("editors' mistakes in edition, story and template files", () => {
  const base = 'paper: { name: 测试报 }\ndate: 2024-07-03\npages:\n  - number: 1\n    layout: broadsheet\n';

  it('stories: takes patterns, in name order; a pattern that matches nothing is an error at its line', () => {
    const story = (h: string): string => `---\nkind: article\nheadline: ${h}\ncredits: ■记者 张三\n---\n\n正文。\n`;
    const f = scratch(`${base}    stories: [extra/*.md]\n`, {
      'extra/b.md': story('乙'),
      'extra/a.md': story('甲'),
      'extra/c.txt': 'x',
    });
    const ed = loadEdition(f, new Sink());
    const items = ed.pages[0]!.items;
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    // a single string is one credit
    expect(items.map((i) => (i.kind === 'article' ? i.credits : []))).toEqual([['■记者 张三'], ['■记者 张三']]);
    const g = scratch(`${base}    stories: [none/*.md]\n`);
    expect(thrown(() => loadEdition(g, new Sink())).diagnostics.map((d) => [d.code, d.at.line, d.message])).toEqual([
      ['missing-story', 6, 'story pattern none/*.md matches no file'],
    ]);
  });

  it('an unknown field gets "did you mean" in edition files', () => {
    const f = scratch(`${base}    stroies: [a.md]\n`);
    const e = thrown(() => loadEdition(f, new Sink())).diagnostics;
    expect(e.map((d) => [d.code, d.at.line, d.message, d.hint])).toEqual([
      [
        'edition-invalid',
        6,
        'pages[0]: unknown field "stroies" (did you mean "stories"?)',
        'rename "stroies" to "stories"',
      ],
    ]);
  });

  it('one tab in the indentation gives one error at its line', () => {
    const f = scratch(`${base}    overrides:\n\t  article-1: { priority: 1 }\n`);
    const e = thrown(() => loadEdition(f, new Sink())).diagnostics;
    expect(e.map((d) => [d.code, d.at.line, d.message])).toEqual([
      ['yaml-syntax', 7, 'YAML syntax: a tab in the indentation'],
    ]);
    expect(e[0]!.hint).toMatch(/spaces/);
  });

  it('a full-width colon after a field name gets a hint', () => {
    const f = scratch(`${base}    name：要闻\n`);
    const e = thrown(() => loadEdition(f, new Sink())).diagnostics;
    expect(e.map((d) => [d.code, d.at.line])).toEqual([['yaml-syntax', 6]]);
    expect(e[0]!.message).toMatch(/"name" is followed by a full-width colon/);
    expect(e[0]!.hint).toBe('type an ASCII colon and a space after the field name: name: …');
  });

  it('a refused copy file (binary) is an error of the edition, at the copy file', () => {
    const f = scratch(`${base}    copy: bin.txt\n`, { 'bin.txt': '%PDF-1.4 not copy' });
    const e = thrown(() => loadEdition(f, new Sink())).diagnostics;
    expect(e.map((d) => [d.code, path.basename(d.at.file ?? '')])).toEqual([['input-binary', 'bin.txt']]);
  });

  it('template errors carry their line, and unknown template fields get "did you mean"', () => {
    const src = fs.readFileSync(path.join(ROOT, 'layouts', 'broadsheet.yaml'), 'utf8');
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-tpl-'));
    const bad = path.join(d, 'bad.yaml');
    const lines = src.split('\n');
    const gridAt = lines.findIndex((l) => /^grid:/.test(l));
    const colAt = lines.findIndex((l, k) => k > gridAt && /^\s+columns:/.test(l));
    lines[colAt] = lines[colAt]!.replace(/columns:\s*\d+/, 'columns: many');
    lines.splice(gridAt + 1, 0, '  colums: 8');
    fs.writeFileSync(bad, lines.join('\n'));
    const e = thrown(() => loadTemplateFile(bad)).diagnostics;
    expect(e.map((x) => [x.code, x.at.line])).toEqual([
      ['template-invalid', colAt + 2],
      ['template-invalid', gridAt + 2],
    ]);
    expect(e[0]!.message).toMatch(/^grid\.columns: /);
    expect(e[1]!.message).toBe('grid: unknown field "colums" (did you mean "columns"?)');
    const tab = path.join(d, 'tab.yaml');
    fs.writeFileSync(tab, src.replace(/\n {2}columns:/, '\n\tcolumns:'));
    expect(thrown(() => loadTemplateFile(tab)).diagnostics.map((x) => [x.code, x.message])).toEqual([
      ['template-invalid', 'YAML syntax: a tab in the indentation'],
    ]);
  });
});
