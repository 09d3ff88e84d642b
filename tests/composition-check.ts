/**
 * An independent check of composed paragraphs, read back from the PDF: the paragraphs are set, painted and written
 * with the project's own stages, then MuPDF's text extraction (preview/) gives every printed character with its box,
 * and the checks below look only at those boxes and at the source text. The character tables here are written
 * from clreq / GB/T 15834 for this file and deliberately do not import src/text/rules.ts, so that a wrong rule table
 * cannot also make its own test pass.
 */
import type { Face } from '../src/fonts/index.js';
import { BLACK } from '../src/core/units.js';
import type { DisplayDocument, DisplayPage } from '../src/paint/display.js';
import { lineToGlyphOps } from '../src/paint/glyphs.js';
import { writePdf } from '../src/pdf/index.js';
import { extractText, type ExtractedChar } from '../src/preview/index.js';
import { BODY_SETTINGS, composeParagraph } from '../src/text/index.js';
import type { ComposedLine, ParagraphSettings } from '../src/text/index.js';

const s = (x: string): Set<string> => new Set(Array.from(x));
/** May not start a line: clreq §3.1.4 strict level (GB/T 15834 §5.1), as the independent analyzer reads it. */
export const NO_START = s(
  '，。、；：？！．,.;:?!）］｝〕〉》」』】〙〗〟｠»›”’"\'…‥—–〜～·・‧／/%％‰℃°′″々〻ゝゞヽヾー',
);
/** May not end a line: openers, prefix signs, lead marks (①, ■). */
export const NO_END = s('（［｛〔〈《「『【〘〖〝｟«‹“‘(￥＄¥$£￡#＃№①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⒈⒉⒊❶❷❸❹❺㈠㈡㈢㈣㈤■□●◆◇▲△※');
/** Ink on the left half (GB stops and closers) / right half (GB openers). */
const LEFT = s('，。．、：；？！）］｝〕〉》」』】〗〙”’');
const RIGHT = s('（［｛〔〈《「『【〖〘“‘');
const MARKS = new Set([...LEFT, ...RIGHT]);
const PUNCT = new Set([...MARKS, ...s('…—⸺⸻·')]);
const isHan = (c: string): boolean => /\p{Script=Han}/u.test(c);
const isAscii = (c: string): boolean => /[A-Za-z0-9]/.test(c);
const TOL = 0.5; // pt: "flush" (the analyzer's tolerance)

/**
 * Tokens that must not be split while they fit, and where each may break when it does not (Chicago Manual of
 * Style §6.76–6.79 / §14.18 for URLs and e-mail; GB/T 15835 for numbers). Independent of src/text/rules.ts.
 */
const TOKEN_CHECKS: Array<{ kind: string; re: RegExp; ok: (t: string, i: number) => boolean }> = [
  {
    kind: 'email',
    re: /[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
    ok: (t, i) => t[i] === '@' || '.-_'.includes(t[i - 1]!),
  },
  {
    kind: 'url',
    re: /(?:(?:https?|ftp):\/\/|www\.)[\w\-.~:/?#@!$&*+,;=%]+[\w/]/g,
    ok: (t, i) => '/.-?&=#_'.includes(t[i - 1]!) && t[i] !== '/',
  },
  {
    kind: 'phone',
    re: /(?<![\d-])(?:0\d{2,3}-\d{7,8}(?:-\d{1,6})?|[48]00-\d{3}-\d{4}|1[3-9]\d{9})(?![\d-])/g,
    ok: (t, i) => t[i - 1] === '-' || (t.length === 11 && (i === 3 || i === 7)),
  },
  { kind: 'ratio', re: /(?:\d+(?:\.\d+)?|[０-９]+)(?:∶(?:\d+(?:\.\d+)?|[０-９]+))+/g, ok: () => false },
  {
    kind: 'number',
    re: /\d+(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/g,
    ok: (t, i) => {
      if (t.includes(',')) return t[i - 1] === ',';
      const point = t.indexOf('.') < 0 ? t.length : t.indexOf('.');
      return i < point && (point - i) % 3 === 0;
    },
  },
  { kind: 'fullwidth', re: /[０-９Ａ-Ｚａ-ｚ]{2,}/g, ok: () => true },
  { kind: 'stars', re: /[★☆]{2,}/g, ok: () => true },
  { kind: 'word', re: /[A-Za-z]+(?:[’'-][A-Za-z0-9]+)*/g, ok: () => false },
  { kind: 'dash', re: /——|……|⸺|⸻/g, ok: () => false },
];

export interface Failure {
  code: string;
  where: string;
  detail: string;
}

export interface CheckCase {
  text: string;
  measureEm: number;
  indent: number;
  settings?: Partial<ParagraphSettings>;
}

const SIZE = 9;
const PITCH = 14;
const MARGIN = 20;

/** Glyph lines grouped from the extracted characters of one page, top to bottom (by baseline), each in reading
 * order. */
function linesOf(chars: ExtractedChar[]): Box[][] {
  const rows = new Map<number, ExtractedChar[]>();
  for (const c of chars) {
    const key = Math.round(c.oy * 10);
    const row = rows.get(key) ?? [];
    rows.set(key, row);
    row.push(c);
  }
  // in content-stream order (reading order): MuPDF puts the second character of a ligature such as —— at the
  // glyph's end, so sorting by origin would move a compressed mark after the dash in front of it
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => withSpaces(r));
}

/** Drop the spaces of a line, marking the character after each (`sp`): no gap rule holds across a space. */
function withSpaces(chars: Box[]): Box[] {
  const out: Box[] = [];
  let sp = false;
  for (const c of chars) {
    if (/\s/.test(c.c)) sp = out.length > 0;
    else {
      out.push(sp ? { ...c, sp } : c);
      sp = false;
    }
  }
  return out;
}

/** Natural width of `text` in pt, from the font's advances (for "does this token fit the line"). */
function naturalWidth(face: Face, text: string): number {
  return face.shape(text, {}, /[\u3000-\uffff]/.test(text) ? 'hani' : 'latn').reduce((w, g) => w + g.advance, 0) * SIZE;
}

function composeCases(face: Face, cases: CheckCase[]): ComposedLine[][] {
  return cases.map((c) =>
    composeParagraph(
      [{ text: c.text, style: { face, size: SIZE } }],
      { ...BODY_SETTINGS, ...c.settings, indent: c.indent },
      c.measureEm * SIZE,
    ),
  );
}

/** The boxes a PDF reader would see for composed lines: each glyph at its pen position, as wide as the font's
 * advance for it (MuPDF's quads), a ligature shared evenly among its characters. */
type Box = Pick<ExtractedChar, 'c' | 'x0' | 'x1' | 'ox'> & { sp?: boolean };
function boxesOf(composed: ComposedLine[]): Box[][] {
  return composed.map((l) =>
    withSpaces(
      l.glyphs.flatMap((g) => {
        const chars = Array.from(g.text);
        // the glyph's own face: a character the font lacks is set from a fallback face of the chain
        const w = (g.face.advanceOf(g.gid) * g.size) / Math.max(1, chars.length);
        return chars.map((ch, i) => ({
          c: ch,
          ox: MARGIN + g.x + i * w,
          x0: MARGIN + g.x + i * w,
          x1: MARGIN + g.x + (i + 1) * w,
        }));
      }),
    ),
  );
}

/** Compose every case and check the composer's own glyph positions (any face, also the fake font). */
export function checkComposed(face: Face, cases: CheckCase[]): { failures: Failure[]; composed: ComposedLine[][] } {
  const composed = composeCases(face, cases);
  const failures: Failure[] = [];
  cases.forEach((c, i) => {
    checkPage(face, c, composed[i]!, boxesOf(composed[i]!), failures);
  });
  return { failures, composed };
}

/**
 * Compose every case, write them all into one PDF (one page per case), read it back and check it. Returns the
 * failures (empty = all good) and the composed lines.
 */
export async function checkCases(
  face: Face,
  cases: CheckCase[],
): Promise<{ failures: Failure[]; composed: ComposedLine[][] }> {
  const composed = composeCases(face, cases);
  const pages: DisplayPage[] = cases.map((c, i) => {
    const lines = composed[i]!;
    const width = c.measureEm * SIZE + 2 * MARGIN;
    const height = lines.length * PITCH + 2 * MARGIN;
    return {
      number: i + 1,
      width,
      height,
      trim: { x: 0, y: 0, w: width, h: height },
      bleed: 0,
      ops: lines.flatMap((l, j) => lineToGlyphOps(l, MARGIN, MARGIN + 0.88 * SIZE + j * PITCH, BLACK)),
    };
  });
  const doc: DisplayDocument = { title: 'composition check', date: '2024-07-03', pages };
  const pdf = await writePdf(doc, { standard: 'none' });
  const extracted = await extractText(pdf);
  const failures: Failure[] = [];
  cases.forEach((c, i) => {
    const chars = extracted[i]!.lines.flatMap((l) => l.chars);
    checkPage(face, c, composed[i]!, linesOf(chars), failures);
  });
  return { failures, composed };
}

function checkPage(face: Face, c: CheckCase, composed: ComposedLine[], lines: Box[][], out: Failure[]): void {
  const em = SIZE;
  const left = MARGIN;
  const right = MARGIN + c.measureEm * SIZE;
  const tag = `${c.measureEm}em/i${c.indent}`;
  const fail = (code: string, li: number, detail: string): void => {
    const l = lines[li];
    out.push({ code, where: `${tag} L${li + 1} ${l ? l.map((x) => x.c).join('') : ''}`, detail });
  };
  const src = c.text.replace(/\s/g, '');
  const got = lines.map((l) => l.map((x) => x.c).join(''));
  // 1. Nothing lost, reordered or added; the composer's lines (what --lines writes) are the printed lines.
  if (got.join('') !== src) {
    out.push({ code: 'text', where: tag, detail: `printed ${got.join('|')}` });
    return;
  }
  const want = composed.map((l) => l.text.replace(/\s/g, ''));
  if (want.join('|') !== got.join('|')) {
    out.push({ code: 'lines', where: tag, detail: `composer ${want.join('|')} vs PDF ${got.join('|')}` });
    return;
  }
  // 2. Every printed glyph where the composer put it.
  composed.forEach((l, li) => {
    let ci = 0;
    for (const g of l.glyphs) {
      const t = g.text.replace(/\s/g, '');
      if (!t) continue;
      const ch = lines[li]![ci]!;
      if (Math.abs(ch.ox - (left + g.x)) > 0.05) fail('align', li, `${t} printed at ${ch.ox - left}, set at ${g.x}`);
      ci += Array.from(t).length;
    }
  });
  // Break offsets in the source text (the printed lines hold its characters but its spaces), for the token checks.
  const breaks: number[] = [];
  let at = 0;
  for (const l of got.slice(0, -1)) {
    for (let k = 0; k < l.length; at++) if (!/\s/.test(c.text[at]!)) k++;
    breaks.push(at);
  }
  const src0 = c.text;

  lines.forEach((l, li) => {
    const first = li === 0;
    const last = li === lines.length - 1;
    const text = got[li]!;
    const a = l[0]!;
    const z = l[l.length - 1]!;
    // 3. Kinsoku (strict) and connectors.
    if (!first && NO_START.has(a.c)) fail('kinsoku-start', li, a.c);
    if (!last && NO_END.has(z.c)) fail('kinsoku-end', li, z.c);
    if (!last && /[—～]$/.test(text) && !/——$/.test(text) && /^[\p{L}\p{N}]/u.test(got[li + 1]!))
      fail('connector', li, 'a connector ends the line');
    // 4. No line of one glyph or of punctuation alone, unless it is caught next to a line that an inseparable token
    // (a number, a phone number, a ratio: ≥ 4 characters) fills so far that the glyph cannot join it.
    if (lines.length > 1 && (l.length === 1 || l.every((x) => PUNCT.has(x.c)))) {
      const w = l.reduce((t, x) => t + (x.x1 - x.x0), 0);
      const crowded = (j: number): boolean =>
        j >= 0 &&
        j < lines.length &&
        TOKEN_CHECKS.some(({ re }) =>
          [...got[j]!.matchAll(re)].some(
            (m) => m[0].length >= 4 && naturalWidth(face, m[0]) + w + em > c.measureEm * SIZE - 2 * em,
          ),
        );
      if (!crowded(li - 1) && !crowded(li + 1)) fail('lonely', li, text);
    }
    // 5. Flush at both edges (a mark set ½ em may show its ink at the edge), nothing past the measure.
    const lx = first ? left + c.indent * em : left;
    if (first && RIGHT.has(a.c)) {
      if (Math.abs(a.x0 - lx) > TOL) fail('para-start', li, `opener box at ${(a.x0 - lx) / em} em from the indent`);
    } else if (Math.min(Math.abs(a.x0 - lx), RIGHT.has(a.c) ? Math.abs(a.x0 + (a.x1 - a.x0) / 2 - lx) : 99) > TOL)
      fail('left', li, `starts ${(a.x0 - lx).toFixed(2)} pt off`);
    if (!last) {
      const ends = [z.x1, ...(LEFT.has(z.c) ? [z.x0 + (z.x1 - z.x0) / 2] : [])];
      if (Math.min(...ends.map((e) => Math.abs(e - right))) > TOL && l.length > 1)
        fail('flush', li, `ends ${(right - Math.min(...ends)).toFixed(2)} pt short`);
    }
    l.forEach((x, k) => {
      const lastGlyph = k === l.length - 1;
      const inkEnd = lastGlyph && LEFT.has(x.c) ? x.x0 + (x.x1 - x.x0) / 2 : x.x1;
      if (inkEnd > right + TOL && !(lastGlyph && l.length === 1)) fail('overflow', li, `${x.c} ends past the measure`);
    });
    // 6. Spacing: no overlapping Han boxes, …… and brackets around Latin never opened, CJK–Latin gaps within
    // ⅛–⅓ em on lines that have Han gaps to spread, apostrophes Latin, clusters as wide as their marks need.
    const hanPairs = l.some((x, k) => k > 0 && isHan(x.c) && isHan(l[k - 1]!.c));
    for (let k = 1; k < l.length; k++) {
      const p = l[k - 1]!;
      const x = l[k]!;
      if (x.sp) continue;
      const gap = (x.x0 - p.x1) / em;
      if (isHan(p.c) && isHan(x.c) && gap < -0.002) fail('overlap', li, `${p.c}${x.c} ${gap.toFixed(3)} em`);
      if (p.c === '…' && x.c === '…' && Math.abs(gap) > 0.01) fail('ellipsis', li, `…… opened by ${gap.toFixed(3)} em`);
      const apostrophe = x.c === '’' && /[A-Za-z]/.test(l[k + 1]?.c ?? '');
      if (((RIGHT.has(p.c) && isAscii(x.c)) || (isAscii(p.c) && LEFT.has(x.c) && !apostrophe)) && gap > 0.01)
        fail('bracket-latin', li, `${p.c}${x.c} opened by ${gap.toFixed(3)} em`);
      if ((hanPairs || last) && ((isHan(p.c) && isAscii(x.c)) || (isAscii(p.c) && isHan(x.c))))
        if (gap > 1 / 3 + 0.01 || gap < 1 / 8 - 0.01) fail('latin-gap', li, `${p.c}${x.c} ${gap.toFixed(3)} em`);
      if (x.c === '’' && /[A-Za-z]/.test(p.c) && /[A-Za-z]/.test(l[k + 1]?.c ?? ''))
        if (x.x1 - x.x0 > 0.4 * em) fail('apostrophe', li, `’ set ${((x.x1 - x.x0) / em).toFixed(2)} em wide`);
      // marks in a cluster (clreq §3.1.6.2): every mark's box starts ½ em after the previous one (each gap between
      // two marks loses ½ em), so 。”） and ？”“ take 2 em, no blank is left between a stop and its closing quote,
      // and the one blank between a closer and an opener (”“) is the opener's own; empty brackets （） keep theirs
      if (MARKS.has(p.c) && MARKS.has(x.c) && k < l.length - 1 && !(RIGHT.has(p.c) && LEFT.has(x.c))) {
        const step = (x.x0 - p.x0) / em;
        if (Math.abs(step - 0.5) > 0.01) fail('cluster', li, `${p.c}${x.c} ${step.toFixed(3)} em apart, want ½`);
      }
    }
    for (const x of l) {
      const w = (x.x1 - x.x0) / em;
      if ((x.c === '⸺' && Math.abs(w - 2) > 0.02) || (x.c === '⸻' && Math.abs(w - 3) > 0.02))
        fail('dash', li, `${x.c} ${w.toFixed(2)} em wide`);
    }
  });

  // 7. Tokens never split while they fit; a token wider than the line only at its own break points.
  const covered: Array<[number, number]> = [];
  for (const { kind, re, ok } of TOKEN_CHECKS) {
    for (const m of src0.matchAll(re)) {
      const t = m[0];
      if (covered.some(([x, y]) => m.index < y && x < m.index + t.length)) continue;
      covered.push([m.index, m.index + t.length]);
      const inside = breaks.filter((b) => b > m.index && b < m.index + t.length);
      if (!inside.length) continue;
      const li = breaks.indexOf(inside[0]!);
      // the token with the marks that may not be parted from it (a comma after it, an opener before it)
      let a = m.index;
      let b = m.index + t.length;
      while (a > 0 && NO_END.has(src0[a - 1]!)) a--;
      while (b < src0.length && NO_START.has(src0[b]!)) b++;
      const unit = src0.slice(a, b);
      const trim = LEFT.has(unit[unit.length - 1]!) ? em / 2 : 0;
      const fits = naturalWidth(face, unit) - trim <= c.measureEm * SIZE - (li === 0 ? c.indent * em : 0) + 0.01;
      for (const b of inside) {
        const own = ok(t, b - m.index);
        // the segment the break falls in, between the token's own break points: wider than the line, it must break
        let x = b - m.index;
        let y = b - m.index;
        while (x > 0 && !ok(t, x)) x--;
        while (y < t.length && !ok(t, y)) y++;
        const wide = naturalWidth(face, t.slice(x, y)) > c.measureEm * SIZE;
        if (kind === 'dash' || (fits && !(own && (kind === 'url' || kind === 'email' || kind === 'phone'))))
          fail('split', li, `${kind} ${t} split although it fits`);
        else if (fits) fail('split-fits', li, `${kind} ${t} split at its own break point although it fits`);
        else if (!own && !wide) fail('split', li, `${kind} ${t} split inside a segment`);
      }
    }
  }
}

/** Every measure from 6 to 40 em, indent 0 and 2. */
export const ALL_MEASURES: Array<{ measureEm: number; indent: number }> = [];
for (let m = 6; m <= 40; m++) for (const indent of [0, 2]) ALL_MEASURES.push({ measureEm: m, indent });
