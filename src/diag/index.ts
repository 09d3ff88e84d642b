/**
 * Diagnostics: every problem becomes a value with a code, a location and an actionable hint.
 * Nothing under src/ prints; the CLI prints what the sink collected.
 */

import { CODES, type Code, type CodeOf } from './codes.js';

export { CODES, type Code, type CodeInfo, type CodeOf, codesTableMarkdown, type Stage } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is: any subset of file/line/item/paragraph/offset. */
export interface Location {
  file?: string;
  line?: number;
  item?: string;
  page?: number;
  paragraph?: number;
  offset?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine code from the table in codes.ts, e.g. `overset`, `missing-image`, `import-dropped-text`. */
  code: Code;
  /** Lower-case, no trailing period. */
  message: string;
  at: Location;
  /** What to do about it, phrased as an action. */
  hint: string;
}

/** A diagnostic of `code`, with the severity the table gives it. */
export function diagnostic(code: Code, message: string, at: Location, hint: string): Diagnostic {
  return { severity: CODES[code].severity, code, message, at, hint };
}

/**
 * Collects a stage's diagnostics. `error`, `warn` and `info` accept only codes of that severity in the table, so
 * a call site reads as what it reports and cannot disagree with the table.
 */
export class Sink {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  report(code: Code, message: string, at: Location, hint: string): void {
    this.add(diagnostic(code, message, at, hint));
  }
  error(code: CodeOf<'error'>, message: string, at: Location, hint: string): void {
    this.report(code, message, at, hint);
  }
  warn(code: CodeOf<'warning'>, message: string, at: Location, hint: string): void {
    this.report(code, message, at, hint);
  }
  info(code: CodeOf<'info'>, message: string, at: Location, hint: string): void {
    this.report(code, message, at, hint);
  }
  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }
  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }
}

/** Thrown for fatal problems (bad input that cannot be processed at all). The CLI prints it without a stack trace. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'DiagnosticError';
  }
}

export const fail = (code: CodeOf<'error'>, message: string, at: Location, hint: string): never => {
  throw new DiagnosticError([diagnostic(code, message, at, hint)]);
};

/** One-line human form: `file:line [item] code: message (hint)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [
    d.at.file ? `${d.at.file}${d.at.line ? `:${d.at.line}` : ''}` : '',
    d.at.page ? `page ${d.at.page}` : '',
    d.at.item ? `[${d.at.item}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${d.severity}: ${where ? `${where} ` : ''}${d.code}: ${d.message} — ${d.hint}`;
}
