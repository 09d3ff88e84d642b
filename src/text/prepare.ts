/**
 * Prepare a paragraph once (width-independent): itemise, shape, attach to every glyph its natural advance and
 * how far it may shrink or stretch, compress adjacent punctuation, place CJK–Latin gaps, and compute the cost
 * of breaking after every glyph from the rule tables. Line breaking (linebreak.ts) then only reads arrays.
 */
import type { Face } from '../fonts/index.js';
import type { ParagraphSettings, StyledRun } from './types.js';
import {
  CLOSERS,
  COSTS,
  END_PROHIBITED_BASIC,
  END_PROHIBITED_GB,
  IDEOGRAPHIC_SPACE,
  INTERPUNCTS,
  INTERPUNCT_WIDTH,
  LONG_MARKS,
  LONG_MARK_EM,
  NUMBER_PREFIXES,
  NUMBER_SUFFIXES,
  OPENERS,
  PAIR_CUT,
  PAIR_RELAX,
  PUNCT_SQUEEZE_MAX,
  QUERY_BANG,
  START_PROHIBITED_GB,
  START_PROHIBITED_STRICT_ONLY,
  STOPS,
  URL_BREAK_AFTER,
  URL_BREAK_BEFORE,
  URL_PATTERN,
  WORD_SPACE,
  isAlnum,
  isCjkRunChar,
  isDigit,
  isHan,
  isLatinWordChar,
} from './rules.js';

export type ItemKind = 'han' | 'stop' | 'close' | 'open' | 'mid' | 'long' | 'latin' | 'space' | 'ispace' | 'other';

/** Sentence-final stops keep their full width inside a line (开明 style: xeCJK `mixed-punct-ratio`). */
const SENTENCE_END = new Set(Array.from('。？！．'));

/**
 * A prepared paragraph: parallel arrays, one entry per glyph (item). Lengths in pt. Opaque to callers except
 * `text` and `settings`.
 */
export interface PreparedParagraph {
  readonly text: string;
  readonly settings: ParagraphSettings;
  readonly n: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: ItemKind[];
  readonly gid: Int32Array;
  readonly face: Face[];
  readonly size: Float64Array;
  /** Natural set width of the glyph box before any compression. */
  readonly full: Float64Array;
  /** Offset of the glyph origin inside its box (centring of · and long marks, font xOffset). */
  readonly xOff: Float64Array;
  readonly dy: Float64Array;
  /** Adjustable blanks (left / right) of full-width marks, and what pair compression removed of them. */
  readonly blankL: Float64Array;
  readonly blankR: Float64Array;
  readonly cutL: Float64Array;
  readonly cutR: Float64Array;
  /** Blank that may be squeezed away inside a line (isolated marks only), left / right. Pauses and brackets;
   * sentence-end stops (。？！) are a second, dearer resource (sq2R). */
  readonly sqL: Float64Array;
  readonly sqR: Float64Array;
  readonly sq2R: Float64Array;
  /** How far a compressed pair may open up again when a line must stretch (first expansion resource), per side. */
  readonly rxL: Float64Array;
  readonly rxR: Float64Array;
  /** Glue before the item: natural, min, max (CJK–Latin gap or word space). 0 = none. */
  readonly gap: Float64Array;
  readonly gapMin: Float64Array;
  readonly gapMax: Float64Array;
  /** 1 if the gap before the item receives inter-character expansion. */
  readonly expand: Uint8Array;
  readonly han: Uint8Array;
  /** Cost of breaking after the item (0 = free; ≥ COSTS.forbidden = prohibited, emergency only). */
  readonly brk: Float64Array;
  /** 1 if the item may not start a line (for the push-in/push-out notes). */
  readonly noStart: Uint8Array;
  /** 1 if the break after the item lies inside a run of three or more line-start-prohibited marks (clreq §3.1.4
   * remedy: allowed at COSTS.threeMarks rather than forbidden). */
  readonly relaxed: Uint8Array;
  readonly missing: Uint8Array;
  /** Prefix sums (length n + 1) used by the breaker. */
  readonly pW: Float64Array;
  readonly pGS: Float64Array;
  readonly pGX: Float64Array;
  readonly pSQ: Float64Array;
  readonly pSQ2: Float64Array;
  readonly pRX: Float64Array;
  readonly pE: Float64Array;
  readonly pH: Float64Array;
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
  // Blanks exist only if the font draws the mark full width (research note §4.3 item 3).
  if (advEm > 0.9) {
    if (STOPS.has(c)) return 'stop';
    if (CLOSERS.has(c)) return 'close';
    if (OPENERS.has(c)) return 'open';
  }
  if (isAlnum(c)) return 'latin';
  return 'other';
}

/** Itemise by style run and by script (CJK run vs Latin run) and shape each piece. */
function shapeRuns(runs: StyledRun[]): { text: string; raw: Raw[] } {
  const raw: Raw[] = [];
  let text = '';
  for (const run of runs) {
    const base = text.length;
    text += run.text;
    const chars = run.text;
    let i = 0;
    while (i < chars.length) {
      const cp = chars.codePointAt(i) ?? 0;
      const cjk = isCjkRunChar(String.fromCodePoint(cp));
      let j = i + (cp > 0xffff ? 2 : 1);
      while (j < chars.length) {
        const cq = chars.codePointAt(j) ?? 0;
        if (isCjkRunChar(String.fromCodePoint(cq)) !== cjk) break;
        j += cq > 0xffff ? 2 : 1;
      }
      const seg = chars.slice(i, j);
      const size = run.style.size;
      const glyphs = run.style.face.shape(seg, {}, cjk ? 'hani' : 'latn');
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

/** Find URL spans in the text (their inner breaks follow URL_BREAK_*). */
function urlSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_PATTERN)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export interface PrepareOptions {
  /** Extra line-start prohibitions (headlines: particles). */
  extraNoStart?: ReadonlySet<string>;
}

export function prepare(runs: StyledRun[], settings: ParagraphSettings, opts: PrepareOptions = {}): PreparedParagraph {
  const { text, raw } = shapeRuns(runs);
  const n = raw.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const gid = new Int32Array(n);
  const size = new Float64Array(n);
  const full = new Float64Array(n);
  const xOff = new Float64Array(n);
  const dy = new Float64Array(n);
  const blankL = new Float64Array(n);
  const blankR = new Float64Array(n);
  const cutL = new Float64Array(n);
  const cutR = new Float64Array(n);
  const sqL = new Float64Array(n);
  const sqR = new Float64Array(n);
  const sq2R = new Float64Array(n);
  const rxL = new Float64Array(n);
  const rxR = new Float64Array(n);
  const gap = new Float64Array(n);
  const gapMin = new Float64Array(n);
  const gapMax = new Float64Array(n);
  const expand = new Uint8Array(n);
  const han = new Uint8Array(n);
  const brk = new Float64Array(n);
  const noStart = new Uint8Array(n);
  const relaxed = new Uint8Array(n);
  const missing = new Uint8Array(n);
  const kind: ItemKind[] = [];
  const face: Face[] = [];

  // 1. Widths and blanks (clreq §3.1.2 nominal widths; · ½ em; —— and …… 1 em per character).
  for (let k = 0; k < n; k++) {
    const r = raw[k]!;
    start[k] = r.start;
    end[k] = r.end;
    gid[k] = r.gid;
    size[k] = r.size;
    dy[k] = r.dy;
    kind.push(r.kind);
    face.push(r.face);
    han[k] = r.kind === 'han' ? 1 : 0;
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
    if (r.kind === 'stop' || r.kind === 'close' || r.kind === 'open') {
      // The blanks come from the glyph's ink; the Unicode class (GB positions, clreq §3.1.2) is the fallback.
      const pos = inkPosition(r.face, r.gid, r.adv / em) ?? (r.kind === 'open' ? 'right' : 'left');
      if (pos === 'left') blankR[k] = PAIR_CUT * em;
      else if (pos === 'right') blankL[k] = PAIR_CUT * em;
      else if (pos === 'centre') blankL[k] = blankR[k] = (PAIR_CUT / 2) * em;
    }
  }

  const isMark = (k: number): boolean =>
    k >= 0 && k < n && (kind[k] === 'stop' || kind[k] === 'close' || kind[k] === 'open');
  const firstChar = (k: number): string => text.slice(start[k]!, end[k]!)[0] ?? '';
  const lastChar = (k: number): string => {
    const t = text.slice(start[k]!, end[k]!);
    return t[t.length - 1] ?? '';
  };

  // 2. Adjacent punctuation compression (clreq §3.1.6.2; GB/T 15834 §5.1.2 for ？！ groups). Think of the blanks
  // between neighbouring marks as gaps g1..gL (gL lies between the run's last mark and the text after it). Every
  // pair of marks must end up at 1.5 em, never 2 em and never 1 em, so exactly one of each two consecutive gaps
  // loses ½ em: a pair is 1.5 em, a run of three 2 em (clreq: 3 em → 2 em). ？！ ！？ ？？ ！！ are 1 em and ！！！
  // 2 em (GB). A gap is cut on the mark before it (stops, closers) or the opener after it; interior gaps are
  // preferred to the one facing the following text.
  forEachRun(n, isMark, (k, j) => {
    if (j > k) compressRun(k, j);
  });
  function compressRun(a: number, b: number): void {
    const L = b - a + 1;
    // Blank available in gap t: the right blank of mark t plus, inside the run, the left blank of mark t + 1.
    const avail = (t: number): number => blankR[a + t]! + (t + 1 < L ? blankL[a + t + 1]! : 0);
    const cuttable = (t: number): boolean => avail(t) >= PAIR_CUT * size[a + t]! - 1e-9;
    const fixed = new Int8Array(L).fill(-1); // per gap: -1 free, 0 keep, 1 cut
    const group = new Int32Array(L).fill(-1);
    for (let t = 0; t < L; ) {
      let u = t;
      while (u + 1 < L && QUERY_BANG.has(firstChar(a + t)) && QUERY_BANG.has(firstChar(a + u + 1))) u++;
      const len = u - t + 1;
      if (len >= 2) {
        const lastCut = len === 2 ? u : u - 1; // ？！ → 1 em; ！！！ → 2 em
        for (let v = t; v <= u; v++) {
          fixed[v] = v <= lastCut ? 1 : 0;
          group[v] = t;
        }
      }
      t = u + 1;
    }
    let best = -1;
    let bestScore = Infinity;
    const maxMask = L <= 12 ? 1 << L : 0;
    for (let mask = 0; mask < maxMask; mask++) {
      let ok = true;
      for (let t = 0; t < L && ok; t++) {
        const c = (mask >> t) & 1;
        if ((fixed[t]! >= 0 && c !== fixed[t]) || (c && fixed[t] !== 1 && !cuttable(t))) ok = false;
      }
      if (!ok) continue;
      let score = 0;
      for (let t = 0; t < L; t++) {
        const c = (mask >> t) & 1;
        if (c) score -= t === L - 1 ? 0.5 : 1;
        if (t + 1 < L && !(group[t]! >= 0 && group[t] === group[t + 1])) {
          if (c + ((mask >> (t + 1)) & 1) !== 1) score += 100;
        }
      }
      if (score < bestScore) {
        bestScore = score;
        best = mask;
      }
    }
    for (let t = 0; t < L; t++) {
      const c = best >= 0 ? (best >> t) & 1 : t % 2 === 0 && cuttable(t) ? 1 : 0;
      if (!c) continue;
      // Remove ½ em from the gap: the right blank of the mark before it first (GB stops and closers), then the
      // left blank of the mark after it (openers); centred marks give ¼ em each. ？！ groups may find less.
      const need = PAIR_CUT * size[a + t]!;
      cutR[a + t] = Math.min(blankR[a + t]!, need);
      if (t + 1 < L) cutL[a + t + 1] = Math.min(blankL[a + t + 1]!, need - cutR[a + t]!);
    }
  }
  // Interior squeeze capacity (先挤进 resource): isolated marks only, so a compressed pair never drops below 1.5 em.
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

  for (let k = 0; k < n; k++) {
    // At most PAIR_RELAX per gap, taken from the mark before the gap first.
    rxR[k] = Math.min(cutR[k]!, PAIR_RELAX * size[k]!);
    rxL[k] = Math.min(cutL[k]!, PAIR_RELAX * size[k]! - (k > 0 ? rxR[k - 1]! : 0));
  }

  // 3. CJK–Latin gaps (clreq §3.2.2) and spaces. An author-typed space next to Han becomes the gap (not added).
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
    isAlnum(side === 'first' ? firstChar(k) : lastChar(k));
  for (let k = 1; k < n; k++) {
    const prev = k - 1;
    if (kind[k] === 'space' || kind[prev] === 'space') continue;
    if ((han[prev] && alnumAt(k, 'first')) || (alnumAt(prev, 'last') && han[k])) {
      setGlue(k, Math.max(size[prev]!, size[k]!), lg.natural, lg.shrink, lg.stretch);
    }
  }
  for (let k = 0; k < n; k++) {
    if (kind[k] !== 'space') continue;
    let j = k;
    while (j + 1 < n && kind[j + 1] === 'space') j++;
    const before = k - 1;
    const after = j + 1;
    if (before >= 0 && after < n) {
      const em = Math.max(size[before]!, size[after]!);
      const cjkSide =
        han[before] ||
        han[after] ||
        isMark(before) ||
        isMark(after) ||
        kind[before] === 'long' ||
        kind[after] === 'long';
      if (cjkSide) setGlue(after, em, lg.natural, lg.shrink, lg.stretch);
      else setGlue(after, em, WORD_SPACE.natural, WORD_SPACE.min, WORD_SPACE.max);
    }
    k = j;
  }

  // 4. Break costs (clreq §3.1.4–3.1.5; GB/T 15835; URLs clreq §3.2.5).
  const level = settings.kinsoku;
  const endSet = level === 'basic' ? END_PROHIBITED_BASIC : END_PROHIBITED_GB;
  const urls = urlSpans(text);
  const inUrl = (off: number): boolean => urls.some(([a, b]) => off > a && off < b);
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
  for (let k = 0; k < n; k++) {
    if (k === n - 1) {
      brk[k] = 0;
      continue;
    }
    const a = lastChar(k);
    const b = firstChar(k + 1);
    let cost = 0;
    if (end[k] === start[k] || end[k + 1] === start[k + 1]) cost = COSTS.forbidden;
    else if (kind[k + 1] === 'space')
      cost = COSTS.forbidden; // break after the space instead
    else if (kind[k] === 'space') cost = noStart[k + 1] ? COSTS.forbidden : 0;
    else if (
      noStart[k + 1] &&
      markRun[k]! >= 3 &&
      markRun[k + 1]! >= 3 &&
      end[k] === start[k + 1] &&
      !(QUERY_BANG.has(a) && QUERY_BANG.has(b))
    ) {
      cost = COSTS.threeMarks;
      relaxed[k] = 1;
    } else if (noStart[k + 1]) cost = COSTS.forbidden;
    else if (endSet.has(a)) cost = COSTS.forbidden;
    else if (LONG_MARKS.has(a) && LONG_MARKS.has(b))
      cost = COSTS.forbidden; // 分离禁则 —— ……
    else if (START_PROHIBITED_STRICT_ONLY.has(b)) cost = COSTS.longMarkStart;
    else if (isLatinWordChar(a) && isLatinWordChar(b) && !isCjkRunChar(a) && !isCjkRunChar(b)) {
      const off = end[k]!;
      if (
        inUrl(off) &&
        (URL_BREAK_AFTER.has(a) || URL_BREAK_BEFORE.has(b)) &&
        !(a === '/' && b === '/') &&
        text[off - 2] !== '/'
      )
        cost = COSTS.urlBreak;
      else cost = COSTS.forbidden; // numbers (GB/T 15835) and Latin words are never split
    } else if (isDigit(a) && NUMBER_SUFFIXES.has(b)) cost = COSTS.numberUnit;
    else if (NUMBER_PREFIXES.has(a) && isDigit(b)) cost = COSTS.numberUnit;
    brk[k] = cost;
  }

  // 5. Expansion opportunities: every gap between two items except inside a Latin word or number, around
  // spaces (their glue stretches instead) and inside long-mark runs.
  for (let k = 1; k < n; k++) {
    const p = k - 1;
    let ok = 1;
    if (kind[k] === 'space' || kind[p] === 'space') ok = 0;
    else if (
      brk[p]! >= COSTS.forbidden &&
      !isCjkRunChar(lastChar(p)) &&
      !isCjkRunChar(firstChar(k)) &&
      isLatinWordChar(lastChar(p)) &&
      isLatinWordChar(firstChar(k))
    )
      ok = 0;
    else if (end[k] === start[k]) ok = 0;
    expand[k] = ok;
  }
  // The space glue sits on the item after the space; breaks after a space drop it (line start excludes it).

  const pW = prefix(n, (k) => full[k]! - cutL[k]! - cutR[k]! + gap[k]!);
  const pGS = prefix(n, (k) => gap[k]! - gapMin[k]!);
  const pGX = prefix(n, (k) => gapMax[k]! - gap[k]!);
  const pSQ = prefix(n, (k) => sqL[k]! + sqR[k]!);
  const pSQ2 = prefix(n, (k) => sq2R[k]!);
  const pRX = prefix(n, (k) => rxL[k]! + rxR[k]!);
  const pE = prefix(n, (k) => expand[k]!);
  const pH = prefix(n, (k) => han[k]!);

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
    blankL,
    blankR,
    cutL,
    cutR,
    sqL,
    sqR,
    sq2R,
    rxL,
    rxR,
    gap,
    gapMin,
    gapMax,
    expand,
    han,
    brk,
    noStart,
    relaxed,
    missing,
    pW,
    pGS,
    pGX,
    pSQ,
    pSQ2,
    pRX,
    pE,
    pH,
  };
}
