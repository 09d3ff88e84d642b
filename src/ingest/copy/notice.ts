/**
 * Notices (公告, 通知, 主席令, 决定, 任免名单, 启事 …): the title, the document number under it, the text line by
 * line (numbered lines kept as they are), then the signature (issuer lines) and the date, flush right.
 */
import type { ParagraphMark } from '../../model/edition.js';
import {
  hasAdField,
  isByline,
  isDateOnly,
  isDecoration,
  isFieldLine,
  isHeadCandidate,
  isIssuer,
  isListTitle,
  isNoticeNumber,
  isNoticeTitle,
  isNumbered,
  isProse,
  isRollTitle,
  isSigner,
  isTerminal,
  splitSignedDate,
} from './classify.js';
import { opensStory } from './heads.js';
import { type ListMatch, readList } from './list.js';
import { isNamesLine } from './names.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface NoticeMatch {
  title: string;
  number: string | null;
  paragraphs: string[];
  lines: number[];
  marks: ParagraphMark[];
  signature: string[];
  date: string | null;
  no: number;
  next: number;
}

/**
 * The notice's closing block at line j, set apart by a blank line: contact lines (`联系电话：138…`), the signature
 * (an issuer, or `失主：张先生`) and the date, nothing else, and a signature or a date among them (or contact
 * lines alone, then such a block). Why: the
 * contact line looks like an ad's, and the block was cut off the notice as one.
 */
function closingBlock(c: Copy, j: number, depth = 0): boolean {
  let signed = false;
  let k = j;
  for (; k < c.length && k < j + 6 && (k === j || !c.at(k)!.blankBefore); k++) {
    const t = c.text(k)!;
    if (isIssuer(t) || isSigner(t) || isDateOnly(t) || splitSignedDate(t)) signed = true;
    else if (!isFieldLine(t) && !(hasAdField(t) && visLen(t) <= 40 && !/[。；，]/u.test(t))) return false;
  }
  if (k < c.length && !c.at(k)!.blankBefore) return false;
  // contact lines alone, then the signature and date in a block of their own
  return signed || (depth === 0 && k < c.length && closingBlock(c, k, 1));
}

/**
 * Does a roll read inside a notice end it: the roll took the signature and date, or what follows it is no more
 * of the notice's text (another title, a head line)? A sentence after the roll (`公示期间，如有异议，…`) is.
 */
function rollEnds(c: Copy, list: ListMatch | null): boolean {
  if (!list) return false;
  if (list.outro.some(isDateOnly)) return true;
  const t = c.text(list.next);
  if (t === undefined || isNoticeTitle(t) || isListTitle(t)) return true;
  return !(isProse(t) && !isHeadCandidate(t));
}

/** A notice starting at line i (its title, or an issuer line over its title), or null. */
export function readNotice(c: Copy, i: number, endsAt: (j: number) => boolean): NoticeMatch | null {
  const first = c.at(i);
  if (!first) return null;
  let j = i;
  let title: string;
  const second = c.at(i + 1);
  if (isNoticeTitle(first.text)) {
    title = first.text;
    j = i + 1;
  } else if (second && !second.blankBefore && isIssuer(first.text) && isNoticeTitle(second.text)) {
    title = `${first.text}\n${second.text}`;
    j = i + 2;
  } else return null;
  let number: string | null = null;
  if (c.at(j) && isNoticeNumber(c.text(j)!)) number = c.text(j++)!;
  // a news story about a notice (a byline or a dateline under its head) is a story
  const under = c.text(j);
  if (under !== undefined && (isByline(under) || opensStory(under))) return null;
  const paras: string[] = [];
  const lines: number[] = [];
  const roll = isRollTitle(title);
  while (j < c.length) {
    const ln = c.at(j)!;
    if (isDecoration(ln.text)) break;
    // a notice ends with its date line (落款日期), blank line or not, or where another item starts
    if (paras.length > 1 && isDateOnly(paras[paras.length - 1]!)) break;
    if (paras.length > 0 && ln.blankBefore && (isNoticeTitle(ln.text) || (endsAt(j) && !closingBlock(c, j)))) break;
    // a roll under its own title (`…名单`, `…光荣榜`), blank line or not: a list of its own, never the notice's text
    // (unless the notice's own text goes on after it: then the roll is part of the notice, its lines entries)
    if (paras.length > 0 && !roll && isListTitle(ln.text) && rollEnds(c, readList(c, j, endsAt))) break;
    // with no blank lines (indented copy): a line set flush left that is no signature opens the next item
    if (
      paras.length > 0 &&
      !ln.blankBefore &&
      c.style.indented &&
      !ln.indented &&
      !isIssuer(ln.text) &&
      !isSigner(ln.text) &&
      !isDateOnly(ln.text) &&
      !splitSignedDate(ln.text) &&
      (isNoticeTitle(ln.text) || endsAt(j))
    )
      break;
    // the signature and the date on one line: both close the notice
    const signed = paras.length > 0 ? splitSignedDate(ln.text) : null;
    if (signed) {
      paras.push(...signed);
      lines.push(ln.no, ln.no);
      j++;
      break;
    }
    const k = paras.length - 1;
    const prev = paras[k];
    if (
      prev !== undefined &&
      !ln.blankBefore &&
      !c.opensParagraph(j) &&
      !isTerminal(prev) &&
      isProse(prev) &&
      visLen(prev) >= 20 &&
      !isFieldLine(prev) &&
      !isNumbered(ln.text) &&
      !isDateOnly(ln.text) &&
      !isIssuer(ln.text)
    ) {
      paras[k] = prev + ln.text; // a line cut mid-sentence
    } else {
      paras.push(ln.text);
      lines.push(ln.no);
    }
    j++;
  }
  if (paras.length === 0 && number === null) return null;
  // the date, then the issuer lines above it, close the notice (never its only text)
  let date: string | null = null;
  if (paras.length > 1 && isDateOnly(paras[paras.length - 1]!)) {
    date = paras.pop()!;
    lines.pop();
  }
  const signature: string[] = [];
  const signs = (p: string): boolean => isIssuer(p) || isSigner(p);
  while (paras.length > 1 && signature.length < 3 && signs(paras[paras.length - 1]!)) {
    signature.unshift(paras.pop()!);
    lines.pop();
  }
  const marks: ParagraphMark[] = [];
  paras.forEach((p, k) => {
    // a roll (任免名单): every line but a bracketed note is an entry; elsewhere a short numbered line is a crosshead
    if ((roll && !/^[（(].*[）)]$/u.test(p)) || isNamesLine(p)) marks.push({ paragraph: k, role: 'entry' });
    // the title of a roll inside the notice (`拟命名对象名单`) heads its entries
    else if (isListTitle(p) && paras[k + 1] !== undefined && isNamesLine(paras[k + 1]!))
      marks.push({ paragraph: k, role: 'crosshead' });
    else if (!roll && isNumbered(p) && !isTerminal(p) && visLen(p) <= 30)
      marks.push({ paragraph: k, role: 'crosshead' });
  });
  return { title, number, paragraphs: paras, lines, marks, signature, date, no: first.no, next: j };
}
