/**
 * Which file a request path names, if any: the server hands out files from two folders only (the build's
 * output and the view's own assets), and nothing outside them, whatever the path says. Refused with 403: `..`
 * or `.` segments, written or percent-encoded (`%2e%2e`, `%2f`), absolute paths, empty segments (`//`),
 * backslashes, NUL, and a file whose real path (symlinks resolved) leaves the folder. Not there: 404.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Resolved = { file: string } | { status: 403 | 404 };

/** A segment the server may hand out: letters, digits, `_`, `-`, `.`, `@`, not starting with a dot. */
const SEGMENT = /^[A-Za-z0-9_@-][A-Za-z0-9_.@-]*$/;

/**
 * Resolve `rawPath` (the request path below the folder's prefix, still percent-encoded, without the query
 * string) to a regular file under `root`.
 */
export function resolveUnder(root: string, rawPath: string): Resolved {
  let rel: string;
  try {
    rel = decodeURIComponent(rawPath);
  } catch {
    return { status: 403 };
  }
  // Judge the decoded path segment by segment: an absolute path or `//` shows as an empty segment.
  const segments = rel.split('/');
  if (segments.length === 0 || segments.some((s) => !SEGMENT.test(s))) return { status: 403 };
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (path.relative(base, file).split(path.sep)[0] === '..') return { status: 403 };
  // The file as the system sees it, symlinks resolved, must still be inside the folder.
  let real: string;
  let realBase: string;
  try {
    real = fs.realpathSync(file);
    realBase = fs.realpathSync(base);
  } catch {
    return { status: 404 };
  }
  const inside = path.relative(realBase, real);
  if (inside === '' || inside.split(path.sep)[0] === '..' || path.isAbsolute(inside)) return { status: 403 };
  if (!fs.statSync(real).isFile()) return { status: 404 };
  return { file: real };
}
