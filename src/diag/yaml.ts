/**
 * YAML input files (edition files, story front matter, layout templates) with located diagnostics: parse with
 * line numbers, explain the mistakes editors make (a tab in the indentation, a full-width colon after a field
 * name) with one error each, and map zod schema issues to the line of the offending node, with "did you mean"
 * for misspelt field names.
 */
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type CodeOf, type Diagnostic, diagnostic } from './index.js';
import { closest } from './suggest.js';

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  /** Line offset added to every line (front matter starts after `---`). */
  offset: number;
}

/** A field name followed by a full-width colon: `name：要闻` (an IME left in Chinese mode). */
const FULL_WIDTH_KEY = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*：/u;

export function parseYaml(src: string, file: string, offset = 0): { parsed: ParsedYaml; errors: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed = { doc, lines, offset };
  const error = (line: number, message: string, hint: string): Diagnostic =>
    diagnostic('yaml-syntax', message, { file, line: line + offset }, hint);
  const srcLines = src.split(/\r\n|\r|\n/u);
  // a full-width colon after a field name: the line is not a field at all, whatever else the parser says
  const colons = srcLines.flatMap((l, k) => {
    const m = FULL_WIDTH_KEY.exec(l);
    return m
      ? [
          error(
            k + 1,
            `YAML syntax: the field name "${m[2]}" is followed by a full-width colon "："`,
            `type an ASCII colon and a space after the field name: ${m[2]}: …`,
          ),
        ]
      : [];
  });
  if (colons.length) return { parsed, errors: colons };
  if (doc.errors.length === 0) return { parsed, errors: [] };
  // a tab in the indentation: one error for the line, not the cascade the parser reports after it
  const tabs = srcLines.flatMap((l, k) =>
    /^[ ]*\t/u.test(l) && l.trim() !== ''
      ? [error(k + 1, 'YAML syntax: a tab in the indentation', 'indent with spaces only (YAML does not allow tabs)')]
      : [],
  );
  if (tabs.length) return { parsed, errors: tabs };
  const seen = new Set<number>();
  const errors: Diagnostic[] = [];
  for (const e of doc.errors) {
    const line = lines.linePos(e.pos[0]).line;
    if (seen.has(line)) continue;
    seen.add(line);
    errors.push(
      error(
        line,
        `YAML syntax: ${e.message
          .split('\n')[0]!
          .replace(/\.$/, '')
          .replace(/^\w/, (c) => c.toLowerCase())}`,
        'fix the YAML syntax at this line (indentation, a missing colon or quote)',
      ),
    );
  }
  return { parsed, errors };
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

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
  options?: Array<{ _zod: { def: Def } }>;
}

/** The field names an object schema allows at `path` (through optional, default, pipes, arrays and records). */
export function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const unwrap = (d: Def): Def[] => {
    if (d.innerType) return unwrap(d.innerType._zod.def);
    if (d.type === 'pipe' && d.in) return unwrap(d.in._zod.def);
    if (d.type === 'union' && d.options) return d.options.flatMap((o) => unwrap(o._zod.def));
    return [d];
  };
  let defs = unwrap((schema as unknown as { _zod: { def: Def } })._zod.def);
  for (const k of path) {
    defs = defs.flatMap((d) => {
      if (d.type === 'object' && typeof k === 'string' && d.shape?.[k]) return unwrap(d.shape[k]._zod.def);
      if (d.type === 'array' && typeof k === 'number' && d.element) return unwrap(d.element._zod.def);
      if (d.type === 'record' && d.valueType) return unwrap(d.valueType._zod.def);
      return [];
    });
  }
  return [...new Set(defs.flatMap((d) => (d.type === 'object' && d.shape ? Object.keys(d.shape) : [])))];
}

/**
 * One diagnostic per zod issue, each at the line of the offending YAML node; one per unknown field, with the
 * field it is probably a misspelling of when `schema` is given.
 */
export function zodDiagnostics(
  error: z.ZodError,
  p: ParsedYaml,
  file: string,
  code: CodeOf<'error'>,
  hintFor: (path: string, issue: z.core.$ZodIssue) => string,
  schema?: z.ZodType,
): Diagnostic[] {
  return error.issues.flatMap((issue): Diagnostic[] => {
    const path = issue.path;
    const where = pathText(path);
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? keysAt(schema, path) : [];
      return issue.keys.map((key) => {
        const near = closest(key, known);
        return diagnostic(
          code,
          `${where}: unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`,
          { file, line: lineOf(p, [...path, key]) },
          near
            ? `rename "${key}" to "${near}"`
            : known.length
              ? `remove "${key}" or use one of the fields here: ${known.join(', ')}`
              : hintFor(where, issue),
        );
      });
    }
    let message = `${where}: ${issue.message.replace(/^\w/, (c) => c.toLowerCase())}`;
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      message = `${where}: required field is missing`;
    return [diagnostic(code, message, { file, line: lineOf(p, path) }, hintFor(where, issue))];
  });
}

/**
 * Unknown fields in `data` for a schema that does not reject them itself (plain `z.object` strips them): one
 * error per unknown field, at its line, with the field it probably misspells.
 */
export function unknownFields(
  data: unknown,
  schema: z.ZodType,
  p: ParsedYaml,
  file: string,
  code: CodeOf<'error'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(v)) {
      for (const [k, x] of v.entries()) walk(x, [...path, k]);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const known = keysAt(schema, path);
    for (const [key, value] of Object.entries(v)) {
      if (known.length && !known.includes(key)) {
        const near = closest(key, known);
        out.push(
          diagnostic(
            code,
            `${pathText(path)}: unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`,
            { file, line: lineOf(p, [...path, key]) },
            near
              ? `rename "${key}" to "${near}"`
              : `remove "${key}" or use one of the fields here: ${known.join(', ')}`,
          ),
        );
      } else walk(value, [...path, key]);
    }
  };
  walk(data, []);
  return out;
}
