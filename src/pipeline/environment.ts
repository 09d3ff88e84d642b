/**
 * What a build needs from the machine, checked before anything is composed: every font file the roles use
 * (npm packages, Debian font packages: `fontProblems` in fonts/), the output profile, and an output folder that can be written and has
 * room. Each problem is a diagnostic with the path and what to install or change; together they are thrown as
 * an EnvironmentError, which the command line exits with status 2 for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Diagnostic, DiagnosticError, diagnostic } from '../diag/index.js';

/** Problems with the machine rather than with the input (exit status 2). */
export class EnvironmentError extends DiagnosticError {
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics);
    this.name = 'EnvironmentError';
  }
}

/** Free space a build wants in the output folder's file system: the PDFs, previews, and a margin. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;
export const BYTES_PER_PAGE = 12 * 1024 * 1024;

/** The nearest existing folder at or above `dir`. */
function existingAncestor(dir: string): string {
  let d = path.resolve(dir);
  while (!fs.existsSync(d)) {
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return d;
}

/** An output folder that cannot be written, is not a folder, or lacks room for `pages` pages. */
export function outputProblems(outDir: string, pages: number): Diagnostic[] {
  const abs = path.resolve(outDir);
  const out: Diagnostic[] = [];
  if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
    out.push(
      diagnostic(
        'output-not-a-folder',
        `output path ${abs} is a file, not a folder`,
        { file: abs },
        'give -o a folder (it is created if missing)',
      ),
    );
    return out;
  }
  // the new set is written beside the folder and swapped in, so its parent must be writable too
  const parent = existingAncestor(path.dirname(abs));
  for (const dir of fs.existsSync(abs) ? [abs, parent] : [parent]) {
    try {
      fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      out.push(
        diagnostic(
          'output-unwritable',
          `folder ${dir} cannot be written`,
          { file: dir },
          `give -o a folder you may write to, or change the permissions of ${dir}`,
        ),
      );
      return out;
    }
  }
  try {
    const st = fs.statfsSync(parent);
    const free = st.bavail * st.bsize;
    const need = MIN_FREE_BYTES + pages * BYTES_PER_PAGE;
    if (free < need)
      out.push(
        diagnostic(
          'disk-full',
          `only ${Math.round(free / 1048576)} MB free in ${parent}; the build needs about ${Math.round(need / 1048576)} MB`,
          { file: parent },
          'free disk space or give -o a folder on another disk',
        ),
      );
  } catch {
    // statfs unsupported: the write itself reports a full disk
  }
  return out;
}

/** Throw every environment problem together. */
export function requireEnvironment(problems: Diagnostic[]): void {
  if (problems.length) throw new EnvironmentError(problems);
}
