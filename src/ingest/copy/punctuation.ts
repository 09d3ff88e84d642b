/**
 * Punctuation normalisation for newsroom copy.
 *
 * The documented rule (the only change the importer makes to visible characters):
 * ASCII `,` `:` `;` `?` `!` `(` `)` next to Chinese text become their full-width forms
 * `，` `：` `；` `？` `！` `（` `）`. "Next to Chinese text" means the nearest non-space character on either side
 * is a Han character or CJK / full-width punctuation. Left alone: marks between digits (`1,000`, `10:30`),
 * marks inside Latin text (`AI PaaS`, `http://x.cn/?a=1`), and `.` / `%` (never converted: `99.3%`).
 * Brackets convert as pairs: when one side of a matched `(`…`)` pair qualifies, both convert.
 * Spaces left between a converted mark and Chinese text are removed (they are not visible text).
 */

const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2018-\u201F\u2026\u2014\u00B7\u2103]/u;
const DIGIT = /[0-9]/;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

export const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);
/** The marks converted one by one (brackets go as pairs). */
const MARKS = new Set([',', ':', ';', '?', '!']);

/** Space as the rule means it: ASCII space, tab, U+3000. */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;

/** The character (code point) at UTF-16 index i of `s`, which may be either half of a surrogate pair. */
function charAt(s: string, i: number): string {
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return String.fromCodePoint(s.codePointAt(i - 1)!);
  if (c >= 0xd800 && c <= 0xdbff) return String.fromCodePoint(s.codePointAt(i)!);
  return s[i]!;
}

/** The nearest character that is not a space before (dir -1) or after (dir 1) index i. */
function neighbour(s: string, i: number, dir: -1 | 1): string | undefined {
  for (let j = i + dir; j >= 0 && j < s.length; j += dir) if (!isSpace(s.charCodeAt(j))) return charAt(s, j);
  return undefined;
}

/** Normalise one line of copy (see the rule above). Works on UTF-16 indices: the marks are all ASCII. */
export function normalizePunctuation(line: string): string {
  if (!/[,:;?!()]/.test(line)) return line;
  const convert = new Set<number>();
  const near = (i: number): boolean => isCjk(neighbour(line, i, -1)) || isCjk(neighbour(line, i, 1));
  // brackets as pairs
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x28) stack.push(i);
    else if (c === 0x29) {
      const open = stack.pop();
      if (open === undefined) {
        if (near(i)) convert.add(i);
      } else pairs.push([open, i]);
    }
  }
  for (const open of stack) if (near(open)) convert.add(open);
  for (const [o, c] of pairs) {
    if (near(o) || near(c)) {
      convert.add(o);
      convert.add(c);
    }
  }
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (!MARKS.has(c)) continue;
    const prev = neighbour(line, i, -1);
    const next = neighbour(line, i, 1);
    if ((c === ',' || c === ':') && DIGIT.test(prev ?? '') && DIGIT.test(next ?? '')) continue;
    if (isCjk(prev) || isCjk(next)) convert.add(i);
  }
  if (convert.size === 0) return line;
  // the line with each converted mark full width and the spaces around it removed
  const out: string[] = [];
  let pos = 0;
  for (const m of [...convert].sort((a, b) => a - b)) {
    let end = m;
    while (end > pos && isSpace(line.charCodeAt(end - 1))) end--;
    out.push(line.slice(pos, end), FULL[line[m]!]!);
    pos = m + 1;
    while (pos < line.length && isSpace(line.charCodeAt(pos)) && !convert.has(pos)) pos++;
  }
  out.push(line.slice(pos));
  return out.join('');
}

/** Fold the normalisation away (full-width → ASCII) so two texts can be compared modulo the rule. */
export function foldPunctuation(s: string): string {
  return s.replace(
    /[，：；？！（）]/g,
    (c) => ({ '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' })[c]!,
  );
}

/** Visible length: characters (code points) that are not whitespace. Allocation-free: it runs on every line many times. */
export function visLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    if (
      c === 0x20 ||
      (c >= 0x09 && c <= 0x0d) ||
      c === 0xa0 ||
      c === 0x3000 ||
      c === 0xfeff ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f
    )
      continue;
    n++;
  }
  return n;
}
