/** The composition report: counts of each rule applied, and the extra spacing used for justification. */
import type { ComposedLine, CompositionStats } from './types.js';

function pct(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function collectStats(paragraphs: ComposedLine[][]): CompositionStats {
  const st: CompositionStats = {
    lines: 0,
    paragraphs: paragraphs.length,
    pairsCompressed: 0,
    lineEndHalved: 0,
    lineStartTrimmed: 0,
    latinGaps: 0,
    pushedIn: 0,
    pushedOut: 0,
    orphansAvoided: 0,
    orphansLeft: 0,
    extra: { mean: 0, p95: 0, max: 0, lines: 0 },
    punctSqueezedLines: 0,
    rulesBroken: 0,
    overfull: 0,
    notFlush: 0,
    missingGlyphs: 0,
    loosest: null,
    tightest: null,
  };
  const extras: number[] = [];
  for (const para of paragraphs) {
    for (const l of para) {
      st.lines++;
      const n = l.notes;
      if (n) {
        st.pairsCompressed += n.pairsCompressed;
        st.lineEndHalved += n.endHalved;
        st.lineStartTrimmed += n.startTrimmed;
        st.latinGaps += n.latinGaps;
        st.pushedIn += n.pushedIn;
        st.pushedOut += n.pushedOut;
        if (n.orphan > 0) st.orphansAvoided++;
        if (n.orphan < 0) st.orphansLeft++;
        if (n.punctSqueezed > 0) st.punctSqueezedLines++;
        st.rulesBroken += n.ruleBroken;
        if (n.overfull > 0.01) st.overfull++;
        st.notFlush += n.notFlush;
        st.missingGlyphs += n.missingGlyphs;
      }
      if (l.last) continue;
      extras.push(l.extraPerGap);
      if (!st.loosest || l.extraPerGap > st.loosest.em) st.loosest = { em: l.extraPerGap, text: l.text };
      if (!st.tightest || l.extraPerGap < st.tightest.em) st.tightest = { em: l.extraPerGap, text: l.text };
    }
  }
  const sorted = [...extras].sort((x, y) => x - y);
  st.extra = {
    lines: extras.length,
    mean: extras.length ? extras.reduce((s, v) => s + v, 0) / extras.length : 0,
    p95: pct(sorted, 0.95),
    max: sorted.length ? sorted[sorted.length - 1]! : 0,
  };
  return st;
}
