// Writes the README's diagnostics table from the table in src/diag/codes.ts (run by `npm run docs:codes`,
// after `npm run build`). The table sits between the two marker comments; tests/diag-codes.test.ts fails when
// the README and the table disagree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codesTableMarkdown } from '../dist/diag/codes.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const BEGIN = '<!-- diagnostics codes: begin (npm run docs:codes) -->';
const END = '<!-- diagnostics codes: end -->';

const text = fs.readFileSync(README, 'utf8');
const a = text.indexOf(BEGIN);
const b = text.indexOf(END);
if (a < 0 || b < a) {
  process.stderr.write(`README.md lacks the markers ${BEGIN} … ${END}\n`);
  process.exit(1);
}
fs.writeFileSync(README, `${text.slice(0, a + BEGIN.length)}\n${codesTableMarkdown()}\n${text.slice(b)}`);
