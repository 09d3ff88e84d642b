/**
 * Photo items: an optional label (`图片报道`) and title, the caption, then the credit (`■摄影 王强`, `新华社记者
 * 李四摄`), or a caption with the credit glued to its end. The caption is always the line right before the credit
 * in the same photo block: never a paragraph of a neighbouring story.
 */
import {
  isBracketCredit,
  isByline,
  isHeadCandidate,
  isPhotoCredit,
  isPhotoLabel,
  isProse,
  isSectionLabel,
  splitDateline,
  splitGluedPhotoCredit,
  splitLeadCredit,
} from './classify.js';
import type { Head } from './heads.js';
import { PHOTO } from './patterns.js';
import type { Copy } from './segment.js';

export interface PhotoMatch {
  /** Label and title lines (either may be absent). */
  title: Head[];
  caption: Head;
  credits: string[];
  next: number;
}

/** Photo credits from line `from` on (a credit line, then more credit or byline lines of the same block). */
function creditsFrom(c: Copy, from: number): [string[], number] {
  const out: string[] = [];
  let j = from;
  while (j < c.length) {
    const ln = c.at(j)!;
    const more = out.length > 0 && !ln.blankBefore && (isByline(ln.text) || isBracketCredit(ln.text));
    if (!isPhotoCredit(ln.text) && !more) break;
    out.push(ln.text);
    j++;
  }
  return [out, j];
}

function captionAt(c: Copy, title: Head[], k: number): PhotoMatch | null {
  const cap = c.at(k);
  if (!cap || isByline(cap.text) || isPhotoCredit(cap.text) || isSectionLabel(cap.text) || isPhotoLabel(cap.text))
    return null;
  const glued = splitGluedPhotoCredit(cap.text);
  if (glued) {
    const [more, next] = creditsFrom(c, k + 1);
    return { title, caption: { text: glued[0], no: cap.no }, credits: [glued[1], ...more], next };
  }
  const [cr, next] = creditsFrom(c, k + 1);
  if (cr.length === 0) return null;
  return { title, caption: { text: cap.text, no: cap.no }, credits: cr, next };
}

/**
 * A photo item starting at line i, or null. `inBlock`: line i follows a photo of a labelled block (`图片报道`), so
 * a title over a caption that dates or shows the picture is the block's next photo, with or without a credit.
 */
export function readPhoto(c: Copy, i: number, inBlock = false): PhotoMatch | null {
  let j = i;
  const title: Head[] = [];
  const first = c.at(j);
  if (!first) return null;
  if (isPhotoLabel(first.text)) {
    title.push({ text: first.text, no: first.no });
    j++;
  }
  const t = c.at(j);
  if (!t) return null;
  const next = c.at(j + 1);
  if (isHeadCandidate(t.text) && next && !isHeadCandidate(next.text)) {
    const withTitle = captionAt(c, [...title, { text: t.text, no: t.no }], j + 1);
    if (withTitle) return withTitle;
  }
  const plain = captionAt(c, title, j);
  if (plain) return plain;
  // a later photo of a labelled block: its title, then a caption that dates the picture, no credit
  if (
    inBlock &&
    title.length === 0 &&
    next &&
    isHeadCandidate(t.text) &&
    datesOrShows(next.text) &&
    uncreditedCaption(c, j + 1)
  )
    return { title: [{ text: t.text, no: t.no }], caption: { text: next.text, no: next.no }, credits: [], next: j + 2 };
  // a labelled photo whose caption has no credit, maybe under a title of its own
  if (title.length > 0 && uncreditedCaption(c, j))
    return { title, caption: { text: t.text, no: t.no }, credits: [], next: j + 1 };
  if (title.length > 0 && next && isHeadCandidate(t.text) && uncreditedCaption(c, j + 1))
    return {
      title: [...title, { text: t.text, no: t.no }],
      caption: { text: next.text, no: next.no },
      credits: [],
      next: j + 2,
    };
  return null;
}

/** A caption that dates its picture (`11月3日，…`) or shows it (`图为…`, `上图：…`). */
const datesOrShows = (s: string): boolean => PHOTO.captionTime.test(s) || PHOTO.captionOpening.test(s);

/**
 * A caption with no credit under a photo label: one line of prose that opens no story (no dateline, no byline
 * before it) and is the whole block (a story under the label would go on with more paragraphs).
 */
function uncreditedCaption(c: Copy, k: number): boolean {
  const cap = c.at(k);
  if (!cap || !(isProse(cap.text) || datesOrShows(cap.text)) || isHeadCandidate(cap.text)) return false;
  if (splitDateline(cap.text) || splitLeadCredit(cap.text)) return false;
  const after = c.at(k + 1);
  return !after || after.blankBefore || (c.style.indented && !after.indented) || nextPhotoAt(c, k + 1);
}

/** Does the next photo of a block start at line k: a title over a caption that dates or shows the picture? */
function nextPhotoAt(c: Copy, k: number): boolean {
  const t = c.at(k);
  const cap = c.at(k + 1);
  return t !== undefined && cap !== undefined && isHeadCandidate(t.text) && datesOrShows(cap.text);
}

/**
 * A photo with a title of its own at line i (not only a label): the title, a caption that is no story's own
 * picture (`图为…`, `上图：…` caption the story above), and a credit or a label over it all.
 */
export function titledPhoto(c: Copy, i: number): boolean {
  const m = readPhoto(c, i);
  if (!m || m.title.length === 0) return false;
  if (!isPhotoLabel(m.title[0]!.text) && PHOTO.captionOpening.test(m.caption.text)) return false;
  return m.credits.length > 0 || isPhotoLabel(m.title[0]!.text);
}
