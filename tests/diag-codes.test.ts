// The diagnostics table (src/diag/codes.ts) against the code that raises the codes and the README that lists them:
// every code raised under src/ is in the table, raised only by the stage that owns it, with the table's
// severity; every code in the table is raised somewhere; the README's table is the one the table writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, type Code, codesTableMarkdown, Sink } from '../src/diag/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** Where a code is raised: a sink call, `fail`, `diagnostic(…)`, an object's `code:` or a named constant. */
const RAISE = [
  /(?<!\w)(?:error|warn|info|report)\(\s*'([a-z0-9-]+)'/g,
  /(?<![.\w])readText\(\s*[^,()]+,\s*'([a-z0-9-]+)'/g,
  /(?<![.\w])(?:fail|refuse)\(\s*'([a-z0-9-]+)'/g,
  /(?<![.\w])report\(\s*\w+,\s*\w+,\s*'([a-z0-9-]+)'/g,
  /(?<![.\w])diagnostic\(\s*'([a-z0-9-]+)'/g,
  /\bcode:\s*'([a-z0-9-]+)'/g,
  /^const [A-Z_]+ = '([a-z0-9-]+)';/gm,
];

/** Files of the preflight's own findings (check ids, not diagnostics codes). */
const PREFLIGHT = /^pdf\/preflight/;

interface Raise {
  code: string;
  file: string;
  stage: string;
}

/** Every source file under src/, by its path relative to src/ (read once). */
const files = new Map(
  sources(SRC).map((f) => [path.relative(SRC, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')] as const),
);
/** The files that raise diagnostics: not diag/ (the table and the sink) except its YAML reader, not the preflight. */
const raising = [...files].filter(
  ([rel]) => (!rel.startsWith('diag/') || rel === 'diag/yaml.ts') && !PREFLIGHT.test(rel),
);

const raises: Raise[] = raising.flatMap(([rel, text]) =>
  RAISE.flatMap((re) => [...text.matchAll(re)].map((m) => ({ code: m[1]!, file: rel, stage: rel.split('/')[0]! }))),
);

describe('diagnostics codes', () => {
  it('finds the raise sites (the scan is not blind)', () => {
    expect(raises.length).toBeGreaterThan(40);
    expect(raises.some((r) => r.code === 'overset' && r.stage === 'layout')).toBe(true);
  });

  it('every code raised under src/ is in the table', () => {
    const unknown = raises.filter((r) => !(r.code in CODES)).map((r) => `${r.code} (${r.file})`);
    expect(unknown).toEqual([]);
  });

  it('each code is raised only by the stage that owns it', () => {
    const strays = raises
      .filter((r) => r.code in CODES && CODES[r.code as Code].stage !== r.stage)
      .map((r) => `${r.code} raised in ${r.file}, owned by ${CODES[r.code as Code].stage}`);
    expect(strays).toEqual([]);
  });

  it('every code in the table is used under src/', () => {
    const all = [...files]
      .filter(([rel]) => rel !== 'diag/codes.ts')
      .map(([, text]) => text)
      .join('\n');
    const raised = new Set(raises.map((r) => r.code));
    expect(Object.keys(CODES).filter((c) => !raised.has(c) && !all.includes(`'${c}'`))).toEqual([]);
  });

  it('no diagnostic is built with a severity of its own', () => {
    const literal = raising.filter(([, text]) => /severity:\s*'(?:error|warning|info)'/.test(text)).map(([rel]) => rel);
    expect(literal).toEqual([]);
  });

  it('a sink gives each code the severity of the table', () => {
    const sink = new Sink();
    sink.report('missing-image', 'm', {}, 'h');
    sink.report('overset', 'm', {}, 'h');
    sink.report('held', 'm', {}, 'h');
    expect(sink.items.map((d) => d.severity)).toEqual(['warning', 'error', 'info']);
  });

  it('every code has a meaning and a Chinese name', () => {
    for (const [code, c] of Object.entries(CODES)) {
      expect(c.meaning.length, code).toBeGreaterThan(10);
      expect(c.label, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('the README lists the table as npm run docs:codes writes it', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const begin = '<!-- diagnostics codes: begin (npm run docs:codes) -->';
    const a = readme.indexOf(begin);
    const b = readme.indexOf('<!-- diagnostics codes: end -->');
    expect(a, 'README markers').toBeGreaterThan(0);
    expect(readme.slice(a + begin.length, b).trim(), 'run npm run docs:codes').toBe(codesTableMarkdown());
  });
});
