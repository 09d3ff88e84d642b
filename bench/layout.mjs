// Layout benchmark: median wall time of the make-up (module measuring + search + building + quality figures) over
// RUNS runs and peak RSS, per case: the sample page, a 15-item page of the test corpus on both templates, and a
// 16-page edition of corpus pages laid out as an edition (continuations forwarded). Plain Node on dist/ (run
// `npm run build` first, or `npm run bench`). Each case runs in its own child process, after one warm-up run
// (fonts opened, shaping caches filled), so that peak RSS is per case.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Seconds per case before it is reported as too slow. */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 600);

const paper = {
  name: '平湖日报',
  romanized: 'PINGHU RIBAO',
  publisher: '中共平湖市委机关报',
  registration: 'CN 33-0000',
};
const sample = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json'), 'utf8')).items;

async function corpus() {
  const ingest = await import(path.join(ROOT, 'dist', 'ingest', 'index.js'));
  const { Sink } = await import(path.join(ROOT, 'dist', 'diag', 'index.js'));
  const { corpusPages, corpusEdition } = await import(path.join(ROOT, 'tests', 'fixtures', 'corpus', 'load.mjs'));
  return { pages: corpusPages(ingest, new Sink()), corpusEdition };
}

/** Each case: a function returning an edition, and whether to lay it out page by page or as an edition. */
const CASES = {
  'sample page (9 items)': async () => ({
    paper,
    date: '2024-07-03',
    issue: 12345,
    pages: [{ number: 1, name: '要闻', layout: 'broadsheet', items: sample() }],
    baseDir: ROOT,
  }),
  '15-item page (broadsheet)': async () => {
    const { pages, corpusEdition } = await corpus();
    return corpusEdition(
      pages.find((p) => p.id === 'p03-dense-b'),
      'broadsheet',
    );
  },
  '15-item page (tabloid)': async () => {
    const { pages, corpusEdition } = await corpus();
    return corpusEdition(
      pages.find((p) => p.id === 'p03-dense-b'),
      'tabloid',
    );
  },
  '16-page edition (broadsheet)': async () => {
    const { pages: cp, corpusEdition } = await corpus();
    const order = [
      'p01-front',
      'p02-dense-a',
      'p03-dense-b',
      'p13-overfull',
      'p09-no-photo',
      'p10-one-photo',
      'p11-three-photos',
      'p04-feature',
      'p05-briefs',
      'p06-opinion',
      'p14-copy',
      'p08-tables',
      'p07-notices',
      'p02-dense-a',
      'p03-dense-b',
      'p12-underfull',
    ];
    const base = corpusEdition(cp[0], 'broadsheet');
    const pages = order.map((id, k) => {
      const p = cp.find((x) => x.id === id);
      // ids stay unique per page; a repeated page is a copy of the corpus page under new ids
      const items = p.items.map((it) => ({ ...it, id: `${it.id}-p${k + 1}` }));
      return { number: k + 1, name: p.name, layout: 'broadsheet', items };
    });
    return { ...base, pages, continuation: { auto: true } };
  },
};

async function runCase(name) {
  const { layoutEdition } = await import(path.join(ROOT, 'dist', 'pipeline', 'index.js'));
  const { loadFontBook } = await import(path.join(ROOT, 'dist', 'fonts', 'index.js'));
  const { Sink } = await import(path.join(ROOT, 'dist', 'diag', 'index.js'));
  const fonts = loadFontBook();
  const times = [];
  let summary = '';
  for (let r = 0; r <= RUNS; r++) {
    const ed = await CASES[name]();
    const sink = new Sink();
    const t0 = performance.now();
    const layouts = layoutEdition(ed, sink, fonts);
    const ms = performance.now() - t0;
    if (r > 0) times.push(ms); // run 0 warms the fonts and caches
    const lost = layouts.reduce((a, l) => a + l.overset.length, 0);
    const holes = layouts.map((l) => (l.quality.hole * 100).toFixed(1));
    summary = `${layouts.length} pages, ${layouts.reduce((a, l) => a + l.modules.length, 0)} modules, ${lost} held/overset, jumps ${layouts.reduce((a, l) => a + l.jumps.length, 0)}, holes % ${holes.length > 4 ? `max ${Math.max(...holes.map(Number))}` : holes.join(' ')}`;
  }
  times.sort((a, b) => a - b);
  const rss = process.resourceUsage().maxRSS / 1024; // KiB → MiB
  process.stdout.write(
    JSON.stringify({
      name,
      median: times[Math.floor(times.length / 2)],
      min: times[0],
      max: times[times.length - 1],
      rss,
      summary,
    }),
  );
}

if (process.argv[2]) {
  await runCase(process.argv[2]);
} else {
  console.log(`layout benchmark (${RUNS} runs per case after a warm-up; median / min–max wall ms; peak RSS MiB)`);
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
      console.log(`${name.padEnd(30)} failed or over ${TIMEOUT} s: ${String(e.message).split('\n')[0]}`);
      continue;
    }
    console.log(
      `${name.padEnd(30)} median ${out.median.toFixed(0).padStart(6)} ms  (${out.min.toFixed(0)}–${out.max.toFixed(0)})  peak RSS ${out.rss.toFixed(0).padStart(5)} MiB  [${out.summary}]`,
    );
  }
}
