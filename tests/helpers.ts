/** Small helpers shared by the test files. */
import { expect } from 'vitest';
import { DiagnosticError } from '../src/diag/index.js';

/** Run `f`, expecting it to throw a DiagnosticError (bad input, reported with a location and a hint); return it. */
export function thrown(f: () => unknown): DiagnosticError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DiagnosticError);
    return e as DiagnosticError;
  }
  throw new Error('expected a DiagnosticError');
}

let gbTable: Map<string, number[]> | null = null;
/**
 * Encode text as GB18030 (Node has no encoder): ASCII as is, every other character by its two-byte GBK code,
 * found by decoding all two-byte sequences once. Enough for test copy (common Han and CJK punctuation).
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.from([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const code = gbTable.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...code);
    }
  }
  return Buffer.from(out);
}

/** UTF-16 with a byte-order mark, little- or big-endian. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return endian === 'le' ? le : Buffer.from(le.swap16());
}
