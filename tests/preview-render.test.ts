import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { writePdf } from '../src/pdf/index.js';
import { extractText, renderPng } from '../src/preview/index.js';
import { doc, page, run } from './fixtures/pdf/docs.js';

describe('preview', () => {
  test('renderPng returns a PNG of the right pixel size', async () => {
    const pdf = await writePdf(doc([page([run('预览', 40, 60)]), page([run('第二页', 40, 60)], 2)]));
    for (const [dpi, w, h] of [
      [72, 578, 443],
      [144, 1156, 886],
    ] as const) {
      const png = await renderPng(pdf, 1, dpi);
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      const m = await sharp(png).metadata();
      expect([m.width, m.height]).toEqual([w, h]);
    }
    await expect(renderPng(pdf, 2, 72)).rejects.toThrow(/out of range/);
  });

  test('renders ink where the text is and paper elsewhere', async () => {
    const pdf = await writePdf(doc([page([run('黑字黑字黑字', 40, 60, 20)])]));
    const png = await renderPng(pdf, 0, 72);
    // sharp's stats() reads the input, not the pipeline output: materialise crops first.
    const region = async (left: number, top: number, width: number, height: number) =>
      sharp(await sharp(png).extract({ left, top, width, height }).toBuffer()).stats();
    const ink = await region(40, 42, 120, 20);
    const paper = await region(300, 300, 50, 50);
    expect(ink.channels[0]!.min).toBeLessThan(60);
    expect(paper.channels[0]!.min).toBe(255);
  });

  test('extractText gives lines in reading order with char boxes inside the page', async () => {
    const pdf = await writePdf(doc([page([run('第一行文字', 40, 60), run('第二行文字', 40, 80)])]));
    const [p] = await extractText(pdf);
    expect(p!.page).toBe(0);
    expect(p!.lines.map((l) => l.text)).toEqual(['第一行文字', '第二行文字']);
    for (const l of p!.lines)
      for (const c of l.chars) {
        expect(c.x0).toBeGreaterThanOrEqual(0);
        expect(c.x1).toBeLessThanOrEqual(578);
        expect(c.y1).toBeGreaterThan(c.y0);
        expect(c.oy).toBeGreaterThan(c.y0);
        expect(c.oy).toBeLessThanOrEqual(c.y1);
        expect(c.size).toBeCloseTo(10, 2);
      }
  });
});
