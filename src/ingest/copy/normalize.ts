/**
 * Pass 2, normalise: decoded text → numbered lines of clean text.
 *
 * - Line breaks: CRLF, LF and CR, and also VT, FF, NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR
 *   (U+2028/2029): each ends a line (and counts as one in line numbers).
 * - ANSI escape sequences (`ESC[1;31m`, OSC titles …) are removed whole, never leaving `[1;31m` behind.
 * - Control characters (C0, C1, DEL; a tab is two spaces, so it still separates table cells) and invisible format characters (zero-width spaces and
 *   joiners, bidi marks and overrides, soft hyphens, stray byte-order marks) are removed: a zero-width character
 *   inside a name never splits it. Each kind is reported once, as info, with its first line and its count.
 * - A literal U+FFFD (�) in the text is kept as text and warned: a character was lost before the file was made.
 * - Spaces: NBSP and the other Unicode spaces inside a line become ASCII spaces (U+3000 stays: it is part of
 *   Chinese copy). The line is trimmed; leading white space is remembered as the line's indent.
 * - Punctuation: the one documented change to visible characters (punctuation.ts).
 */
import type { CodeOf, Sink } from '../../diag/index.js';
import { SLOT } from './patterns.js';
import { normalizePunctuation } from './punctuation.js';

/** One line of normalised copy. */
export interface RawLine {
  /** 1-based line number in the file. */
  no: number;
  /** Trimmed text; '' for a blank line. */
  text: string;
  /** The line started with white space (a paragraph indent: U+3000, a tab or two spaces). */
  indented: boolean;
  /** The head slot a labelled export put the line in (`【引题】…`), the label removed. */
  slot?: 'kicker' | 'headline' | 'subhead';
}

/** Every line break the importer honours. */
export const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/u;

/**
 * ANSI/VT100 escape sequences (ECMA-48 §5.3–5.4): CSI (`ESC[` parameters, intermediates, final), OSC (`ESC]` … BEL or
 * ST), the C1 CSI, and other escapes (`ESC`, intermediates, one final character).
 */
export const ANSI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to find escape sequences
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u009B[0-?]*[ -/]*[@-~]|\u001B[ -/]*[0-~]?/gu;
/** Control characters (tab and line breaks are handled before). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
/** Invisible format characters: zero-width, bidi marks and overrides, soft hyphen, word joiner, BOM … */
const FORMAT = /\p{Cf}/gu;
/** Spaces other than ASCII space and U+3000 (NBSP, en/em spaces, thin spaces …). */
const OTHER_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F]/gu;
const LEADING = /^[\s\u3000]+/u;
const TRAILING = /[\s\u3000]+$/u;

interface Removed {
  count: number;
  first: number;
  lines: number;
}

const note = (r: Removed, n: number, line: number): void => {
  if (n === 0) return;
  if (r.count === 0) r.first = line;
  r.count += n;
  r.lines++;
};

function report(sink: Sink, file: string, code: CodeOf<'info'>, r: Removed, what: string, hint: string): void {
  if (r.count === 0) return;
  sink.info(
    code,
    `${r.count} ${what} removed on ${r.lines} line${r.lines > 1 ? 's' : ''}, first at line ${r.first}`,
    { file, line: r.first },
    hint,
  );
}

/** The slot label at the start of a line and its name (`【引题】` → 引题), or null. */
export function slotLabel(line: string): { label: string; name: string } | null {
  const m = SLOT.line.exec(line);
  return m ? { label: m[0], name: (m[1] ?? m[2])! } : null;
}

/** Does a copy (its trimmed lines) label its head slots (two labels or more)? */
export function usesSlotLabels(lines: string[]): boolean {
  let heads = 0;
  for (const t of lines) {
    const s = slotLabel(t);
    if (s && (SLOT.kicker.test(s.name) || SLOT.headline.test(s.name) || SLOT.subhead.test(s.name)) && ++heads >= 2)
      return true;
  }
  return false;
}

/**
 * A labelled export (`【引题】…` / `【主题】…` / `【副题】`): the labels come off, an empty slot becomes a blank
 * line, head lines remember their slot. Only when the copy has two head-slot labels or more; reported once.
 */
function stripSlotLabels(lines: RawLine[], file: string, sink: Sink): void {
  if (!usesSlotLabels(lines.map((l) => l.text))) return;
  let first = 0;
  let n = 0;
  for (const l of lines) {
    const s = slotLabel(l.text);
    if (!s) continue;
    n++;
    if (!first) first = l.no;
    l.text = l.text.slice(s.label.length);
    if (l.text === '') continue;
    if (SLOT.kicker.test(s.name)) l.slot = 'kicker';
    else if (SLOT.headline.test(s.name)) l.slot = 'headline';
    else if (SLOT.subhead.test(s.name)) l.slot = 'subhead';
  }
  sink.info(
    'import-slot-labels',
    `the copy labels its fields (【引题】, 【主题】 …): ${n} labels were taken off, first at line ${first}`,
    { file, line: first },
    'nothing to do: the labels tell which head line is which; they are not printed',
  );
}

/** Normalise decoded copy into lines; reports what it removed to `sink`. */
export function normalizeLines(text: string, file: string, sink: Sink): RawLine[] {
  const escapes: Removed = { count: 0, first: 0, lines: 0 };
  const controls: Removed = { count: 0, first: 0, lines: 0 };
  const invisible: Removed = { count: 0, first: 0, lines: 0 };
  const replacement: number[] = [];
  const out: RawLine[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  src.split(LINE_BREAK).forEach((raw, k) => {
    const no = k + 1;
    let s = raw;
    if (s.includes('\u001B') || s.includes('\u009B')) {
      const before = s.length;
      let n = 0;
      s = s.replace(ANSI, () => {
        n++;
        return '';
      });
      if (s.length < before) note(escapes, n, no);
    }
    // a tab is white space; two spaces keep it a cell separator in a table row
    s = s.replace(/\t/gu, '  ');
    let n = 0;
    s = s.replace(CONTROL, () => {
      n++;
      return '';
    });
    note(controls, n, no);
    n = 0;
    s = s.replace(FORMAT, () => {
      n++;
      return '';
    });
    note(invisible, n, no);
    if (s.includes('\uFFFD')) replacement.push(no);
    s = s.replace(OTHER_SPACE, ' ');
    const lead = LEADING.exec(s)?.[0] ?? '';
    const t = s.slice(lead.length).replace(TRAILING, '');
    const indented = t !== '' && (lead.includes('\u3000') || lead.length >= 2);
    out.push({ no, text: t === '' ? '' : normalizePunctuation(t), indented });
  });
  stripSlotLabels(out, file, sink);
  report(
    sink,
    file,
    'import-escape-removed',
    escapes,
    `terminal escape sequence${escapes.count > 1 ? 's were' : ' was'}`,
    'nothing to do if the text reads right; the copy was probably pasted from a terminal or log',
  );
  report(
    sink,
    file,
    'import-control-removed',
    controls,
    `control character${controls.count > 1 ? 's were' : ' was'}`,
    'nothing to do if the text reads right; otherwise export the copy again as plain text',
  );
  report(
    sink,
    file,
    'import-invisible-text',
    invisible,
    `invisible character${invisible.count > 1 ? 's' : ''} (zero-width, bidi or soft hyphen) ${invisible.count > 1 ? 'were' : 'was'}`,
    'nothing to do if the text reads right; otherwise check that the file is plain text and export it again',
  );
  if (replacement.length > 0) {
    sink.warn(
      'input-replacement-char',
      `the copy contains the replacement character � (U+FFFD) on ${replacement.length} line${replacement.length > 1 ? 's' : ''}, first at line ${replacement[0]}: a character was lost before the file was made; it is kept as text`,
      { file, line: replacement[0]! },
      'check those lines against the newsroom system and retype the lost characters',
    );
  }
  return out;
}
