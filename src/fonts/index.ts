/**
 * Fonts: the only module that imports fontkit. Loads the role map (fonts/fonts.yaml), opens each font once,
 * and offers shaping and metrics in em units (1 em = the font size).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import YAML from 'yaml';
import { fail } from '../diag/index.js';

export type FontRole =
  | 'body'
  | 'headline'
  | 'headline-bold'
  | 'headline-sans'
  | 'kicker'
  | 'byline'
  | 'caption'
  | 'commentary';
export const FONT_ROLES: readonly FontRole[] = [
  'body',
  'headline',
  'headline-bold',
  'headline-sans',
  'kicker',
  'byline',
  'caption',
  'commentary',
];

/** One shaped glyph. Lengths in em. `start`/`end` are UTF-16 offsets of the characters it stands for. */
export interface ShapedGlyph {
  gid: number;
  advance: number;
  xOffset: number;
  yOffset: number;
  start: number;
  end: number;
}

export interface InkBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Face {
  /** Stable key, e.g. the role or the file name. */
  readonly id: string;
  /** Absolute path of the font file (the PDF writer embeds it from here). */
  readonly file: string;
  readonly postscriptName: string;
  /** Ascender / descender in em (descender negative). */
  readonly ascent: number;
  readonly descent: number;
  readonly features: readonly string[];
  hasChar(cp: number): boolean;
  /** Shape a run. Script `hani`, language `ZHS` unless given. Features are OpenType tags to switch on/off. */
  shape(text: string, features?: Record<string, boolean>, script?: string): ShapedGlyph[];
  /** Nominal glyph and advance of a code point (no shaping). */
  glyphFor(cp: number): { gid: number; advance: number };
  /** Ink box of a glyph in em. */
  ink(gid: number): InkBox;
  /** Unicode code points the font's cmap maps to this glyph (for ToUnicode of shared glyphs). */
  advanceOf(gid: number): number;
}

class FontkitFace implements Face {
  readonly postscriptName: string;
  readonly ascent: number;
  readonly descent: number;
  readonly features: readonly string[];
  private readonly upm: number;
  private readonly inkCache = new Map<number, InkBox>();
  private readonly shapeCache = new Map<string, ShapedGlyph[]>();

  constructor(
    readonly id: string,
    readonly file: string,
    private readonly font: fontkit.Font,
  ) {
    this.upm = font.unitsPerEm;
    this.postscriptName = font.postscriptName;
    this.ascent = font.ascent / this.upm;
    this.descent = font.descent / this.upm;
    this.features = font.availableFeatures;
  }

  hasChar(cp: number): boolean {
    return this.font.hasGlyphForCodePoint(cp);
  }

  glyphFor(cp: number): { gid: number; advance: number } {
    const g = this.font.glyphForCodePoint(cp);
    return { gid: g.id, advance: g.advanceWidth / this.upm };
  }

  advanceOf(gid: number): number {
    return this.font.getGlyph(gid).advanceWidth / this.upm;
  }

  ink(gid: number): InkBox {
    let box = this.inkCache.get(gid);
    if (!box) {
      const b = this.font.getGlyph(gid).bbox;
      const u = this.upm;
      box = Number.isFinite(b.minX)
        ? { xMin: b.minX / u, xMax: b.maxX / u, yMin: b.minY / u, yMax: b.maxY / u }
        : { xMin: 0, xMax: 0, yMin: 0, yMax: 0 };
      this.inkCache.set(gid, box);
    }
    return box;
  }

  private unshaped(text: string, key: string): ShapedGlyph[] {
    const out: ShapedGlyph[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const g = this.glyphFor(cp);
      out.push({ gid: g.gid, advance: g.advance, xOffset: 0, yOffset: 0, start: i, end: i + len });
      i += len;
    }
    this.shapeCache.set(key, out);
    return out;
  }

  shape(text: string, features: Record<string, boolean> = {}, script = 'hani'): ShapedGlyph[] {
    const key = `${script}|${JSON.stringify(features)}|${text}`;
    const hit = this.shapeCache.get(key);
    if (hit) return hit;
    const run = this.font.layout(text, features, script, script === 'hani' ? 'ZHS' : undefined);
    const out: ShapedGlyph[] = [];
    // fontkit keeps logical order for LTR runs; each glyph's codePoints tell how many characters it covers.
    let offset = 0;
    run.glyphs.forEach((g, i) => {
      const p = run.positions[i]!;
      const len = g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
      out.push({
        gid: g.id,
        advance: p.xAdvance / this.upm,
        xOffset: p.xOffset / this.upm,
        yOffset: p.yOffset / this.upm,
        start: offset,
        end: offset + len,
      });
      offset += len;
    });
    // The clusters must tile the text exactly; if the shaper's record does not add up, set the run glyph by glyph
    // (no ligatures) rather than let the glyphs drift against their characters.
    if (offset !== text.length) return this.unshaped(text, key);
    if (this.shapeCache.size > 20000) this.shapeCache.clear();
    this.shapeCache.set(key, out);
    return out;
  }
}

export interface FontBook {
  face(role: FontRole): Face;
  /** Open an arbitrary font file (for `banmian compose --font`). */
  open(file: string): Face;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project root: dist/fonts or src/fonts → two levels up. */
export const PROJECT_ROOT = path.resolve(here, '..', '..');

interface RoleEntry {
  package?: string;
  file: string;
}

/** Resolve a role entry to an absolute font path (npm package directory + file, or a path relative to fonts/). */
function resolveEntry(entry: RoleEntry, fontsDir: string): string {
  if (entry.package) {
    const req = createRequire(path.join(PROJECT_ROOT, 'package.json'));
    let pkgDir: string;
    try {
      pkgDir = path.dirname(req.resolve(`${entry.package}/package.json`));
    } catch {
      return fail(
        'font-missing',
        `font package ${entry.package} is not installed`,
        { file: path.join(fontsDir, 'fonts.yaml') },
        'run `npm install` in the banmian directory',
      );
    }
    return path.join(pkgDir, entry.file);
  }
  return path.resolve(fontsDir, entry.file);
}

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
function openFont(file: string): fontkit.Font {
  let f = opened.get(file);
  if (!f) {
    if (!fs.existsSync(file))
      fail(
        'font-missing',
        `font file ${file} does not exist`,
        { file },
        'run `npm install`, or fix the path in fonts/fonts.yaml',
      );
    f = exactCodePoints(fontkit.openSync(file));
    opened.set(file, f);
  }
  return f;
}

/** Load the role map from `fontsDir/fonts.yaml` (default: the project's fonts/). Fonts are opened lazily and shared. */
export function loadFontBook(fontsDir = path.join(PROJECT_ROOT, 'fonts')): FontBook {
  const mapFile = path.join(fontsDir, 'fonts.yaml');
  const doc = YAML.parse(fs.readFileSync(mapFile, 'utf8')) as { roles?: Record<string, RoleEntry> };
  const roles = doc.roles ?? {};
  const faces = new Map<string, Face>();
  const book: FontBook = {
    face(role: FontRole): Face {
      let face = faces.get(role);
      if (!face) {
        const entry = roles[role];
        if (!entry)
          return fail(
            'font-role-missing',
            `font role ${role} is not defined`,
            { file: mapFile },
            `add a \`${role}\` entry under roles: in fonts.yaml`,
          );
        const file = resolveEntry(entry, fontsDir);
        face = new FontkitFace(role, file, openFont(file));
        faces.set(role, face);
      }
      return face;
    },
    open(file: string): Face {
      const abs = path.resolve(file);
      let face = faces.get(abs);
      if (!face) {
        face = new FontkitFace(path.basename(abs), abs, openFont(abs));
        faces.set(abs, face);
      }
      return face;
    },
  };
  return book;
}
