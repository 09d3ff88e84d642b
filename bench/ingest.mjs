// Ingest benchmark: median wall time over 5 runs of importCopy on large decoded inputs (the sample copy repeated
// to 2 MB, 2 MB of it on one line), of importCopyBytes on the largest copy file accepted (1 MiB of GB18030,
// decoded then imported), and of the refusal of a 5 MB file. Plain Node on dist/ (`npm run bench` builds first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const { importCopy, importCopyBytes, importCopyFile, COPY_LIMIT_BYTES } = await import(
  path.join(ROOT, 'dist', 'ingest', 'index.js')
);
const { Sink } = await import(path.join(ROOT, 'dist', 'diag', 'index.js'));

const SAMPLE = fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt'), 'utf8');
const MB2 = 2 * 1024 * 1024;

/** GB18030 bytes of a text (Node has no encoder): two-byte codes found by decoding every pair once. */
function gb18030(text) {
  const table = new Map();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(Uint8Array.from([a, b]));
      if (b !== 0x7f && ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  const out = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)));
  return Uint8Array.from(out);
}

const page = gb18030(`${SAMPLE}\n\n`);
const gbFile = new Uint8Array(Math.floor(COPY_LIMIT_BYTES / page.length) * page.length);
for (let k = 0; k < gbFile.length; k += page.length) gbFile.set(page, k);
const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-bench-')), 'dump.txt');
fs.writeFileSync(big, Buffer.alloc(5 * 1024 * 1024, 'a'));

const CASES = {
  'sample copy (1 page)': () => importCopy(SAMPLE, 'bench.txt', new Sink()),
  'sample x N = 2 MB': (
    (t) => () =>
      importCopy(t, 'bench.txt', new Sink())
  )(`${SAMPLE}\n\n`.repeat(Math.ceil(MB2 / Buffer.byteLength(`${SAMPLE}\n\n`)))),
  '2 MB on one line': (
    (t) => () =>
      importCopy(t, 'bench.txt', new Sink())
  )(SAMPLE.replace(/\s+/g, '').repeat(Math.ceil(MB2 / Buffer.byteLength(SAMPLE)))),
  '1 MiB GB18030 file': () => importCopyBytes(gbFile, 'bench.txt', new Sink()),
  'refuse a 5 MB file': () => {
    try {
      importCopyFile(big, new Sink());
    } catch {
      return [];
    }
    throw new Error('the 5 MB file was not refused');
  },
};

importCopy(SAMPLE, 'warm.txt', new Sink());
for (const [name, run] of Object.entries(CASES)) {
  const times = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    items = run().length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${name.padEnd(24)} median ${median.toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})  ${items} items  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}
fs.rmSync(path.dirname(big), { recursive: true, force: true });
