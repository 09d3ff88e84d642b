/**
 * Lists of briefs (简讯): a header, then briefs of one of these forms, each with its credit split off the end:
 *
 * - a head line, then its text (`县图书馆开展国庆阅读活动` / `10月1日至7日，……。（通讯员 沈佳）`);
 * - a run-in head in 【】 (`【县图书馆开展国庆阅读活动】10月1日……`);
 * - a bulleted text with no head (`■10月10日，县总工会……`), or plain one-sentence news.
 */
import type { Brief } from '../../model/edition.js';
import {
  endsWithBracketCredit,
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
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface BriefsMatch {
  title: string | null;
  entries: Brief[];
  /** Source line of each brief. */
  lines: number[];
  no: number;
  next: number;
}

/** A one-line brief with a run-in head: its bullet, head, visible separator and text. */
export interface RunIn {
  bullet: string | null;
  headline: string;
  separator: string | null;
  text: string;
}

/** A run-in head may hold a colon (`东坝镇：稻田养蟹…`) but no sentence, and says no time or source. */
const headLike = (h: string): boolean =>
  visLen(h) >= 4 && visLen(h) <= 36 && !/[，。；！？,;]/u.test(h) && isHeadCandidate(h) && !BRIEFS.notHead.test(h);

/**
 * A line that is a brief with its head run in: an optional bullet, the head, then a full-width space (or two
 * spaces) before the text or its dateline, or else a colon after a short head (`▲县图书馆新馆开放：10月1日起，…`).
 * The text must be a sentence of its own. Null otherwise (a bulleted text without a head, a paragraph).
 */
export function splitRunIn(s: string): RunIn | null {
  if (s.length > 2000) return null;
  const m = BRIEFS.bulletMark.exec(s);
  const bullet = m ? m[1]! : null;
  const rest = m ? s.slice(m[0].length) : s;
  const zone = rest.slice(0, 48);
  const stop = zone.search(/[，。；！？,;]/u);
  const space = BRIEFS.runInSpace.exec(zone);
  const prose = (t: string): boolean => visLen(t) >= 12 && /[，。！？]/u.test(t);
  if (space && (stop < 0 || space.index < stop)) {
    const headline = rest.slice(0, space.index).trim();
    const text = rest.slice(space.index + space[0].length).trim();
    if (headLike(headline.replace(/[：:]$/u, '')) && prose(text)) {
      const colon = /[：:]$/u.test(headline);
      return {
        bullet,
        headline: colon ? headline.slice(0, -1) : headline,
        separator: colon ? headline.slice(-1) : null,
        text,
      };
    }
  }
  const colon = BRIEFS.runInColon.exec(zone);
  if (colon && (stop < 0 || colon.index < stop) && colon.index <= 30) {
    const headline = rest.slice(0, colon.index).trim();
    const text = rest.slice(colon.index + 1).trim();
    if (headLike(headline) && prose(text) && !splitDateline(rest))
      return { bullet, headline, separator: colon[0], text };
  }
  return null;
}

/** A bulleted one-line brief (`■10月10日，县总工会……。（通讯员 王一鸣）`): a bullet, then a sentence. */
const isBulletText = (s: string): boolean => BRIEFS.bullet.test(s) && visLen(s) >= 16 && /[，。]/u.test(s);

/**
 * Does line j open a list of briefs with no header: two one-line briefs in a row (blank lines between them or
 * not), each with a run-in head or a bullet. `inBody`: inside a story, bulleted points are the story's own
 * unless each brief says it is news of its own (a dateline or a closing credit).
 */
export function opensHeaderlessBriefs(c: Copy, j: number, inBody: boolean): boolean {
  const own = (t: string): boolean => {
    const r = splitRunIn(t);
    const text = r ? r.text : t;
    if (!r && !isBulletText(t)) return false;
    if (!inBody) return true;
    return endsWithBracketCredit(text) || splitDateline(text) !== null || /本报讯|讯[　\s]/u.test(text.slice(0, 12));
  };
  const a = c.text(j);
  const b = c.text(j + 1);
  return a !== undefined && b !== undefined && own(a) && own(b);
}

/** A brief's text with its credits taken out: the byline after its dateline, the credit closing it. */
function brief(headline: string | null, text: string, run?: RunIn): Brief {
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
  const b: Brief = { headline, text, credits };
  if (run?.bullet) b.bullet = run.bullet;
  if (run?.separator) b.separator = run.separator;
  return b;
}

/**
 * A list of briefs starting at line i (its header), or null. `endsAt(j)` says whether line j (opening a block)
 * starts something that is no brief.
 */
export function readBriefs(c: Copy, i: number, endsAt: (j: number) => boolean, headerless = false): BriefsMatch | null {
  const header = c.at(i);
  if (!header || (!headerless && !isBriefsHeader(header.text))) return null;
  const entries: Brief[] = [];
  const lines: number[] = [];
  let j = headerless ? i : i + 1;
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
    // a list with no header: a blank line and another bullet start another list
    if (headerless && last && ln.blankBefore && (BRIEFS.bulletMark.exec(t)?.[1] ?? null) !== (last.bullet ?? null))
      break;
    const runIn = BRIEFS.runIn.exec(t);
    const next = c.at(j + 1);
    const run = runIn ? null : splitRunIn(t);
    if (runIn && t.length > runIn[0].length) {
      entries.push(brief(runIn[0], t.slice(runIn[0].length).trim()));
    } else if (run) {
      entries.push(brief(run.headline, run.text, run));
    } else if (headerless && !isBulletText(t)) {
      // a list with no header holds one-line briefs only: a head line over text is a story
      break;
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
  if (entries.length === 0 || (headerless && entries.length < 2)) return null;
  return { title: headerless ? null : header.text, entries, lines, no: header.no, next: j };
}
