/**
 * Flow a plain text (one paragraph per non-empty line) into columns, column to column and page to page, with
 * every baseline on the pitch grid. Used by `banmian compose` for composition tests and comparisons. Lives
 * above text/ and paint/ so that neither stage imports the other.
 */
import type { Face } from '../fonts/index.js';
import { BLACK } from '../core/units.js';
import type { DisplayDocument, DisplayPage } from '../paint/display.js';
import { lineToGlyphOps } from '../paint/glyphs.js';
import { BODY_SETTINGS, breakLines, collectStats, prepareParagraph } from '../text/index.js';
import type { ComposedLine, CompositionStats, ParagraphSettings } from '../text/types.js';

export interface FlowOptions {
  size: number;
  pitch: number;
  measureEm: number;
  columns: number;
  gutterEm: number;
  pageWidth: number;
  pageHeight: number;
  margin: number;
  indentEm: number;
  face: Face;
  /** Optional overrides (defaults: BODY_SETTINGS). */
  settings?: Partial<ParagraphSettings>;
  title?: string;
  /** ISO date for the PDF metadata (deterministic output). */
  date?: string;
}

export interface FlowLine {
  paragraph: number;
  line: number;
  text: string;
  natural: number;
  width: number;
}

/** First baseline below the top of the text area, as a fraction of the size (≈ the ideographic em-box top). */
export const FIRST_BASELINE = 0.88;

export function composeTextDocument(
  text: string,
  opts: FlowOptions,
): { doc: DisplayDocument; lines: FlowLine[]; stats: CompositionStats } {
  const { size, pitch, margin, face } = opts;
  const measure = opts.measureEm * size;
  const gutter = opts.gutterEm * size;
  const settings: ParagraphSettings = { ...BODY_SETTINGS, ...opts.settings, indent: opts.indentEm };
  const paragraphs = text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const composed: ComposedLine[][] = paragraphs.map((t) =>
    breakLines(prepareParagraph([{ text: t, style: { face, size } }], settings), measure),
  );

  const firstBaseline = margin + FIRST_BASELINE * size;
  const lastAllowed = opts.pageHeight - margin - (1 - FIRST_BASELINE) * size;
  const rows = Math.max(1, Math.floor((lastAllowed - firstBaseline) / pitch + 1e-9) + 1);
  const columns = Math.max(
    1,
    Math.min(opts.columns, Math.floor((opts.pageWidth - 2 * margin + gutter) / (measure + gutter)) || 1),
  );

  const pages: DisplayPage[] = [];
  const newPage = (): DisplayPage => {
    const pg: DisplayPage = {
      number: pages.length + 1,
      width: opts.pageWidth,
      height: opts.pageHeight,
      trim: { x: 0, y: 0, w: opts.pageWidth, h: opts.pageHeight },
      bleed: 0,
      ops: [],
    };
    pages.push(pg);
    return pg;
  };
  let page = newPage();
  let col = 0;
  let row = 0;
  const lines: FlowLine[] = [];
  composed.forEach((para, pi) => {
    para.forEach((line, li) => {
      if (row >= rows) {
        row = 0;
        col++;
        if (col >= columns) {
          col = 0;
          page = newPage();
        }
      }
      const x = margin + col * (measure + gutter);
      const y = firstBaseline + row * pitch;
      page.ops.push(...lineToGlyphOps(line, x, y, BLACK));
      lines.push({ paragraph: pi, line: li, text: line.text, natural: line.natural, width: line.width });
      row++;
    });
  });
  const doc: DisplayDocument = { title: opts.title ?? 'banmian compose', date: opts.date ?? '2024-07-02', pages };
  return { doc, lines, stats: collectStats(composed) };
}
