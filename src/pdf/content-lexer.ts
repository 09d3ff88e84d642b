/**
 * A lexer for PDF content streams (ISO 32000-1 §7.8.2, §8.9.7): operands and operators, with arrays nested,
 * dictionaries (marked-content properties) skipped, and inline images (BI … ID data EI) returned whole with their
 * parameters and data, so that the preflight can check them like image XObjects.
 */

export type Tok =
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'str' }
  | { t: 'arr'; v: Tok[] }
  | { t: 'dict' }
  | { t: 'op'; v: string }
  | { t: 'inline'; params: Map<string, Tok>; data: Uint8Array };

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isWs = (c: number | undefined): boolean => c === undefined || WS.has(c);

/** Full names of the abbreviations inline image parameters may use (ISO 32000-1 Table 93). */
export const INLINE_KEYS: Record<string, string> = {
  BPC: 'BitsPerComponent',
  CS: 'ColorSpace',
  D: 'Decode',
  DP: 'DecodeParms',
  F: 'Filter',
  H: 'Height',
  IM: 'ImageMask',
  I: 'Interpolate',
  W: 'Width',
};
/** Abbreviated colour space and filter names of inline images (Tables 93 and 94). */
export const INLINE_NAMES: Record<string, string> = {
  G: 'DeviceGray',
  RGB: 'DeviceRGB',
  CMYK: 'DeviceCMYK',
  I: 'Indexed',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  LZW: 'LZWDecode',
  Fl: 'FlateDecode',
  RL: 'RunLengthDecode',
  CCF: 'CCITTFaxDecode',
  DCT: 'DCTDecode',
};

/** Tokens of a content stream, operators included, in order. */
export function* lex(b: Uint8Array): Generator<Tok> {
  let i = 0;
  const n = b.length;
  const stack: Tok[][] = [];
  /** Open inline image: its parameters so far (between BI and ID). */
  let inline: Tok[] | null = null;
  const emit = function* (tok: Tok): Generator<Tok> {
    const top = stack[stack.length - 1];
    if (top) top.push(tok);
    else if (inline) inline.push(tok);
    else yield tok;
  };
  while (i < n) {
    const c = b[i]!;
    if (WS.has(c)) {
      i++;
    } else if (c === 37 /* % */) {
      while (i < n && b[i] !== 10 && b[i] !== 13) i++;
    } else if (c === 47 /* / */) {
      let j = i + 1;
      while (j < n && !WS.has(b[j]!) && !DELIM.has(b[j]!)) j++;
      yield* emit({ t: 'name', v: Buffer.from(b.subarray(i + 1, j)).toString('latin1') });
      i = j;
    } else if (c === 40 /* ( */) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        if (b[i] === 92) i += 2;
        else {
          if (b[i] === 40) depth++;
          else if (b[i] === 41) depth--;
          i++;
        }
      }
      yield* emit({ t: 'str' });
    } else if (c === 60 /* < */) {
      if (b[i + 1] === 60) {
        let depth = 0;
        while (i < n) {
          if (b[i] === 60 && b[i + 1] === 60) {
            depth++;
            i += 2;
          } else if (b[i] === 62 && b[i + 1] === 62) {
            depth--;
            i += 2;
            if (depth === 0) break;
          } else i++;
        }
        yield* emit({ t: 'dict' });
      } else {
        while (i < n && b[i] !== 62) i++;
        i++;
        yield* emit({ t: 'str' });
      }
    } else if (c === 91 /* [ */) {
      stack.push([]);
      i++;
    } else if (c === 93 /* ] */) {
      const arr = stack.pop() ?? [];
      i++;
      yield* emit({ t: 'arr', v: arr });
    } else {
      let j = i;
      while (j < n && !WS.has(b[j]!) && !DELIM.has(b[j]!)) j++;
      if (j === i) j++;
      const word = Buffer.from(b.subarray(i, j)).toString('latin1');
      i = j;
      const v = Number(word);
      if (word !== '' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(v)) yield* emit({ t: 'num', v });
      else if (word === 'true' || word === 'false' || word === 'null')
        yield* emit({ t: 'num', v: word === 'true' ? 1 : 0 });
      else if (word === 'BI' && !inline) inline = [];
      else if (word === 'ID' && inline) {
        const params = new Map<string, Tok>();
        for (let k = 0; k + 1 < inline.length; k += 2) {
          const key = inline[k]!;
          if (key.t === 'name') params.set(INLINE_KEYS[key.v] ?? key.v, inline[k + 1]!);
        }
        inline = null;
        // one white-space byte after ID, then data up to white space + EI + white space (or the end)
        const start = i + 1;
        let e = start;
        while (e < n - 1 && !(isWs(b[e - 1]) && b[e] === 69 && b[e + 1] === 73 && isWs(b[e + 2]))) e++;
        if (e >= n - 1) e = n;
        const dataEnd = Math.max(start, e - 1);
        yield { t: 'inline', params, data: b.subarray(start, dataEnd) };
        i = Math.min(n, e + 2);
      } else yield* emit({ t: 'op', v: word });
    }
  }
}
