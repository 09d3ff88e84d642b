/**
 * Delivery: the output folder holds exactly one build's files, named for the print shop; a smaller build leaves
 * nothing stale; a build killed midway, or one that cannot write, leaves the previous set as it was; problems of
 * the machine are found before composing and exit with status 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { buildEdition, EnvironmentError, pageFileName, paperCode } from '../src/pipeline/index.js';
import { recoverOutput } from '../src/pipeline/files.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'banmian.js');
const DIE_MIDWAY = pathToFileURL(path.join(ROOT, 'tests', 'die-midway.mjs')).href;
const HUBBLE = path.join(ROOT, 'tests', 'fixtures', 'photos', 'hubble-deep-field_1000x872.jpg');

const para = '本报讯 全县秋粮收购工作会议昨天召开，要求各地做好收购准备，确保农民手中有粮卖得出、卖得好。'.repeat(5);

/** An edition of `pages` pages, one story (and on page 1 a photo) each, in a folder readable by everyone. */
function edition(pages: number, extra = ''): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-deliver-'));
  fs.chmodSync(dir, 0o755);
  const list: string[] = [];
  for (let p = 1; p <= pages; p++) {
    fs.writeFileSync(
      path.join(dir, `s${p}.md`),
      `---\nkind: article\nid: s${p}\nheadline: 第${p}版秋粮收购工作启动\n---\n\n${para}\n\n${para}\n`,
    );
    list.push(`  - number: ${p}\n    layout: broadsheet\n    stories: [s${p}.md]\n`);
  }
  fs.writeFileSync(
    path.join(dir, 'edition.yaml'),
    `paper: { name: 测试日报, romanized: CESHI RIBAO }\ndate: 2024-07-03\n${extra}pages:\n${list.join('')}`,
  );
  return { dir, file: path.join(dir, 'edition.yaml') };
}

/** name → sha256 of every file in a folder (links as their target name). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, n);
    const st = fs.lstatSync(p);
    out[n] = st.isSymbolicLink()
      ? `-> ${fs.readlinkSync(p)}`
      : createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

describe('delivery', () => {
  test('file names for the shop: <code>-<yyyymmdd>-<section><page>.pdf beside edition.pdf, configurable', async () => {
    expect(paperCode('PINGHU RIBAO')).toBe('PHRB');
    expect(paperCode('RENMIN RIBAO')).toBe('RMRB');
    const base = { code: 'PHRB', files: '{code}-{date}-{section}{page}.pdf', section: 'A' };
    expect(pageFileName(base as never, '2024-07-03', 1)).toBe('PHRB-20240703-A01.pdf');
    expect(pageFileName({ ...base, files: '{yyyy}{mm}{dd}_{code}_{n}.pdf' } as never, '2024-07-03', 12)).toBe(
      '20240703_PHRB_12.pdf',
    );
    const { dir, file } = edition(1, 'print: { code: TEST, section: B }\n');
    const out = path.join(dir, 'out');
    const report = await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink());
    expect(report.pages[0]!.pdf).toBe('TEST-20240703-B01.pdf');
    expect(fs.readdirSync(out).sort()).toEqual(
      ['TEST-20240703-B01.pdf', 'edition.pdf', 'index.html', 'page-01.pdf', 'report.json'].sort(),
    );
    expect(fs.readlinkSync(path.join(out, 'page-01.pdf'))).toBe('TEST-20240703-B01.pdf');
  });

  test('a smaller build leaves no stale files (4 pages, then 1)', async () => {
    const four = edition(4);
    const out = path.join(four.dir, 'out');
    await buildEdition(four.file, { outDir: out, previewDpi: 10 }, new Sink());
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.pdf'))).toHaveLength(9); // 4 pages, 4 links, edition
    fs.writeFileSync(path.join(out, '.keep'), '');
    const one = edition(1);
    await buildEdition(one.file, { outDir: out, previewDpi: 10 }, new Sink());
    expect(fs.readdirSync(out).sort()).toEqual(
      [
        '.keep',
        'CSRB-20240703-A01.pdf',
        'edition.pdf',
        'index.html',
        'page-01.pdf',
        'page-01.png',
        'report.json',
      ].sort(),
    );
    // nothing left beside the folder either
    expect(fs.readdirSync(four.dir).filter((n) => n.startsWith('.out.'))).toEqual([]);
  });

  test('build --page N replaces that page in the previous set: the other pages stay, edition.pdf waits', async () => {
    const { dir, file } = edition(2);
    const out = path.join(dir, 'out');
    await buildEdition(file, { outDir: out, previewDpi: 10 }, new Sink());
    const before = snapshot(out);
    const report0 = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 's2.md'),
      fs.readFileSync(path.join(dir, 's2.md'), 'utf8').replace('第2版秋粮收购工作启动', '第2版秋粮收购全面启动'),
    );
    const mine = await buildEdition(file, { outDir: out, previewDpi: 10, page: 2 }, new Sink());
    // what this build built: page 2
    expect(mine.pages.map((p) => p.number)).toEqual([2]);
    expect(mine.editionPdf).toBeNull();
    const after = snapshot(out);
    for (const n of ['CSRB-20240703-A01.pdf', 'page-01.pdf', 'page-01.png']) expect(after[n]).toBe(before[n]);
    expect(after['CSRB-20240703-A02.pdf']).not.toBe(before['CSRB-20240703-A02.pdf']);
    expect(after['page-02.pdf']).toBe('-> CSRB-20240703-A02.pdf');
    // the edition PDF would no longer match page 2: it is left out, and the report says so
    expect(Object.keys(after).sort()).toEqual(
      Object.keys(before)
        .filter((n) => n !== 'edition.pdf')
        .sort(),
    );
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.editionPdf).toBeNull();
    expect(report.pages.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(report.pages[0]).toEqual(report0.pages[0]);
    expect(report.pages[1]).toEqual(JSON.parse(JSON.stringify(mine.pages[0])));
    // a whole build brings it back
    await buildEdition(file, { outDir: out, previewDpi: 10 }, new Sink());
    expect(fs.existsSync(path.join(out, 'edition.pdf'))).toBe(true);
    // a page of another edition does not mix with this one: the folder holds that page alone
    const other = edition(3);
    fs.writeFileSync(other.file, fs.readFileSync(other.file, 'utf8').replace('2024-07-03', '2024-07-04'));
    await buildEdition(other.file, { outDir: out, previewDpi: 0, page: 3 }, new Sink());
    expect(fs.readdirSync(out).sort()).toEqual(['CSRB-20240704-A03.pdf', 'index.html', 'page-03.pdf', 'report.json']);
  }, 240000);

  test('a build killed midway leaves the previous files intact; the next build cleans up after it', async () => {
    const { dir, file } = edition(1);
    const out = path.join(dir, 'out');
    await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink());
    const before = snapshot(out);
    const big = edition(6);
    // the build kills itself right after its second file lands in the staging folder (tests/die-midway.mjs)
    const child = spawn(process.execPath, ['--import', DIE_MIDWAY, BIN, 'build', big.file, '-o', out, '--dpi', '0'], {
      stdio: 'ignore',
    });
    const stage = path.join(dir, `.out.staging-${child.pid}`);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal).toBe('SIGKILL');
    expect(fs.existsSync(stage)).toBe(true); // the killed build's half-written set
    expect(snapshot(out)).toEqual(before);
    recoverOutput(out);
    expect(fs.existsSync(stage)).toBe(false);
    expect(snapshot(out)).toEqual(before);
  }, 240000);

  test('a build that died between its two renames gets the old set back', () => {
    const { dir } = edition(1);
    const out = path.join(dir, 'out');
    const old = path.join(dir, '.out.old-99999999');
    fs.mkdirSync(old);
    fs.writeFileSync(path.join(old, 'report.json'), '{}');
    recoverOutput(out);
    expect(fs.readdirSync(out)).toEqual(['report.json']);
    expect(fs.existsSync(old)).toBe(false);
  });

  test('an unwritable output folder is exit 2 with the path, before composing, and the previous files stay', async () => {
    const { dir, file } = edition(1);
    const out = path.join(dir, 'out');
    await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink());
    const before = snapshot(out);
    fs.chmodSync(out, 0o555);
    fs.chmodSync(dir, 0o555);
    try {
      // as an unprivileged user (root may write anywhere)
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const r = spawnSync(process.execPath, [BIN, 'build', file, '-o', out, '--dpi', '0'], {
        encoding: 'utf8',
        ...asUser,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`output-unwritable: folder ${dir.replace(/[/.]/g, '\\$&')}`));
      expect(r.stderr).not.toMatch(/internal error|overset|underfull/);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(out, 0o755);
    }
    expect(snapshot(out)).toEqual(before);
  });

  test('a folder holding files banmian did not write is never replaced', async () => {
    const { dir, file } = edition(1);
    const out = path.join(dir, 'mine');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'thesis.docx'), 'precious');
    const e = await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).diagnostics.map((d) => d.code)).toEqual(['output-not-ours']);
    expect(fs.readdirSync(out)).toEqual(['thesis.docx']);
  });

  test('a missing output profile is exit 2 naming the file', () => {
    const { dir, file } = edition(1);
    const r = spawnSync(
      process.execPath,
      [BIN, 'build', file, '-o', path.join(dir, 'out'), '--profile', path.join(dir, 'nope.icc')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`profile-missing: output profile ${path.join(dir, 'nope.icc')} does not exist`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('--final delivers nothing when a photo is a placeholder; the previous set stays', async () => {
    const { dir, file } = edition(1);
    const out = path.join(dir, 'out');
    await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink());
    const before = snapshot(out);
    fs.appendFileSync(path.join(dir, 's1.md'), '');
    const withPhoto = path.join(dir, 'photo.md');
    fs.writeFileSync(withPhoto, '---\nkind: photo\nid: p1\n---\n\n秋收时节，农民在田间收割稻谷。\n');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('stories: [s1.md]', 'stories: [s1.md, photo.md]'));
    const report = await buildEdition(file, { outDir: out, previewDpi: 0, final: true }, new Sink());
    expect(report.delivered).toBe(false);
    expect(report.counts.placeholders).toBe(1);
    expect(snapshot(out)).toEqual(before);
    // the same build without --final is delivered (a proof for the editor)
    expect((await buildEdition(file, { outDir: out, previewDpi: 0 }, new Sink())).delivered).toBe(true);
    // and a final build with the photo in place is delivered
    fs.copyFileSync(HUBBLE, path.join(dir, 'p1.jpg'));
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}    images: { p1: p1.jpg }\n`);
    const fin = await buildEdition(file, { outDir: out, previewDpi: 0, final: true }, new Sink());
    expect(fin.counts.placeholders).toBe(0);
    const clean = fin.counts.errors === 0 && fin.counts.overset === 0;
    expect(fin.delivered).toBe(clean);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).counts.placeholders).toBe(clean ? 0 : 1);
  });
});

describe('the machine, checked before composing', () => {
  test('a font file that is not installed is font-missing naming the file and the Debian package', async () => {
    const { fontProblems } = await import('../src/fonts/index.js');
    const { loadFontBook } = await import('../src/fonts/index.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-fonts-'));
    fs.writeFileSync(
      path.join(dir, 'fonts.yaml'),
      [
        'faces:',
        '  here: { file: /usr/share/fonts/truetype/hanazono/HanaMinA.ttf, debian: fonts-hanazono }',
        '  gone: { file: /usr/share/fonts/truetype/nowhere/Gone.ttf, debian: fonts-gone }',
        'fallback: [gone]',
        'roles:',
        '  body: here',
      ].join('\n'),
    );
    const problems = fontProblems(loadFontBook(dir), path.join(dir, 'fonts.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'font-missing',
      at: { file: '/usr/share/fonts/truetype/nowhere/Gone.ttf' },
    });
    expect(problems[0]!.message).toContain('used by body');
    expect(problems[0]!.hint).toContain('apt-get install fonts-gone');
  });

  test('a full disk while writing is disk-full (exit 2) and nothing is replaced', async () => {
    const { writeFailure } = await import('../src/pipeline/files.js');
    const e = writeFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' }), '/data/out');
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e!.diagnostics[0]).toMatchObject({ code: 'disk-full', at: { file: '/data/out' } });
    expect(writeFailure(new Error('other'), '/data/out')).toBeNull();
  });
});
