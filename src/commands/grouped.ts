/**
 * A build's diagnostics as an editor reads them on the terminal: grouped by page, then by item (the page's
 * own problems last), each with its hint and where it comes from; problems of the edition as a whole at the
 * end. Returns lines; cli.ts prints them.
 */
import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import type { BuildReport, Place } from '../pipeline/index.js';

/** A file under the working folder as the user typed it (relative); one outside it as it is. */
function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return path.isAbsolute(file) && rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function groupedDiagnostics(
  report: Pick<BuildReport, 'pages' | 'diagnostics'>,
  places: Place[],
  opts: { quiet?: boolean } = {},
): string[] {
  const shown = (d: Diagnostic): boolean => (opts.quiet ? d.severity === 'error' : d.severity !== 'info');
  const groups = new Map<number | 'edition', Map<string, Diagnostic[]>>();
  report.diagnostics.forEach((d, i) => {
    if (!shown(d)) return;
    const p = places[i] ?? { page: null, item: null, onPage: false };
    const key = p.page ?? 'edition';
    const items = groups.get(key) ?? new Map<string, Diagnostic[]>();
    groups.set(key, items);
    const item = p.item ?? '';
    items.set(item, [...(items.get(item) ?? []), d]);
  });
  const order = [...new Set([...report.pages.map((p) => p.number), ...groups.keys()])].filter((k) => groups.has(k));
  order.sort((a, b) => (a === 'edition' ? 1 : b === 'edition' ? -1 : a - b));
  const lines: string[] = [];
  for (const key of order) {
    const items = groups.get(key)!;
    lines.push(key === 'edition' ? 'edition' : `page ${key}`);
    const page = key === 'edition' ? undefined : report.pages.find((p) => p.number === key);
    const names = [...items.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
    for (const item of names) {
      const mod = page?.layout.modules.find((m) => m.item === item);
      const title =
        item === ''
          ? key === 'edition'
            ? ''
            : 'the page'
          : mod
            ? `${item} (${mod.kind})`
            : `${item} (not on the page)`;
      const indent = title ? '    ' : '  ';
      if (title) lines.push(`  ${title}`);
      for (const d of items.get(item)!) {
        lines.push(`${indent}${d.severity} ${d.code}: ${d.message}`);
        lines.push(`${indent}  hint: ${d.hint}`);
        const src = d.at.file ? `${relative(d.at.file)}${d.at.line ? `:${d.at.line}` : ''}` : '';
        if (src) lines.push(`${indent}  at ${src}`);
      }
    }
  }
  return lines;
}
