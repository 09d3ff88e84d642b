/** The fonts stage's types: roles, faces, shaped glyphs. */
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
  /**
   * The face that has this glyph, when the face shaping was a chain (a role's face and its fallbacks): the glyph
   * is drawn from this face, not from the chain's first.
   */
  face?: Face;
  /** No face of the chain has the character: the glyph is the missing-character marker 〓 (never .notdef). */
  missing?: boolean;
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
  /** Advance of a glyph in em. */
  advanceOf(gid: number): number;
  /** The faces characters are taken from, in order (this face alone unless it is a chain with fallbacks). */
  readonly chain?: readonly Face[];
}
