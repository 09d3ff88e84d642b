/** loadEdition: the sample edition, and broken edition files giving clear, located diagnostics (never a raw Error). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadEdition } from '../src/ingest/index.js';
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
