/**
 * Headlines: break only at phrase boundaries (budoux zh-hans) that no word of the headline word list runs across
 * (words.ts: never `创|新学堂`), never start a line with a particle (的/了/之…) or a closing mark, and balance the lines. Nothing is shrunk: if the text cannot fit in maxLines the best
 * attempt is returned (its lines are wider than maxWidth, and notes.overfull says by how much) so that the
 * caller can reduce the size.
 */
import type { ComposeStyle, ComposedLine, ParagraphSettings } from './types.js';
import { BODY_SETTINGS } from './types.js';
import { prepare, type PreparedParagraph } from './prepare.js';
import { fit, setLine } from './linebreak.js';
import { COSTS, HEADLINE_START_PROHIBITED } from './rules.js';

import { phraseBoundaries, wordInteriors } from './words.js';

export function composeHeadline(
  text: string,
  style: ComposeStyle,
  maxWidth: number,
  opts: { align?: 'center' | 'start'; maxLines?: number } = {},
): ComposedLine[] {
  const align = opts.align ?? 'center';
  const maxLines = Math.max(1, opts.maxLines ?? 3);
  const settings: ParagraphSettings = {
    ...BODY_SETTINGS,
    indent: 0,
    align,
    lastLine: align,
    minLastLineChars: 0,
    paragraphStartOpener: 'trim',
    endMark: 'trim',
  };
  const base = prepare([{ text, style }], settings, { extraNoStart: HEADLINE_START_PROHIBITED });
  const n = base.n;
  if (n === 0) return [];
  // A break inside a budoux phrase is dear, inside a list word dearer than an overfull line (the caller then sets
  // the headline smaller rather than break a word).
  const bounds = phraseBoundaries(text);
  const inside = wordInteriors(text);
  const brk = new Float64Array(n);
  for (let k = 0; k < n - 1; k++) {
    const at = base.end[k]!;
    brk[k] = base.brk[k]! + (bounds.has(at) ? 0 : COSTS.phrase) + (inside.has(at) ? COSTS.insideWord : 0);
  }
  const p: PreparedParagraph = { ...base, brk, soft: brk, split: brk };
  const em = style.size || 1;
  const total = fit(p, 0, n - 1, Infinity, 0, false).natural;

  let bestEnds: number[] = [];
  let bestCost = Infinity;
  for (let k = 1; k <= Math.min(maxLines, n); k++) {
    const avg = total / k;
    // dp[l][j]: best cost of setting items 0..j-1 in l lines.
    const dp: Float64Array[] = [];
    const from: Int32Array[] = [];
    for (let l = 0; l <= k; l++) {
      dp.push(new Float64Array(n + 1).fill(Infinity));
      from.push(new Int32Array(n + 1).fill(-1));
    }
    dp[0]![0] = 0;
    for (let l = 1; l <= k; l++) {
      for (let j = 1; j <= n; j++) {
        for (let i = l - 1; i < j; i++) {
          const prev = dp[l - 1]![i]!;
          if (!Number.isFinite(prev)) continue;
          const w = fit(p, i, j - 1, maxWidth, 0, false).natural;
          const over = Math.max(0, w - maxWidth);
          const dev = (w - avg) / em;
          const c =
            prev +
            10 * dev * dev +
            (j === n ? 0 : brk[j - 1]!) +
            (over > 0.01 ? COSTS.overfull + (1000 * over) / em : 0);
          if (c < dp[l]![j]!) {
            dp[l]![j] = c;
            from[l]![j] = i;
          }
        }
      }
    }
    const cost = dp[k]![n]!;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      const ends: number[] = [];
      let j = n;
      for (let l = k; l > 0; l--) {
        ends.push(j - 1);
        j = from[l]![j]!;
      }
      bestEnds = ends.reverse();
    }
    if (bestCost < COSTS.phrase) break; // fewest lines that respect every phrase and the width
  }
  const lines: ComposedLine[] = [];
  let a = 0;
  for (const b of bestEnds) {
    const line = setLine(p, a, b, maxWidth, 0, b === n - 1);
    if (line.notes) line.notes.overfull = Math.max(0, line.natural - maxWidth);
    lines.push(line);
    a = b + 1;
  }
  return lines;
}
