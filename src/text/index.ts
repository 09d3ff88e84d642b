/**
 * Composition stage (issue 3): Chinese paragraph and headline composition. See rules.ts for the rule tables and
 * their sources, prepare.ts for itemisation and shaping, linebreak.ts for the total-fit breaker.
 */
import type { ComposedLine, ComposeStyle, ParagraphSettings, StyledRun } from './types.js';
import { prepare, type PreparedParagraph } from './prepare.js';
import { breakPrepared } from './linebreak.js';

export type * from './types.js';
export { BODY_SETTINGS } from './types.js';
export type { PreparedParagraph } from './prepare.js';
export { collectStats } from './stats.js';
export { composeHeadline } from './headline.js';
export { insideWord, wordInteriors } from './words.js';
export { HEADLINE_WORDS, HEADLINE_WORDS_SOURCE } from './headline-words.js';

/** Itemise, shape and measure a paragraph once; break it at any measure with breakLines. */
export function prepareParagraph(runs: StyledRun[], settings: ParagraphSettings): PreparedParagraph {
  return prepare(runs, settings);
}

/**
 * Break a prepared paragraph into lines. `measure` is in pt (or a function of the line index, counted from
 * `from`). `opts.from` resumes at a UTF-16 offset (the `end` of the last line already set): the first-line
 * indent applies only when starting at 0.
 */
export function breakLines(
  p: PreparedParagraph,
  measure: number | ((lineIndex: number) => number),
  opts: { from?: number } = {},
): ComposedLine[] {
  return breakPrepared(p, measure, opts.from ?? 0);
}

export function composeParagraph(runs: StyledRun[], settings: ParagraphSettings, measure: number): ComposedLine[] {
  return breakPrepared(prepare(runs, settings), measure, 0);
}

export type { ComposeStyle };
