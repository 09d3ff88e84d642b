// Preview benchmark: from saving a story file to the updated page on screen, end to end. `banmian preview` runs
// as a user runs it; headless Chromium (Debian's, through playwright-core) shows the view; each run rewrites the
// story file's headline and times from the write to the frame after the new page image went in (a
// MutationObserver in the page, then requestAnimationFrame). Medians over BENCH_RUNS saves after BENCH_WARM
// unmeasured ones, per case: the sample page with a story file added, and a 4-page edition with a story on
// page 3 (only that page is rebuilt). Also the server's own build time per save. Plain Node on dist/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM = Number(process.env.BENCH_WARM ?? 2);
const CHROMIUM = process.env.BANMIAN_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const story = (headline) => `---
kind: article
id: extra
headline: ${headline}
credits: [■记者 王小明]
dateline: 本报讯
---

7月2日上午，城东社区联合辖区消防站开展夏季消防安全演练，社区居民、物业人员等近百人参加。

演练模拟高层住宅厨房起火，物业人员第一时间启动应急预案，引导居民沿安全通道有序疏散。消防队员到场后迅速铺设水带、破拆救援，整个过程用时不到十分钟。

社区负责人表示，夏季用电用气量大，火灾风险增加，社区将继续开展入户宣传，帮助居民掌握灭火器使用和逃生自救常识。
`;

/** A copy of an edition in a temporary folder with stories/extra.md added to page `page`. */
function editionWithStory(src, files, page) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-bench-preview-'));
  for (const [from, to] of files) fs.cpSync(from, path.join(dir, to), { recursive: true });
  fs.mkdirSync(path.join(dir, 'stories'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'stories', 'extra.md'), story('城东社区开展夏季消防演练'));
  const lines = fs.readFileSync(src, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === `- number: ${page}`);
  lines.splice(at + 1, 0, '    stories: [stories/extra.md]');
  const file = path.join(dir, 'edition.yaml');
  fs.writeFileSync(
    file,
    lines.join('\n').replaceAll('../../../../seeds/', '').replaceAll('../../layout/two-page/', ''),
  );
  return { file, story: path.join(dir, 'stories', 'extra.md'), out: path.join(dir, 'out') };
}

const CASES = {
  'sample page + a story file': () =>
    editionWithStory(path.join(ROOT, 'seeds', 'edition.yaml'), [[path.join(ROOT, 'seeds'), '.']], 1),
  '4 pages, story on page 3': () => {
    const fx = path.join(ROOT, 'tests', 'fixtures', 'preview', 'four-page');
    return editionWithStory(
      path.join(fx, 'edition.yaml'),
      [
        [fx, '.'],
        [path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt'), '000_52660507d51a0aa1.txt'],
        [path.join(ROOT, 'seeds', 'photos'), 'photos'],
      ],
      3,
    );
  },
};

function startPreview(edition, out) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'banmian.js'), 'preview', edition, '--port', '0', '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stderr.setEncoding('utf8').on('data', (s) => {
      log += s;
    });
    child.stdout.setEncoding('utf8').on('data', (s) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(s);
      if (m) resolve({ child, url: m[0] });
    });
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${log}`)));
  });
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function runCase(chromium, name) {
  const ed = CASES[name]();
  const server = await startPreview(ed.file, ed.out);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // When the page image's version changes (the new image has loaded and gone in), note the time of the next frame.
    await page.addInitScript(() => {
      window.__shown = [];
      new MutationObserver(() => {
        const img = document.querySelector('#page-img');
        const v = img?.dataset.version;
        if (v)
          img
            .decode()
            .catch(() => {})
            .then(() => requestAnimationFrame(() => window.__shown.push({ page: img.dataset.page, v, t: Date.now() })));
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-version'] });
    });
    const target = name.startsWith('4') ? 3 : 1;
    await page.goto(`${server.url}#p=${target}`);
    await page.waitForSelector('#page-img[data-version]');
    /** The server is idle (built and checked) and the page shows its current version; that version. */
    const idle = async () => {
      const h = await page.waitForFunction(async (n) => {
        const s = await (await fetch('/state')).json();
        const p = s.pages.find((x) => x.number === n);
        const ready = s.status === 'ready' && s.pages.every((x) => x.checked);
        const shown = window.__shown.at(-1);
        return ready && shown && Number(shown.v) === p.version ? p.version : false;
      }, target);
      return h.jsonValue();
    };
    const screen = [];
    const build = [];
    const cpu = [];
    for (let i = 0; i < WARM + RUNS; i++) {
      const v0 = await idle();
      // the browser's clock on both ends (a headless browser's Date.now need not agree with Node's)
      const [t0, seen] = await page.evaluate(() => [Date.now(), window.__shown.length]);
      fs.writeFileSync(ed.story, story(`城东社区开展夏季消防演练第${i + 1}次`));
      const h = await page.waitForFunction(
        ([n, v, k]) => window.__shown.slice(k).find((x) => Number(x.page) === n && Number(x.v) > v),
        [target, v0, seen],
        { timeout: 60_000 },
      );
      const shown = await h.jsonValue();
      const state = await page.evaluate(async () => (await fetch('/state')).json());
      if (i >= WARM) {
        screen.push(shown.t - t0);
        build.push(state.build.ms);
        cpu.push(state.build.cpuMs);
      }
    }
    return { screen, build, cpu };
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  chromium = null;
}
if (!chromium || !fs.existsSync(CHROMIUM)) {
  console.log(`preview: skipped (needs playwright-core and Chromium at ${CHROMIUM}; apt-get install chromium)`);
} else {
  console.log(
    `preview: save → page on screen, median of ${RUNS} saves after ${WARM} warm-up ones (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
  );
  for (const name of Object.keys(CASES)) {
    const { screen, build, cpu } = await runCase(chromium, name);
    console.log(
      `  ${name.padEnd(28)} save→screen median ${median(screen)} ms (min ${Math.min(...screen)}, max ${Math.max(...screen)}); server rebuild median ${median(build)} ms wall, ${median(cpu)} ms CPU`,
    );
  }
  console.log(`  (load average afterwards ${os.loadavg()[0].toFixed(1)})`);
}
