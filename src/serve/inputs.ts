/**
 * The files an edition names, read leniently from the edition file: its pages' copy, story and image files.
 * The builder says which files a good build read; this also covers what a build could not read (a story file
 * not written yet, a photo not delivered, an edition file broken halfway through an edit), so that the file
 * that mends the build is watched too.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The files `editionFile` names (paths relative to it, resolved), as far as it can be read; [] if not at all. */
export function namedInputs(editionFile: string): string[] {
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(editionFile, 'utf8'));
  } catch {
    return [];
  }
  const pages = (doc as { pages?: unknown } | null)?.pages;
  if (!Array.isArray(pages)) return [];
  const dir = path.dirname(editionFile);
  const out: string[] = [];
  for (const p of pages) {
    if (!p || typeof p !== 'object') continue;
    const page = p as Record<string, unknown>;
    out.push(...strings(page.copy), ...strings(page.stories));
    if (page.images && typeof page.images === 'object') out.push(...Object.values(page.images).flatMap(strings));
  }
  return out.map((f) => path.resolve(dir, f));
}
