/**
 * Story bodies: the paragraphs after a head group, up to the start of the next item. A paragraph the copy cut
 * where the printed column broke is rejoined; datelines, credits, closing lines, labels, signatures, jump lines,
 * questions, notes and crossheads are recognised and kept in the story they belong to.
 */
import type { ParagraphMark } from '../../model/edition.js';
import {
  hasAdSignal,
  isBareName,
  isBoxedName,
  isBracketCredit,
  isByline,
  isClosing,
  isDateOnly,
  isDecoration,
  isEditorNote,
  isFieldLine,
  isLabelWord,
  isNumbered,
  isPhotoCredit,
  isProse,
  isQuestion,
  isSectionLabel,
  isSignature,
  isTerminal,
  endsWithBracketCredit,
  splitCredits,
  splitDateline,
  splitJumpOut,
  splitLeadCredit,
  splitTrailingCredit,
} from './classify.js';
import { opensStory, readStoryStart, type StoryStart } from './heads.js';
import { isNamedEntries, isNamesLine } from './names.js';
import { CONTINUES, HEAD, OPEN_END, SENTENCE_STOP } from './patterns.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

/** What the body reader tells the assembler when it asks whether line j starts another item. */
export interface BodyState {
  /** The story may be one of a list of briefs (one head line, no byline, no dateline), or its text ended with a credit. */
  briefLike: boolean;
  /** The story has ended (a closing line, a closing byline, a jump line): any new head starts another item. */
  ended: boolean;
  /** The story already has its byline or dateline: a byline closing the text after a head line is another story's. */
  credited: boolean;
}

export interface BodyHooks {
  /** Does line j start another item? Asked only once the story has text. */
  startsItem(j: number, state: BodyState): boolean;
  /** Report and skip an ornament line. */
  dropDecoration(j: number): void;
}

export interface Body {
  dateline: string | null;
  /** Credits found in the body: after the dateline, opening or closing the text. */
  credits: string[];
  paragraphs: string[];
  /** The source line of each paragraph. */
  lines: number[];
  marks: ParagraphMark[];
  /** Index of the first line after the story. */
  next: number;
}

/** The end of a paragraph, for the tests that only look at how it ends (a paragraph grows line by line). */
const tail = (s: string): string => (s.length > 160 ? s.slice(-160) : s);

/** Lines that may follow a story's closing line and still belong to it. */
const closesStory = (t: string): boolean =>
  isClosing(t) || isBracketCredit(t) || isPhotoCredit(t) || isSignature(t) || isByline(t);

/** Read the body of the story whose head group is `start`. */
export function readBody(c: Copy, start: StoryStart, hooks: BodyHooks, briefLike: boolean): Body {
  const paras: string[] = [];
  const lines: number[] = [];
  const roles = new Map<number, ParagraphMark['role']>();
  const credits: string[] = [];
  let dateline: string | null = null;
  /** Something left the text between the previous line and the next (a byline, an ornament): do not rejoin across it. */
  let fresh = false;
  /** The end of each paragraph, kept apart: slicing a paragraph grown by concatenation would copy all of it. */
  const ends: string[] = [];
  const push = (t: string, no: number, role?: ParagraphMark['role']): void => {
    if (role) roles.set(paras.length, role);
    ends[paras.length] = tail(t);
    paras.push(t);
    lines.push(no);
  };
  /** Add one line of text: rejoined with the previous paragraph when that one was cut mid-sentence. */
  const add = (t: string, no: number, indented: boolean): void => {
    const k = paras.length - 1;
    const end = ends[k] ?? '';
    const join =
      !fresh &&
      k >= 0 &&
      !roles.has(k) &&
      !(c.style.indented && indented) &&
      !isTerminal(end) &&
      isProse(end) &&
      visLen(end) >= 16 &&
      !isFieldLine(end) &&
      !isNumbered(t) &&
      !isByline(t) &&
      !isDateOnly(t);
    fresh = false;
    if (join) {
      paras[k] = paras[k]! + t;
      ends[k] = tail(end + t);
      return;
    }
    let role: ParagraphMark['role'] | undefined;
    if (isQuestion(t) && !isByline(t)) role = 'question';
    else if (isEditorNote(t)) role = 'note';
    push(t, no, role);
  };
  let j = start.next;
  // 编者按 between the head and the byline: the note, then the byline, then the text (its dateline stays in the
  // text: a dateline runs into the first paragraph, which is the note here)
  if (c.at(j) && isEditorNote(c.text(j)!)) {
    const first = c.at(j++)!;
    add(first.text, first.no, first.indented);
    while (c.at(j) && !c.at(j)!.blankBefore && !c.opensParagraph(j)) {
      const t = c.text(j)!;
      if (opensStory(t) || isByline(t) || isBoxedName(t) || isSignature(t)) break;
      add(t, c.at(j)!.no, c.at(j)!.indented);
      j++;
    }
    if (c.at(j) && isSignature(c.text(j)!)) {
      push(c.text(j)!, c.at(j)!.no, 'signature');
      j++;
    }
    if (start.credits.length === 0) {
      while (c.at(j) && (isByline(c.text(j)!) || isBoxedName(c.text(j)!) || isBareName(c.text(j)!))) {
        credits.push(...splitCredits(c.text(j++)!));
        fresh = true;
      }
    }
    if (c.at(j) && opensStory(c.text(j)!)) {
      const ln = c.at(j++)!;
      add(ln.text, ln.no, ln.indented);
    }
  }
  // a label under the head (`核心阅读`) and its summary come before the dateline
  const first = c.at(j);
  if (first && paras.length === 0) {
    const d = splitDateline(first.text);
    const lead = d ? null : splitLeadCredit(first.text);
    if (d) {
      dateline = d.dateline;
      if (d.credit) credits.push(d.credit);
      // a byline run on after the dateline (`【本报讯】记者 X 通讯员 Y`) is the credit, not text
      if (d.rest && isByline(d.rest)) credits.push(...splitCredits(d.rest));
      else if (d.rest) push(d.rest, first.no);
      j++;
    } else if (lead) {
      credits.push(lead[0]);
      push(lead[1], first.no);
      j++;
    }
  }
  const state: BodyState = { briefLike, ended: false, credited: false };
  while (j < c.length) {
    const ln = c.at(j)!;
    const t = ln.text;
    if (isDecoration(t)) {
      hooks.dropDecoration(j);
      fresh = true;
      j++;
      continue;
    }
    if (state.ended && (ln.blankBefore || !closesStory(t))) break;
    const last = ends[paras.length - 1];
    if (!fresh && last !== undefined && !roles.has(paras.length - 1) && continuesText(c, j, last)) {
      // the rest of a sentence the copy cut with a blank line (`……倾听群众心声，` / `帮助农户解决实际困难`)
      const k = paras.length - 1;
      paras[k] = paras[k]! + t;
      ends[k] = tail(last + t);
      j++;
      continue;
    }
    state.briefLike = briefLike || (last !== undefined && endsWithBracketCredit(last));
    state.credited = start.credits.length > 0 || credits.length > 0 || dateline !== null;
    // labels alone (`记者手记` under the head) are no text yet: the dateline after them still opens this story
    const onlyLabels = [...roles.values()].filter((r) => r === 'label').length === paras.length;
    if ((!onlyLabels || dateline !== null) && hooks.startsItem(j, state)) break;
    if (paras.length > 0) {
      if (isBracketCredit(t) || (isByline(t) && !isQuestion(t) && !isPhotoCredit(t))) {
        // a byline closing the story: `（记者 张三 通讯员 李四）` or `本报记者  张  某` on a line of its own; an
        // unbracketed line naming several roles (`本报记者 X　通讯员 Y`) gives a credit per role, as it does above
        credits.push(...splitCredits(t));
        state.ended = true;
        j++;
        continue;
      }
      if (isClosing(t)) {
        push(t, ln.no, 'closing');
        state.ended = true;
        j++;
        continue;
      }
      if (isPhotoCredit(t)) {
        // the credit of a picture printed with the story: it closes the caption paragraph before it
        push(t, ln.no, 'closing');
        fresh = true;
        j++;
        continue;
      }
      if (isSignature(t)) {
        push(t, ln.no, 'signature');
        fresh = true;
        j++;
        continue;
      }
    }
    if (isLabelWord(t) || isSectionLabel(t)) {
      push(t, ln.no, 'label');
      fresh = true;
      j++;
      continue;
    }
    if (dateline === null && onlyLabels) {
      // the first paragraph after a label: it may still open with the dateline
      const d = splitDateline(t);
      if (d) {
        dateline = d.dateline;
        if (d.credit) credits.push(d.credit);
        if (d.rest) push(d.rest, ln.no);
        j++;
        continue;
      }
    }
    const jump = splitJumpOut(t);
    if (jump) {
      if (jump[0]) add(jump[0], ln.no, ln.indented);
      push(jump[1], ln.no, 'jump');
      state.ended = true;
      j++;
      continue;
    }
    add(t, ln.no, ln.indented);
    j++;
  }
  markEntries(paras, roles);
  markCrossheads(paras, roles);
  splitClosingCredit(paras, roles, credits);
  return {
    dateline,
    credits,
    paragraphs: paras,
    lines,
    marks: [...roles].sort((x, y) => x[0] - y[0]).map(([paragraph, role]) => ({ paragraph, role })),
    next: j,
  };
}

/**
 * Does line j continue the paragraph that ends with `end`, a sentence cut by a blank line? Only when that
 * paragraph is running prose that did not end (a paragraph never ends in a comma; a cut mid-word ends in any
 * character), line j opens nothing of its own (a dateline, a byline, a label …), and it either starts with a
 * mark that continues a sentence, or it cannot be the only head line of a story that follows: where the lines
 * after it start a story by themselves, it was no 引题 of that story but the end of this paragraph.
 */
function continuesText(c: Copy, j: number, end: string): boolean {
  const ln = c.at(j)!;
  const t = ln.text;
  if (isTerminal(end) || !isProse(end) || visLen(end) < 16 || isFieldLine(end)) return false;
  if (CONTINUES.test(t)) return true;
  if (c.style.indented && ln.indented) return false;
  if (opensStory(t) || isByline(t) || isBracketCredit(t) || isClosing(t) || isDateOnly(t) || isNumbered(t))
    return false;
  if (isLabelWord(t) || isSectionLabel(t) || isPhotoCredit(t) || isEditorNote(t) || isSignature(t)) return false;
  // a comma, an opening quote: the sentence goes on; ending in a character, it was maybe cut mid-word
  const sentence = OPEN_END.test(end) || /[，,]/u.test(t) || SENTENCE_STOP.test(t) || isTerminal(t);
  const here = readStoryStart(c, j);
  if (here === null || here.evidence === 'weak') return sentence;
  // a head group of which line j is the first line: the story starts just as well without it
  const after = readStoryStart(c, j + 1);
  return here.heads.length > 1 && after !== null && after.evidence === 'strong' && after.next === here.next;
}

/** 小标题: a short line without sentence punctuation (or numbered, or leading in with a dash) between paragraphs. */
function markCrossheads(paras: string[], roles: Map<number, ParagraphMark['role']>): void {
  for (let k = 1; k + 1 < paras.length; k++) {
    const p = paras[k]!;
    if (roles.has(k) || roles.has(k + 1) || isDateOnly(paras[k + 1]!)) continue;
    const prevDone = isTerminal(paras[k - 1]!) || roles.has(k - 1);
    if (!prevDone) continue;
    const shape =
      (visLen(p) <= 24 && !isTerminal(p) && !/[。；！？!?，,]/u.test(p)) ||
      (visLen(p) <= 40 && HEAD.leadIn.test(p) && !/[。；！？!?]/u.test(p)) ||
      (visLen(p) <= 30 && isNumbered(p) && !isTerminal(p));
    if (shape && !isByline(p) && !isDateOnly(p) && !hasAdSignal(p)) roles.set(k, 'crosshead');
  }
}

/**
 * Names inside a story (`……获奖名单如下：` and lines of names): a line that is a roll of names, or a line of
 * entries right after a paragraph that introduces them (ending in a colon) or after another entry line.
 */
function markEntries(paras: string[], roles: Map<number, ParagraphMark['role']>): void {
  for (let k = 1; k < paras.length; k++) {
    const p = paras[k]!;
    if (roles.has(k)) continue;
    const prev = paras[k - 1]!;
    const led = roles.get(k - 1) === 'entry' || (!roles.has(k - 1) && /[：:]$/u.test(prev));
    if (isNamesLine(p) || (led && visLen(p) <= 40 && isNamedEntries(p) && !isByline(p))) roles.set(k, 'entry');
  }
}

/** A bracketed credit at the end of the story's last paragraph of text (`……。（记者 张三）`) is a credit. */
function splitClosingCredit(paras: string[], roles: Map<number, ParagraphMark['role']>, credits: string[]): void {
  let k = paras.length - 1;
  while (k >= 0 && roles.has(k)) k--;
  if (k < 0) return;
  const sp = splitTrailingCredit(paras[k]!);
  if (!sp || !isProse(sp[0])) return;
  paras[k] = sp[0];
  credits.push(sp[1]);
}
