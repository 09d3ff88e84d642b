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
const SPACE = /[ \t\u3000]/;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

export const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);

function neighbour(chars: string[], i: number, dir: -1 | 1): string | undefined {
  for (let j = i + dir; j >= 0 && j < chars.length; j += dir) {
    const c = chars[j]!;
    if (!SPACE.test(c)) return c;
  }
  return undefined;
}

/** Normalise one line of copy (see the rule above). */
export function normalizePunctuation(line: string): string {
  if (!/[,:;?!()]/.test(line)) return line;
  const chars = Array.from(line);
  const convert = new Set<number>();
  // brackets as pairs
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  chars.forEach((c, i) => {
    if (c === '(') stack.push(i);
    else if (c === ')') {
      const open = stack.pop();
      if (open === undefined) {
        if (isCjk(neighbour(chars, i, -1)) || isCjk(neighbour(chars, i, 1))) convert.add(i);
      } else pairs.push([open, i]);
    }
  });
  for (const open of stack)
    if (isCjk(neighbour(chars, open, -1)) || isCjk(neighbour(chars, open, 1))) convert.add(open);
  for (const [o, c] of pairs) {
    const near = [neighbour(chars, o, -1), neighbour(chars, o, 1), neighbour(chars, c, -1), neighbour(chars, c, 1)];
    if (near.some(isCjk)) {
      convert.add(o);
      convert.add(c);
    }
  }
  chars.forEach((c, i) => {
    if (!(c in FULL) || c === '(' || c === ')') return;
    const prev = neighbour(chars, i, -1);
    const next = neighbour(chars, i, 1);
    if ((c === ',' || c === ':') && DIGIT.test(prev ?? '') && DIGIT.test(next ?? '')) return;
    if (isCjk(prev) || isCjk(next)) convert.add(i);
  });
  if (convert.size === 0) return line;
  const out: string[] = [];
  chars.forEach((c, i) => {
    if (convert.has(i)) {
      // drop spaces just before a converted mark
      while (out.length && SPACE.test(out[out.length - 1]!)) out.pop();
      out.push(FULL[c]!);
    } else if (SPACE.test(c) && out.length && convert.has(lastIndexBefore(chars, i))) {
      // drop spaces just after a converted mark
    } else out.push(c);
  });
  return out.join('');
}

/** Index of the nearest non-space character before i (or -1). */
function lastIndexBefore(chars: string[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!SPACE.test(chars[j]!)) return j;
  return -1;
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
