/**
 * The view state: everything the browser view draws, sent whole on every change (server-sent events). The
 * build report of the last good build, where each of its diagnostics sits on the pages, each page's images
 * by version (a URL changes only when its page was built again), and the error of a failed rebuild.
 */
import type { Diagnostic } from '../diag/index.js';
import type { BuildReport, Place } from '../pipeline/index.js';

/** Resolutions of the view: the page image at screen size, and the one loaded when zoomed in. */
export const VIEW_DPI = 96;
/** 200 dpi: 9 pt body text is 25 px to the em, sharp at 300 % zoom on an ordinary screen. */
export const ZOOM_DPI = 200;

export interface ViewPage {
  number: number;
  /** The build in which this page last changed. */
  version: number;
  /** Page image at VIEW_DPI (the trim box), and its size in px. */
  image: string;
  width: number;
  height: number;
  /** The same at ZOOM_DPI, rendered when first asked for. */
  zoomImage: string;
  /** The print PDF of the page, under the shop's file name (`PHRB-20240703-A01.pdf`). */
  pdf: string;
  /** The image shows proof marks (the print PDF does not carry them). */
  proof: boolean;
  /** Preflight of the print PDF has run (it runs after the page is shown). */
  checked: boolean;
}

export interface ViewState {
  /** Counts every change of the state. */
  seq: number;
  status: 'building' | 'ready' | 'failed';
  edition: string;
  /** The last good build; null before the first one succeeded. */
  report: BuildReport | null;
  /** Where each diagnostic of `report` sits, in the same order. */
  places: Place[];
  pages: ViewPage[];
  dpi: { view: number; zoom: number };
  /** The latest rebuild failed: its diagnostics (the pages shown are the last good ones). */
  error: { diagnostics: Diagnostic[] } | null;
  /**
   * The latest good build: its wall time, the CPU time the server spent on it (all threads; on a busy machine
   * the wall time grows, this does not), and the pages it laid out again.
   */
  build: { ms: number; cpuMs: number; rebuilt: number[] } | null;
  editionPdf: string;
}

/** URLs the view uses (the server routes them). */
export const urls = {
  out: (name: string, version?: number): string => `/out/${name}${version === undefined ? '' : `?v=${version}`}`,
  zoom: (page: number, version: number): string => `/zoom/${page}.png?v=${version}`,
};
