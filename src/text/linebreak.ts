/**
 * Paragraph-wide total-fit line breaking (Knuth–Plass style) over a prepared paragraph, and the setting of each
 * line: line-edge punctuation trimming, then justification in clreq priority order (clreq §3.8 reduction /
 * expansion procedures): punctuation blanks first, then CJK–Latin gaps within their range, then even
 * inter-character expansion between CJK characters, and letter spacing only on a line that has nothing else.
 */
import type { ComposedLine, LineNotes, PlacedGlyph } from './types.js';
import type { PreparedParagraph } from './prepare.js';
import { COSTS, LETTER_SPACE_FROM } from './rules.js';

const EPS = 1e-6;

interface Fit {
  natural: number;
  /** pt of punctuation blank squeezed (pauses and brackets). */
  punct: number;
  /** pt of line-start opener trim given back (the opener keeps its full width; 0 or the whole trim). */
  untrim: number;
  /** pt of line-end mark trim given back (the mark keeps its full width; 0 or the whole trim). */
  untrimEnd: number;
  /** pt squeezed from sentence-end stops (the dearer resource). */
  punct2: number;
  /** pt of glue change (+ stretch / − shrink). */
  gapDelta: number;
  /** pt added to every inter-character (e1) gap, and to every letter-spacing (e2) gap. */
  perGap: number;
  letterGap: number;
  /** pt added to every CJK–Latin gap past its maximum, on a line with nothing else to stretch. */
  glueGap: number;
  grow: number;
  overfull: number;
  notFlush: boolean;
  cost: number;
  em: number;
}

/**
 * The line's edges. `lo`..`hi` are the items that print: ideographic spaces at either end (`lead`, `trail`: their
 * width) take no width and no gap. `open`: the left blank trimmed from an opening mark at the start (clreq
 * §3.1.6.3); `close`: the right blank trimmed from a closing mark or stop at the end (GB/T 15834 §5.1.10), or the
 * kerning given back to a Latin glyph whose partner is on the next line (negative). `back`: mark-cluster
 * compression undone because the cluster's other mark is on the other side of the break (the edge trim replaces it).
 */
interface Edges {
  lo: number;
  hi: number;
  lead: number;
  trail: number;
  open: number;
  close: number;
  back: number;
  /** lead + open, trail + close. */
  startTrim: number;
  endTrim: number;
  /** Pair compression given back at a line end: the end mark's ½-em setting (GB/T 15834 §5.1.10) replaces the
   * pair compression, so a pair such as ”， at a line end is 1.5 em, never 1 em. `restoreR` goes back to the
   * mark before the end mark, `restoreL` to the end mark's own left side (centred marks); `restore` is the sum. */
  restore: number;
  restoreR: number;
  restoreL: number;
}

function edges(p: PreparedParagraph, a: number, b: number): Edges {
  let lo = a;
  let hi = b;
  let lead = 0;
  let trail = 0;
  while (lo < b && p.kind[lo] === 'ispace') lead += p.full[lo++]!;
  while (hi > lo && p.kind[hi] === 'ispace') trail += p.full[hi--]!;
  let open = 0;
  let close = 0;
  // An opener at a paragraph's start keeps its full width when settings.paragraphStartOpener is 'full' (one rule
  // for every paragraph); elsewhere at a line start its left blank is trimmed (clreq §3.1.6.3).
  if (p.kind[lo] === 'open' && !(lo === 0 && p.settings.paragraphStartOpener === 'full')) open = p.blankL[lo]!;
  let restoreR = 0;
  let restoreL = 0;
  const kh = p.kind[hi];
  if (hi < p.n - 1) close = -p.unkern[hi]!; // the kerning partner is on the next line; an interpunct's blank
  if (kh === 'stop' || kh === 'close') {
    close = p.blankR[hi]!;
    if (close > 0 && hi > lo && hi < p.n - 1) {
      restoreR = p.cutR[hi - 1]!;
      restoreL = p.cutL[hi]!;
    }
  }
  // one object reused: edges() runs for every candidate line in the optimiser's inner loop (callers read it at once)
  const e = EDGES;
  e.lo = lo;
  e.hi = hi;
  e.lead = lead;
  e.trail = trail;
  e.open = open;
  e.close = close;
  e.back = p.cutL[lo]! + p.cutR[hi]!;
  e.startTrim = lead + open;
  e.endTrim = trail + close;
  e.restore = restoreR + restoreL;
  e.restoreR = restoreR;
  e.restoreL = restoreL;
  return e;
}
const EDGES: Edges = {
  lo: 0,
  hi: 0,
  lead: 0,
  trail: 0,
  open: 0,
  close: 0,
  back: 0,
  startTrim: 0,
  endTrim: 0,
  restore: 0,
  restoreR: 0,
  restoreL: 0,
};

/** Work out how line a..b fits measure M (pt, from the line's left edge) with `indent` pt at its start. */
function fit(
  p: PreparedParagraph,
  a: number,
  b: number,
  M: number,
  indent: number,
  justify: boolean,
  ragged = false,
  into?: Fit,
): Fit {
  const { lo, hi, open, close, back, startTrim, endTrim, restore } = edges(p, a, b);
  const natural = p.pW[b + 1]! - p.pW[a]! - p.gap[a]! - startTrim - endTrim + back + restore + indent;
  const gs = p.pGS[hi + 1]! - p.pGS[lo + 1]!;
  const gx = p.pGX[hi + 1]! - p.pGX[lo + 1]!;
  const sq = Math.max(0, p.pSQ[hi + 1]! - p.pSQ[lo]! - p.sqL[lo]! - p.sqR[hi]!);
  const sq2 = Math.max(0, p.pSQ2[hi + 1]! - p.pSQ2[lo]! - p.sq2R[hi]!);
  const E1 = p.pE1[hi + 1]! - p.pE1[lo + 1]!;
  const E2 = p.pE2[hi + 1]! - p.pE2[lo + 1]!;
  const em = p.size[a]! || 1;
  const d = M - natural;
  const out: Fit = into ?? ({} as Fit);
  out.natural = natural;
  out.untrim = 0;
  out.untrimEnd = 0;
  out.punct = 0;
  out.punct2 = 0;
  out.gapDelta = 0;
  out.perGap = 0;
  out.letterGap = 0;
  out.glueGap = 0;
  out.grow = 0;
  out.overfull = 0;
  out.notFlush = false;
  out.cost = 0;
  out.em = em;
  if (d >= -EPS) {
    if (!justify) {
      if (ragged) out.cost = 10 * (d / em) * (d / em);
      return out;
    }
    // Expansion order (clreq §3.8; docs/composition.md §4): undo the optional line-start opener trim (all or
    // nothing, so the left edge is either the ink or the box), stretch CJK–Latin gaps and word spaces within their
    // range, then spread the rest evenly over the gaps between CJK characters; letter-space only a line that has
    // none (one piece of a URL or a number).
    const ut = p.settings.startOpener !== 'trim' && lo === a && open > EPS && d >= open - EPS ? open : 0;
    // likewise a lone stop or closer at the line end may keep its full width (GB/T 15834 §5.1.10 sets it ½ em; the
    // 全身 style keeps it full): its ink then ends ½ em before the edge, and no gap between characters opens
    const ue =
      p.settings.endMark !== 'trim' &&
      hi === b &&
      b < p.n - 1 &&
      (p.kind[hi] === 'stop' || p.kind[hi] === 'close') &&
      close > EPS &&
      restore === 0 &&
      d - ut >= close - EPS
        ? close
        : 0;
    const t = Math.min(Math.max(d - ut - ue, 0), gx);
    const gw = Math.min(Math.max(d - ut - ue - t, 0), growCap(p, lo, hi));
    out.grow = gw;
    out.cost += (COSTS.growPunct * gw) / em;
    const r = d - ut - ue - t - gw;
    out.untrim = ut;
    out.untrimEnd = ue;
    out.gapDelta = t;
    out.cost += (COSTS.openerFull * (ut + ue)) / em + (COSTS.latinGap * t) / em;
    if (r > EPS) {
      // Han gaps take it all up to LETTER_SPACE_FROM em each; past that (a few Han next to a long Latin word or
      // URL) the rest is shared with letter spacing, so that two Han gaps are not opened by an em each.
      const T = LETTER_SPACE_FROM * em;
      const x = E1 > 0 && r / E1 <= T ? 0 : E2 > 0 ? (r - T * E1) / (E1 + E2) : 0;
      out.perGap = E1 > 0 ? (x > 0 ? T + x : r / E1) : 0;
      out.letterGap = x;
      if (E1 > 0) {
        const e = (100 * out.perGap) / em;
        out.cost += spreadCost(e);
      }
      if (x > 0) {
        const e = (100 * x) / em;
        out.cost += Math.min(COSTS.letterSpace * e * e + COSTS.expandLinear * e, COSTS.letterSpaceMax);
      }
      const G = E1 === 0 && E2 === 0 ? p.pGC[hi + 1]! - p.pGC[lo + 1]! : 0;
      if (G > 0) {
        // nothing else on the line may stretch (a Han character and a number): the CJK–Latin gaps go past their range
        out.glueGap = r / G;
        const e = (100 * out.glueGap) / em;
        out.cost += Math.min(COSTS.letterSpace * e * e + COSTS.expandLinear * e, COSTS.letterSpaceMax);
      } else if (E1 === 0 && E2 === 0) {
        out.notFlush = r > 0.5;
        out.cost += COSTS.notFlush + r;
      }
    }
    return out;
  }
  // Reduction order: pause and bracket blanks, CJK–Latin gaps and word spaces down to their minimum, sentence-end
  // stops; Han boxes are never squeezed (they would overlap), so what remains is overfull.
  let s = -d;
  const ps = Math.min(s, sq);
  s -= ps;
  const g = Math.min(s, gs);
  s -= g;
  const ps2 = Math.min(s, sq2);
  s -= ps2;
  out.punct = ps;
  out.punct2 = ps2;
  out.gapDelta = -g;
  out.cost += (COSTS.squeezePunct * ps) / em + (COSTS.latinGap * g) / em + (COSTS.squeezeStop * ps2) / em;
  if (s > EPS) {
    out.overfull = s;
    out.cost += COSTS.overfull + (1000 * s) / em;
  }
  return out;
}

/** Cost of spreading the Han gaps of a line by e hundredths of an em each: quadratic up to COSTS.spreadKnee, then
 * linear with the same slope (still convex), so that one very loose line is not dearer than two lonely ones. */
function spreadCost(e: number): number {
  const k = COSTS.spreadKnee;
  const q = (x: number): number => COSTS.expand * x * x + COSTS.expandLinear * x;
  return e <= k ? q(e) : q(k) + (2 * COSTS.expand * k + COSTS.expandLinear) * (e - k);
}

/** Punctuation blank that may open on the line lo..hi (not at its edges, where the blanks are trimmed). */
function growCap(p: PreparedParagraph, lo: number, hi: number): number {
  return Math.max(0, p.pGR[hi + 1]! - p.pGR[lo]! - p.grL[lo]! - p.grR[hi]!);
}

/** Cost of breaking after item b on a line of measure M (pt) whose text starts `indent` pt in: inside a token,
 * the token's own break points are cheap if the token is wider than the line, dear (COSTS.tokenSplit, URLs and
 * e-mail addresses only) if it fits, and a break inside a segment is an emergency. */
function breakCost(p: PreparedParagraph, b: number, M: number, indent: number): number {
  return p.tokW[b]! > M - indent + EPS ? p.soft[b]! : p.split[b]!;
}

/** A line of one glyph, or of punctuation alone. */
function lonely(p: PreparedParagraph, a: number, b: number): boolean {
  const v = p.pV[b + 1]! - p.pV[a]!;
  return v <= 1 || p.pP[b + 1]! - p.pP[a]! === v;
}

interface Node {
  cost: number;
  prev: number;
  prevKey: number;
  line: number;
}

export type MeasureFn = (lineIndex: number) => number;

interface Plan {
  ends: number[];
  orphanAvoided: boolean;
  orphanLeft: boolean;
}

/** Total-fit optimisation. Returns the index of the last item of every line. */
function optimise(p: PreparedParagraph, from: number, measure: MeasureFn, constant: boolean, indent: number): Plan {
  const n = p.n;
  const s = p.settings;
  const justifyAll = s.align === 'justify' || s.align === 'distribute';
  const lastJustify = s.align === 'distribute' || s.lastLine === 'justify';
  const nodes: Array<Map<number, Node> | undefined> = new Array(n + 1);
  nodes[from] = new Map([[0, { cost: 0, prev: -1, prevKey: -1, line: 0 }]]);
  const totalBody = p.pB[n]! - p.pB[from]!;
  let rawBest = Infinity;
  let rawOrphan = false;
  const scratch = {} as Fit; // reused by every candidate line
  for (let b = from; b < n; b++) {
    const last = b === n - 1;
    for (let a = b; a >= from; a--) {
      const here = nodes[a];
      if (!here) continue;
      let tooWide = false;
      for (const [, node] of here) {
        const M = measure(node.line);
        const ind = a === from ? indent : 0;
        const f = fit(p, a, b, M, ind, last ? lastJustify : justifyAll, !last, scratch);
        if (f.overfull > EPS) tooWide = true;
        let cost = f.cost + (last ? 0 : breakCost(p, b, M, ind));
        if (!(a === from && last) && lonely(p, a, b)) cost += COSTS.lonely;
        const body = p.pB[b + 1]! - p.pB[a]!;
        const orphan =
          last &&
          node.line > 0 &&
          s.minLastLineChars > 0 &&
          body < s.minLastLineChars &&
          totalBody >= s.minLastLineChars;
        if (last && node.cost + cost < rawBest) {
          rawBest = node.cost + cost;
          rawOrphan = orphan;
        }
        if (orphan) cost += COSTS.orphan;
        const total = node.cost + cost;
        const key = constant ? 0 : node.line + 1;
        let map = nodes[b + 1];
        if (!map) nodes[b + 1] = map = new Map();
        const cur = map.get(key);
        if (!cur || total < cur.cost)
          map.set(key, { cost: total, prev: a, prevKey: constant ? 0 : node.line, line: node.line + 1 });
      }
      // Lines only get wider as they start earlier: stop once even full shrinking cannot fit (keeping one
      // overfull candidate so that every break stays reachable and nothing is ever lost).
      if (tooWide) break;
    }
  }
  // Walk back from the paragraph end.
  const endMap = nodes[n]!;
  let bestKey = -1;
  let best: Node | undefined;
  for (const [k, v] of endMap) {
    if (best && v.cost >= best.cost) continue;
    best = v;
    bestKey = k;
  }
  const ends: number[] = [];
  let idx = n;
  let key = bestKey;
  while (idx > from) {
    const node = nodes[idx]!.get(key)!;
    ends.push(idx - 1);
    idx = node.prev;
    key = node.prevKey;
  }
  ends.reverse();
  const lastStart = ends.length > 1 ? ends[ends.length - 2]! + 1 : from;
  const lastBody = p.pB[n]! - p.pB[lastStart]!;
  const orphanNow =
    ends.length > 1 && s.minLastLineChars > 0 && lastBody < s.minLastLineChars && totalBody >= s.minLastLineChars;
  return { ends, orphanAvoided: rawOrphan && !orphanNow, orphanLeft: orphanNow };
}

/** Set one line: positions of every glyph, and the notes. */
function setLine(p: PreparedParagraph, a: number, b: number, M: number, indent: number, last: boolean): ComposedLine {
  const s = p.settings;
  const justify = last
    ? s.align === 'distribute' || s.lastLine === 'justify'
    : s.align === 'justify' || s.align === 'distribute';
  const f = fit(p, a, b, M, indent, justify);
  const { lo, hi, open, close, restore, restoreR, restoreL } = edges(p, a, b);
  const sqTotal = Math.max(0, p.pSQ[hi + 1]! - p.pSQ[lo]! - p.sqL[lo]! - p.sqR[hi]!);
  const rp = sqTotal > 0 ? f.punct / sqTotal : 0;
  const sq2Total = Math.max(0, p.pSQ2[hi + 1]! - p.pSQ2[lo]! - p.sq2R[hi]!);
  const rp2 = sq2Total > 0 ? f.punct2 / sq2Total : 0;
  const gx = p.pGX[hi + 1]! - p.pGX[lo + 1]!;
  const gs = p.pGS[hi + 1]! - p.pGS[lo + 1]!;
  const grc = growCap(p, lo, hi);
  const rgw = grc > 0 ? f.grow / grc : 0;
  const rg = f.gapDelta > 0 ? (gx > 0 ? f.gapDelta / gx : 0) : gs > 0 ? f.gapDelta / gs : 0;
  let offset = indent;
  const slack = M - f.natural;
  if (!justify && slack > 0) {
    const al = last ? s.lastLine : s.align;
    if (al === 'center') offset += slack / 2;
    else if (al === 'end') offset += slack;
  }
  const glyphs: PlacedGlyph[] = [];
  let pen = offset;
  let pairs = 0;
  let gaps = 0;
  let missing = 0;
  const restoring = restore > 0;
  for (let k = a; k <= b; k++) {
    const edge = k < lo || k > hi; // an ideographic space at the line's edge: no width, no gap
    if (k > lo && !edge) {
      const g = p.gap[k]!;
      if (g > 0) gaps++;
      const adj = rg > 0 ? (p.gapMax[k]! - g) * rg : (g - p.gapMin[k]!) * rg;
      pen += g + adj + (p.e1[k] ? f.perGap : 0) + (p.e2[k] ? f.letterGap : 0) + (g > 0 ? f.glueGap : 0);
    }
    let left = p.cutL[k]!;
    let right = p.cutR[k]!;
    if (edge) {
      left = p.full[k]!;
      right = 0;
    } else {
      if (k === lo) left = open - f.untrim;
      else if (k === hi && restoring) left -= restoreL;
      else left += p.sqL[k]! * rp - p.grL[k]! * rgw;
      if (k === hi) right = close - f.untrimEnd;
      else if (k === hi - 1 && restoring) right -= restoreR;
      else right += p.sqR[k]! * rp + p.sq2R[k]! * rp2 - p.grR[k]! * rgw;
      if (p.cutR[k]! > 0 && k < hi && !(k === hi - 1 && restoring)) pairs++;
      else if (p.cutL[k]! > 0 && k > lo && !(k === hi && restoring) && !(p.cutR[k - 1]! > 0)) pairs++;
    }
    const adv = p.full[k]! - left - right;
    glyphs.push({
      gid: p.gid[k]!,
      x: pen - left + p.xOff[k]!,
      dy: p.dy[k]!,
      text: p.text.slice(p.start[k]!, p.end[k]!),
      face: p.face[k]!,
      size: p.size[k]!,
      advance: adv,
    });
    missing += p.missing[k]!;
    pen += adv;
  }
  let size = 0;
  for (let k = a; k <= b; k++) size = Math.max(size, p.size[k]!);
  const em = f.em;
  const brokenAfter = !last && breakCost(p, b, M, indent) >= COSTS.forbiddenStrict;
  const notes: LineNotes = {
    pairsCompressed: pairs,
    endHalved: close - f.untrimEnd > EPS ? 1 : 0,
    endKeptFull: f.untrimEnd > EPS ? 1 : 0,
    startTrimmed: open - f.untrim > EPS ? 1 : 0,
    startKeptFull: f.untrim > EPS ? 1 : 0,
    latinGaps: gaps,
    punctSqueezed: (f.punct + f.punct2) / em,
    letterSpaced: f.letterGap + f.glueGap > EPS ? 1 : 0,
    pushedOut: !last && f.perGap > EPS && b + 1 < p.n && p.noStart[b + 1] ? 1 : 0,
    pushedIn: !last && f.punct + f.punct2 > EPS && p.noStart[b] ? 1 : 0,
    orphan: 0,
    ruleBroken: brokenAfter ? 1 : 0,
    kinsokuRelaxed: !last && p.relaxed[b] ? 1 : 0,
    overfull: f.overfull,
    notFlush: justify && (f.notFlush || Math.abs(pen - M) > 0.5) ? 1 : 0,
    missingGlyphs: missing,
  };
  return {
    start: p.start[a]!,
    end: p.end[b]!,
    text: p.text.slice(p.start[a]!, p.end[b]!),
    measure: M,
    natural: f.natural,
    width: pen,
    offset,
    glyphs,
    last,
    size,
    extraPerGap: f.perGap / em,
    notes,
  };
}

/** Break a prepared paragraph into lines at `measure` (pt), resuming at UTF-16 offset `from`. */
export function breakPrepared(p: PreparedParagraph, measure: number | MeasureFn, from = 0): ComposedLine[] {
  if (p.n === 0) return [];
  let first = 0;
  while (first < p.n && p.start[first]! < from) first++;
  if (first >= p.n) return [];
  const constant = typeof measure === 'number';
  const mfn: MeasureFn = typeof measure === 'number' ? () => measure : measure;
  const indent = first === 0 ? p.settings.indent * (p.size[0] ?? 0) : 0;
  const plan = optimise(p, first, mfn, constant, indent);
  const lines: ComposedLine[] = [];
  let a = first;
  plan.ends.forEach((b, i) => {
    const last = b === p.n - 1;
    const line = setLine(p, a, b, mfn(i), a === first ? indent : 0, last);
    if (last && line.notes) line.notes.orphan = plan.orphanLeft ? -1 : plan.orphanAvoided ? 1 : 0;
    lines.push(line);
    a = b + 1;
  });
  return lines;
}

export { fit, setLine };
