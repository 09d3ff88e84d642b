/** Small helpers shared by the test files. */
import { expect } from 'vitest';
import { DiagnosticError } from '../src/diag/index.js';

/** Run `f`, expecting it to throw a DiagnosticError (bad input, reported with a location and a hint); return it. */
export function thrown(f: () => unknown): DiagnosticError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticError);
    return e as DiagnosticError;
  }
  throw new Error('expected a DiagnosticError');
}
