/**
 * Lists of names (获奖名单, 光荣榜): the title, an intro sentence, the entries (a line of names is split into one
 * entry per name; a two-character name padded to three, `王　芳`, stays one name), and lines after them.
 */
import { isDateOnly, isDecoration, isIssuer, isListTitle, isRollTitle, isTerminal } from './classify.js';
import { LIST, TABLE } from './patterns.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface ListMatch {
  title: string;
  intro: string[];
  entries: string[];
  outro: string[];
  no: number;
  next: number;
}

/** The names of a line of names, as written (`王　芳  李建国` → [`王　芳`, `李建国`]), or null when it is not one. */
export function splitNames(s: string): string[] | null {
  if (s.length > 400) return null;
  const tokens = [...s.matchAll(/[^\s\u3000、，,；;]+/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (tokens.length < 2) return null;
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1];
    // a single character and the next single character: one padded name (surname and given name)
    if (Array.from(a.text).length === 1 && b && Array.from(b.text).length === 1) {
      out.push(s.slice(a.start, b.end));
      k++;
      continue;
    }
    out.push(a.text);
  }
  const name = (t: string): boolean =>
    LIST.name.test(t.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（）()]{1,30}[）)]$/u, ''));
  return out.every(name) ? out : null;
}

/** An entry line of a list: names, or a short line that is not a sentence. */
const isEntryLine = (s: string): boolean => splitNames(s) !== null || (visLen(s) <= 40 && !/[。；]$/u.test(s));

/** A list starting at line i (its title), or null. */
export function readList(c: Copy, i: number, endsAt: (j: number) => boolean): ListMatch | null {
  const first = c.at(i);
  if (!first || !isListTitle(first.text) || isRollTitle(first.text)) return null;
  let j = i + 1;
  const intro: string[] = [];
  const entries: string[] = [];
  const outro: string[] = [];
  // intro: sentences before the first entry
  while (j < c.length && intro.length < 3) {
    const t = c.text(j)!;
    if (splitNames(t) || !(isTerminal(t) || /[：:]$/u.test(t)) || visLen(t) < 12) break;
    intro.push(t);
    j++;
  }
  while (j < c.length) {
    const ln = c.at(j)!;
    if (isDecoration(ln.text)) break;
    if (entries.length > 0 && ln.blankBefore && endsAt(j)) break;
    if (
      isDateOnly(ln.text) ||
      TABLE.note.test(ln.text) ||
      (entries.length > 0 && isIssuer(ln.text) && !splitNames(ln.text))
    )
      break;
    if (!isEntryLine(ln.text)) break;
    entries.push(...(splitNames(ln.text) ?? [ln.text]));
    j++;
  }
  if (entries.length < 2) return null;
  // after the entries: a note, the issuer and the date
  while (j < c.length && outro.length < 4) {
    const t = c.text(j)!;
    if (!(isDateOnly(t) || TABLE.note.test(t) || isIssuer(t) || /^[（(].*[）)]$/u.test(t))) break;
    if (c.at(j)!.blankBefore && outro.length === 0 && !isDateOnly(t) && !TABLE.note.test(t) && endsAt(j)) break;
    outro.push(t);
    j++;
  }
  return { title: first.text, intro, entries, outro, no: first.no, next: j };
}
