/// <reference lib="dom" />
/**
 * `banmian preview` end to end, as the night desk uses it: the command serves the sample edition (with one story
 * file added), a real headless Chromium (Debian's, driven by playwright-core) opens the view, and the test edits
 * files the way an editor does and watches the page change on screen without a reload.
 *
 * Skipped only when Chromium is not installed (`.ci/run` installs Debian's chromium; BANMIAN_CHROMIUM names
 * another binary).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewState } from '../src/serve/index.js';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.BANMIAN_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
/** Flags for a quiet, self-contained headless run (playwright adds a fresh --user-data-dir of its own). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const STORY = (headline: string, extra = '') => `---
kind: article
id: extra
headline: ${headline}
credits: [■记者 王小明]
dateline: 本报讯
${extra}---

7月2日上午，城东社区联合辖区消防站开展夏季消防安全演练，社区居民、物业人员等近百人参加。

演练模拟高层住宅厨房起火，物业人员第一时间启动应急预案，引导居民沿安全通道有序疏散。消防队员到场后迅速铺设水带、破拆救援，整个过程用时不到十分钟。

社区负责人表示，夏季用电用气量大，火灾风险增加，社区将继续开展入户宣传，帮助居民掌握灭火器使用和逃生自救常识。
`;

/** Start `banmian preview` on `edition`; resolve with the child and the URL it prints on stdout. */
function startPreview(edition: string, out: string): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'banmian.js'), 'preview', edition, '--port', '0', '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log: string[] = [];
    child.stderr!.setEncoding('utf8').on('data', (s: string) => log.push(s));
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(s);
      if (m) resolve({ child, url: m[0], log });
    });
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${log.join('')}`)));
  });
}

/** Wait until the page image shows a version other than `than` (the new page is on screen). */
async function nextVersion(page: Page, than: string): Promise<string> {
  await page.waitForFunction(
    (v) => {
      const img = document.querySelector<HTMLImageElement>('#page-img');
      return img?.dataset.version !== undefined && img.dataset.version !== v && img.complete && img.naturalWidth > 0;
    },
    than,
    { timeout: 60_000 },
  );
  return (await page.getAttribute('#page-img', 'data-version'))!;
}

const TITLE = HAVE_CHROMIUM
  ? `banmian preview in Chromium (${CHROMIUM})`
  : `banmian preview in Chromium — SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set BANMIAN_CHROMIUM)`;

describe.skipIf(!HAVE_CHROMIUM)(TITLE, () => {
  let dir: string;
  let story: string;
  let server: Awaited<ReturnType<typeof startPreview>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-e2e-'));
    const ed = path.join(dir, 'edition');
    fs.cpSync(path.join(ROOT, 'seeds'), ed, { recursive: true });
    fs.mkdirSync(path.join(ed, 'stories'));
    story = path.join(ed, 'stories', 'extra.md');
    fs.writeFileSync(story, STORY('城东社区开展夏季消防演练'));
    const file = path.join(ed, 'edition.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/^( {4}copy: .*\n)/m, '$1    stories: [stories/extra.md]\n'),
    );
    server = await startPreview(file, path.join(dir, 'out'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  it('shows the page image, and a missing-image marker on the photo without a file', async () => {
    await page.waitForSelector('#page-img[data-version]');
    expect(await page.$eval('#page-img', (i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
    const marker = page.locator('#markers .marker[data-code="missing-image"][data-item="photo-2"]');
    await marker.waitFor({ state: 'visible' });
    expect(await marker.textContent()).toBe('缺图');
    // the marker sits on photo-2's module: inside its rectangle on screen
    const m = (await page.locator('#modules rect[data-item="photo-2"]').boundingBox())!;
    const b = (await marker.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(m.x + m.width + 1);
    expect(b.y).toBeGreaterThanOrEqual(m.y - 1);
    expect(b.y).toBeLessThan(m.y + m.height);
    // and the problem list has it under page 1, item photo-2
    expect(await page.locator('#problem-list .group[data-page="1"] .entry[data-code="missing-image"]').count()).toBe(1);
  });

  it('links the page to its PDF under the shop name, served from the output folder with the report', async () => {
    const href = (await page.getAttribute('#page-pdf', 'href'))!;
    expect(href).toMatch(/^\/out\/PHRB-20240703-A01\.pdf\?v=\d+$/);
    expect(await page.getAttribute('#page-pdf', 'title')).toBe('PHRB-20240703-A01.pdf');
    const got = await page.evaluate(async (u) => {
      const r = await fetch(u);
      const head = new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5));
      return { status: r.status, type: r.headers.get('content-type'), head };
    }, href);
    expect(got).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    const report = (await page.evaluate(async () => (await fetch('/out/report.json')).json())) as {
      pages: Array<{ pdf: string; alias: string; png: string }>;
    };
    expect(report.pages[0]).toMatchObject({ pdf: 'PHRB-20240703-A01.pdf', alias: 'page-01.pdf', png: 'page-01.png' });
    const img = (await page.getAttribute('#page-img', 'src'))!;
    expect(img).toMatch(/^\/out\/page-01\.png\?v=\d+$/);
  });

  it('a saved story file updates the page on screen without a reload', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { stayed: boolean }).stayed = true;
    });
    const before = (await page.getAttribute('#page-img', 'data-version'))!;
    await page.locator('#modules rect[data-item="extra"]').waitFor({ state: 'attached' });
    fs.writeFileSync(story, STORY('城东社区开展夏季消防安全演练活动'));
    const after = await nextVersion(page, before);
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.textContent('#status')).toMatch(/重排第1版/);
  });

  it('a failed rebuild shows its error on the page and keeps the last good page', async () => {
    const before = (await page.getAttribute('#page-img', 'data-version'))!;
    fs.writeFileSync(story, STORY('城东社区开展夏季消防安全演练活动', 'overrides: { pin: [broken\n'));
    await page.locator('#error').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.textContent('#error')).toMatch(/排版失败/);
    expect(await page.textContent('#error')).toContain('extra.md');
    expect(await page.getAttribute('#page-img', 'data-version')).toBe(before);
    expect(await page.textContent('#status')).toBe('排版失败');
  });

  it('a story pinned too small shows its overset marker with the lines that did not fit', async () => {
    const before = (await page.getAttribute('#page-img', 'data-version'))!;
    fs.writeFileSync(
      story,
      STORY('城东社区开展夏季消防安全演练活动', 'overrides: { pin: { column: 8, span: 1, row: 110, lines: 6 } }\n'),
    );
    await nextVersion(page, before);
    await page.locator('#error').waitFor({ state: 'hidden' });
    const marker = page.locator('#markers .marker[data-code="overset"][data-item="extra"]');
    await marker.waitFor({ state: 'visible' });
    const text = (await marker.textContent())!;
    expect(text).toMatch(/^溢出 \+\d+ 行$/);
    // the same number as the report, and the page image is the proof (it carries the mark too)
    const state = (await page.evaluate(async () => (await fetch('/state')).json())) as ViewState;
    const o = state.report!.pages[0]!.layout.overset.find((x) => x.item === 'extra');
    expect(text).toBe(`溢出 +${o?.lines} 行`);
    expect(state.pages[0]?.proof).toBe(true);
    // hovering the marker shows the message and its hint
    await marker.hover();
    await page.locator('#tip').waitFor({ state: 'visible' });
    expect(await page.textContent('#tip')).toMatch(/do not fit on page 1.*cut about/s);
  });
});
