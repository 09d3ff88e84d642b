/** Page rasters for the live view (preview/raster.ts, preview/png.ts): the trim box at any resolution, as PNG. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../src/pipeline/index.js';
import { PageRaster, encodePng } from '../src/preview/index.js';

interface Png {
  width: number;
  height: number;
  colourType: number;
  rows: Buffer[];
}

/** Read a PNG written with filter type 0 (ours), checking every chunk's CRC. */
function readPng(png: Buffer): Png {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let off = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.subarray(off + 4, off + 8).toString('latin1');
    const data = png.subarray(off + 8, off + 8 + len);
    expect(png.readUInt32BE(off + 8 + len), `${type} CRC`).toBe(zlib.crc32(png.subarray(off + 4, off + 8 + len)) >>> 0);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const width = ihdr!.readUInt32BE(0);
  const height = ihdr!.readUInt32BE(4);
  const channels = ihdr![9] === 2 ? 3 : ihdr![9] === 6 ? 4 : 1;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels + 1;
  expect(raw.length).toBe(stride * height);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    rows.push(raw.subarray(y * stride + 1, (y + 1) * stride));
  }
  return { width, height, colourType: ihdr![9]!, rows };
}

describe('encodePng', () => {
  it('writes the pixels it is given, rows at any stride', async () => {
    // 3 × 2 RGB with a padded stride of 10 bytes
    const px = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
    const png = readPng(await encodePng(px, 3, 2, 3, 10));
    expect([png.width, png.height, png.colourType]).toEqual([3, 2, 2]);
    expect([...png.rows[0]!]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    expect([...png.rows[1]!]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('PageRaster', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-raster-'));
    await buildEdition(path.resolve(__dirname, '..', 'seeds', 'edition.yaml'), {
      outDir: out,
      standard: 'x1a',
      previewDpi: 0,
    });
    pdf = fs.readFileSync(path.join(out, 'page-01.pdf'));
  });

  it('renders a region of the page at a resolution: its size in pixels is the region at that dpi', async () => {
    const r = new PageRaster(pdf, 0, { x: 100, y: 200, w: 360, h: 144 });
    try {
      expect(r.size(72)).toEqual({ width: 360, height: 144 });
      const png = readPng(await r.png(36));
      expect([png.width, png.height]).toEqual([180, 72]);
    } finally {
      r.destroy();
    }
  });

  it('the whole page: white margins, ink in the type area', async () => {
    const r = new PageRaster(pdf, 0);
    try {
      const png = readPng(await r.png(20));
      const at = (x: number, y: number) => [...png.rows[y]!.subarray(x * 3, x * 3 + 3)];
      expect(at(1, 1)).toEqual([255, 255, 255]);
      const inked = png.rows.filter((row) => row.some((v) => v < 200)).length;
      expect(inked).toBeGreaterThan(png.height / 2);
    } finally {
      r.destroy();
    }
  });

  it('refuses a page the PDF does not have', () => {
    expect(() => new PageRaster(pdf, 3)).toThrow(RangeError);
  });
});
