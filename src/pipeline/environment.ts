/**
 * What a build needs from the machine, checked before anything is composed: every font file the roles use
 * (npm packages, Debian font packages), the output profile, and an output folder that can be written and has
 * room. Each problem is a diagnostic with the path and what to install or change; together they are thrown as
 * an EnvironmentError, which the command line exits with status 2 for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Diagnostic, DiagnosticError } from '../diag/index.js';
import { type FontBook, fontInstallHint } from '../fonts/index.js';

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

/** Font files that are not installed. */
export function fontProblems(fonts: FontBook, mapFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of fonts.sources()) {
    if (s.exists) continue;
    out.push({
      severity: 'error',
      code: 'font-missing',
      message: `${s.problem ?? `font file ${s.file} does not exist`} (face ${s.key}, used by ${s.roles.join(', ')})`,
      at: { file: s.problem ? mapFile : s.file },
      hint: fontInstallHint(s),
    });
  }
  return out;
}

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
    out.push({
      severity: 'error',
      code: 'output-not-a-folder',
      message: `output path ${abs} is a file, not a folder`,
      at: { file: abs },
      hint: 'give -o a folder (it is created if missing)',
    });
    return out;
  }
  // the new set is written beside the folder and swapped in, so its parent must be writable too
  const parent = existingAncestor(path.dirname(abs));
  for (const dir of fs.existsSync(abs) ? [abs, parent] : [parent]) {
    try {
      fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      out.push({
        severity: 'error',
        code: 'output-unwritable',
        message: `folder ${dir} cannot be written`,
        at: { file: dir },
        hint: `give -o a folder you may write to, or change the permissions of ${dir}`,
      });
      return out;
    }
  }
  try {
    const st = fs.statfsSync(parent);
    const free = st.bavail * st.bsize;
    const need = MIN_FREE_BYTES + pages * BYTES_PER_PAGE;
    if (free < need)
      out.push({
        severity: 'error',
        code: 'disk-full',
        message: `only ${Math.round(free / 1048576)} MB free in ${parent}; the build needs about ${Math.round(need / 1048576)} MB`,
        at: { file: parent },
        hint: 'free disk space or give -o a folder on another disk',
      });
  } catch {
    // statfs unsupported: the write itself reports a full disk
  }
  return out;
}

/** Throw every environment problem together. */
export function requireEnvironment(problems: Diagnostic[]): void {
  if (problems.length) throw new EnvironmentError(problems);
}
