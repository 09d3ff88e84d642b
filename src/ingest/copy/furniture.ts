/**
 * Page furniture: column marks (a column name with its romanized name and editor, or a column name standing
 * above its piece), the page index (导读), advertisements and the weather box.
 */
import { bodyAfterName } from './heads.js';
import {
  hasAdSignal,
  isBareName,
  hasWeatherLabel,
  isBoxedName,
  isByline,
  isColumnName,
  isEditorColumnName,
  isEditorLine,
  isHeadCandidate,
  isIndexEntry,
  isIndexHeader,
  isTerminal,
  isWeather,
  splitGluedByline,
  splitRomanized,
  weatherScore,
} from './classify.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';

export interface ColumnMark {
  /** The name stands above its piece (`东湖评论`), so it belongs to the next item. */
  before?: boolean;
  name: string;
  romanized: string | null;
  editor: string | null;
  no: number;
  /** Index of the first line of the mark, and of the first line after it. */
  start: number;
  end: number;
}

/** A column name over its romanized name (and editor), or over an editor line: `第134期评论` / `DIYI PINGLUN …`. */
export function readColumnMark(c: Copy, i: number): ColumnMark | null {
  const name = c.text(i);
  const second = c.at(i + 1);
  if (name === undefined || !second || second.blankBefore) return null;
  if (visLen(name) > 14 || isTerminal(name) || /[，。]/u.test(name)) return null;
  const rom = splitRomanized(second.text);
  if (rom) {
    let end = i + 2;
    let editor = rom.editor;
    const third = c.at(end);
    if (editor === null && third && !third.blankBefore && isEditorLine(third.text)) {
      editor = third.text;
      end++;
    }
    return { name, romanized: rom.romanized, editor, no: c.at(i)!.no, start: i, end };
  }
  if (isEditorLine(second.text) && isEditorColumnName(name))
    return { name, romanized: null, editor: second.text, no: c.at(i)!.no, start: i, end: i + 2 };
  return null;
}

/**
 * A column name standing alone above a signed piece: `东湖评论` / blank / head lines / byline. Needs the name
 * shape (…评论, …谈, …时评 …), a block of its own, and a byline under the head group that follows.
 */
export function readColumnAbove(c: Copy, i: number): ColumnMark | null {
  const ln = c.at(i);
  const next = c.at(i + 1);
  if (!ln || !next?.blankBefore || !isColumnName(ln.text)) return null;
  const mark: ColumnMark = {
    before: true,
    name: ln.text,
    romanized: null,
    editor: null,
    no: ln.no,
    start: i,
    end: i + 1,
  };
  let j = i + 1;
  let heads = 0;
  while (j < c.length && heads < 4 && (heads === 0 || !c.at(j)!.blankBefore)) {
    const t = c.text(j)!;
    if (splitGluedByline(t)) return mark;
    if (!isHeadCandidate(t)) break;
    heads++;
    j++;
  }
  const by = c.text(j);
  if (heads === 0 || by === undefined) return null;
  if (!(isByline(by) || isBoxedName(by) || (isBareName(by) && bodyAfterName(c, j)))) return null;
  return mark;
}

/** A page index (导读): the header line, then index entries. Line indices. */
export function readIndex(c: Copy, i: number): number[] | null {
  const t = c.text(i);
  if (t === undefined || !isIndexHeader(t)) return null;
  const out = [i];
  for (let j = i + 1; j < c.length && isIndexEntry(c.text(j)!); j++) out.push(j);
  return out.length > 1 ? out : null;
}

/** An advertisement block: short lines, at least one with an address, phone, hotline … Line indices. */
export function readAd(c: Copy, i: number): number[] | null {
  const b = c.block(i);
  const lines = b.map((k) => c.text(k)!);
  if (lines.some((t) => visLen(t) > 60)) return null;
  return lines.some(hasAdSignal) ? b : null;
}

/** A block that looks like an ad inside a story body: two or more short lines, one with an ad signal. */
export function looksLikeAd(c: Copy, i: number): boolean {
  if (!c.at(i)?.blankBefore) return false;
  const b = c.block(i);
  return b.length >= 2 && b.every((k) => visLen(c.text(k)!) <= 48) && b.some((k) => hasAdSignal(c.text(k)!));
}

/** A weather box from line i: the weather lines of the block, or a label standing alone over them. */
export function readWeather(c: Copy, i: number): { text: string; next: number } | null {
  const t = c.text(i);
  if (t === undefined || !isWeather(t)) return null;
  let text = t;
  let j = i + 1;
  while (j < c.length && !c.at(j)!.blankBefore && isWeather(c.text(j)!)) text += c.text(j++)!;
  // a label on its own (`天气预报`) heads the weather lines of the next block
  if (
    j === i + 1 &&
    hasWeatherLabel(t) &&
    visLen(t) <= 8 &&
    c.at(j) &&
    weatherScore(c.text(j)!) >= 2 &&
    !isHeadCandidate(c.text(j)!)
  ) {
    text += `\u3000${c.text(j++)!}`;
    while (j < c.length && !c.at(j)!.blankBefore && isWeather(c.text(j)!)) text += c.text(j++)!;
  }
  return { text, next: j };
}
