/**
 * Head groups: the 引题 / 主题 / 副题 lines before a story's body, the column tag after the headline, and the
 * bylines under them; then which line is which, by order, length and form.
 */
import type { ColumnInfo } from '../../model/edition.js';
import {
  columnLineAbove,
  columnTagLine,
  isBareName,
  isBoxedName,
  isByline,
  isColonKicker,
  isColumnName,
  isDashLine,
  isDateOnly,
  isDecoration,
  isEditorLine,
  isEditorNote,
  isHeadCandidate,
  isLabelWord,
  isNoticeTitle,
  isPhotoCredit,
  isProse,
  isSpeechHead,
  splitColumnTag,
  splitCredits,
  splitDateline,
  splitGluedByline,
  splitLeadCredit,
  splitRomanized,
  startsWithJumpIn,
  hasAdField,
} from './classify.js';
import { HEAD } from './patterns.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface Head {
  text: string;
  no: number;
  /** The slot a labelled export gave the line. */
  slot?: 'kicker' | 'headline' | 'subhead';
}

/**
 * A column found with a head group: a tag after the headline (`（人民论坛）`), a bracketed name line above it
 * (`【今日谈】`) or a plain name line opening it (`今日谈`): the name, and the tag as the copy printed it (absent
 * for a plain name line).
 */
export interface ColumnTag {
  name: string;
  tag?: string;
  no: number;
}

export interface StoryStart {
  heads: Head[];
  column: ColumnTag | null;
  credits: string[];
  /** Index of the first line after heads, tag and credits. */
  next: number;
  /**
   * Where blank lines are slots (a national daily's export: paragraphs not apart, every head slot on its line):
   * whether the line after the head lines comes after a blank line, i.e. the 副题 slot is empty.
   */
  emptySubheadSlot: boolean;
  /**
   * `strong`: a new story beyond doubt (a byline, a dateline, a column tag, a kicker or a 副题 …); `weak`: one
   * head line and then text, which inside another story is a crosshead unless the copy says otherwise.
   */
  evidence: 'strong' | 'weak';
}

/** The most lines a head group takes (引题 of two lines, 主题, 副题). */
export const MAX_HEADS = 4;

/** A paragraph that can only be the first of a story: a dateline, a bracketed byline, an editor's note, a jump-in line. */
export const opensStory = (t: string): boolean =>
  splitDateline(t) !== null || splitLeadCredit(t) !== null || isEditorNote(t) || startsWithJumpIn(t);

/** Is line j a column mark line (a column name over a romanized line or an editor line)? */
function columnMarkAt(c: Copy, j: number): boolean {
  const name = c.text(j);
  const second = c.at(j + 1);
  if (name === undefined || !second || second.blankBefore || visLen(name) > 14) return false;
  return splitRomanized(second.text) !== null || isEditorLine(second.text);
}

/** The line could be the first line of a body (text, not head furniture). */
function bodyLike(t: string): boolean {
  return (
    !isHeadCandidate(t) &&
    !isDateOnly(t) &&
    !isByline(t) &&
    !isPhotoCredit(t) &&
    !isDecoration(t) &&
    !(hasAdField(t) && visLen(t) <= 48) &&
    (isProse(t) || isLabelWord(t))
  );
}

/**
 * A head group and its bylines from line i, maybe under a bracketed column name line (`【今日谈】`, then the head
 * group, a blank line between them or not). Returns null when no head group with a body starts at i.
 */
export function readStoryStart(c: Copy, i: number): StoryStart | null {
  const t = c.text(i);
  const above = t === undefined ? null : columnLineAbove(t);
  if (above && !c.opensParagraph(i + 1)) {
    const st = readHeadGroup(c, i + 1);
    // the line above is the column, the next line the headline; a story with its own tag keeps the tag
    if (st && st.column === null)
      return { ...st, column: { name: above[1], tag: above[0], no: c.at(i)!.no }, evidence: 'strong' };
  }
  return readHeadGroup(c, i);
}

/** A head group and its bylines from line i (see readStoryStart). */
function readHeadGroup(c: Copy, i: number): StoryStart | null {
  const heads: Head[] = [];
  const credits: string[] = [];
  let column: ColumnTag | null = null;
  let j = i;
  let glued = false;
  let crossedBlank = false;
  /** Index of the last head line. */
  let lastHead = i;
  while (j < c.length && heads.length < MAX_HEADS) {
    const ln = c.at(j)!;
    if (heads.length > 0 && ln.blankBefore) {
      // a head group spans one blank line (an empty 引题/副题 slot, or a kicker set apart), and then has at most
      // three lines: lines apart from each other are separate items
      if (crossedBlank || heads.length >= 3) break;
      // a line that ends a sentence (`日子越过越有盼头了！`) is no 引题 set apart: it closes the story above
      if (HEAD.sentenceEnd.test(heads[heads.length - 1]!.text)) break;
      crossedBlank = true;
    }
    if (crossedBlank && heads.length >= 3) break;
    if (c.opensParagraph(j)) break;
    const g = splitGluedByline(ln.text);
    if (g && (isHeadCandidate(g[0]) || heads.length > 0)) {
      heads.push({ text: g[0], no: ln.no });
      credits.push(...splitCredits(g[1]));
      glued = true;
      lastHead = j;
      j++;
      break;
    }
    // a 引题 ending with a colon opens a group where a head group can start, right over a head line
    const under = c.at(j + 1);
    const colonKicker =
      heads.length === 0 &&
      (j === 0 || ln.blankBefore || c.style.indented) &&
      isColonKicker(ln.text) &&
      under !== undefined &&
      !under.blankBefore &&
      isHeadCandidate(under.text);
    // a quoted sentence as the only head, right over a byline or a dateline
    const speechHead =
      heads.length === 0 &&
      isSpeechHead(ln.text) &&
      under !== undefined &&
      (isByline(under.text) || isBoxedName(under.text) || opensStory(under.text));
    if (
      (!isHeadCandidate(ln.text) && !ln.slot && !colonKicker && !speechHead) ||
      (heads.length > 0 && columnMarkAt(c, j))
    )
      break;
    // a bare name after a head line is the byline, not another head line
    if (heads.length > 0 && isBareName(ln.text) && bodyAfterName(c, j)) break;
    heads.push(ln.slot ? { text: ln.text, no: ln.no, slot: ln.slot } : { text: ln.text, no: ln.no });
    lastHead = j;
    j++;
  }
  if (heads.length === 0) return null;
  // a standing column name opening the group (`今日谈` / headline / author): the column, not a 引题
  if (heads.length >= 2 && !heads[0]!.slot && isColumnName(heads[0]!.text)) {
    column = { name: heads[0]!.text, no: heads[0]!.no };
    heads.shift();
  }
  // a column tag at the end of a head line (the headline's, usually), or on a line of its own under the group
  const tagged = column ? -1 : heads.findIndex((h) => splitColumnTag(h.text) !== null);
  if (tagged >= 0) {
    const h = heads[tagged]!;
    const [head, tag, name] = splitColumnTag(h.text)!;
    heads[tagged] = { text: head, no: h.no };
    column = { name, tag, no: h.no };
  } else if (!column) {
    const t = c.text(j);
    const tl = t === undefined ? null : columnTagLine(t);
    if (tl) {
      column = { name: tl[1], tag: tl[0], no: c.at(j)!.no };
      j++;
    }
  }
  // bylines under the head group
  while (j < c.length) {
    const t = c.text(j)!;
    // (bylines may be indented like the text: a copy that indents every line but the heads)
    const byline = isByline(t) || isBoxedName(t) || (credits.length > 0 && isPhotoCredit(t));
    if (!byline && !(isBareName(t) && credits.length === 0 && bodyAfterName(c, j))) break;
    credits.push(...splitCredits(t));
    j++;
  }
  const after = c.text(j);
  if (after === undefined) return null;
  const colonFirst = !heads[0]!.slot && isColonKicker(heads[0]!.text);
  const emptySubheadSlot = c.style.indented && !c.style.blankParagraphs && c.at(lastHead + 1)?.blankBefore === true;
  const strong =
    glued ||
    credits.length > 0 ||
    column !== null ||
    opensStory(after) ||
    isLabelWord(after) ||
    heads.some((h) => isNoticeTitle(h.text)) ||
    (heads.length >= 2 &&
      (heads.slice(1).some((h) => isDashLine(h.text)) || (HEAD.kickerEnding.test(heads[0]!.text) && !colonFirst)));
  if (strong) return { heads, column, credits, next: j, evidence: 'strong', emptySubheadSlot };
  if (!bodyLike(after)) return null;
  // a colon line over a head line and text, nothing else: inside a story, a lead-in over a crosshead
  const evidence = heads.length >= 2 && !colonFirst ? 'strong' : 'weak';
  return { heads, column, credits, next: j, evidence, emptySubheadSlot };
}

/** After a bare name at j comes the body (text or a dateline), so the name is a byline. */
export function bodyAfterName(c: Copy, j: number): boolean {
  const t = c.text(j + 1);
  if (t === undefined) return false;
  return opensStory(t) || (!isHeadCandidate(t) && isProse(t) && visLen(t) >= 16);
}

/** A pair of phrases set apart by a space: `抓好秋冬种　夯实丰收基础`, `农创嘉乡 智创未来`. */
const spaced = (s: string): boolean => /[^\s\u3000]{2}[\s\u3000]+[^\s\u3000]{2}/u.test(s);

/**
 * Of two plain head lines (no dash, no reporting verb, no topic, no comma: those decide alone), the evidence
 * that the second is the 主题 (a positive weight) or the first (negative). No evidence: the first (a 主题 over a
 * 副题 that adds a second fact). Each form says why (see HEAD in patterns.ts and tests/ingest-heads.test.ts).
 */
const PAIR_EVIDENCE: Array<{ why: string; weight: number; holds: (a: string, b: string) => boolean }> = [
  { why: 'the first states an aim (a slogan): a 引题', weight: 2, holds: (a) => HEAD.slogan.test(a) },
  { why: 'the first sets the scene (在…上): a 引题', weight: 2, holds: (a) => HEAD.scene.test(a) },
  { why: 'the first is a pair of phrases: a 引题 over the news', weight: 2, holds: (a) => spaced(a) },
  { why: 'the first frames the news in time or place: a 引题', weight: 3, holds: (a) => HEAD.frame.test(a) },
  { why: 'the first names a series or campaign: a 引题', weight: 3, holds: (a) => HEAD.series.test(a) },
  { why: 'the first is a one-word exclamation: a 引题', weight: 3, holds: (a) => HEAD.exclamation.test(a) },
  {
    why: 'a short topic over a quoted head (`小区加装电梯` / `“六楼的我…”`): a 引题',
    weight: 3,
    holds: (a, b) => visLen(a) <= 6 && !/[“”\s\u3000]/u.test(a) && HEAD.quoted.test(b),
  },
  { why: 'the second is a pair of phrases: the 主题', weight: 2, holds: (_a, b) => spaced(b) },
  {
    why: 'a very short first line over a long one: a 引题 (`国庆假期`)',
    weight: 2,
    holds: (a, b) => visLen(a) <= 5 && visLen(b) >= 2 * visLen(a),
  },
  {
    why: 'a much longer first line: a 引题 over a short 主题',
    weight: 1,
    holds: (a, b) => visLen(a) >= 1.5 * visLen(b),
  },
  {
    why: 'the message (a slogan) under an event: the 主题',
    weight: 2,
    holds: (a, b) => HEAD.event.test(a) && HEAD.slogan.test(b),
  },
  { why: 'the first announces an event: a 主题', weight: -1, holds: (a) => HEAD.event.test(a) },
  { why: 'the first is a feature title (…的“…”): the 主题', weight: -2, holds: (a) => HEAD.title.test(a) },
  { why: 'the first exclaims or asks: the 主题', weight: -1, holds: (a) => /[！？!?]/u.test(a) },
  {
    why: 'the second continues the fact (将…, 覆盖…): a 副题',
    weight: -2,
    holds: (_a, b) => HEAD.continuation.test(b),
  },
  {
    why: 'a statement with its own subject over a shorter line that is no slogan nor pair of phrases: the 主题',
    weight: -2,
    holds: (a, b) =>
      HEAD.subject.test(a) &&
      visLen(a) >= 8 &&
      visLen(b) < visLen(a) &&
      !HEAD.slogan.test(b) &&
      !spaced(b) &&
      !HEAD.frame.test(a) &&
      !HEAD.event.test(a),
  },
  {
    why: 'a much longer plain second line explains: a 副题',
    weight: -1,
    holds: (a, b) => !spaced(b) && visLen(b) >= 1.5 * visLen(a),
  },
];

/** The weight of the evidence that the second of two plain head lines is the 主题 (see PAIR_EVIDENCE). */
export function pairEvidence(a: string, b: string): number {
  let w = 0;
  for (const e of PAIR_EVIDENCE) if (e.holds(a, b)) w += e.weight;
  return w;
}

/**
 * Head lines → kicker / headline / subhead, by order, length and form. `guess` reports a guess on 4+ lines.
 * `emptySubheadSlot`: the copy says two head lines are 引题 and 主题 (see StoryStart).
 */
export function assignHeads(
  heads: Head[],
  guess: (line: number, headline: string, n: number) => void,
  emptySubheadSlot = false,
): { kicker: string | null; headline: string; subhead: string | null } {
  const t = heads.map((h) => h.text);
  // a labelled export says which line is which
  if (heads.every((h) => h.slot) && heads.some((h) => h.slot === 'headline')) {
    const of = (slot: Head['slot']): string | null =>
      heads
        .filter((h) => h.slot === slot)
        .map((h) => h.text)
        .join('\n') || null;
    return { kicker: of('kicker'), headline: of('headline')!, subhead: of('subhead') };
  }
  const dash = (s: string): boolean => isDashLine(s);
  if (t.length === 1) return { kicker: null, headline: t[0]!, subhead: null };
  let main: number;
  const noticeAt = t.findIndex((x) => isNoticeTitle(x));
  if (noticeAt >= 0) {
    // a notice's title is its headline; lines under it (issuer, document number) are the subhead
    main = noticeAt;
  } else if (t.length === 2) {
    const [a, b] = [t[0]!, t[1]!];
    if (dash(b)) main = 0;
    else if (HEAD.kickerEnding.test(a)) main = 1;
    else if (HEAD.topic.test(a) !== HEAD.topic.test(b)) main = HEAD.topic.test(a) ? 1 : 0;
    // a 主题 is a phrase; of two head lines, the one that is a sentence (with a comma) is the 引题 or 副题
    else if (/[，,]/u.test(a) !== /[，,]/u.test(b)) main = /[，,]/u.test(a) ? 1 : 0;
    else if (emptySubheadSlot) main = 1;
    else main = pairEvidence(a, b) > 0 ? 1 : 0;
  } else if (t.length === 3 && !dash(t[1]!)) {
    main = 1;
  } else {
    // the shortest line that is not a —— subhead and not the last: the most prominent one
    const firstDash = t.findIndex(dash);
    const limit = firstDash > 0 ? firstDash : t.length;
    main = 0;
    for (let k = 1; k < limit; k++) if (visLen(t[k]!) < visLen(t[main]!)) main = k;
    guess(heads[0]!.no, t[main]!, t.length);
  }
  const join = (xs: string[]): string | null => (xs.length ? xs.join('\n') : null);
  return { kicker: join(t.slice(0, main)), headline: t[main]!, subhead: join(t.slice(main + 1)) };
}

/** The column of a tag: name only (romanized name and editor come from column marks). */
export const columnOfTag = (tag: ColumnTag): ColumnInfo =>
  tag.tag === undefined
    ? { name: tag.name, romanized: null, editor: null }
    : { name: tag.name, romanized: null, editor: null, tag: tag.tag };
