/**
 * The command line as a user meets it (run through bin/banmian.js on the built dist/: `npm test` builds first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'banmian.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-cli-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('banmian CLI', () => {
  it('has --help for the program and every subcommand', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    for (const cmd of ['build', 'import', 'compose', 'preflight', 'preview', 'render']) {
      expect(top.stdout).toContain(cmd);
      const r = run(cmd, '--help');
      expect(r.status, cmd).toBe(0);
      expect(r.stdout).toMatch(/Usage: banmian /);
    }
  });

  it('import --json prints the reference structure for the sample copy', () => {
    const r = run('import', 'seeds/000_52660507d51a0aa1.txt', '--json');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as { items: Record<string, unknown>[] };
    const ref = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json'), 'utf8'),
    ) as { items: Record<string, unknown>[] };
    const noId = (items: Record<string, unknown>[]) => items.map(({ id: _id, ...rest }) => rest);
    expect(noId(got.items)).toEqual(noId(ref.items));
  });

  it('import --out writes one story file per item', () => {
    const d = tmp();
    const r = run('import', 'seeds/000_52660507d51a0aa1.txt', '--out', d);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(d).filter((f) => f.endsWith('.md'))).toHaveLength(9);
  });

  it('import --out never overwrites an edited story file unless --force, and writes nothing when it refuses', () => {
    const d = tmp();
    expect(run('import', 'seeds/000_52660507d51a0aa1.txt', '--out', d).status).toBe(0);
    // the same import again: the files are what it would write, so that is fine
    expect(run('import', 'seeds/000_52660507d51a0aa1.txt', '--out', d).status).toBe(0);
    const edited = path.join(d, 'article-2.md');
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('锚定目标', '编辑改过的标题'));
    const before = fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8'));
    const r = run('import', 'seeds/000_52660507d51a0aa1.txt', '--out', d, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/story-exists: story file .*article-2\.md exists and differs/);
    expect(r.stderr).toMatch(/--force/);
    noStack(r.stderr);
    expect(fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8'))).toEqual(before);
    const forced = run('import', 'seeds/000_52660507d51a0aa1.txt', '--out', d, '--force');
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(edited, 'utf8')).toMatch(/锚定目标/);
  });

  it('rejects a missing input with a clear message, a hint and a non-zero exit, without a stack trace', () => {
    const r = run('import', 'no/such/file.txt', '--json');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/does not exist/);
    noStack(r.stderr);
  });

  it('rejects a broken edition file without writing any output', () => {
    const d = tmp();
    const bad = path.join(d, 'bad.yaml');
    fs.writeFileSync(bad, 'paper: { name: 测试报 }\ndate: 2024-13-45\npages: [ { number: 1 } ]\n');
    const outDir = path.join(d, 'out');
    const r = run('build', bad, '--out', outDir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.yaml/);
    noStack(r.stderr);
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
  });

  it("build prints one line per page with the page's quality figures", () => {
    const d = tmp();
    const r = run('build', 'seeds/edition.yaml', '--out', d, '--dpi', '0', '--standard', 'none');
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('page 1:'))!;
    for (const q of [
      'Q3 hole',
      'Q4 unbalanced',
      'Q7 butting 0',
      'Q8 stacked 0',
      'Q9 hierarchy 0',
      'Q12 widows',
      'Q13 shortest leg',
      'Q14 photo problems',
      'Q15 ad problems 0',
    ])
      expect(line).toContain(q);
    const hole = Number(/Q3 hole ([\d.]+) %/.exec(line)![1]);
    expect(hole).toBeLessThanOrEqual(1.5);
  });

  it('rejects bad option values', () => {
    const r = run('compose', 'tests/fixtures/sample-body.txt', '-o', path.join(tmp(), 'x.pdf'), '--columns', 'many');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--columns/);
    noStack(r.stderr);
  });

  it('compose --kinsoku: strict (the default) keeps —— off a line start, gb allows it; a bad level is refused', () => {
    const d = tmp();
    const text = path.join(d, 'dash.txt');
    fs.writeFileSync(text, '一二三四五六——七八九十甲乙丙丁戊己庚辛……壬癸子丑寅卯辰巳午未\n');
    const starts = (...extra: string[]): string[] => {
      const lines = path.join(d, 'l.json');
      const r = run(
        'compose',
        text,
        '-o',
        path.join(d, 'c.pdf'),
        '--measure',
        '6',
        '--indent',
        '0',
        '--lines',
        lines,
        ...extra,
      );
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(fs.readFileSync(lines, 'utf8')) as Array<{ text: string }>).map((l) => l.text[0]!);
    };
    expect(starts().some((c) => c === '—' || c === '…')).toBe(false);
    expect(starts('--kinsoku', 'strict')).toEqual(starts());
    expect(starts('--kinsoku', 'gb')).toContain('—');
    const bad = run('compose', text, '-o', path.join(d, 'x.pdf'), '--kinsoku', 'loose');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--kinsoku must be strict, gb or basic/);
    noStack(bad.stderr);
    expect(fs.existsSync(path.join(d, 'x.pdf'))).toBe(false);
  });

  it('compose writes a PDF and the --lines JSON', () => {
    const d = tmp();
    const pdf = path.join(d, 'c.pdf');
    const lines = path.join(d, 'lines.json');
    const r = run(
      'compose',
      'tests/fixtures/sample-body.txt',
      '-o',
      pdf,
      '--size',
      '9',
      '--pitch',
      '14',
      '--measure',
      '12',
      '--columns',
      '8',
      '--gutter',
      '1',
      '--page',
      '999x1400',
      '--margin',
      '36',
      '--indent',
      '2',
      '--lines',
      lines,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const data = JSON.parse(fs.readFileSync(lines, 'utf8')) as Array<{
      paragraph: number;
      line: number;
      text: string;
      natural: number;
      width: number;
    }>;
    const src = fs
      .readFileSync(path.join(ROOT, 'tests', 'fixtures', 'sample-body.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    // every paragraph's lines join back to the paragraph
    src.forEach((p, i) => {
      expect(
        data
          .filter((l) => l.paragraph === i)
          .map((l) => l.text)
          .join(''),
      ).toBe(p.trim());
    });
  });
});

describe('banmian build on the terminal', () => {
  it('prints a line per page off a terminal, then the problems grouped by page and item with their hints', () => {
    const d = tmp();
    const r = run('build', 'seeds/edition.yaml', '--out', d, '--dpi', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^page 1: built in \d+\.\d\d s \(layout \d+\.\d\d s, paint .*pdf .*preflight /m);
    expect(r.stderr).not.toContain('\x1b[');
    // grouped: the page, the item with its kind, the problem, its hint and where it comes from
    expect(r.stderr).toMatch(
      /^page 1\n {2}photo-2 \(photo\)\n {4}warning missing-image: .+\n {6}hint: add "photo-2: .+\n {6}at seeds\/edition\.yaml:16$/m,
    );
    expect(r.stdout).toMatch(/page 1: .*PHRB-20240703-A01\.pdf \(page-01\.pdf\) \(preflight ok\)/);
  });

  it('build --quiet prints nothing for a build without errors', () => {
    const r = run('build', 'seeds/edition.yaml', '--out', tmp(), '--dpi', '0', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('build --page N --json builds that page only and prints a JSON summary with every diagnostic placed', () => {
    const d = tmp();
    const r = run('build', 'tests/fixtures/layout/two-page/edition.yaml', '--out', d, '--page', '2', '--json');
    const j = JSON.parse(r.stdout) as {
      ok: boolean;
      pages: Array<{ number: number; pdf: string }>;
      editionPdf: string | null;
      counts: { errors: number };
      diagnostics: Array<{ code: string; at: { page?: number }; place: { page: number | null } }>;
    };
    expect(r.status).toBe(j.counts.errors ? 1 : 0);
    expect(r.stderr).toBe('');
    expect(j.pages.map((p) => p.number)).toEqual([2]);
    expect(j.editionPdf).toBeNull();
    // an empty folder before: it holds page 2 alone, with the report of it (the shop file and its working name)
    expect(fs.readdirSync(d).sort()).toEqual(
      ['index.html', 'page-02.pdf', 'page-02.png', 'report.json', j.pages[0]!.pdf].sort(),
    );
    // every diagnostic of a page-2 build is placed on page 2 or on the edition as a whole
    for (const x of j.diagnostics) expect([2, null]).toContain(x.place.page);
    expect(j.diagnostics.some((x) => x.place.page === 2)).toBe(true);
  });

  it('build --page with a page the edition does not have fails with unknown-page and writes nothing', () => {
    const d = path.join(tmp(), 'out');
    const r = run('build', 'seeds/edition.yaml', '--out', d, '--page', '7');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown-page: the edition has no page 7 — give one of the edition's page numbers \(1\)/);
    noStack(r.stderr);
    expect(fs.existsSync(d)).toBe(false);
  });

  it('render rasterises every page of a PDF (what preview did before it became the live view)', () => {
    const d = tmp();
    expect(run('build', 'seeds/edition.yaml', '--out', d, '--dpi', '0').status).toBe(0);
    const r = run('render', path.join(d, 'page-01.pdf'), '--out', d, '--dpi', '20');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(d, 'page-01-1.png'));
    expect(fs.readFileSync(path.join(d, 'page-01-1.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
