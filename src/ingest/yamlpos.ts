/** YAML helpers: parse with line numbers and map zod issues to the line of the offending node. */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { type Diagnostic, diagnostic } from '../diag/index.js';

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  /** Line offset added to every line (front matter starts after `---`). */
  offset: number;
}

export function parseYaml(src: string, file: string, offset = 0): { parsed: ParsedYaml; errors: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors: Diagnostic[] = doc.errors.map((e) =>
    diagnostic(
      'yaml-syntax',
      `YAML syntax: ${e.message
        .split('\n')[0]!
        .replace(/\.$/, '')
        .replace(/^\w/, (c) => c.toLowerCase())}`,
      { file, line: lines.linePos(e.pos[0]).line + offset },
      'fix the YAML syntax at this line (indentation, a missing colon or quote, a tab instead of spaces)',
    ),
  );
  return { parsed: { doc, lines, offset }, errors };
}

/** The line of the node at `path`, or of its nearest existing ancestor. */
export function lineOf(p: ParsedYaml, path: ReadonlyArray<PropertyKey>): number {
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return p.lines.linePos(node.range[0]).line + p.offset;
    // a key's line, when the value is missing
    if (n > 0) {
      const parent = p.doc.getIn(path.slice(0, n - 1) as unknown[], true) as
        | { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> }
        | undefined;
      const key = parent?.items?.find((it) => it.key?.value === path[n - 1]);
      if (key?.key?.range) return p.lines.linePos(key.key.range[0]).line + p.offset;
    }
  }
  return 1 + p.offset;
}

/** `pages.0.overrides` → `pages[0].overrides`. */
export const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
