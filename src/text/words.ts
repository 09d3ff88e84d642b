/**
 * Words in a headline: where a line break would fall inside a word. A break is allowed only where neither budoux's
 * phrases (zh-hans) nor the word list (headline-words.ts, by forward maximum matching) puts a word across it.
 */
import { loadDefaultSimplifiedChineseParser } from 'budoux';
import { HEADLINE_WORDS } from './headline-words.js';

let parser: ReturnType<typeof loadDefaultSimplifiedChineseParser> | null = null;
const LONGEST = Math.max(...[...HEADLINE_WORDS].map((w) => w.length));

/** budoux's phrases of `text`, as the UTF-16 offsets where one phrase ends and the next begins. */
export function phraseBoundaries(text: string): Set<number> {
  parser ??= loadDefaultSimplifiedChineseParser();
  const out = new Set<number>();
  let off = 0;
  for (const ph of parser.parse(text)) {
    off += ph.length;
    out.add(off);
  }
  return out;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Spans [start, end) of the list words found in `text` by forward maximum matching (longest word first). `extra`:
 * words a caller adds to the list (a paper's place names, a test corpus's).
 */
export function listWords(text: string, extra: ReadonlySet<string> = NO_WORDS): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const longest = Math.max(LONGEST, ...[...extra].map((w) => w.length));
  for (let i = 0; i < text.length; ) {
    let len = 0;
    for (let l = Math.min(longest, text.length - i); l >= 2 && !len; l--) {
      const w = text.slice(i, i + l);
      if (HEADLINE_WORDS.has(w) || extra.has(w)) len = l;
    }
    if (len) out.push([i, i + len]);
    i += len || 1;
  }
  return out;
}

/** Offsets (0 < offset < text.length) strictly inside a list word of `text`: a headline never breaks there. */
export function wordInteriors(text: string, extra: ReadonlySet<string> = NO_WORDS): Set<number> {
  const inside = new Set<number>();
  for (const [a, b] of listWords(text, extra)) for (let o = a + 1; o < b; o++) inside.add(o);
  return inside;
}

/**
 * Whether a line break at UTF-16 offset `offset` of headline `text` would fall inside a word: not at a budoux phrase
 * boundary, or inside a word of the list (or of `extra`). For page make-up (and tests) to check a headline's breaks.
 */
export function insideWord(text: string, offset: number, extra: ReadonlySet<string> = NO_WORDS): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return wordInteriors(text, extra).has(offset) || !phraseBoundaries(text).has(offset);
}
