/**
 * Image dimensions as displayed, read from the file header at ingest (layout reads no files): JPEG SOF and the
 * EXIF orientation tag (APP1, TIFF IFD0 tag 0x0112), PNG IHDR. Orientations 5–8 rotate by 90° (EXIF 2.32
 * §4.6.4 "Orientation"), so the displayed width and height swap.
 */
import fs from 'node:fs';
import type { ImageSize } from '../model/edition.js';

/** Displayed pixel size of an image file, or null when its header cannot be read. */
export function readImageSize(file: string): ImageSize | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  return imageSizeOf(buf);
}

/** Displayed pixel size of image bytes (PNG or JPEG), or null. */
export function imageSizeOf(buf: Buffer): ImageSize | null {
  if (buf.length > 24 && buf.readUInt32BE(0) === 0x89504e47) {
    const w = buf.readUInt32BE(16);
    const h = buf.readUInt32BE(20);
    return w > 0 && h > 0 ? { width: w, height: h, orientation: 1 } : null;
  }
  if (!(buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8)) return null;
  let orientation = 1;
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = buf[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = buf.readUInt16BE(i + 2);
    if (marker === 0xe1) orientation = exifOrientation(buf, i + 4, len - 2) ?? orientation;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const h = buf.readUInt16BE(i + 5);
      const w = buf.readUInt16BE(i + 7);
      if (!(w > 0 && h > 0)) return null;
      const swap = orientation >= 5 && orientation <= 8;
      return { width: swap ? h : w, height: swap ? w : h, orientation };
    }
    i += 2 + len;
  }
  return null;
}

/** The orientation tag of an APP1 segment's payload at `start`, or null when it is not EXIF or has none. */
function exifOrientation(buf: Buffer, start: number, len: number): number | null {
  const end = Math.min(buf.length, start + len);
  if (end - start < 14 || buf.toString('latin1', start, start + 6) !== 'Exif\0\0') return null;
  const tiff = start + 6;
  const order = buf.toString('latin1', tiff, tiff + 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (o: number): number => (o + 2 <= end ? (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o)) : 0);
  const u32 = (o: number): number => (o + 4 <= end ? (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o)) : 0);
  const ifd = tiff + u32(tiff + 4);
  const n = u16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + 12 * k;
    if (e + 12 > end) break;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}
