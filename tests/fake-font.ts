/**
 * A fake font for the composer's unit tests: fixed advances, a few marks with GB ink positions, no shaping (one glyph
 * per code point, no ligatures, no kerning). The text tests run on it as well as on the real Noto fonts, so that they
 * test the composer's rules rather than one font's metrics. Not embeddable: PDF tests use the real fonts.
 *
 * Metrics in em: Han, full-width forms, CJK punctuation, ① ★ ∶ and U+3000: 1; ⸺ 2, ⸻ 3; — … 1 each; Latin letters
 * and digits ½ (`i l 1 .` and the apostrophe with `pwid` ¼); space ¼; · ½; anything else ½. Ink: stops and
 * closers in the left half (0.1–0.4), openers in the right half (0.6–0.9), · centred, other glyphs 0.05 em inside
 * their box.
 */
import type { Face, InkBox, ShapedGlyph } from '../src/fonts/index.js';

const LEFT_INK = new Set(Array.from('，。、；：？！．”’）》〉」』】〕〗］｝'));
const RIGHT_INK = new Set(Array.from('“‘（《〈「『【〔〖［｛'));
const NARROW = new Set(Array.from("il1.,:;|!'’"));

function wide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0x2460 && cp <= 0x27bf) || // ① ★ ■ ❶
    cp === 0x2236 || // ∶
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x22ef ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019
  );
}

function advance(cp: number, pwid: boolean): number {
  const c = String.fromCodePoint(cp);
  if (cp === 0x2e3a) return 2;
  if (cp === 0x2e3b) return 3;
  if (c === '’' && pwid) return 0.25;
  if (c === ' ') return 0.25;
  if (c === '·') return 0.5;
  if (wide(cp)) return 1;
  return NARROW.has(c) ? 0.25 : 0.5;
}

export class FakeFace implements Face {
  readonly id = 'fake';
  readonly file = '';
  readonly postscriptName = 'FakeCJK-Regular';
  readonly ascent = 0.88;
  readonly descent = -0.12;
  readonly features: readonly string[] = ['pwid'];
  /** gid = code point; a gid ≥ 0x110000 stands for the `pwid` form of code point gid − 0x110000. */
  hasChar(): boolean {
    return true;
  }
  glyphFor(cp: number): { gid: number; advance: number } {
    return { gid: cp, advance: advance(cp, false) };
  }
  advanceOf(gid: number): number {
    return gid >= 0x110000 ? advance(gid - 0x110000, true) : advance(gid, false);
  }
  ink(gid: number): InkBox {
    const cp = gid >= 0x110000 ? gid - 0x110000 : gid;
    const c = String.fromCodePoint(cp);
    const adv = this.advanceOf(gid);
    if (c === ' ' || c === '\u3000') return { xMin: 0, xMax: 0, yMin: 0, yMax: 0 };
    if (LEFT_INK.has(c) && adv === 1) return { xMin: 0.1, xMax: 0.4, yMin: -0.1, yMax: 0.3 };
    if (RIGHT_INK.has(c) && adv === 1) return { xMin: 0.6, xMax: 0.9, yMin: 0.4, yMax: 0.8 };
    if (c === '·') return { xMin: 0.2, xMax: 0.3, yMin: 0.3, yMax: 0.4 };
    return { xMin: 0.05, xMax: adv - 0.05, yMin: -0.1, yMax: 0.8 };
  }
  shape(text: string, features: Record<string, boolean> = {}): ShapedGlyph[] {
    const out: ShapedGlyph[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const pwid = features.pwid === true && cp === 0x2019;
      out.push({
        gid: pwid ? cp + 0x110000 : cp,
        advance: advance(cp, pwid),
        xOffset: 0,
        yOffset: 0,
        start: i,
        end: i + len,
      });
      i += len;
    }
    return out;
  }
}

export const fakeFace = new FakeFace();
