// Layout benchmark: median wall time of layoutPage (module measuring + make-up search) over 5 runs and peak RSS,
// per synthetic case built from the sample page's items. Plain Node on dist/ (run `npm run build` first, or
// `npm run bench`). Each case runs in its own child process so that peak RSS is per case.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Seconds per case before it is reported as too slow. */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 300);

const sample = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json'), 'utf8')).items;
/** The sample's items with new ids (copy k), without the weather box (one 报眼 weather per page). */
const copy = (k) =>
  sample()
    .filter((it) => it.kind !== 'weather')
    .map((it) => ({ ...it, id: `${it.id}-${k}` }));
/** Short copies (简讯-sized): the first paragraph only, for pages of many small items that do fit. */
const brief = (k) =>
  copy(k)
    .filter((it) => it.kind === 'article')
    .map((it) => ({ ...it, kicker: null, subhead: null, section: undefined, paragraphs: it.paragraphs.slice(0, 1) }));
const paper = {
  name: '平湖日报',
  romanized: 'PINGHU RIBAO',
  publisher: '中共平湖市委机关报',
  registration: 'CN 33-0000',
  postalCode: '31-00',
  website: 'www.example.cn',
};
const edition = (pages) => ({ paper, date: '2024-07-03', issue: 12345, pages, baseDir: ROOT });

const CASES = {
  'sample (9 items)': () => [{ number: 1, name: '要闻', layout: 'broadsheet', items: sample() }],
  '15 items (9 + 6 short)': () => [
    { number: 1, name: '要闻', layout: 'broadsheet', items: [...sample(), ...brief(2), ...brief(3).slice(0, 2)] },
  ],
  'x2 (17 items)': () => [{ number: 1, name: '要闻', layout: 'broadsheet', items: [...sample(), ...copy(2)] }],
  'x3 (25 items)': () => [
    { number: 1, name: '要闻', layout: 'broadsheet', items: [...sample(), ...copy(2), ...copy(3)] },
  ],
  '4 pages (9+8+8+8 items)': () => [
    { number: 1, name: '要闻', layout: 'broadsheet', items: sample() },
    ...[2, 3, 4].map((n) => ({ number: n, name: `版${n}`, layout: 'broadsheet', items: copy(n) })),
  ],
};

async function runCase(name) {
  const { layoutPage, loadTemplate } = await import(path.join(ROOT, 'dist', 'layout', 'index.js'));
  const { loadFontBook } = await import(path.join(ROOT, 'dist', 'fonts', 'index.js'));
  const { Sink } = await import(path.join(ROOT, 'dist', 'diag', 'index.js'));
  const fonts = loadFontBook();
  const template = loadTemplate('broadsheet');
  const times = [];
  let summary = '';
  for (let r = 0; r < RUNS; r++) {
    const pages = CASES[name]();
    const ed = edition(pages);
    const sink = new Sink();
    const t0 = performance.now();
    const layouts = pages.map((p) => layoutPage(p, ed, template, fonts, sink));
    times.push(performance.now() - t0);
    summary = layouts.map((l) => `${l.modules.length}m/${l.overset.length}o`).join(' ');
  }
  times.sort((a, b) => a - b);
  const rss = process.resourceUsage().maxRSS / 1024; // KiB → MiB
  process.stdout.write(
    JSON.stringify({ name, median: times[Math.floor(RUNS / 2)], min: times[0], max: times[RUNS - 1], rss, summary }),
  );
}

if (process.argv[2]) {
  await runCase(process.argv[2]);
} else {
  console.log(`layout benchmark (${RUNS} runs per case; median / min–max wall ms of layoutPage; peak RSS MiB)`);
  for (const name of Object.keys(CASES)) {
    let out;
    try {
      out = JSON.parse(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), name], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
          timeout: TIMEOUT * 1000,
        }),
      );
    } catch (e) {
      console.log(
        `${name.padEnd(26)} failed or over ${TIMEOUT} s for ${RUNS} runs: ${String(e.message).split('\n')[0]}`,
      );
      continue;
    }
    console.log(
      `${name.padEnd(26)} median ${out.median.toFixed(0).padStart(6)} ms  (${out.min.toFixed(0)}–${out.max.toFixed(0)})  peak RSS ${out.rss.toFixed(0).padStart(5)} MiB  [modules/overset per page: ${out.summary}]`,
    );
  }
}
