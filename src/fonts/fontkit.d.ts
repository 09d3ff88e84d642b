// Minimal typings for the parts of fontkit 2 that banmian uses (fontkit ships no types).
declare module 'fontkit' {
  export interface BBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    bbox: BBox;
    name?: string;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    availableFeatures: string[];
    hasGlyphForCodePoint(cp: number): boolean;
    glyphForCodePoint(cp: number): Glyph;
    getGlyph(gid: number, codePoints?: number[]): Glyph;
    layout(
      text: string,
      features?: string[] | Record<string, boolean>,
      script?: string,
      language?: string,
      direction?: string,
    ): GlyphRun;
  }
  export function openSync(path: string, postscriptName?: string): Font;
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
  const fontkit: { openSync: typeof openSync; create: typeof create };
  export default fontkit;
}
