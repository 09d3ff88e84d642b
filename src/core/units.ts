/** Units and small geometry shared by every stage. All lengths inside the engine are PostScript points. */

/** 1 pt = 1/72 in = 0.352777… mm. */
export const MM_PER_PT = 25.4 / 72;
export const mmToPt = (mm: number): number => mm / MM_PER_PT;
export const ptToMm = (pt: number): number => pt * MM_PER_PT;

/** An axis-aligned rectangle in points, origin top-left of the page, y growing downwards. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** CMYK colour, each channel 0–100 (percent of ink). */
export type Cmyk = readonly [number, number, number, number];
export const BLACK: Cmyk = [0, 0, 0, 100];
export const WHITE: Cmyk = [0, 0, 0, 0];

/** Round to 1/1000 pt: every number written to output goes through this, for deterministic bytes. */
export const r3 = (v: number): number => Math.round(v * 1000) / 1000;
