/**
 * Composition stage boundary types. Input: styled text runs (from the edition model). Output: composed lines,
 * each a list of glyphs with exact x positions, ready to be placed by page layout.
 */
import type { Face } from '../fonts/index.js';

export interface ComposeStyle {
  face: Face;
  /** Type size in pt. */
  size: number;
}

/** A piece of a paragraph in one style (a run-in dateline in 黑体, then body text in 宋体). */
export interface StyledRun {
  text: string;
  style: ComposeStyle;
}

/** CJK–Latin/digit gap in em of the surrounding Han text (clreq §3.2.2). */
export interface LatinGap {
  natural: number;
  shrink: number;
  stretch: number;
}

export interface ParagraphSettings {
  /** First-line indent in em of the paragraph's first run (clreq §3.4.1: 2 em). */
  indent: number;
  /** Alignment of non-final lines. `justify` = flush both edges; `distribute` also spreads the last line (均排). */
  align: 'justify' | 'start' | 'center' | 'end' | 'distribute';
  /** Alignment of the last line. */
  lastLine: 'start' | 'center' | 'end' | 'justify';
  /**
   * Prohibition level (clreq §3.1.4): `strict` (the default for news: GB plus 破折号 and 省略号 never at a line start),
   * `gb`, `basic`.
   */
  kinsoku: 'basic' | 'gb' | 'strict';
  latinGap: LatinGap;
  /** Minimum number of characters other than punctuation (Han, letters, digits) on a paragraph's last line (孤字
   * avoidance, clreq §3.4.4: not one character, nor one character and its punctuation). 0 disables. */
  minLastLineChars: number;
  /**
   * An opening mark at a line start: `trim` always sets it ½ em (ink flush with the edge); `flex` (the default when
   * absent) trims it unless the line is short, in which case it keeps its full width instead of spreading the
   * Han text (clreq §3.1.6.3 makes the trim optional: "may"). All or nothing, never a partial blank.
   */
  startOpener?: 'trim' | 'flex';
  /**
   * An opening mark that starts a paragraph: `full` (the default when absent is `trim`) keeps its full width, so its
   * box starts at the indent and its ink ½ em in, in every paragraph alike (GB 开明/全身 practice: the indent is
   * measured to the mark's box); `trim` treats it like any line-start opener.
   */
  paragraphStartOpener?: 'full' | 'trim';
  /**
   * A stop or closing mark at a line end: `trim` always sets it ½ em (GB/T 15834 §5.1.10); `flex` (the default when
   * absent) trims it unless the line is short, in which case the mark keeps its full width (its ink ends ½ em before
   * the edge, the 全身 style) instead of spreading the Han text. All or nothing, and never for a mark that ends a
   * cluster (the cluster keeps its compression).
   */
  endMark?: 'trim' | 'flex';
}

export const BODY_SETTINGS: ParagraphSettings = {
  indent: 2,
  align: 'justify',
  lastLine: 'start',
  kinsoku: 'strict',
  latinGap: { natural: 0.25, shrink: 0.125, stretch: 1 / 3 },
  minLastLineChars: 2,
  startOpener: 'flex',
  paragraphStartOpener: 'full',
};

/** One glyph as set: x is the pen position in pt from the line's left edge (offsets already applied). */
export interface PlacedGlyph {
  gid: number;
  x: number;
  /** Vertical offset in pt, positive = up. Usually 0. */
  dy: number;
  /** The characters this glyph stands for (for ToUnicode / text extraction). */
  text: string;
  face: Face;
  size: number;
  /** Set advance in pt (after compression/justification). */
  advance: number;
}

export interface ComposedLine {
  /** UTF-16 offsets into the paragraph's full text (all runs joined). */
  start: number;
  end: number;
  /** The characters of the line, exactly (no added spaces). */
  text: string;
  /** The measure the line was set to, pt. */
  measure: number;
  /** Natural width (after line-edge and pair compression, before justification), pt. Measured from the line's
   * left edge, so it includes `offset` (the first-line indent). */
  natural: number;
  /** Width as set, pt, from the line's left edge to the end of the last glyph's advance (== measure for
   * justified non-final lines). */
  width: number;
  /** Left offset inside the measure (first-line indent, centring), pt. Glyph x values already include it. */
  offset: number;
  glyphs: PlacedGlyph[];
  /** True for the paragraph's final line. */
  last: boolean;
  /** Largest run size on the line, pt (the line's em). */
  size: number;
  /** Mean extra space added between adjacent characters for justification, in em (negative = squeezed). */
  extraPerGap: number;
  /** What the composer did on this line (read by collectStats and the composition report). Optional for
   * lines made by other code. */
  notes?: LineNotes;
}

/** Per-line record of the rules applied. Counts unless noted. */
export interface LineNotes {
  pairsCompressed: number;
  /** 1 if a full-width mark at the line end was set ½ em (GB/T 15834 §5.1.10). */
  endHalved: number;
  /** 1 if an opening mark at the line start was trimmed ½ em. */
  startTrimmed: number;
  /** 1 if a mark at the line end kept its full width to absorb a short line (settings.endMark). */
  endKeptFull?: number;
  /** 1 if an opening mark at the line start kept its full width to absorb a short line (settings.startOpener). */
  startKeptFull?: number;
  /** 1 if the break after this line falls inside a run of three or more line-start-prohibited marks (clreq §3.1.4
   * remedy: the run locally falls back to no prohibition rather than leave a very loose line). */
  kinsokuRelaxed?: number;
  latinGaps: number;
  /** 1 if the line was justified by letter spacing (it has no gap between CJK characters: a piece of a URL). */
  letterSpaced?: number;
  /** Punctuation blank squeezed inside the line to keep a mark on it (先挤进), em. */
  punctSqueezed: number;
  /** 1 if the line was shortened because the next character may not start a line (后推出). */
  pushedOut: number;
  /** 1 if the line was squeezed and ends with a line-start-prohibited mark it pulled in (先挤进). */
  pushedIn: number;
  /** Last line only: 1 = the optimiser avoided a 孤字 last line, -1 = one remains (unavoidable), 0 = n/a. */
  orphan: number;
  /** 1 if the break after this line violates a prohibition (emergency: nothing else fitted). */
  ruleBroken: number;
  /** Overflow beyond the measure after every shrink, pt (0 normally). */
  overfull: number;
  /** 1 if a non-final justified line could not be made flush (e.g. a single unbreakable glyph). */
  notFlush: number;
  /** Glyphs the face has no glyph for (.notdef). */
  missingGlyphs: number;
}

/** Counts of rules applied, for the composition report. */
export interface CompositionStats {
  lines: number;
  paragraphs: number;
  pairsCompressed: number;
  lineEndHalved: number;
  lineStartTrimmed: number;
  latinGaps: number;
  pushedIn: number;
  pushedOut: number;
  orphansAvoided: number;
  orphansLeft: number;
  /** Extra inter-character space in em per line: mean / p95 / max, over justified non-final lines. */
  extra: { mean: number; p95: number; max: number; lines: number };
  /** Em of punctuation blank squeezed inside lines, and lines where it happened. */
  punctSqueezedLines: number;
  /** Breaks that violate a prohibition (emergency), overfull lines, non-final lines not flush. */
  rulesBroken: number;
  overfull: number;
  notFlush: number;
  missingGlyphs: number;
  loosest: { em: number; text: string } | null;
  tightest: { em: number; text: string } | null;
}
