/**
 * Fonts: the only module that imports fontkit. Loads the role map (fonts/fonts.yaml: faces, the fallback faces
 * for rare characters, and the face chain of each role), opens each font once, and offers shaping and metrics
 * in em units (1 em = the font size). A role's face is a chain (chain.ts) whenever it has fallbacks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import YAML from 'yaml';
import { fail } from '../diag/index.js';
import { ChainFace } from './chain.js';
import { FontkitFace } from './face.js';
import { FONT_ROLES, type Face, type FontRole } from './types.js';

export { ChainFace, MISSING_MARKER } from './chain.js';
export { FONT_ROLES, type Face, type FontRole, type InkBox, type ShapedGlyph } from './types.js';

export interface FontBook {
  /** The face chain of a role: its own face, then its fallbacks. */
  face(role: FontRole): Face;
  /** Open an arbitrary font file (for `banmian compose --font`). */
  open(file: string): Face;
  /** Every font file the roles use, for checking the installation before a build. */
  sources(): FontSource[];
  /**
   * The parsed font of a file, opaque outside fonts/: the PDF writer hands it to pdfkit (which takes a fontkit
   * font) instead of reading and parsing the file again on every write. The object the faces shape with (every
   * face of a chain: the fallbacks too).
   */
  parsed(file: string): unknown;
}

/** A font file a role uses, where it comes from, and whether it is there. */
export interface FontSource {
  /** Key in fonts.yaml `faces:` (or the role, for an inline entry). */
  key: string;
  roles: FontRole[];
  file: string;
  /** The npm package or Debian package that installs it. */
  package: string | null;
  debian: string | null;
  exists: boolean;
  /** Why it cannot be resolved (an npm package that is not installed), when it cannot. */
  problem: string | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project root: dist/fonts or src/fonts → two levels up. */
export const PROJECT_ROOT = path.resolve(here, '..', '..');

/** A font file: inside an npm package, an absolute path (a Debian font package), or relative to fonts/. */
interface FaceEntry {
  package?: string;
  /** Debian package that installs an absolute `file`, named in the hint when it is missing. */
  debian?: string;
  file: string;
}

interface FontMap {
  faces?: Record<string, FaceEntry>;
  /** Faces appended to every role's chain, in order (rare characters: CJK Extension B …). */
  fallback?: string[];
  /** A face key, a list of keys (the role's own chain before the fallbacks), or an inline entry. */
  roles?: Record<string, string | string[] | FaceEntry>;
}

/** Resolve an entry to an absolute font path, or say why it cannot be. */
function resolveEntry(entry: FaceEntry, fontsDir: string): { file: string; problem: string | null } {
  if (entry.package) {
    const req = createRequire(path.join(PROJECT_ROOT, 'package.json'));
    try {
      return { file: path.join(path.dirname(req.resolve(`${entry.package}/package.json`)), entry.file), problem: null };
    } catch {
      return { file: entry.file, problem: `font package ${entry.package} is not installed` };
    }
  }
  return { file: path.resolve(fontsDir, entry.file), problem: null };
}

const installHint = (entry: { package?: string | null; debian?: string | null }): string =>
  entry.debian
    ? `install the Debian package: apt-get install ${entry.debian} (or point the face at another file in fonts/fonts.yaml)`
    : entry.package
      ? 'run `npm install` in the banmian directory'
      : 'fix the path in fonts/fonts.yaml';

/**
 * fontkit caches one Glyph object per glyph id and keeps the code points it was first created with, so a glyph
 * reached from two inputs reports the first input's characters for both: the U+2E3A two-em dash glyph is also the
 * ligature of `——` (2 × U+2014), and whichever came first made the other cover one character too many or too few,
 * shifting every later glyph against the text. Hand shaping views whose `codePoints` are the ones asked for.
 */
function exactCodePoints(font: fontkit.Font): fontkit.Font {
  const getGlyph = font.getGlyph.bind(font) as (gid: number, codePoints?: number[]) => fontkit.Glyph;
  const patched = (gid: number, codePoints?: number[]): fontkit.Glyph => {
    const g = getGlyph(gid, codePoints);
    if (!codePoints || codePoints.length === 0) return g;
    const same = g.codePoints.length === codePoints.length && g.codePoints.every((cp, i) => cp === codePoints[i]);
    return same ? g : (Object.create(g, { codePoints: { value: codePoints } }) as fontkit.Glyph);
  };
  (font as { getGlyph: typeof patched }).getGlyph = patched;
  return font;
}

const opened = new Map<string, fontkit.Font>();
function openFont(file: string, entry: { package?: string | null; debian?: string | null } = {}): fontkit.Font {
  let f = opened.get(file);
  if (!f) {
    if (!fs.existsSync(file)) fail('font-missing', `font file ${file} does not exist`, { file }, installHint(entry));
    f = exactCodePoints(fontkit.openSync(file));
    opened.set(file, f);
  }
  return f;
}

/** Load the role map from `fontsDir/fonts.yaml` (default: the project's fonts/). Fonts are opened lazily and shared. */
export function loadFontBook(fontsDir = path.join(PROJECT_ROOT, 'fonts')): FontBook {
  const mapFile = path.join(fontsDir, 'fonts.yaml');
  const doc = (YAML.parse(fs.readFileSync(mapFile, 'utf8')) ?? {}) as FontMap;
  const faceEntries = doc.faces ?? {};
  const roles = doc.roles ?? {};
  const fallback = doc.fallback ?? [];
  const files = new Map<string, Face>();
  const chains = new Map<string, Face>();
  const entryOf = (key: string): FaceEntry => {
    const e = faceEntries[key];
    if (!e)
      return fail(
        'font-role-missing',
        `font face ${key} is not defined`,
        { file: mapFile },
        `add \`${key}\` under faces: in fonts.yaml`,
      );
    return e;
  };
  /** The chain of a role as [key, entry] pairs (its own faces, then the fallbacks not already in it). */
  const chainOf = (role: string): Array<[string, FaceEntry]> => {
    const r = roles[role];
    if (r === undefined)
      return fail(
        'font-role-missing',
        `font role ${role} is not defined`,
        { file: mapFile },
        `add a \`${role}\` entry under roles: in fonts.yaml`,
      );
    const own: Array<[string, FaceEntry]> =
      typeof r === 'string'
        ? [[r, entryOf(r)]]
        : Array.isArray(r)
          ? r.map((k) => [k, entryOf(k)] as [string, FaceEntry])
          : [[role, r]];
    const keys = new Set(own.map(([k]) => k));
    return [...own, ...fallback.filter((k) => !keys.has(k)).map((k) => [k, entryOf(k)] as [string, FaceEntry])];
  };
  const openEntry = (key: string, entry: FaceEntry): Face => {
    const { file, problem } = resolveEntry(entry, fontsDir);
    if (problem) return fail('font-missing', problem, { file: mapFile }, installHint(entry));
    let face = files.get(file);
    if (!face) {
      face = new FontkitFace(key, file, openFont(file, entry));
      files.set(file, face);
    }
    return face;
  };
  const book: FontBook = {
    face(role: FontRole): Face {
      let face = chains.get(role);
      if (!face) {
        const members = chainOf(role).map(([k, e]) => openEntry(k, e));
        face = members.length === 1 ? members[0]! : new ChainFace(members);
        chains.set(role, face);
      }
      return face;
    },
    parsed(file: string): unknown {
      return openFont(path.resolve(file));
    },
    open(file: string): Face {
      const abs = path.resolve(file);
      let face = files.get(abs);
      if (!face) {
        face = new FontkitFace(path.basename(abs), abs, openFont(abs));
        files.set(abs, face);
      }
      return face;
    },
    sources(): FontSource[] {
      const out = new Map<string, FontSource>();
      for (const role of FONT_ROLES) {
        if (roles[role] === undefined) continue;
        for (const [key, entry] of chainOf(role)) {
          const { file, problem } = resolveEntry(entry, fontsDir);
          let s = out.get(file);
          if (!s) {
            s = {
              key,
              roles: [],
              file,
              package: entry.package ?? null,
              debian: entry.debian ?? null,
              exists: problem === null && fs.existsSync(file),
              problem,
            };
            out.set(file, s);
          }
          s.roles.push(role);
        }
      }
      return [...out.values()];
    },
  };
  return book;
}

export { installHint as fontInstallHint };
