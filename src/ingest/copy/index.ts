/**
 * The importer for newsroom page copy: plain text as a newsroom's system exports a page, in any of the forms
 * newspapers use (the sample county page with blank lines between paragraphs; a national daily's pages exported
 * one story after another with U+3000 indents and empty head slots; briefs, notices, lists, tables, photos).
 *
 * It runs as five passes, each in its own file:
 *
 * 1. decode (decode.ts): bytes → text: UTF-8, UTF-16 with a byte-order mark, GB18030; binary and oversized
 *    files refused with a located error;
 * 2. normalise (normalize.ts): text → lines: every line break, escapes and invisible characters removed,
 *    indents remembered, punctuation normalised (the one documented change to visible text);
 * 3. segment (segment.ts): lines → blocks, and the copy's style (indents or blank lines mark paragraphs);
 * 4. classify (classify.ts, with every pattern in patterns.ts): what each line is alone;
 * 5. assemble (assemble.ts with heads, body, photo, notice, list, table, briefs, furniture): the items.
 *
 * Then checks.ts warns about unbalanced quotes and lost paragraph breaks. Nothing visible is lost: every
 * character of the input ends up in an item, except ornament lines (`——————`), which are reported as
 * `import-dropped-text`. Guesses an editor should check are reported as `info`.
 */
import fs from 'node:fs';
import { fail, type Sink } from '../../diag/index.js';
import type { Item } from '../../model/edition.js';
import { assemble } from './assemble.js';
import { checkItems } from './checks.js';
import { checkCopySize, decodeCopy } from './decode.js';
import { normalizeLines } from './normalize.js';
import { segment } from './segment.js';

export { COPY_LIMIT_BYTES } from './decode.js';
export { LINE_BREAK } from './normalize.js';

/**
 * Import decoded newsroom page copy. `file` names the copy in diagnostics and in each item's `origin`. Items
 * are numbered per kind in copy order: `article-1`, `commentary-1`, `photo-1`, `notice-1`, …
 */
export function importCopy(text: string, file: string, sink: Sink): Item[] {
  // 2. normalise: lines of clean text
  const raw = normalizeLines(text, file, sink);
  // 3. segment: blocks, and how this copy marks its paragraphs
  const copy = segment(raw, file, sink);
  // 4–5. classify each line as the assembler asks, and assemble the items
  const { items, paragraphLines } = assemble(copy);
  // what an editor should check: unbalanced quotes and brackets, paragraphs that lost their breaks
  checkItems(copy, items, paragraphLines);
  if (items.length === 0) {
    sink.warn(
      'import-empty',
      'the copy contains no text',
      { file, line: 1 },
      'check that the right file was given and that it is the page copy',
    );
  }
  return items;
}

/** Import the bytes of a copy file: decode them (refusing binary, damaged or oversized files), then import. */
export function importCopyBytes(bytes: Uint8Array, file: string, sink: Sink): Item[] {
  // 1. decode: bytes → text in the encoding the newsroom saved
  return importCopy(decodeCopy(bytes, file, sink), file, sink);
}

/**
 * Read and import a copy file. The size is checked before the file is read. `name` is how diagnostics name the
 * file (default: the path).
 */
export function importCopyFile(path: string, sink: Sink, name = path): Item[] {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    return fail(
      'copy-unreadable',
      `copy file ${name} does not exist or cannot be read`,
      { file: name },
      'check the path of the copy file',
    );
  }
  checkCopySize(size, name);
  return importCopyBytes(fs.readFileSync(path), name, sink);
}
