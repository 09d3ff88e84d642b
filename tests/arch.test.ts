/**
 * Architecture rules (docs/ARCHITECTURE.md), enforced on the source: the stage DAG, third-party confinement,
 * no printing under src/ except the CLI, no clocks or randomness in the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The module of a file: its first folder under src/, or the file name for top-level files. */
const moduleOf = (file: string): string => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.ts$/, '');
};

/** Which modules each module may import (the pipeline order; a stage never reaches forward). */
const ALLOWED: Record<string, string[]> = {
  core: [],
  diag: ['core'],
  model: ['core', 'diag'],
  ingest: ['core', 'diag', 'model'],
  fonts: ['core', 'diag'],
  text: ['core', 'diag', 'fonts'],
  layout: ['core', 'diag', 'model', 'fonts', 'text'],
  paint: ['core', 'diag', 'fonts', 'text', 'layout'],
  pdf: ['core', 'diag', 'paint'],
  preview: ['core', 'diag'],
  pipeline: ['core', 'diag', 'model', 'ingest', 'fonts', 'text', 'layout', 'paint', 'pdf', 'preview'],
  serve: ['core', 'diag', 'pipeline', 'preview'],
  commands: [
    'core',
    'diag',
    'model',
    'ingest',
    'fonts',
    'text',
    'layout',
    'paint',
    'pdf',
    'preview',
    'pipeline',
    'serve',
  ],
};

/** Third-party packages confined to one module. */
const CONFINED: Record<string, string> = {
  fontkit: 'fonts',
  pdfkit: 'pdf',
  'pdf-lib': 'pdf',
  '@pdf-lib/fontkit': 'pdf',
  sharp: 'pdf',
  mupdf: 'preview',
  budoux: 'text',
  commander: 'commands',
};

const imports = (src: string): string[] =>
  [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );

const all = files(SRC);

describe('architecture', () => {
  it('finds the source', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('imports follow the stage order', () => {
    const bad: string[] = [];
    for (const f of all) {
      const mod = moduleOf(f);
      const allowed = ALLOWED[mod];
      if (!allowed) {
        bad.push(`${path.relative(SRC, f)}: module ${mod} is not in the architecture table`);
        continue;
      }
      for (const spec of imports(fs.readFileSync(f, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = moduleOf(path.resolve(path.dirname(f), spec).replace(/\.js$/, '.ts'));
        if (target !== mod && !allowed.includes(target))
          bad.push(`${path.relative(SRC, f)} imports ${spec} (${mod} → ${target})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('third-party engines are confined to their module', () => {
    const bad: string[] = [];
    for (const f of all) {
      const mod = moduleOf(f);
      for (const spec of imports(fs.readFileSync(f, 'utf8'))) {
        const home =
          CONFINED[spec] ??
          CONFINED[
            spec
              .split('/')
              .slice(0, spec.startsWith('@') ? 2 : 1)
              .join('/')
          ];
        if (home && home !== mod) bad.push(`${path.relative(SRC, f)} imports ${spec}, which belongs to ${home}/`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pdf-lib never embeds a font (its fontkit fork corrupts CJK subsets): fonts go through pdfkit only', () => {
    const bad = all
      .filter((f) => /\bembedFont\(|registerFontkit\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('nothing under src/ prints except the CLI, and the engine reads no clock or randomness', () => {
    const bad: string[] = [];
    for (const f of all) {
      const rel = path.relative(SRC, f);
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (rel !== path.join('commands', 'cli.ts') && /\bconsole\.|process\.(stdout|stderr)\.write/.test(code))
        bad.push(`${rel} prints`);
      if (/Date\.now\(|new Date\(\)|Math\.random\(/.test(code)) bad.push(`${rel} reads the clock or randomness`);
    }
    expect(bad).toEqual([]);
  });
});
