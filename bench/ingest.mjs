// Ingest benchmark: median wall time of importCopy over 5 runs on large inputs (the sample copy repeated to
// 2 MB, 2 MB of it on one line). Plain Node on dist/ (`npm run bench` builds first).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const { importCopy } = await import(path.join(ROOT, 'dist', 'ingest', 'index.js'));
const { Sink } = await import(path.join(ROOT, 'dist', 'diag', 'index.js'));

const SAMPLE = fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt'), 'utf8');
const MB2 = 2 * 1024 * 1024;
const CASES = {
  'sample copy (1 page)': SAMPLE,
  'sample x N = 2 MB': `${SAMPLE}\n\n`.repeat(Math.ceil(MB2 / Buffer.byteLength(`${SAMPLE}\n\n`))),
  '2 MB on one line': SAMPLE.replace(/\s+/g, '').repeat(Math.ceil(MB2 / Buffer.byteLength(SAMPLE))),
};

importCopy(SAMPLE, 'warm.txt', new Sink());
for (const [name, text] of Object.entries(CASES)) {
  const times = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    items = importCopy(text, 'bench.txt', new Sink()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${name.padEnd(24)} median ${median.toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})  ${items} items  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}
