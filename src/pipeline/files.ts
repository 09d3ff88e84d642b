/**
 * Output files. A single file is written under a temporary name and renamed into place. A build's whole set is
 * written into a staging folder beside the output folder and swapped in only when every file is there, so the
 * output folder holds exactly one build's files: a smaller build leaves nothing stale behind, and a build that
 * fails or is killed midway leaves the previous good set as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { EnvironmentError } from './environment.js';

/** Write `bytes` to `file` atomically: a half-written output file never appears under its real name. */
export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** The file every banmian output folder has; a folder holding other files and not this one is not ours. */
export const MARKER_FILE = 'report.json';

const staging = (dir: string, tag: string): string =>
  path.join(path.dirname(dir), `.${path.basename(dir)}.${tag}-${process.pid}`);

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Undo what a killed build left beside `dir`: staging folders of processes that are gone are removed, and if
 * the build died between its two renames (the old set moved aside, the new not yet in place) the old set goes
 * back.
 */
export function recoverOutput(dir: string): void {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  if (!fs.existsSync(parent)) return;
  const prefix = `.${path.basename(abs)}.`;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = /\.(staging|old)-(\d+)$/.exec(name);
    if (!m || isProcessAlive(Number(m[2]))) continue;
    const p = path.join(parent, name);
    if (m[1] === 'old' && !fs.existsSync(abs)) fs.renameSync(p, abs);
    else fs.rmSync(p, { recursive: true, force: true });
  }
}

/** Files in `dir` that are not hidden (dot files such as .keep are not build output and are carried over). */
const visible = (dir: string): string[] => fs.readdirSync(dir).filter((n) => !n.startsWith('.'));

/** The output folder may be replaced: it does not exist, holds no visible files, or is a previous build's. */
export function replaceable(dir: string): Diagnostic | null {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs)) return null;
  const files = visible(abs);
  if (files.length === 0 || files.includes(MARKER_FILE)) return null;
  return {
    severity: 'error',
    code: 'output-not-ours',
    message: `output folder ${abs} holds files that banmian did not write (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`,
    at: { file: abs },
    hint: 'give -o an empty folder or the folder of a previous build; the build replaces the whole folder',
  };
}

/** A build's set of output files, written into a staging folder until `commit` swaps it in. */
export class OutputSet {
  readonly dir: string;
  readonly stage: string;
  private committed = false;

  /** Create the staging folder (fails early, before composing, when the parent cannot be written). */
  constructor(dir: string) {
    this.dir = path.resolve(dir);
    recoverOutput(this.dir);
    this.stage = staging(this.dir, 'staging');
    fs.rmSync(this.stage, { recursive: true, force: true });
    fs.mkdirSync(this.stage, { recursive: true });
  }

  write(name: string, bytes: Uint8Array | string): void {
    if (this.committed) throw new Error('output set already committed');
    const file = path.join(this.stage, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // never write through a carried file: it is a hard link to the current set's
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, bytes);
  }

  /**
   * Carry the current set's file `name` into the new set unchanged (a hard link, a copy where links are not
   * possible). False when the current set has no such file.
   */
  carry(name: string): boolean {
    if (this.committed) throw new Error('output set already committed');
    const from = path.join(this.dir, name);
    const st = fs.lstatSync(from, { throwIfNoEntry: false });
    if (!st?.isFile()) return false;
    const to = path.join(this.stage, name);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.rmSync(to, { force: true });
    try {
      fs.linkSync(from, to);
    } catch {
      fs.copyFileSync(from, to);
    }
    return true;
  }

  /** A relative symbolic link `name` → `target` in the set (a working name for the same file). */
  link(name: string, target: string): void {
    const file = path.join(this.stage, name);
    fs.rmSync(file, { force: true });
    fs.symlinkSync(target, file);
  }

  /** Swap the staged set in place of the output folder (keeping the old folder's dot files). */
  commit(): void {
    const old = staging(this.dir, 'old');
    if (fs.existsSync(this.dir)) {
      for (const n of fs.readdirSync(this.dir))
        if (n.startsWith('.') && !fs.existsSync(path.join(this.stage, n)))
          fs.cpSync(path.join(this.dir, n), path.join(this.stage, n), { recursive: true });
      fs.renameSync(this.dir, old);
    }
    fs.renameSync(this.stage, this.dir);
    fs.rmSync(old, { recursive: true, force: true });
    this.committed = true;
  }

  /** Throw the staged files away (the previous set stays). */
  discard(): void {
    if (!this.committed) fs.rmSync(this.stage, { recursive: true, force: true });
  }
}

/** A write that failed for lack of space or permission, as a diagnostic (the previous set stays). */
export function writeFailure(e: unknown, dir: string): EnvironmentError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new EnvironmentError([
      {
        severity: 'error',
        code: 'disk-full',
        message: `the disk of ${dir} is full; nothing was replaced`,
        at: { file: dir },
        hint: 'free disk space or give -o a folder on another disk',
      },
    ]);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new EnvironmentError([
      {
        severity: 'error',
        code: 'output-unwritable',
        message: `${dir} cannot be written (${code}); nothing was replaced`,
        at: { file: dir },
        hint: 'give -o a folder you may write to',
      },
    ]);
  return null;
}
