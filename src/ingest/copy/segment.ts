/**
 * Pass 3, segment: normalised lines → the non-blank lines of the copy, each knowing whether a blank line comes
 * before it (blocks) and whether it is indented, plus the copy's style: does this newsroom mark paragraphs by
 * an indent (a national daily's export: U+3000 U+3000 before every paragraph, head lines flush left) or by blank
 * lines (the sample page), or both?
 */
import type { Diagnostic, Sink } from '../../diag/index.js';
import { isTerminal } from './classify.js';
import type { RawLine } from './normalize.js';
import { visLen } from './punctuation.js';

/** One non-blank line of copy. */
export interface Line {
  /** 1-based line number in the file. */
  no: number;
  text: string;
  /** A blank line (or the start of the file) comes before it: it opens a block. */
  blankBefore: boolean;
  /** It starts with an indent. */
  indented: boolean;
  /** The head slot a labelled export put it in. */
  slot?: 'kicker' | 'headline' | 'subhead';
}

export interface CopyStyle {
  /**
   * Body paragraphs are marked by an indent and head lines are not: an unindented line is never the start of
   * a body paragraph, an indented one never a head line.
   */
  indented: boolean;
  /**
   * Paragraphs inside a story are separated by blank lines. When they are not (and stories are), a blank line
   * before a head line is a story boundary.
   */
  blankParagraphs: boolean;
}

/** Decide the copy's style from its prose lines (long, punctuated) and its short head-like lines. */
function styleOf(lines: Line[]): CopyStyle {
  let prose = 0;
  let proseIndented = 0;
  let shortLines = 0;
  let shortIndented = 0;
  let pairs = 0;
  let pairsBlank = 0;
  let prevProse = false;
  for (const l of lines) {
    const n = visLen(l.text.length > 400 ? l.text.slice(0, 400) : l.text);
    const isProse = n >= 16 && /[，。]/u.test(l.text);
    if (isProse) {
      prose++;
      if (l.indented) proseIndented++;
      if (prevProse) {
        pairs++;
        if (l.blankBefore) pairsBlank++;
      }
    } else if (n >= 4 && n <= 30 && !isTerminal(l.text)) {
      shortLines++;
      if (l.indented) shortIndented++;
    }
    prevProse = isProse;
  }
  return {
    indented: prose >= 3 && proseIndented >= 0.6 * prose && (shortLines === 0 || shortIndented <= 0.5 * shortLines),
    blankParagraphs: pairs === 0 || pairsBlank >= 0.5 * pairs,
  };
}

/** The segmented copy, and what every later pass needs to report a problem. */
export class Copy {
  readonly style: CopyStyle;
  constructor(
    readonly lines: Line[],
    readonly file: string,
    readonly sink: Sink,
  ) {
    this.style = styleOf(lines);
  }

  get length(): number {
    return this.lines.length;
  }
  at(i: number): Line | undefined {
    return this.lines[i];
  }
  text(i: number): string | undefined {
    return this.lines[i]?.text;
  }
  /** Line indices of the block that starts at i (up to the next blank line). */
  block(i: number): number[] {
    const out: number[] = [];
    for (let j = i; j < this.lines.length; j++) {
      if (j > i && this.lines[j]!.blankBefore) break;
      out.push(j);
    }
    return out;
  }
  /** A line that can only open a body paragraph in this copy's style (an indent, where indents mark paragraphs). */
  opensParagraph(i: number): boolean {
    return this.style.indented && this.lines[i]?.indented === true;
  }
  diag(d: Omit<Diagnostic, 'at' | 'severity'> & { line: number; item?: string }): void {
    const at: Diagnostic['at'] = { file: this.file, line: d.line };
    if (d.item) at.item = d.item;
    this.sink.report(d.code, d.message, at, d.hint);
  }
}

/** Drop blank lines, remembering where they were. */
export function segment(raw: RawLine[], file: string, sink: Sink): Copy {
  const lines: Line[] = [];
  let blank = true;
  for (const r of raw) {
    if (r.text === '') {
      blank = true;
      continue;
    }
    const line: Line = { no: r.no, text: r.text, blankBefore: blank, indented: r.indented };
    if (r.slot) line.slot = r.slot;
    lines.push(line);
    blank = false;
  }
  return new Copy(lines, file, sink);
}
