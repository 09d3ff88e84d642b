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
  splitGluedPhotoCredit,
} from './classify.js';
import type { Head } from './heads.js';
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

/** A photo item starting at line i, or null. */
export function readPhoto(c: Copy, i: number): PhotoMatch | null {
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
  // a labelled photo whose caption has no credit
  if (title.length > 0 && isProse(t.text) && !isHeadCandidate(t.text))
    return { title, caption: { text: t.text, no: t.no }, credits: [], next: j + 1 };
  return null;
}
