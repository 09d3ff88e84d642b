// Scores the copy importer on a directory of page copy against its truth.json (run after `npm run build`):
//   node tools/ingest-score.mjs tests/fixtures/ingest-round5 [dist]
// truth.json maps each file to its items, in order, as [kind, head, credits], where head is the headline or
// title (lines joined by \n) and credits are a story's or photo's credits, or a notice's signature. It prints,
// per file and in total: heads recognised (a true head that is an item's head), kinds right (and that item of
// the true kind), credits right (that item with exactly the true credits or signature), and heads misread as
// text (a true head line inside a paragraph, kicker, subhead, caption or list entry). `dist` (default: this
// checkout's dist/) lets the same copy be scored on another build, to measure a change before and after.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, distArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node tools/ingest-score.mjs <fixture dir with truth.json> [dist dir]\n');
  process.exit(2);
}
const dist = path.resolve(distArg ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist'));
const { importCopyFile } = await import(pathToFileURL(path.join(dist, 'ingest', 'index.js')).href);
const { Sink } = await import(pathToFileURL(path.join(dist, 'diag', 'index.js')).href);

const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
const squeeze = (s) => s.replace(/[\s\u3000]/gu, '');
const headOf = (it) => ('headline' in it ? it.headline : 'title' in it ? it.title : null);
const creditsOf = (it) => (it.kind === 'notice' ? it.signature : 'credits' in it ? it.credits : []);
const textsOf = (it) => [
  ...(it.kicker ? it.kicker.split('\n') : []),
  ...(it.subhead ? it.subhead.split('\n') : []),
  ...(it.paragraphs ?? []),
  ...(it.kind === 'photo' ? [it.caption] : []),
  ...(it.kind === 'list' ? [...it.entries, ...it.intro, ...it.outro] : []),
];

const total = { heads: 0, found: 0, kinds: 0, credits: 0, creditsFound: 0, misread: 0 };
for (const [file, rows] of Object.entries(truth)) {
  const items = importCopyFile(path.join(dir, file), new Sink(), file);
  const byHead = new Map(items.map((it) => [squeeze(headOf(it) ?? ''), it]));
  const texts = new Set(items.flatMap(textsOf).map(squeeze));
  const s = { heads: 0, found: 0, kinds: 0, credits: 0, creditsFound: 0, misread: 0 };
  for (const [kind, head, credits] of rows) {
    if (!head) continue;
    s.heads++;
    const it = byHead.get(squeeze(head));
    if (it) s.found++;
    if (it?.kind === kind) s.kinds++;
    if (credits?.length) {
      s.credits++;
      if (it && JSON.stringify(creditsOf(it)) === JSON.stringify(credits)) s.creditsFound++;
    }
    if (head.split('\n').some((h) => texts.has(squeeze(h)))) s.misread++;
  }
  for (const k of Object.keys(total)) total[k] += s[k];
  process.stdout.write(
    `${file.padEnd(32)} heads ${s.found}/${s.heads}  kinds ${s.kinds}/${s.heads}  credits ${s.creditsFound}/${s.credits}  misread ${s.misread}\n`,
  );
}
process.stdout.write(
  `${'total'.padEnd(32)} heads ${total.found}/${total.heads}  kinds ${total.kinds}/${total.heads}  credits ${total.creditsFound}/${total.credits}  misread ${total.misread}\n`,
);
