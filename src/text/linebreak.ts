/**
 * Paragraph-wide total-fit line breaking (Knuth–Plass style) over a prepared paragraph, and the setting of each
 * line: line-edge punctuation trimming, then justification in clreq priority order (clreq §3.8 reduction /
 * expansion procedures): punctuation blanks first, then CJK–Latin gaps, then even inter-character expansion.
 */
import type { ComposedLine, LineNotes, PlacedGlyph } from './types.js';
import type { PreparedParagraph } from './prepare.js';
import { COSTS, HAN_SQUEEZE_MAX } from './rules.js';

const EPS = 1e-6;

interface Fit {
  natural: number;
  /** pt: punctuation squeezed, gap change (+ stretch / − shrink), expansion per expandable gap (± pt). */
  punct: number;
  /** pt of compressed-pair blank given back (stretch). */
  relax: number;
  /** pt of line-start opener trim given back (the opener keeps its full width; 0 or the whole trim). */
  untrim: number;
  /** pt squeezed from sentence-end stops (the dearer resource). */
  punct2: number;
  gapDelta: number;
  perGap: number;
  overfull: number;
  notFlush: boolean;
  cost: number;
  em: number;
}

interface Edges {
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
  let startTrim = 0;
  let endTrim = 0;
  const ka = p.kind[a];
  const kb = p.kind[b];
  if (ka === 'open') startTrim = p.blankL[a]! - p.cutL[a]!;
  else if (ka === 'ispace') startTrim = p.full[a]!;
  if (kb === 'stop' || kb === 'close') endTrim = p.blankR[b]! - p.cutR[b]!;
  else if (kb === 'ispace' && a !== b) endTrim = p.full[b]!;
  let restoreR = 0;
  let restoreL = 0;
  if (endTrim > 0 && b > a && b < p.n - 1 && (kb === 'stop' || kb === 'close')) {
    restoreR = p.cutR[b - 1]!;
    restoreL = p.cutL[b]!;
  }
  return { startTrim, endTrim, restore: restoreR + restoreL, restoreR, restoreL };
}

function relaxCap(p: PreparedParagraph, a: number, b: number): number {
  const e = edges(p, a, b);
  const restored = (e.restoreR > 0 ? p.rxR[b - 1]! : 0) + (e.restoreL > 0 ? p.rxL[b]! : 0);
  return Math.max(0, p.pRX[b + 1]! - p.pRX[a]! - p.rxL[a]! - p.rxR[b]! - restored);
}

/** Work out how line a..b fits measure M (pt, from the line's left edge) with `indent` pt at its start. */
function fit(
  p: PreparedParagraph,
  a: number,
  b: number,
  M: number,
  indent: number,
  justify: boolean,
  ragged = false,
): Fit {
  const { startTrim, endTrim, restore } = edges(p, a, b);
  const natural = p.pW[b + 1]! - p.pW[a]! - p.gap[a]! - startTrim - endTrim + restore + indent;
  const gs = p.pGS[b + 1]! - p.pGS[a]! - (p.gap[a]! - p.gapMin[a]!);
  const gx = p.pGX[b + 1]! - p.pGX[a]! - (p.gapMax[a]! - p.gap[a]!);
  const sq = Math.max(0, p.pSQ[b + 1]! - p.pSQ[a]! - p.sqL[a]! - p.sqR[b]!);
  const sq2 = Math.max(0, p.pSQ2[b + 1]! - p.pSQ2[a]! - p.sq2R[b]!);
  const E = p.pE[b + 1]! - p.pE[a]! - p.expand[a]!;
  const em = p.size[a]! || 1;
  const d = M - natural;
  const out: Fit = {
    natural,
    relax: 0,
    untrim: 0,
    punct: 0,
    punct2: 0,
    gapDelta: 0,
    perGap: 0,
    overfull: 0,
    notFlush: false,
    cost: 0,
    em,
  };
  if (d >= -EPS) {
    if (!justify) {
      if (ragged) out.cost = 10 * (d / em) * (d / em);
      return out;
    }
    // Expansion order (clreq §3.8 / research note §1.10): undo the optional line-start opener trim (all or
    // nothing, so the left edge is either the ink or the box), open compressed pairs a little, stretch
    // CJK–Latin gaps and word spaces, and only then spread every inter-character gap evenly.
    const ut =
      p.settings.startOpener !== 'trim' && p.kind[a] === 'open' && startTrim > EPS && d >= startTrim - EPS
        ? startTrim
        : 0;
    const rx = Math.min(Math.max(d - ut, 0), relaxCap(p, a, b));
    const t = Math.min(Math.max(d - ut - rx, 0), gx);
    const r = d - ut - rx - t;
    out.untrim = ut;
    out.relax = rx;
    out.gapDelta = t;
    out.cost += (COSTS.openerFull * ut) / em + (COSTS.relaxPair * rx) / em + (COSTS.latinGap * t) / em;
    if (r > EPS) {
      if (E > 0) {
        out.perGap = r / E;
        const e = (100 * out.perGap) / em;
        out.cost += COSTS.expand * e * e + COSTS.expandLinear * e;
      } else {
        out.notFlush = r > 0.5;
        out.cost += COSTS.notFlush + r;
      }
    }
    return out;
  }
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
    const hs = E > 0 ? Math.min(s, HAN_SQUEEZE_MAX * em * E) : 0;
    if (hs > 0) {
      out.perGap = -hs / E;
      const e = (100 * out.perGap) / em;
      out.cost += COSTS.squeezeHan * e * e;
    }
    s -= hs;
    if (s > EPS) {
      out.overfull = s;
      out.cost += COSTS.overfull + (1000 * s) / em;
    }
  }
  return out;
}

interface Node {
  cost: number;
  prev: number;
  prevKey: number;
  line: number;
  /** Best cost of the whole paragraph ignoring the orphan rule, and whether that choice leaves an orphan. */
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
  const totalHan = p.pH[n]! - p.pH[from]!;
  let rawBest = Infinity;
  let rawOrphan = false;
  for (let b = from; b < n; b++) {
    const last = b === n - 1;
    for (let a = b; a >= from; a--) {
      const here = nodes[a];
      if (!here) continue;
      let tooWide = false;
      for (const [, node] of here) {
        const M = measure(node.line);
        const ind = a === from ? indent : 0;
        const f = fit(p, a, b, M, ind, last ? lastJustify : justifyAll, !last);
        if (f.overfull > EPS) tooWide = true;
        let cost = f.cost + (last ? 0 : p.brk[b]!);
        const han = p.pH[b + 1]! - p.pH[a]!;
        const orphan =
          last && node.line > 0 && s.minLastLineHan > 0 && han < s.minLastLineHan && totalHan >= s.minLastLineHan;
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
  const lastHan = p.pH[n]! - p.pH[lastStart]!;
  const orphanNow =
    ends.length > 1 && s.minLastLineHan > 0 && lastHan < s.minLastLineHan && totalHan >= s.minLastLineHan;
  return { ends, orphanAvoided: rawOrphan && !orphanNow, orphanLeft: orphanNow };
}

/** Set one line: positions of every glyph, and the notes. */
function setLine(p: PreparedParagraph, a: number, b: number, M: number, indent: number, last: boolean): ComposedLine {
  const s = p.settings;
  const justify = last
    ? s.align === 'distribute' || s.lastLine === 'justify'
    : s.align === 'justify' || s.align === 'distribute';
  const f = fit(p, a, b, M, indent, justify);
  const { startTrim, endTrim, restore, restoreR, restoreL } = edges(p, a, b);
  const sqTotal = Math.max(0, p.pSQ[b + 1]! - p.pSQ[a]! - p.sqL[a]! - p.sqR[b]!);
  const rp = sqTotal > 0 ? f.punct / sqTotal : 0;
  const sq2Total = Math.max(0, p.pSQ2[b + 1]! - p.pSQ2[a]! - p.sq2R[b]!);
  const rxTotal = relaxCap(p, a, b);
  const rr = rxTotal > 0 ? f.relax / rxTotal : 0;
  const rp2 = sq2Total > 0 ? f.punct2 / sq2Total : 0;
  const gx = p.pGX[b + 1]! - p.pGX[a]! - (p.gapMax[a]! - p.gap[a]!);
  const gs = p.pGS[b + 1]! - p.pGS[a]! - (p.gap[a]! - p.gapMin[a]!);
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
  for (let k = a; k <= b; k++) {
    if (k > a) {
      const g = p.gap[k]!;
      if (g > 0) gaps++;
      const adj = rg > 0 ? (p.gapMax[k]! - g) * rg : (g - p.gapMin[k]!) * rg;
      pen += g + adj + (p.expand[k] ? f.perGap : 0);
    }
    let left = p.cutL[k]!;
    let right = p.cutR[k]!;
    const restoring = restore > 0 && (k === b || k === b - 1);
    if (k === a) left += startTrim - f.untrim;
    else if (k === b && restoring) left -= restoreL;
    else left += p.sqL[k]! * rp - p.rxL[k]! * rr;
    if (k === b) right += endTrim;
    else if (k === b - 1 && restoring) right -= restoreR;
    else right += p.sqR[k]! * rp + p.sq2R[k]! * rp2 - p.rxR[k]! * rr;
    if (p.cutR[k]! > 0 && k < b && !(k === b - 1 && restoring)) pairs++;
    else if (p.cutL[k]! > 0 && k > a && !(k === b && restoring) && !(k > a && p.cutR[k - 1]! > 0)) pairs++;
    if (p.kind[k] === 'ispace' && (k === a || k === b)) {
      left = p.full[k]!;
      right = 0;
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
  const notes: LineNotes = {
    pairsCompressed: pairs,
    endHalved: (p.kind[b] === 'stop' || p.kind[b] === 'close') && endTrim > 0 ? 1 : 0,
    startTrimmed: p.kind[a] === 'open' && startTrim - f.untrim > EPS ? 1 : 0,
    startKeptFull: f.untrim > EPS ? 1 : 0,
    latinGaps: gaps,
    punctSqueezed: (f.punct + f.punct2) / em,
    pushedOut: !last && f.perGap > EPS && b + 1 < p.n && p.noStart[b + 1] ? 1 : 0,
    pushedIn: !last && f.punct + f.punct2 > EPS && p.noStart[b] ? 1 : 0,
    orphan: 0,
    ruleBroken: !last && p.brk[b]! >= COSTS.forbidden ? 1 : 0,
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
