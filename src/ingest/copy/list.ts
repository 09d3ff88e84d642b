/**
 * Lists of names (获奖名单, 表彰名单, 光荣榜, “最美家庭”名单): the title, intro lines (a sentence, a note such as
 * `（排名不分先后）`), the entries (split as names.ts says), group headings among them (`一、先进集体（4个）`,
 * `一等奖：`), and the lines after them (a note, the issuer, the date).
 */
import {
  isDateOnly,
  isDecoration,
  isHeadCandidate,
  isIssuer,
  isListTitle,
  isNoticeTitle,
  isNumbered,
  isRollTitle,
  isTerminal,
} from './classify.js';
import { isNamesLine, isNumberedName, isPersonWithUnit, splitEntries, splitNames } from './names.js';
import { LIST, TABLE } from './patterns.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';
import { readTable } from './table.js';

export interface ListMatch {
  title: string;
  intro: string[];
  entries: string[];
  /** Entries that head a group (indices into entries). */
  headings: number[];
  outro: string[];
  no: number;
  next: number;
}

/** A heading over a group of entries: `一、先进集体（4个）`, `一等奖（3名）`, `先进个人：`. */
const isHeading = (t: string): boolean =>
  visLen(t) <= 20 && !isTerminal(t.replace(/[：:]$/u, '')) && (isNumbered(t) || LIST.heading.test(t));

/** A note on the list: `（排名不分先后）`, `（按姓氏笔画排序）`. */
const isNote = (t: string): boolean => /^[（(][^（）()]{2,30}[）)]$/u.test(t) || TABLE.note.test(t);

/**
 * Does a list start at line i: a list title (`…名单`, `光荣榜`), or a head line right over a roll of names
 * (`2024年度某市“最美家庭”` / `王　芳家庭　　刘春华家庭`)?
 */
export function opensList(c: Copy, i: number): boolean {
  const t = c.text(i);
  const n = c.at(i + 1);
  if (t === undefined || isRollTitle(t)) return false;
  return isListTitle(t) || (n !== undefined && isHeadCandidate(t) && isNamesLine(n.text));
}

/** A list starting at line i (its title), or null. `endsAt(j)`: line j (opening a block) starts another item. */
export function readList(c: Copy, i: number, endsAt: (j: number) => boolean): ListMatch | null {
  const first = c.at(i);
  if (!first || !opensList(c, i)) return null;
  let j = i + 1;
  const intro: string[] = [];
  const entries: string[] = [];
  const headings: number[] = [];
  const outro: string[] = [];
  // intro: sentences and notes before the first entry
  while (j < c.length && intro.length < 3) {
    const t = c.text(j)!;
    if (!(isNote(t) || ((isTerminal(t) || /[：:]$/u.test(t)) && visLen(t) >= 12 && !splitEntries(t)))) break;
    intro.push(t);
    j++;
  }
  /** The signature and date close the list: a date line, and the short lines right above it. */
  const closes = (k: number): boolean => {
    const t = c.text(k)!;
    if (isDateOnly(t)) return true;
    const n = c.text(k + 1);
    const n2 = c.text(k + 2);
    const short = (x: string): boolean => visLen(x) <= 24 && !/[。；]/u.test(x);
    return (
      (n !== undefined && isDateOnly(n) && short(t)) ||
      (n2 !== undefined && isDateOnly(n2) && isIssuer(t) && isIssuer(n!) && !splitNames(t))
    );
  };
  /** An issuer line ending the block after a roll of names (not of units: there it is one more entry). */
  const signs = (k: number): boolean => {
    const t = c.text(k)!;
    const n = c.at(k + 1);
    if (!isIssuer(t) || splitNames(t) || isPersonWithUnit(t) || (n !== undefined && !n.blankBefore)) return false;
    return entries.filter((e) => LIST.unit.test(e.replace(/[\s\u3000]+/gu, ''))).length < entries.length / 2;
  };
  while (j < c.length) {
    const ln = c.at(j)!;
    const t = ln.text;
    // another list's title or a notice's title (`招聘启事`) ends the entries, blank line or not
    if (isDecoration(t) || (entries.length > 0 && (isListTitle(t) || isNoticeTitle(t)))) break;
    if (entries.length > 0 && ln.blankBefore && !isHeading(t) && endsAt(j)) break;
    // a table (or its title over it) set apart by a blank line: `运动会金牌榜` over rows of figures
    if (entries.length > 0 && ln.blankBefore && readTable(c, j)) break;
    if (entries.length > 0 && (closes(j) || isNote(t) || signs(j))) break;
    // a numbered name (`1.郝　帅（县第一中学）`) is one entry, never a heading
    if (isNumberedName(t) && !isHeading(t.replace(/^\d{1,3}[.、．]/u, ''))) {
      entries.push(t);
      j++;
      continue;
    }
    if (isHeading(t) && c.at(j + 1) && splitEntries(c.text(j + 1)!)) {
      headings.push(entries.length);
      entries.push(t);
      j++;
      continue;
    }
    // a heading run in before its entries: `一等奖：姚　远　　钱晓丽`, `“孝老爱亲”模范：冯大爷　郑阿姨`
    const run = /^(.{2,14}?[：:])(.+)$/u.exec(t);
    const rest = run && isHeading(run[1]!) ? splitEntries(run[2]!) : null;
    if (run && rest) {
      headings.push(entries.length);
      entries.push(run[1]!, ...rest);
      j++;
      continue;
    }
    const e = splitEntries(t);
    if (!e) break;
    entries.push(...e);
    j++;
  }
  // names run on with list commas count one by one (`王子涵（县实验小学）、李欣怡（城关中学）`)
  const count = entries.reduce((n, e) => n + e.split(/[、，,；;]/u).length, 0);
  if (count - headings.length < 2) return null;
  // after the entries: a note, the issuer and the date
  while (j < c.length && outro.length < 4) {
    const t = c.text(j)!;
    if (!(isDateOnly(t) || isNote(t) || isIssuer(t) || closes(j))) break;
    if (c.at(j)!.blankBefore && outro.length === 0 && !isDateOnly(t) && !isNote(t) && !closes(j) && endsAt(j)) break;
    outro.push(t);
    j++;
    if (isDateOnly(t)) break;
  }
  return { title: first.text, intro, entries, headings, outro, no: first.no, next: j };
}
