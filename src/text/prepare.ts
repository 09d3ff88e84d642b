/**
 * Prepare a paragraph once (width-independent): find its inseparable tokens, itemise and shape it, attach to every
 * glyph its natural advance and how far it may shrink or stretch, compress mark clusters, place CJK–Latin gaps, and
 * compute the cost of breaking after every glyph from the rule tables. Line breaking (linebreak.ts) then only reads
 * arrays.
 */
import type { Face } from '../fonts/index.js';
import type { ParagraphSettings, StyledRun } from './types.js';
import {
  CLOSERS,
  CONNECTORS,
  COSTS,
  END_PROHIBITED_BASIC,
  END_PROHIBITED_GB,
  IDEOGRAPHIC_SPACE,
  INTERPUNCTS,
  INTERPUNCT_WIDTH,
  LATIN_APOSTROPHES,
  LATIN_APOSTROPHE_FEATURES,
  LONG_MARKS,
  LONG_MARK_EM,
  NUMBER_PREFIXES,
  NUMBER_SUFFIXES,
  OPENERS,
  PAIR_CUT,
  PUNCT_GROW_MAX,
  PUNCT_SQUEEZE_MAX,
  QUERY_BANG,
  START_PROHIBITED_GB,
  START_PROHIBITED_STRICT_ONLY,
  STOPS,
  WORD_SPACE,
  isAlnum,
  isCjkRunChar,
  isDigit,
  isHan,
  isLatinWordChar,
} from './rules.js';
import { findTokens, type Token } from './tokens.js';

/**
 * What an item is, for spacing and breaking: `han` ideograph; `stop` `close` `open` full-width marks with an
 * adjustable ½-em blank (clreq §3.1.2); `mid` interpunct; `long` dash or ellipsis unit (—— ⸺ ……); `latin` letter or
 * digit; `space` a word space (zero width: its glue sits on the next item); `ispace` U+3000; `sym` another
 * full-width symbol (① ★ ∶ ℃ full-width letters); `other` anything narrow (+ = @ ’ in a Latin word).
 */
export type ItemKind =
  | 'han'
  | 'stop'
  | 'close'
  | 'open'
  | 'mid'
  | 'long'
  | 'latin'
  | 'space'
  | 'ispace'
  | 'sym'
  | 'other';

/** Items set in the CJK way: full-width boxes between which inter-character expansion may go (clreq §3.8). */
const WIDE: ReadonlySet<ItemKind> = new Set(['han', 'stop', 'close', 'open', 'mid', 'long', 'ispace', 'sym']);
/** Full-width marks with an adjustable blank (the members of mark clusters). */
const MARK: ReadonlySet<ItemKind> = new Set(['stop', 'close', 'open']);
/** Punctuation, for "a line of punctuation alone". */
const PUNCT: ReadonlySet<ItemKind> = new Set(['stop', 'close', 'open', 'mid', 'long']);

/** Sentence-final stops keep their full width inside a line (开明 style: xeCJK `mixed-punct-ratio`). */
const SENTENCE_END = new Set(Array.from('。？！．'));

/**
 * A prepared paragraph: parallel arrays, one entry per item (a shaped glyph: one character, or a ligature such as
 * `——`). Lengths in pt. Built by `prepare`, read only by the breaker (linebreak.ts) and headline.ts; other stages
 * use `text` and `settings` and pass the rest back to `breakLines` untouched. The examples are for
 * `他说：“好！”` in Noto Serif SC at 9 pt (items 他 说 ： “ 好 ！ ”).
 */
export interface PreparedParagraph {
  /** The paragraph's text, all runs joined. Example: `'他说：“好！”'`. */
  readonly text: string;
  /** The settings it was prepared with. Example: BODY_SETTINGS. */
  readonly settings: ParagraphSettings;
  /** Number of items. Example: 7. */
  readonly n: number;
  /** UTF-16 offsets of each item's characters in `text` (end exclusive). Example: start [0,1,2,3,4,5,6]. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Example: ['han','han','stop','open','han','stop','close']. */
  readonly kind: ItemKind[];
  /** Glyph id in the item's face. Example: 8933 for 他. */
  readonly gid: Int32Array;
  readonly face: Face[];
  /** Type size of the item's run, pt. Example: 9. */
  readonly size: Float64Array;
  /** Natural set width of the glyph box before any compression. Example: 9 for every item here. */
  readonly full: Float64Array;
  /** Offset of the glyph origin inside its box (centring of · and long marks, font xOffset). Example: 0. */
  readonly xOff: Float64Array;
  /** Vertical glyph offset, pt, positive up. Example: 0. */
  readonly dy: Float64Array;
  /** What pair kerning took from the glyph's own advance, pt (Latin glyphs; 0 for CJK): given back when the glyph
   * ends a line, since its kerning partner is then on the next line; negative for an interpunct, whose blank after
   * the glyph is dropped at a line end. Example: 0; 0.56 for the _ of `r_o`; −0.78 for · (Noto, 9 pt). */
  readonly unkern: Float64Array;
  /** Adjustable blanks (left / right) of full-width marks. Example: blankR of ： = 4.5, blankL of “ = 4.5. */
  readonly blankL: Float64Array;
  readonly blankR: Float64Array;
  /** What mark-cluster compression removed of those blanks. Example: cutR [0,0,4.5,0,0,4.5,0] (：“ and ！” are
   * 1.5 em each), cutL all 0. */
  readonly cutL: Float64Array;
  readonly cutR: Float64Array;
  /** Blank that may be squeezed away inside a line (isolated marks only), left / right: pauses and brackets.
   * Sentence-end stops (。？！) are a second, dearer resource (sq2R). Example: all 0 here (every mark is in a
   * pair); sqR of the ， in `甲，乙` = 4.5. */
  readonly sqL: Float64Array;
  readonly sqR: Float64Array;
  readonly sq2R: Float64Array;
  /** Blank that may open when a line must stretch (PUNCT_GROW_MAX), left / right: the blank a mark or a cluster
   * keeps toward the text. Example: grR [0,0,0,0,0,0,1.125] (after the cluster ！”; nothing inside a cluster). */
  readonly grL: Float64Array;
  readonly grR: Float64Array;
  /** Glue before the item: natural, min, max (CJK–Latin gap or word space). Example: 0 (no Latin); 2.25 / 1.125 /
   * 3 before the P of `用PaaS`. */
  readonly gap: Float64Array;
  readonly gapMin: Float64Array;
  readonly gapMax: Float64Array;
  /** 1 if the gap before the item takes inter-character expansion (between two CJK items, not inside a mark
   * cluster, …… or a token, not next to a connector). Example: [0,1,1,0,1,1,0]. */
  readonly e1: Uint8Array;
  /** 1 if the gap before the item takes letter spacing (LETTER_SPACE_FROM: a line that is one piece of a URL, or
   * whose few Han gaps would open too far). Example: all 0 here; [0,0,1,1,1] for `用PaaS`. */
  readonly e2: Uint8Array;
  /** 1 for a Han ideograph. Example: [1,1,0,0,1,0,0]. */
  readonly han: Uint8Array;
  /** 1 for an item that prints (not a space). Example: all 1. */
  readonly vis: Uint8Array;
  /** 1 for a punctuation mark (for "a line of punctuation alone"). Example: [0,0,1,1,0,1,1]. */
  readonly punct: Uint8Array;
  /** Cost of breaking after the item (0 = free; ≥ COSTS.forbiddenStrict = prohibited, emergency only). Example:
   * [0, 1e10, 0, 1e10, 1e10, 1e10, 0]: not before ： ！ ” (they may not start a line), not after “ (it may not end
   * one); the last entry is unused. */
  readonly brk: Float64Array;
  /** For a break inside a token: the natural width of the token with everything glued to it, pt (0 elsewhere).
   * On a line narrower than this the break costs `soft` (its own break points: COSTS.tokenBreak; inside a
   * segment: forbidden), on a wider line `split` (a URL's break points: COSTS.tokenSplit; else forbidden). Example:
   * all 0 here; in `见0573-85012345，` tokW = 67.0 (the phone and its comma, ½ em at a line end) for the breaks
   * inside the number, soft = 200 after the hyphen and 2e10 elsewhere. */
  readonly tokW: Float64Array;
  readonly soft: Float64Array;
  readonly split: Float64Array;
  /** 1 if the item may not start a line (for the push-in/push-out notes). Example: [0,0,1,0,0,1,1]. */
  readonly noStart: Uint8Array;
  /** 1 if the break after the item lies inside a run of three or more line-start-prohibited marks (clreq §3.1.4
   * remedy: allowed at COSTS.threeMarks rather than forbidden). Example: all 0; 1 after 。 ” ） in `。”）』`. */
  readonly relaxed: Uint8Array;
  /** 1 if the face has no glyph for the item (.notdef). Example: all 0. */
  readonly missing: Uint8Array;
  /** Prefix sums (length n + 1) used by the breaker, each of the per-item value named: widths after compression
   * and glue (pW: [0,9,18,22.5,31.5,40.5,45,54]), glue shrink (pGS) and stretch (pGX), squeeze (pSQ, pSQ2), blank
   * growth (pGR), expansion gaps (pE1, pE2), glue gaps (pGC), characters that count for 孤字 (pB: printing, not
   * punctuation), visible items (pV) and punctuation (pP). */
  readonly pW: Float64Array;
  readonly pGS: Float64Array;
  readonly pGX: Float64Array;
  readonly pSQ: Float64Array;
  readonly pSQ2: Float64Array;
  readonly pGR: Float64Array;
  readonly pE1: Float64Array;
  readonly pE2: Float64Array;
  readonly pGC: Float64Array;
  readonly pB: Float64Array;
  readonly pV: Float64Array;
  readonly pP: Float64Array;
}

interface Raw {
  start: number;
  end: number;
  text: string;
  gid: number;
  face: Face;
  size: number;
  adv: number;
  xOff: number;
  dy: number;
  kind: ItemKind;
  /** Shaped in the CJK run (script hani). */
  cjk: boolean;
}

/**
 * Where a full-width mark's ink sits in its box, from the glyph's ink bounds (Blink's han_kerning trick; research
 * note §4.3 item 3): `left` = ink in the left half (GB stops and closers: the blank is on the right), `right` =
 * ink in the right half (GB openers), `centre` = narrow and centred (TW/HK-style fonts: ¼ em blank each side),
 * `full` = neither (no adjustable blank). null when the glyph has no ink to measure (the Unicode table decides).
 */
export type InkPosition = 'left' | 'right' | 'centre' | 'full';
export function inkPosition(face: Face, gid: number, advEm: number): InkPosition | null {
  const ink = face.ink(gid);
  if (!(ink.xMax > ink.xMin) || !(advEm > 0)) return null;
  const half = advEm / 2;
  if (ink.xMax <= half) return 'left';
  if (ink.xMin >= half) return 'right';
  if (ink.xMax - ink.xMin <= half && ink.xMin >= advEm / 4 && ink.xMax <= (3 * advEm) / 4) return 'centre';
  return 'full';
}

function classify(text: string, advEm: number): ItemKind {
  const c = text[0] ?? '';
  if (text.length === 0) return 'other';
  if (isHan(c)) return 'han';
  if (c === ' ' || c === '\t' || c === '\u00a0' || c === '\n' || c === '\r') return 'space';
  if (c === IDEOGRAPHIC_SPACE) return 'ispace';
  if (LONG_MARKS.has(c)) return 'long';
  if (INTERPUNCTS.has(c)) return 'mid';
  // Blanks exist only if the font draws the mark full width (Blink han_kerning; docs/composition.md §1).
  if (advEm > 0.9) {
    if (STOPS.has(c)) return 'stop';
    if (CLOSERS.has(c)) return 'close';
    if (OPENERS.has(c)) return 'open';
  }
  if (isAlnum(c)) return 'latin';
  return advEm > 0.9 ? 'sym' : 'other';
}

/**
 * Itemise by style run and by script (CJK run vs Latin run) and shape each piece. `latinAt` marks offsets of
 * characters that belong to the Latin run although Unicode puts them with CJK punctuation (the apostrophe inside a
 * Latin word).
 */
function shapeRuns(runs: StyledRun[], latinAt: ReadonlySet<number>): { text: string; raw: Raw[] } {
  const raw: Raw[] = [];
  let text = '';
  for (const run of runs) {
    const base = text.length;
    text += run.text;
    const chars = run.text;
    const cjkAt = (i: number): boolean =>
      !latinAt.has(base + i) && isCjkRunChar(String.fromCodePoint(chars.codePointAt(i) ?? 0));
    let i = 0;
    while (i < chars.length) {
      const cjk = cjkAt(i);
      let j = i + ((chars.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
      while (j < chars.length && cjkAt(j) === cjk) j += (chars.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
      const seg = chars.slice(i, j);
      const size = run.style.size;
      const latinQuote = !cjk && Array.from(seg).some((c) => LATIN_APOSTROPHES.has(c));
      const glyphs = run.style.face.shape(seg, latinQuote ? LATIN_APOSTROPHE_FEATURES : {}, cjk ? 'hani' : 'latn');
      for (const g of glyphs) {
        const t = seg.slice(g.start, g.end);
        raw.push({
          start: base + i + g.start,
          end: base + i + g.end,
          text: t,
          gid: g.gid,
          face: g.face ?? run.style.face,
          size,
          adv: g.advance * size,
          xOff: g.xOffset * size,
          dy: g.yOffset * size,
          kind: classify(t, g.advance),
          cjk,
        });
      }
      i = j;
    }
  }
  return { text, raw };
}

/** Call `fn(k, j)` for every maximal run k..j (inclusive) of indices in 0..n-1 where `test` holds. */
function forEachRun(n: number, test: (k: number) => boolean, fn: (k: number, j: number) => void): void {
  for (let k = 0; k < n; ) {
    if (!test(k)) {
      k++;
      continue;
    }
    let j = k;
    while (j + 1 < n && test(j + 1)) j++;
    fn(k, j);
    k = j + 1;
  }
}

function prefix(n: number, f: (k: number) => number): Float64Array {
  const p = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) p[k + 1] = p[k]! + f(k);
  return p;
}

export interface PrepareOptions {
  /** Extra line-start prohibitions (headlines: particles). */
  extraNoStart?: ReadonlySet<string>;
}

export function prepare(runs: StyledRun[], settings: ParagraphSettings, opts: PrepareOptions = {}): PreparedParagraph {
  // 1. Tokens (TOKENS in rules.ts), found on the joined text before shaping: a Latin word's apostrophe is shaped
  // with the word.
  const joined = runs.map((r) => r.text).join('');
  const tokens = findTokens(joined);
  const latinAt = new Set<number>();
  for (const t of tokens)
    if (t.rule.kind === 'word')
      for (let o = t.start; o < t.end; o++) if (LATIN_APOSTROPHES.has(joined[o]!)) latinAt.add(o);
  const { text, raw } = shapeRuns(runs, latinAt);
  const n = raw.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const gid = new Int32Array(n);
  const size = new Float64Array(n);
  const full = new Float64Array(n);
  const xOff = new Float64Array(n);
  const dy = new Float64Array(n);
  const unkern = new Float64Array(n);
  const blankL = new Float64Array(n);
  const blankR = new Float64Array(n);
  const cutL = new Float64Array(n);
  const cutR = new Float64Array(n);
  const sqL = new Float64Array(n);
  const sqR = new Float64Array(n);
  const sq2R = new Float64Array(n);
  const grL = new Float64Array(n);
  const grR = new Float64Array(n);
  const gap = new Float64Array(n);
  const gapMin = new Float64Array(n);
  const gapMax = new Float64Array(n);
  const e1 = new Uint8Array(n);
  const e2 = new Uint8Array(n);
  const han = new Uint8Array(n);
  const vis = new Uint8Array(n);
  const punct = new Uint8Array(n);
  const brk = new Float64Array(n);
  const tokW = new Float64Array(n);
  const soft = new Float64Array(n);
  const split = new Float64Array(n);
  const noStart = new Uint8Array(n);
  const relaxed = new Uint8Array(n);
  const missing = new Uint8Array(n);
  const kind: ItemKind[] = [];
  const face: Face[] = [];
  const cjk: boolean[] = [];

  // 2. Widths and blanks (clreq §3.1.2 nominal widths; · ½ em; ——, ⸺, ⸻ and …… 1 em per unit, centred).
  for (let k = 0; k < n; k++) {
    const r = raw[k]!;
    start[k] = r.start;
    end[k] = r.end;
    gid[k] = r.gid;
    size[k] = r.size;
    dy[k] = r.dy;
    kind.push(r.kind);
    face.push(r.face);
    cjk.push(r.cjk);
    han[k] = r.kind === 'han' ? 1 : 0;
    vis[k] = r.kind !== 'space' && r.kind !== 'ispace' && r.end > r.start ? 1 : 0;
    punct[k] = PUNCT.has(r.kind) ? 1 : 0;
    missing[k] = r.gid === 0 && r.kind !== 'space' && r.text.length > 0 ? 1 : 0;
    const em = r.size;
    let w = r.adv;
    let xo = r.xOff;
    if (r.kind === 'long') {
      let units = 0;
      for (const c of r.text) units += LONG_MARK_EM.get(c) ?? 1;
      w = units * em;
      xo += (w - r.adv) / 2; // centre the (possibly ligated) rule in its box (fixes the 1.692-em ccmp ligature)
    } else if (r.kind === 'mid') {
      w = INTERPUNCT_WIDTH * em;
      xo += (w - r.adv) / 2;
    } else if (r.kind === 'space') {
      w = 0; // spaces become glue on the following item
    }
    full[k] = w;
    xOff[k] = xo;
    if (!r.cjk && r.kind !== 'space') unkern[k] = Math.max(0, r.face.advanceOf(r.gid) * em - r.adv);
    // an interpunct ending a line gives up the blank after its glyph, so that its glyph box ends at the edge
    if (r.kind === 'mid') unkern[k] = -Math.max(0, w - xo - r.face.advanceOf(r.gid) * em);
    if (MARK.has(r.kind)) {
      // The blanks come from the glyph's ink; the Unicode class (GB positions, clreq §3.1.2) is the fallback.
      const pos = inkPosition(r.face, r.gid, r.adv / em) ?? (r.kind === 'open' ? 'right' : 'left');
      if (pos === 'left') blankR[k] = PAIR_CUT * em;
      else if (pos === 'right') blankL[k] = PAIR_CUT * em;
      else if (pos === 'centre') blankL[k] = blankR[k] = (PAIR_CUT / 2) * em;
    }
  }

  const isMark = (k: number): boolean => k >= 0 && k < n && MARK.has(kind[k]!);
  const firstChar = (k: number): string => text.slice(start[k]!, end[k]!)[0] ?? '';
  const lastChar = (k: number): string => {
    const t = text.slice(start[k]!, end[k]!);
    return t[t.length - 1] ?? '';
  };
  /** A single-character dash or wave dash between two other items: a 连接号, not part of a 破折号. */
  const isConnector = (k: number): boolean =>
    k >= 0 &&
    k < n &&
    end[k]! - start[k]! === 1 &&
    CONNECTORS.has(firstChar(k)) &&
    !(k > 0 && kind[k - 1] === 'long') &&
    !(k + 1 < n && kind[k + 1] === 'long');

  // 3. Mark clusters (clreq §3.1.6.2, jlreq §3.1.4; PAIR_CUT in rules.ts): every gap between two adjacent marks
  // loses ½ em of blank, taken from the mark before it (stops, closers) and then from the mark after it (openers);
  // the blanks facing the text stay. An opener followed by a closer keeps both; ？！ pairs are 1 em (GB/T 15834 §5.1.2).
  forEachRun(n, isMark, (a, b) => {
    for (let k = a; k < b; k++) {
      if (kind[k] === 'open' && kind[k + 1] === 'close') continue;
      const need = PAIR_CUT * size[k]!;
      cutR[k] = Math.min(blankR[k]!, need);
      cutL[k + 1] = Math.min(blankL[k + 1]!, need - cutR[k]!);
    }
    forEachRun(
      b - a + 1,
      (t) => QUERY_BANG.has(firstChar(a + t)),
      (s, e) => {
        if (e === s + 1) cutR[a + e] = blankR[a + e]!;
      },
    );
  });
  // Interior squeeze capacity (先挤进 resource): isolated marks only, so that a cluster never drops below its width.
  for (let k = 0; k < n; k++) {
    if (!isMark(k) || isMark(k - 1) || isMark(k + 1)) continue;
    const em = size[k]!;
    if (SENTENCE_END.has(firstChar(k))) {
      sq2R[k] = Math.min(blankR[k]! - cutR[k]!, PUNCT_SQUEEZE_MAX * em);
      continue;
    }
    sqR[k] = Math.min(blankR[k]! - cutR[k]!, PUNCT_SQUEEZE_MAX * em);
    sqL[k] = Math.min(blankL[k]! - cutL[k]!, PUNCT_SQUEEZE_MAX * em);
  }

  // Growth capacity (the first expansion resource): the blank a mark or a cluster keeps toward the text.
  forEachRun(n, isMark, (a, b) => {
    if (kind[b] === 'stop' || kind[b] === 'close') grR[b] = Math.min(PUNCT_GROW_MAX * size[b]!, blankR[b]! - cutR[b]!);
    if (kind[a] === 'open') grL[a] = Math.min(PUNCT_GROW_MAX * size[a]!, blankL[a]! - cutL[a]!);
  });

  // 4. CJK–Latin gaps (clreq §3.2.2) and spaces. An author-typed space next to Han becomes the gap (not added).
  const lg = settings.latinGap;
  const setGlue = (k: number, em: number, nat: number, min: number, max: number): void => {
    gap[k] = nat * em;
    gapMin[k] = Math.min(nat, min) * em;
    gapMax[k] = Math.max(nat, max) * em;
  };
  const alnumAt = (k: number, side: 'first' | 'last'): boolean =>
    k >= 0 &&
    k < n &&
    kind[k] !== 'han' &&
    kind[k] !== 'space' &&
    !cjk[k] &&
    isAlnum(side === 'first' ? firstChar(k) : lastChar(k));
  for (let k = 1; k < n; k++) {
    const prev = k - 1;
    if (kind[k] === 'space' || kind[prev] === 'space') continue;
    if ((han[prev] && alnumAt(k, 'first')) || (alnumAt(prev, 'last') && han[k])) {
      setGlue(k, Math.max(size[prev]!, size[k]!), lg.natural, lg.shrink, lg.stretch);
    }
  }
  forEachRun(
    n,
    (k) => kind[k] === 'space',
    (k, j) => {
      const before = k - 1;
      const after = j + 1;
      if (before < 0 || after >= n) return;
      const em = Math.max(size[before]!, size[after]!);
      if (cjk[before] || cjk[after]) setGlue(after, em, lg.natural, lg.shrink, lg.stretch);
      else setGlue(after, em, WORD_SPACE.natural, WORD_SPACE.min, WORD_SPACE.max);
    },
  );

  // 5. Break costs: kinsoku (clreq §3.1.4 at the settings' level), 分离禁则 (clreq §3.1.5: long marks, connectors,
  // Latin words and numbers, GB/T 15835), then the tokens, which may break only where they cannot fit.
  const level = settings.kinsoku;
  const endSet = level === 'basic' ? END_PROHIBITED_BASIC : END_PROHIBITED_GB;
  const strictOnly = (k: number): boolean => {
    const f = firstChar(k);
    return (
      level === 'strict' &&
      START_PROHIBITED_STRICT_ONLY.has(f) &&
      !START_PROHIBITED_GB.has(f) &&
      !(opts.extraNoStart?.has(f) ?? false)
    );
  };
  for (let k = 0; k < n; k++) {
    const f = firstChar(k);
    noStart[k] =
      START_PROHIBITED_GB.has(f) ||
      (opts.extraNoStart?.has(f) ?? false) ||
      (level === 'strict' && START_PROHIBITED_STRICT_ONLY.has(f))
        ? 1
        : 0;
  }
  // Runs of three or more line-start-prohibited marks (e.g. 。』」, ”）。): clreq §3.1.4 lets such a run fall back
  // locally to no prohibition rather than force a very loose line, so a break inside the run is dear, not forbidden.
  const markRun = new Int32Array(n); // length of the run of prohibited marks the item belongs to (0 = none)
  const pmark = (k: number): boolean =>
    noStart[k] === 1 && (kind[k] === 'stop' || kind[k] === 'close' || kind[k] === 'mid');
  forEachRun(n, pmark, (k, j) => markRun.fill(j - k + 1, k, j + 1));
  const tokenAt = new Int32Array(n).fill(-1); // index into `tokens` of the token holding item k
  for (let k = 0, t = 0; k < n && t < tokens.length; ) {
    const tok = tokens[t]!;
    if (start[k]! >= tok.end) t++;
    else {
      if (start[k]! >= tok.start && end[k]! <= tok.end) tokenAt[k] = t;
      k++;
    }
  }
  const sameToken = (k: number): boolean => tokenAt[k]! >= 0 && tokenAt[k] === tokenAt[k + 1];
  for (let k = 0; k < n - 1; k++) {
    const a = lastChar(k);
    const b = firstChar(k + 1);
    // kinsoku and the rules that hold however wide the line is
    let rule = 0;
    if (end[k] === start[k] || end[k + 1] === start[k + 1]) rule = COSTS.forbidden;
    else if (kind[k + 1] === 'space' || kind[k + 1] === 'ispace')
      rule = COSTS.forbidden; // break after the space instead
    else if (kind[k] === 'space' || kind[k] === 'ispace') rule = noStart[k + 1] ? COSTS.forbidden : 0;
    else if (
      noStart[k + 1] &&
      markRun[k]! >= 3 &&
      markRun[k + 1]! >= 3 &&
      end[k] === start[k + 1] &&
      !(QUERY_BANG.has(a) && QUERY_BANG.has(b))
    ) {
      rule = COSTS.threeMarks;
      relaxed[k] = 1;
    } else if (kind[k] === 'long' && kind[k + 1] === 'long')
      rule = COSTS.forbiddenLong; // —— …… not split
    else if (noStart[k + 1])
      // a dash or ellipsis at a line start is only a strict-level fault, the least bad emergency
      rule = strictOnly(k + 1) ? COSTS.forbiddenStrict : COSTS.forbidden;
    else if (endSet.has(a) && !sameToken(k))
      rule = COSTS.forbidden; // inside a URL the token's rules decide
    else if (isConnector(k) || isConnector(k + 1))
      rule = COSTS.forbidden; // 连接号 stays with what it joins
    else if (START_PROHIBITED_STRICT_ONLY.has(b)) rule = COSTS.longMarkStart;
    else if (isDigit(a) && NUMBER_SUFFIXES.has(b)) rule = COSTS.numberUnit;
    else if (NUMBER_PREFIXES.has(a) && isDigit(b)) rule = COSTS.numberUnit;
    // Latin words and numbers (GB/T 15835; jlreq §3.1.10), and the tokens, are never split while they fit
    const glued = (!cjk[k] && !cjk[k + 1] && isLatinWordChar(a) && isLatinWordChar(b)) || sameToken(k);
    brk[k] = glued ? Math.max(rule, COSTS.forbiddenSplit) : rule;
    soft[k] = brk[k]!;
    split[k] = brk[k]!;
    if (sameToken(k)) {
      const t = tokens[tokenAt[k]!]!;
      const w = t.breaks.get(end[k]!) ?? 0;
      if (rule < COSTS.forbiddenStrict && w > 0) {
        soft[k] = rule + w * COSTS.tokenBreak;
        if (t.rule.splitWhenFits) split[k] = rule + COSTS.tokenSplit;
      }
    }
  }

  // 6. Expansion (clreq §3.8 expansion step 3): between two CJK items, never inside a mark cluster, a dash or an
  // ellipsis, a token, or next to a connector; never between a bracket or quote and a Latin word (those are not CJK
  // pairs), nor where glue already stretches. Letter spacing (e2) everywhere else, for lines with no e1 gap.
  for (let k = 1; k < n; k++) {
    const p = k - 1;
    if (kind[k] === 'space' || end[k] === start[k] || end[p] === start[p]) continue;
    const inside = (isMark(p) && isMark(k)) || (kind[p] === 'long' && kind[k] === 'long') || kind[p] === 'space';
    if (inside) continue;
    const cjkPair =
      gap[k] === 0 && WIDE.has(kind[p]!) && WIDE.has(kind[k]!) && !sameToken(p) && !isConnector(p) && !isConnector(k);
    if (cjkPair) e1[k] = 1;
    // letter spacing: not where glue stretches (CJK–Latin gaps stay within their range), and a bracket or quote
    // stays on its word
    else if (gap[k] === 0 && !(isMark(p) && !cjk[k]) && !(isMark(k) && !cjk[p])) e2[k] = 1;
  }

  // 7. Token widths: a break inside a token costs `soft` only on a line narrower than the token together with
  // everything glued to it (a comma after it may not go down, an opener before it may not stay behind): the width
  // of the glued chunk as it would be set alone on a line (its closing mark at the end ½ em).
  for (let a = 0; a < n; ) {
    let b = a;
    while (b < n - 1 && brk[b]! >= COSTS.forbiddenStrict) b++;
    let inToken = false;
    for (let k = a; k < b && !inToken; k++) inToken = sameToken(k);
    if (inToken) {
      let w = 0;
      for (let k = a; k <= b; k++) w += full[k]! - cutL[k]! - cutR[k]! + (k > a ? gap[k]! : 0);
      if (kind[b] === 'stop' || kind[b] === 'close') w -= blankR[b]! - cutR[b]!;
      for (let k = a; k < b; k++) if (sameToken(k)) tokW[k] = w;
    }
    a = b + 1;
  }

  const pW = prefix(n, (k) => full[k]! - cutL[k]! - cutR[k]! + gap[k]!);
  const pGS = prefix(n, (k) => gap[k]! - gapMin[k]!);
  const pGX = prefix(n, (k) => gapMax[k]! - gap[k]!);
  const pSQ = prefix(n, (k) => sqL[k]! + sqR[k]!);
  const pSQ2 = prefix(n, (k) => sq2R[k]!);
  const pGR = prefix(n, (k) => grL[k]! + grR[k]!);
  const pE1 = prefix(n, (k) => e1[k]!);
  const pE2 = prefix(n, (k) => e2[k]!);
  const pGC = prefix(n, (k) => (gap[k]! > 0 ? 1 : 0));
  const pB = prefix(n, (k) => (vis[k] && !punct[k] ? 1 : 0));
  const pV = prefix(n, (k) => vis[k]!);
  const pP = prefix(n, (k) => punct[k]!);

  return {
    text,
    settings,
    n,
    start,
    end,
    kind,
    gid,
    face,
    size,
    full,
    xOff,
    dy,
    unkern,
    blankL,
    blankR,
    cutL,
    cutR,
    sqL,
    sqR,
    sq2R,
    grL,
    grR,
    pGR,
    gap,
    gapMin,
    gapMax,
    e1,
    e2,
    han,
    vis,
    punct,
    brk,
    tokW,
    soft,
    split,
    noStart,
    relaxed,
    missing,
    pW,
    pGS,
    pGX,
    pSQ,
    pSQ2,
    pE1,
    pE2,
    pGC,
    pB,
    pV,
    pP,
  };
}

export type { Token };
