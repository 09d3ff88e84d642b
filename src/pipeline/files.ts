/** Output files: every file of a build is written under a temporary name and renamed into place. */
import fs from 'node:fs';
import path from 'node:path';

/** Write `bytes` to `file` atomically: a half-written output file never appears under its real name. */
export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}
