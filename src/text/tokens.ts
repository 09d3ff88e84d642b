/**
 * Inseparable tokens of a paragraph (URLs, e-mail addresses, phone numbers, ratios, grouped numbers, full-width
 * alphanumerics, rating stars, Latin words with apostrophes), found with the TOKENS table in rules.ts. Each token
 * says where it may break if it is wider than the line; prepare.ts turns that into break costs.
 */
import { TOKENS, type TokenRule } from './rules.js';

export interface Token {
  /** UTF-16 offsets into the paragraph text, end exclusive. */
  start: number;
  end: number;
  rule: TokenRule;
  /** Offsets strictly inside the token where it may break when it is wider than the line, with the factor on
   * COSTS.tokenBreak (TokenRule.breakAt). */
  breaks: ReadonlyMap<number, number>;
}

/** Every token in `text`, non-overlapping, in text order; where two rules match overlapping text the earlier rule in
 * TOKENS wins. */
export function findTokens(text: string): Token[] {
  const taken: Token[] = [];
  const overlaps = (a: number, b: number): boolean => taken.some((t) => a < t.end && t.start < b);
  for (const rule of TOKENS) {
    for (const m of text.matchAll(rule.pattern)) {
      let s = m[0];
      if (rule.trimEnd) while (s.length > 1 && rule.trimEnd.includes(s[s.length - 1]!)) s = s.slice(0, -1);
      const start = m.index;
      const end = start + s.length;
      if (s.length < 2 || overlaps(start, end)) continue;
      const breaks = new Map<number, number>();
      for (let i = 1; i < s.length; i++) {
        const w = rule.breakAt(s, i);
        if (w > 0) breaks.set(start + i, w);
      }
      taken.push({ start, end, rule, breaks });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
