/**
 * Pixels of images in a PDF, for the preflight: decode a DCT (JPEG) or Flate image of 8 bits per component in
 * DeviceCMYK or DeviceGray and measure its total ink, as the 99.9th percentile over its pixels (so a few ringing
 * pixels of JPEG compression do not count, as in a RIP's TAC report) and the largest value.
 */
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';

export interface ImageInk {
  /** Total ink at the 99.9th percentile of the pixels, %. */
  p999: number;
  max: number;
}

export interface RawImage {
  width: number;
  height: number;
  bpc: number;
  /** DeviceCMYK or DeviceGray (other spaces are not measured). */
  space: string;
  /** Filters in order (after the abbreviations of inline images are expanded). */
  filters: string[];
  /** Decode array, if any. */
  decode: number[] | null;
  data: Uint8Array;
}

/** Ink of an image, or null when its encoding or colour space is not measured here. */
export async function imageInk(img: RawImage): Promise<ImageInk | null> {
  if (img.bpc !== 8 || (img.space !== 'DeviceCMYK' && img.space !== 'DeviceGray')) return null;
  const comps = img.space === 'DeviceCMYK' ? 4 : 1;
  let px: Uint8Array;
  if (img.filters.length === 1 && img.filters[0] === 'DCTDecode') {
    const s = sharp(Buffer.from(img.data), { failOn: 'none' });
    px =
      comps === 4
        ? await s.pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer()
        : await s.toColourspace('b-w').raw().toBuffer();
    // sharp gives CMYK ink values (Adobe inversion undone) and grey lightness values
    if (comps === 1) px = px.map((v) => 255 - v);
  } else if (img.filters.every((f) => f === 'FlateDecode')) {
    let d: Uint8Array = img.data;
    try {
      for (let i = 0; i < img.filters.length; i++) d = inflateSync(d);
    } catch {
      return null;
    }
    // PDF samples: CMYK are ink, grey is lightness
    px = comps === 1 ? d.map((v) => 255 - v) : d;
  } else return null;
  const inverted = img.decode !== null && img.decode[0] === 1 && img.decode[1] === 0;
  const dctAdobe = img.filters[0] === 'DCTDecode' && comps === 4;
  // A Decode of [1 0 …] inverts raw samples; for Adobe CMYK JPEGs sharp has already inverted them once.
  const flip = inverted !== dctAdobe;
  const n = Math.min(img.width * img.height, Math.floor(px.length / comps));
  if (n === 0) return null;
  const hist = new Uint32Array(255 * 4 + 1);
  let max = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < comps; k++) {
      const v = px[i * comps + k]!;
      sum += flip ? 255 - v : v;
    }
    hist[sum]!++;
    if (sum > max) max = sum;
  }
  let seen = 0;
  let p = 0;
  const target = n * 0.999;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v]!;
    if (seen >= target) {
      p = v;
      break;
    }
  }
  return { p999: (p * 100) / 255, max: (max * 100) / 255 };
}
