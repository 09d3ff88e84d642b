/**
 * A role's face chain: the role's own face first, then its fallbacks (a face for rare characters such as the
 * CJK Extension B name characters 𠮷 𪚥 𠀀). Shaping splits the text into runs by the first face that has each
 * character, shapes each run with that face, and tags every glyph with the face it comes from, so the composer
 * measures and the PDF writer embeds the face that really has the glyph. A character no face has becomes the
 * missing-character marker 〓 (U+3013, the typesetter's 代字 for type not in the case), flagged `missing`:
 * never a .notdef box.
 */
import type { Face, InkBox, ShapedGlyph } from './types.js';

/** The marker set for a character no face of the chain has. */
export const MISSING_MARKER = 0x3013;

/**
 * Characters that stay in the face of the character before them: combining marks, variation selectors (the
 * ideographic variation sequences of name characters), zero-width joiners.
 */
const clings = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    /^\p{M}$/u.test(ch)
  );
};

export class ChainFace implements Face {
  readonly id: string;
  readonly file: string;
  readonly postscriptName: string;
  readonly ascent: number;
  readonly descent: number;
  readonly features: readonly string[];
  private readonly primary: Face;

  constructor(readonly chain: readonly Face[]) {
    const first = chain[0];
    if (!first) throw new Error('a face chain needs at least one face');
    this.primary = first;
    this.id = first.id;
    this.file = first.file;
    this.postscriptName = first.postscriptName;
    this.ascent = first.ascent;
    this.descent = first.descent;
    this.features = first.features;
  }

  /** The first face of the chain that has `cp`, or null. */
  faceFor(cp: number): Face | null {
    for (const f of this.chain) if (f.hasChar(cp)) return f;
    return null;
  }

  hasChar(cp: number): boolean {
    return this.faceFor(cp) !== null;
  }

  glyphFor(cp: number): { gid: number; advance: number } {
    return (this.faceFor(cp) ?? this.primary).glyphFor(cp);
  }

  ink(gid: number): InkBox {
    return this.primary.ink(gid);
  }

  advanceOf(gid: number): number {
    return this.primary.advanceOf(gid);
  }

  shape(text: string, features: Record<string, boolean> = {}, script?: string): ShapedGlyph[] {
    // Runs of characters by the face that has them (null: no face has it).
    const runs: Array<{ face: Face | null; start: number; end: number }> = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + len);
      const last = runs[runs.length - 1];
      const face = last && clings(ch) ? last.face : (this.faceFor(cp) ?? (/\s/.test(ch) ? this.primary : null));
      if (last && last.face === face && face !== null) last.end = i + len;
      else runs.push({ face, start: i, end: i + len });
      i += len;
    }
    if (runs.length === 1 && runs[0]!.face === this.primary) return this.primary.shape(text, features, script);
    const out: ShapedGlyph[] = [];
    for (const run of runs) {
      if (run.face === null) {
        const marker = this.faceFor(MISSING_MARKER);
        const g = marker ? marker.glyphFor(MISSING_MARKER) : { gid: 0, advance: 1 };
        out.push({
          gid: g.gid,
          advance: g.advance,
          xOffset: 0,
          yOffset: 0,
          start: run.start,
          end: run.end,
          ...(marker ? { face: marker } : {}),
          missing: true,
        });
        continue;
      }
      const face = run.face;
      for (const g of face.shape(text.slice(run.start, run.end), features, script))
        out.push({ ...g, start: g.start + run.start, end: g.end + run.start, face });
    }
    return out;
  }
}
