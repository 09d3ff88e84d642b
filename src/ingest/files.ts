/** Reading input files: a file that cannot be read is a located diagnostic, never a raw Node error. */
import fs from 'node:fs';
import { type CodeOf, fail } from '../diag/index.js';

/** The file's text (UTF-8), or a DiagnosticError with `code`, the file, `message` and `hint`. */
export function readText(file: string, code: CodeOf<'error'>, message: string, hint: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fail(code, message, { file }, hint);
  }
}
