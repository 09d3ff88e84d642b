/**
 * Words in a headline: where a line break would fall inside a word. A break is allowed only where neither budoux's
 * phrases (zh-hans) nor the word list (headline-words.ts, by forward maximum matching) puts a word across it.
 */
import { loadDefaultSimplifiedChineseParser } from 'budoux';
import { HEADLINE_WORDS } from './headline-words.js';
import { NUMBER_PREFIXES, NUMBER_SUFFIXES } from './rules.js';

let parser: ReturnType<typeof loadDefaultSimplifiedChineseParser> | null = null;
const LONGEST = Math.max(...[...HEADLINE_WORDS].map((w) => w.length));

/** Heads are checked again and again at every size and width: budoux's answer and the list's, kept per text. */
const CACHE_MAX = 4096;
const boundaryCache = new Map<string, ReadonlySet<number>>();
const interiorCache = new Map<string, ReadonlySet<number>>();

function cached(cache: Map<string, ReadonlySet<number>>, text: string, f: () => Set<number>): ReadonlySet<number> {
  let v = cache.get(text);
  if (!v) {
    if (cache.size >= CACHE_MAX) cache.clear();
    v = f();
    cache.set(text, v);
  }
  return v;
}

/** budoux's phrases of `text`, as the UTF-16 offsets where one phrase ends and the next begins. */
export function phraseBoundaries(text: string): ReadonlySet<number> {
  return cached(boundaryCache, text, () => {
    parser ??= loadDefaultSimplifiedChineseParser();
    const out = new Set<number>();
    let off = 0;
    for (const ph of parser.parse(text)) {
      off += ph.length;
      out.add(off);
    }
    return out;
  });
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Digits and Chinese numerals (一百二十八, 3.5, ２０) that with their units make one word of a head. */
const NUMERAL = /[0-9０-９零〇一二三四五六七八九十百千万亿两.．]/u;

/**
 * Spans [start, end) of amounts: a prefix (第, 约 …), a run of numerals and the units after it (`一百二十八亿元`,
 * `第十届`, `3.5万吨`), never broken in a head (rules.ts NUMBER_PREFIXES and NUMBER_SUFFIXES, the same house rule
 * as in body text). A lone numeral inside a word (统一, 万一) is no amount: at least two characters with a digit
 * or a unit.
 */
export function amounts(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const ch = Array.from(text);
  let off = 0;
  const offs = ch.map((c) => {
    const o = off;
    off += c.length;
    return o;
  });
  for (let i = 0; i < ch.length; ) {
    let j = i;
    if (NUMBER_PREFIXES.has(ch[j]!)) j++;
    const n0 = j;
    while (j < ch.length && NUMERAL.test(ch[j]!)) j++;
    if (j === n0 || ch.slice(n0, j).every((c) => c === '.' || c === '．')) {
      i = Math.max(i + 1, j);
      continue;
    }
    while (j < ch.length && NUMBER_SUFFIXES.has(ch[j]!)) j++;
    if (j - i >= 2) out.push([offs[i]!, j < ch.length ? offs[j]! : text.length]);
    i = j;
  }
  return out;
}

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
export function wordInteriors(text: string, extra: ReadonlySet<string> = NO_WORDS): ReadonlySet<number> {
  const find = (): Set<number> => {
    const inside = new Set<number>();
    for (const [a, b] of [...listWords(text, extra), ...amounts(text)]) for (let o = a + 1; o < b; o++) inside.add(o);
    return inside;
  };
  return extra === NO_WORDS ? cached(interiorCache, text, find) : find();
}

/**
 * Whether a line break at UTF-16 offset `offset` of headline `text` would fall inside a word: not at a budoux phrase
 * boundary, or inside a word of the list (or of `extra`). For page make-up (and tests) to check a headline's breaks.
 */
export function insideWord(text: string, offset: number, extra: ReadonlySet<string> = NO_WORDS): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return wordInteriors(text, extra).has(offset) || !phraseBoundaries(text).has(offset);
}
