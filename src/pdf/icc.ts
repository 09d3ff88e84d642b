/**
 * Reading ICC profiles (ICC.1:2004-10 / ICC.1:2010): the header, text tags, and the AToB lookup tables of
 * lut8Type and lut16Type (§10.8, §10.9), enough to tell what output condition a profile describes and to
 * evaluate how light a K-only tint prints on it (the tone curve of greyscale photos, which print from the black
 * plate alone).
 */

export interface IccProfile {
  bytes: Buffer;
  /** Device class: `prtr` (output), `mntr`, `scnr`, `spac`, `link`, … */
  deviceClass: string;
  /** Data colour space, e.g. `CMYK`, `RGB `, `GRAY`. */
  colourSpace: string;
  /** Profile connection space: `Lab ` or `XYZ `. */
  pcs: string;
  version: string;
  /** profileDescriptionTag text. */
  description: string;
  /** charTargetTag text (`ICCHDAT CGATS TR 002` for profiles made from registered data), or null. */
  charTarget: string | null;
  copyright: string | null;
  tags: Map<string, { offset: number; size: number }>;
}

/** Parse a profile's header and tag table; throws on anything that is not an ICC profile. */
export function parseIcc(bytes: Buffer): IccProfile {
  if (bytes.length < 132 || bytes.toString('latin1', 36, 40) !== 'acsp')
    throw new Error('not an ICC profile (no acsp signature)');
  const count = bytes.readUInt32BE(128);
  if (132 + 12 * count > bytes.length) throw new Error('ICC tag table runs past the end of the file');
  const tags = new Map<string, { offset: number; size: number }>();
  for (let i = 0; i < count; i++) {
    const at = 132 + 12 * i;
    const offset = bytes.readUInt32BE(at + 4);
    const size = bytes.readUInt32BE(at + 8);
    if (offset + size > bytes.length) throw new Error('ICC tag data runs past the end of the file');
    tags.set(bytes.toString('latin1', at, at + 4), { offset, size });
  }
  const p: IccProfile = {
    bytes,
    deviceClass: bytes.toString('latin1', 12, 16),
    colourSpace: bytes.toString('latin1', 16, 20),
    pcs: bytes.toString('latin1', 20, 24),
    version: `${bytes[8]}.${(bytes[9] ?? 0) >> 4}`,
    description: '',
    charTarget: null,
    copyright: null,
    tags,
  };
  p.description = tagText(p, 'desc') ?? '';
  p.charTarget = tagText(p, 'targ');
  p.copyright = tagText(p, 'cprt');
  return p;
}

/** The text of a `text`, `desc` (v2 textDescriptionType) or `mluc` (v4) tag. */
export function tagText(p: IccProfile, sig: string): string | null {
  const t = p.tags.get(sig);
  if (!t) return null;
  const b = p.bytes.subarray(t.offset, t.offset + t.size);
  const type = b.toString('latin1', 0, 4);
  const clean = (s: string): string => s.replace(/\0+$/, '').trim();
  if (type === 'text') return clean(b.toString('latin1', 8));
  if (type === 'desc') {
    const n = b.readUInt32BE(8);
    return clean(b.toString('latin1', 12, 12 + Math.max(0, n - 1)));
  }
  if (type === 'mluc' && b.length >= 28) {
    const len = b.readUInt32BE(20);
    const off = b.readUInt32BE(24);
    const u = b.subarray(off, off + len);
    let s = '';
    for (let i = 0; i + 1 < u.length; i += 2) s += String.fromCharCode(u.readUInt16BE(i));
    return clean(s);
  }
  return null;
}

/** A lut8/lut16 transform from device values (0–1) to PCS values (0–1 encoded). */
export interface Lut {
  inputs: number;
  outputs: number;
  evaluate(input: readonly number[]): number[];
}

/** The AToB table of a rendering intent (`A2B1` relative colorimetric by default), or null if it is not lut8/16. */
export function aToB(p: IccProfile, tag = 'A2B1'): Lut | null {
  const t = p.tags.get(tag) ?? p.tags.get('A2B0');
  if (!t) return null;
  const b = p.bytes.subarray(t.offset, t.offset + t.size);
  const type = b.toString('latin1', 0, 4);
  if (type !== 'mft1' && type !== 'mft2') return null;
  const wide = type === 'mft2';
  const inputs = b[8]!;
  const outputs = b[9]!;
  const grid = b[10]!;
  let at = 48;
  const read = (): number => {
    const v = wide ? b.readUInt16BE(at) / 65535 : b[at]! / 255;
    at += wide ? 2 : 1;
    return v;
  };
  const inN = wide ? b.readUInt16BE(48) : 256;
  const outN = wide ? b.readUInt16BE(50) : 256;
  if (wide) at = 52;
  const table = (n: number, channels: number): Float64Array[] =>
    Array.from({ length: channels }, () => Float64Array.from({ length: n }, read));
  const inCurves = table(inN, inputs);
  const clut = new Float64Array(grid ** inputs * outputs);
  for (let i = 0; i < clut.length; i++) clut[i] = read();
  const outCurves = table(outN, outputs);
  const curve = (c: Float64Array, v: number): number => {
    const x = Math.min(1, Math.max(0, v)) * (c.length - 1);
    const i = Math.min(c.length - 2, Math.floor(x));
    return c[i]! + (c[i + 1]! - c[i]!) * (x - i);
  };
  return {
    inputs,
    outputs,
    evaluate(input) {
      const pos = input.map((v, i) => curve(inCurves[i]!, v) * (grid - 1));
      const base = pos.map((x) => Math.min(grid - 2, Math.floor(x)));
      const frac = pos.map((x, i) => x - base[i]!);
      const out = new Array<number>(outputs).fill(0);
      // multilinear interpolation over the 2^inputs corners of the cell
      for (let corner = 0; corner < 1 << inputs; corner++) {
        let w = 1;
        let index = 0;
        for (let d = 0; d < inputs; d++) {
          const bit = (corner >> (inputs - 1 - d)) & 1;
          w *= bit ? frac[d]! : 1 - frac[d]!;
          index = index * grid + base[d]! + bit;
        }
        if (w === 0) continue;
        for (let o = 0; o < outputs; o++) out[o]! += w * clut[index * outputs + o]!;
      }
      return out.map((v, o) => curve(outCurves[o]!, v));
    },
  };
}

/** CIE L* of a PCS value as lut8/16 encode it (legacy 16-bit Lab: L = v·65535/652.8; XYZ: Y = v·65535/32768). */
export function pcsLightness(p: IccProfile, pcs: readonly number[]): number {
  if (p.pcs === 'XYZ ') {
    const y = ((pcs[1] ?? 0) * 65535) / 32768;
    const f = y > 216 / 24389 ? Math.cbrt(y) : (24389 / 27 / 116) * y + 16 / 116;
    return 116 * f - 16;
  }
  return ((pcs[0] ?? 0) * 65535) / 652.8;
}

/**
 * L* (relative colorimetric: paper white = 100) of K-only tints 0, 1/(n-1) … 1 on a CMYK output profile, or null
 * when the profile has no lut8/16 AToB table to evaluate.
 */
export function kOnlyLightness(p: IccProfile, n = 256): Float64Array | null {
  if (p.colourSpace !== 'CMYK') return null;
  const lut = aToB(p);
  if (lut?.inputs !== 4) return null;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = pcsLightness(p, lut.evaluate([0, 0, 0, i / (n - 1)]));
  return out;
}
