/**
 * Lines of names and entries (a roll of honour, the entries of a list): where one entry ends and the next
 * begins. Where a line has runs of two or more spaces, the runs part the entries and a single space is padding
 * inside one (`王　芳家庭　　刘春华家庭`); otherwise every space parts them, and a character standing alone is a
 * surname padded to the width of three with what follows it (`王　芳　李建国` → `王　芳`, `李建国`). Names run on
 * with list commas (`赵一鸣、孙悦然`) stay one entry, commas and all. Entries keep their padding as printed.
 */
import { LIST, TABLE } from './patterns.js';
import { visLen } from './punctuation.js';

/** An entry: short, no sentence inside (a name, a unit, a name with its unit in brackets). */
const isEntry = (t: string): boolean =>
  visLen(t) >= 2 && visLen(t) <= 24 && !/[。；！？]/u.test(t) && !/[，,：:]$/u.test(t) && !TABLE.note.test(t);

/** The entries of one line, as printed, or null when the line is no line of entries. */
export function splitEntries(s: string): string[] | null {
  if (s.length > 400 || /[。；！？]/u.test(s)) return null;
  let out: string[];
  if (/[\s\u3000]{2,}/u.test(s)) {
    // runs of spaces part the entries; a single space is padding inside one, unless the chunk is several names
    out = s
      .split(/[\s\u3000]{2,}/u)
      .map((x) => x.trim())
      .filter(Boolean)
      .flatMap((x) => {
        const parts = x.split(/[\s\u3000]/u);
        return parts.length > 1 && parts.every((p) => LIST.name.test(p)) ? parts : [x];
      });
  } else if (/[、，,；;]/u.test(s)) {
    // names or units run on with list commas: one entry as printed (the commas are printed too); a sentence has
    // commas as well, and is no entry
    const unpadded = (x: string): string => x.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（）()]{1,30}[）)]$/u, '');
    const parts = s
      .split(/[、，,；;]/u)
      .map((x) => x.trim())
      .filter(Boolean);
    return parts.length > 1 && parts.every((x) => LIST.name.test(unpadded(x)) || LIST.unit.test(unpadded(x)))
      ? [s]
      : null;
  } else {
    // every space parts the entries; a character standing alone is a surname padded with what follows it
    const tokens = [...s.matchAll(/[^\s\u3000]+/gu)].map((m) => ({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    }));
    out = [];
    for (let k = 0; k < tokens.length; k++) {
      const a = tokens[k]!;
      const b = tokens[k + 1];
      if (/^\p{Script=Han}$/u.test(a.text) && b !== undefined) {
        out.push(s.slice(a.start, b.end));
        k++;
      } else out.push(a.text);
    }
  }
  if (out.length === 0 || !out.every(isEntry)) return null;
  // a name and its unit, maybe its post too (`刘春明　城关镇东山村卫生室`, `郭小丽　县人民医院　主管护师`): one entry
  if (isNameAndUnit(out)) return [s.trim()];
  return out;
}

/** A person's name, then the unit they work in (and a post of at most six characters): one entry of a roll. */
function isNameAndUnit(parts: string[]): boolean {
  const bare = (x: string): string => x.replace(/[\s\u3000]+/gu, '');
  const [a, b, post] = parts.map(bare);
  if (a === undefined || b === undefined || parts.length > 3 || (post !== undefined && visLen(post) > 6)) return false;
  return LIST.name.test(a) && !LIST.unit.test(a) && LIST.unit.test(b) && visLen(b) >= 4;
}

/** A roll line that is one person with their unit (`郭小丽　县人民医院　主管护师`): an entry, never a signature. */
export function isPersonWithUnit(s: string): boolean {
  const e = splitEntries(s);
  return e?.length === 1 && e[0] === s.trim() && /[\s\u3000]/u.test(s.trim());
}

/** A numbered entry of a roll: `1.郝　帅（县第一中学）`, `2、温晓婷`: the number, then one name. */
export function isNumberedName(s: string): boolean {
  const m = /^\d{1,3}[.、．](?!\d)(.+)$/u.exec(s.trim());
  return m !== null && LIST.name.test(m[1]!.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（）()]{1,30}[）)]$/u, ''));
}

/** The names of a line of names, as written (`王　芳  李建国` → [`王　芳`, `李建国`]), or null when it is not one. */
export function splitNames(s: string): string[] | null {
  const e = splitEntries(s);
  if (!e || e.length < 2) return null;
  const name = (t: string): boolean =>
    LIST.name.test(t.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（）()]{1,30}[）)]$/u, ''));
  return e.every(name) ? e : null;
}

/**
 * A line that is a roll of names, never a head line: four names or more, or a name padded to the width of three
 * (`王　芳　　李建国`), or households (`王芳家庭`). (Two or three short phrases, `锚定目标 坚定信心`, are a head.)
 */
export function isNamesLine(s: string): boolean {
  // a byline is names too, after a role word or a mark
  if (
    s.length > 400 ||
    !/[\s\u3000]/u.test(s) ||
    /^[■□●◆▲]|记者|通讯员|实习生|见习|摄影|编辑|评论员|作者|撰文/u.test(s)
  )
    return false;
  const e = splitEntries(s);
  if (!e || e.length < 2) return false;
  const short = (x: string): boolean => /^[\p{Script=Han}]{2,3}$/u.test(x.replace(/[\s\u3000]+/gu, ''));
  const padded = (x: string): boolean => /^\p{Script=Han}[\s\u3000]+\p{Script=Han}/u.test(x);
  const household = (x: string): boolean => /家庭(?:[（(][^（）()]*[）)])?$/u.test(x);
  return (e.length >= 4 && e.every(short)) || e.some(padded) || e.every(household);
}

/** A line of entries that are all names or units (`王　芳`, `县第一中学`, `赵一鸣、孙悦然`). */
export function isNamedEntries(s: string): boolean {
  const e = splitEntries(s);
  const bare = (x: string): string => x.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（）()]{1,30}[）)]$/u, '');
  return (
    e?.every((x) => x.split(/[、，,；;]/u).every((y) => LIST.name.test(bare(y)) || LIST.unit.test(bare(y)))) ?? false
  );
}
