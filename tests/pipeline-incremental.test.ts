/**
 * Incremental builds (pipeline/builder.ts): a rebuild lays out only the pages whose inputs changed, and what it
 * gives is exactly what a build from scratch gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { EditionBuilder, EnvironmentError, placeDiagnostics } from '../src/pipeline/index.js';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'layout', 'two-page');

let dir: string;
let edition: string;
let copy2: string;

/** The two-page fixture in a temporary folder, with its page 1 copy beside it. */
function setup(): void {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-incr-'));
  edition = path.join(dir, 'edition.yaml');
  copy2 = path.join(dir, 'page-02.txt');
  fs.copyFileSync(path.join(FIXTURE, 'page-02.txt'), copy2);
  fs.copyFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt'), path.join(dir, 'page-01.txt'));
  const src = fs.readFileSync(path.join(FIXTURE, 'edition.yaml'), 'utf8');
  fs.writeFileSync(edition, src.replace('../../../../seeds/000_52660507d51a0aa1.txt', 'page-01.txt'));
}

const edit = (from: string, to: string): void => {
  const s = fs.readFileSync(copy2, 'utf8');
  expect(s).toContain(from);
  fs.writeFileSync(copy2, s.replace(from, to));
};

/** A build from scratch of the edition as it is now. */
async function fresh() {
  const b = new EditionBuilder(edition, { standard: 'x1a', previewDpi: 0 });
  const build = await b.build(new Sink());
  return { build, report: b.report(), editionPdf: () => b.editionPdf() };
}

describe('incremental builds', () => {
  let b: EditionBuilder;
  beforeAll(() => {
    setup();
    b = new EditionBuilder(edition, { standard: 'x1a', previewDpi: 0 });
  });

  it('builds every page first, then nothing when nothing changed (same report)', async () => {
    const first = await b.build(new Sink());
    expect(first.rebuilt).toEqual([1, 2]);
    const report = b.report();
    const sink = new Sink();
    const again = await b.build(sink);
    expect(again.rebuilt).toEqual([]);
    expect(b.report()).toEqual(report);
    // the sink still gets every diagnostic of the build, old pages' included
    expect(sink.items).toEqual(report.diagnostics);
  });

  it('a change to a story body on page 2 lays out page 2 only, and gives what a fresh build gives', async () => {
    edit('现场欢声笑语不断。', '现场欢声笑语不断，围观群众纷纷叫好。');
    const r = await b.build(new Sink());
    expect(r.rebuilt).toEqual([2]);
    const f = await fresh();
    for (const [i, p] of r.pages.entries())
      expect(Buffer.compare(p.pdf, f.build.pages[i]!.pdf), `page ${p.number}`).toBe(0);
    expect(b.report()).toEqual(f.report);
    expect(Buffer.compare(await b.editionPdf(), await f.editionPdf())).toBe(0);
  });

  it('a change to the headline of a story on page 2 that is not its lead lays out page 2 only', async () => {
    edit('乡村运动会上的欢声笑语', '乡村运动会上的阵阵欢声笑语');
    const r = await b.build(new Sink());
    expect(r.rebuilt).toEqual([2]);
    const f = await fresh();
    for (const [i, p] of r.pages.entries())
      expect(Buffer.compare(p.pdf, f.build.pages[i]!.pdf), `page ${p.number}`).toBe(0);
  });

  it("a change to page 2's lead headline lays out page 1 again too (its 导读 quotes it)", async () => {
    edit('全县秋冬季森林防火工作会议召开', '全县秋冬季森林防火工作会议在县城召开');
    const r = await b.build(new Sink());
    expect(r.rebuilt).toEqual([1, 2]);
    const f = await fresh();
    for (const [i, p] of r.pages.entries())
      expect(Buffer.compare(p.pdf, f.build.pages[i]!.pdf), `page ${p.number}`).toBe(0);
  });

  it('a failed rebuild throws and leaves the last good build as it was', async () => {
    const report = b.report();
    const good = fs.readFileSync(edition, 'utf8');
    fs.writeFileSync(edition, `${good}\n  - number: [broken\n`);
    await expect(b.build(new Sink())).rejects.toThrow();
    expect(b.report()).toEqual(report);
    fs.writeFileSync(edition, good);
    expect((await b.build(new Sink())).rebuilt).toEqual([]);
  });

  it('a change to the print settings builds every page again, as a fresh build would', async () => {
    const good = fs.readFileSync(edition, 'utf8');
    fs.writeFileSync(edition, good.replace('pages:\n', 'print: { code: TEST, ppi: { warn: 150 } }\npages:\n'));
    const r = await b.build(new Sink());
    expect(r.rebuilt).toEqual([1, 2]);
    const f = await fresh();
    expect(b.report()).toEqual(f.report);
    expect(b.report().pages.map((p) => p.pdf)).toEqual(['TEST-20240703-A01.pdf', 'TEST-20240703-A02.pdf']);
    expect(b.report().output.ppi.warn).toBe(150);
    fs.writeFileSync(edition, good);
    expect((await b.build(new Sink())).rebuilt).toEqual([1, 2]);
  });

  it('checks the machine before composing: a missing output profile is an EnvironmentError, nothing laid out', async () => {
    const steps: string[] = [];
    const x = new EditionBuilder(edition, {
      profile: path.join(dir, 'nope.icc'),
      previewDpi: 0,
      onProgress: (p) => steps.push(p.step),
    });
    const e = await x.build(new Sink()).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).diagnostics.map((d) => d.code)).toEqual(['profile-missing']);
    expect(steps).toEqual([]);
  });

  it('places every diagnostic on a page or the edition; the copy’s import warnings on their item', () => {
    const report = b.report();
    const places = placeDiagnostics(report);
    expect(places).toHaveLength(report.diagnostics.length);
    report.diagnostics.forEach((d, i) => {
      const p = places[i]!;
      if (d.at.page !== undefined) expect(p.page).toBe(d.at.page);
      if (p.onPage)
        expect(report.pages.find((x) => x.number === p.page)!.layout.modules.some((m) => m.item === p.item)).toBe(true);
    });
  });
});
