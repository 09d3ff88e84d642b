// Composer benchmark: median wall and CPU time over 5 runs of preparing paragraphs once and breaking each at every
// measure from 6 to 40 em in half-em steps (page make-up composes every story at many widths), for the sample
// body and for the hard cases. Plain Node on dist/ (`npm run bench` builds first).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const { loadFontBook } = await import(path.join(ROOT, 'dist', 'fonts', 'index.js'));
const { BODY_SETTINGS, breakLines, prepareParagraph } = await import(path.join(ROOT, 'dist', 'text', 'index.js'));

const face = loadFontBook().face('body');
const lines = (file) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').pop().trim());
const CASES = {
  'sample body': lines('tests/fixtures/sample-body.txt'),
  'hard cases': lines('tests/fixtures/text/hard-cases.tsv'),
};
const MEASURES = Array.from({ length: 69 }, (_, i) => 6 + i / 2);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`composer benchmark (${RUNS} runs; median wall / CPU ms; ${MEASURES.length} measures, 6–40 em)`);
for (const [name, paras] of Object.entries(CASES)) {
  const prep = { wall: [], cpu: [] };
  const brk = { wall: [], cpu: [] };
  let count = 0;
  for (let r = 0; r < RUNS; r++) {
    let w = performance.now();
    let c = cpu();
    const prepared = paras.map((text) => prepareParagraph([{ text, style: { face, size: 9 } }], BODY_SETTINGS));
    prep.wall.push(performance.now() - w);
    prep.cpu.push(cpu() - c);
    w = performance.now();
    c = cpu();
    count = 0;
    for (const p of prepared) for (const m of MEASURES) count += breakLines(p, m * 9).length;
    brk.wall.push(performance.now() - w);
    brk.cpu.push(cpu() - c);
  }
  console.log(
    `${`${name} (${paras.length} paragraphs)`.padEnd(28)} prepare ${median(prep.wall).toFixed(1).padStart(6)} / ${median(prep.cpu).toFixed(1).padStart(6)} ms   break ${median(brk.wall).toFixed(0).padStart(6)} / ${median(brk.cpu).toFixed(0).padStart(6)} ms  (${count} lines)`,
  );
}
