/**
 * Display list: the page as drawing operations, in pt, origin top-left, y down. Produced by paint/, consumed by
 * pdf/ (and nothing else needs to know about layout). No PDF syntax here.
 */
import type { Cmyk } from '../core/units.js';

export interface GlyphOp {
  kind: 'glyphs';
  /** Absolute path of the font file. */
  font: string;
  /** PostScript name, for the PDF BaseFont. */
  fontName: string;
  size: number;
  /** Baseline of the run. */
  x: number;
  y: number;
  fill: Cmyk;
  glyphs: { gid: number; dx: number; dy: number; text: string; advance: number }[];
  /** The run's text in reading order (for tests and accessibility). */
  text: string;
}

export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Cmyk;
  stroke?: Cmyk;
  lineWidth?: number;
}

export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: Cmyk;
  lineWidth: number;
  dash?: [number, number];
}

export interface ImageOp {
  kind: 'image';
  /** Source image file; pdf/ converts it to CMYK for print. */
  src: string;
  /** Frame on the page. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Fit: `cover` crops to fill the frame, centred. */
  fit: 'cover' | 'contain';
  /** The item the image belongs to (photo or ad id), for diagnostics. */
  item?: string;
}

export type DisplayOp = GlyphOp | RectOp | LineOp | ImageOp;

export interface DisplayPage {
  /** Page number in the edition (版次). */
  number: number;
  /** Media size in pt (= trim plus bleed on each side). */
  width: number;
  height: number;
  /** Trim box within the media box, pt, origin top-left. */
  trim: { x: number; y: number; w: number; h: number };
  bleed: number;
  ops: DisplayOp[];
}

export interface DisplayDocument {
  title: string;
  /** ISO date of the edition; used for the PDF dates so output is deterministic. */
  date: string;
  pages: DisplayPage[];
}
