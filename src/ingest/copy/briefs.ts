/**
 * Lists of briefs (简讯): a header, then briefs of one of these forms, each with its credit split off the end:
 *
 * - a head line, then its text (`县图书馆开展国庆阅读活动` / `10月1日至7日，……。（通讯员 沈佳）`);
 * - a run-in head in 【】 (`【县图书馆开展国庆阅读活动】10月1日……`);
 * - a bulleted text with no head (`■10月10日，县总工会……`), or plain one-sentence news.
 */
import type { Brief } from '../../model/edition.js';
import {
  isBracketCredit,
  isBriefsHeader,
  isDecoration,
  isHeadCandidate,
  isProse,
  isTerminal,
  splitDateline,
  splitTrailingCredit,
} from './classify.js';
import { BRIEFS } from './patterns.js';
import type { Copy } from './segment.js';

export interface BriefsMatch {
  title: string;
  entries: Brief[];
  /** Source line of each brief. */
  lines: number[];
  no: number;
  next: number;
}

/** A brief's text with its credits taken out: the byline after its dateline, the credit closing it. */
function brief(headline: string | null, text: string): Brief {
  const credits: string[] = [];
  const d = splitDateline(text);
  if (d?.credit) {
    credits.push(d.credit);
    text = `${d.dateline}\u3000${d.rest}`;
  }
  const sp = splitTrailingCredit(text);
  if (sp) {
    text = sp[0];
    credits.push(sp[1]);
  }
  return { headline, text, credits };
}

/**
 * A list of briefs starting at line i (its header), or null. `endsAt(j)` says whether line j (opening a block)
 * starts something that is no brief.
 */
export function readBriefs(c: Copy, i: number, endsAt: (j: number) => boolean): BriefsMatch | null {
  const header = c.at(i);
  if (!header || !isBriefsHeader(header.text)) return null;
  const entries: Brief[] = [];
  const lines: number[] = [];
  let j = i + 1;
  while (j < c.length) {
    const ln = c.at(j)!;
    const t = ln.text;
    if (isDecoration(t) || isBriefsHeader(t)) break;
    if (entries.length > 0 && (ln.blankBefore || !c.style.blankParagraphs) && endsAt(j)) break;
    const last = entries[entries.length - 1];
    if (last && isBracketCredit(t)) {
      last.credits.push(t);
      j++;
      continue;
    }
    const runIn = BRIEFS.runIn.exec(t);
    const next = c.at(j + 1);
    if (runIn && t.length > runIn[0].length) {
      entries.push(brief(runIn[0], t.slice(runIn[0].length).trim()));
    } else if (BRIEFS.bullet.test(t) || (isProse(t) && !isHeadCandidate(t))) {
      // text with no head: a bulleted brief, or the continuation of a brief cut mid-sentence
      if (last && !BRIEFS.bullet.test(t) && !isTerminal(last.text) && last.credits.length === 0) {
        Object.assign(last, brief(last.headline, last.text + t));
      } else entries.push(brief(null, t));
    } else if (isHeadCandidate(t) && next && !isHeadCandidate(next.text) && isProse(next.text)) {
      entries.push(brief(t, next.text));
      lines.push(ln.no);
      j += 2;
      continue;
    } else break;
    lines.push(ln.no);
    j++;
  }
  if (entries.length === 0) return null;
  return { title: header.text, entries, lines, no: header.no, next: j };
}
