/**
 * Diagnostics: every problem becomes a value with a code, a location and an actionable hint.
 * Nothing under src/ prints; the CLI prints what the sink collected.
 */

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
  /** Stable machine code, e.g. `overset`, `missing-image`, `import-dropped-text`. */
  code: string;
  /** Lower-case, no trailing period. */
  message: string;
  at: Location;
  /** What to do about it, phrased as an action. */
  hint: string;
}

export class Sink {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  error(code: string, message: string, at: Location, hint: string): void {
    this.add({ severity: 'error', code, message, at, hint });
  }
  warn(code: string, message: string, at: Location, hint: string): void {
    this.add({ severity: 'warning', code, message, at, hint });
  }
  info(code: string, message: string, at: Location, hint: string): void {
    this.add({ severity: 'info', code, message, at, hint });
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

export const fail = (code: string, message: string, at: Location, hint: string): never => {
  throw new DiagnosticError([{ severity: 'error', code, message, at, hint }]);
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
