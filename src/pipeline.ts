/**
 * The composition root: wires ingest → layout (which calls the composer) → paint → pdf, and owns the diagnostics
 * sink. Pure with respect to the file system except for the explicit `writeOutputs` step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Sink, type Diagnostic } from './diag/index.js';
import type { Edition } from './model/edition.js';
import { loadEdition } from './ingest/index.js';
import { loadFontBook, type FontBook } from './fonts/index.js';
import { loadTemplate, layoutPage } from './layout/index.js';
import type { PageLayout } from './layout/types.js';
import { paintPage } from './paint/page.js';
import type { DisplayDocument } from './paint/display.js';
import { writePdf, type ImageCache } from './pdf/index.js';
import { preflight } from './pdf/preflight.js';
import { renderPng } from './preview/index.js';
import { collectStats, type ComposedLine, type CompositionStats } from './text/index.js';

export type PdfStandard = 'x1a' | 'x4' | 'none';

export interface BuildOptions {
  outDir: string;
  standard: PdfStandard;
  /** Preview resolution in dpi; 0 = no PNG previews. */
  previewDpi: number;
}

export interface PageReport {
  number: number;
  pdf: string;
  png: string | null;
  items: number;
  preflight: { ok: boolean; failed: string[] };
}

export interface BuildReport {
  edition: string;
  paper: string;
  date: string;
  standard: PdfStandard;
  pages: PageReport[];
  editionPdf: string;
  /** `overset`: items whose text did not all fit; `heldOver`: items left off the page because they did not fit. */
  counts: { errors: number; warnings: number; overset: number; heldOver: number; missingImages: number };
  /** The composition report of the body text, per page: counts of each rule applied, loosest/tightest lines. */
  composition: Array<{ page: number; stats: CompositionStats }>;
  diagnostics: Diagnostic[];
}

/**
 * Read the composed lines of a laid-out page (read-only): the body's composition statistics, and a diagnostic
 * for every problem the composer recorded on a line (missing glyphs, forced kinsoku breaks, overfull or ragged
 * lines), located by page and item.
 */
export function compositionReport(layout: PageLayout, sink: Sink): CompositionStats {
  const paragraphs: ComposedLine[][] = [];
  const open = new Map<string, ComposedLine[]>();
  const missing = new Map<string, Set<string>>();
  const at = (item: string | null) => ({ page: layout.number, ...(item ? { item } : {}) });
  for (const block of layout.blocks) {
    if (block.kind !== 'text') continue;
    for (const { line, role } of block.lines) {
      for (const g of line.glyphs) {
        if (g.gid === 0 && g.text.trim()) {
          const key = block.item ?? '';
          if (!missing.has(key)) missing.set(key, new Set());
          missing.get(key)!.add(g.text);
        }
      }
      const n = line.notes;
      if (n?.ruleBroken)
        sink.warn(
          'kinsoku-forced',
          `a line break breaks a line-start/line-end rule because nothing else fitted: ${line.text}`,
          at(block.item),
          'widen the measure or edit the line so a legal break exists',
        );
      if (n && n.overfull > 0.5)
        sink.warn(
          'overfull-line',
          `a ${block.role} line is ${n.overfull.toFixed(1)} pt wider than its measure: ${line.text}`,
          at(block.item),
          'shorten the text or give the module more columns',
        );
      // the body text: lines of body column blocks, without the credits and marked lines set in other styles
      if (block.role !== 'body' || (role && role !== 'body')) continue;
      if (n?.notFlush && !line.last)
        sink.warn(
          'line-not-flush',
          `a body line could not be justified flush: ${line.text}`,
          at(block.item),
          'edit the line (a long unbreakable word or number) or widen the column',
        );
      const key = block.item ?? '';
      const cur = open.get(key) ?? [];
      cur.push(line);
      if (line.last) {
        paragraphs.push(cur);
        open.delete(key);
      } else open.set(key, cur);
    }
  }
  for (const [item, chars] of missing) {
    const list = [...chars]
      .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ');
    sink.warn(
      'missing-glyph',
      `the font has no glyph for ${list}; it prints as an empty box`,
      at(item || null),
      'replace the character, or map the role to a font that has it in fonts/fonts.yaml',
    );
  }
  return collectStats(paragraphs);
}

/** Lay out every page of an edition (no files written). */
export function layoutEdition(edition: Edition, sink: Sink, fonts: FontBook = loadFontBook()): PageLayout[] {
  // one template load per name: pages sharing a template share it (and its diagnostics are reported once)
  const templates = new Map<string, ReturnType<typeof loadTemplate>>();
  return edition.pages.map((page) => {
    let template = templates.get(page.layout);
    if (!template) {
      template = loadTemplate(page.layout);
      templates.set(page.layout, template);
    }
    return layoutPage(page, edition, template, fonts, sink);
  });
}

export function paintEdition(edition: Edition, layouts: PageLayout[]): DisplayDocument {
  return {
    title: `${edition.paper.name} ${edition.date}`,
    date: edition.date,
    pages: layouts.map((l) => paintPage(l)),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Write `bytes` to `file` atomically: a half-written output file never appears under its real name. */
export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** Build an edition file into `opts.outDir`: one PDF per page, the edition PDF, PNG previews, report.json, index.html. */
export async function buildEdition(editionFile: string, opts: BuildOptions, sink = new Sink()): Promise<BuildReport> {
  const edition = loadEdition(editionFile, sink);
  const layouts = layoutEdition(edition, sink);
  const composition = layouts.map((l) => ({ page: l.number, stats: compositionReport(l, sink) }));
  const doc = paintEdition(edition, layouts);

  // Render everything in memory first; files are written only once every page succeeded.
  const outputs: Array<[string, Uint8Array | string]> = [];
  const imageCache: ImageCache = new WeakMap();
  const pages: PageReport[] = [];
  for (const [i, page] of doc.pages.entries()) {
    const single: DisplayDocument = { ...doc, title: `${doc.title} 第${page.number}版`, pages: [page] };
    const pdf = await writePdf(single, { standard: opts.standard, sink, imageCache });
    const pdfName = `page-${pad(page.number)}.pdf`;
    outputs.push([pdfName, pdf]);
    let pngName: string | null = null;
    if (opts.previewDpi > 0) {
      pngName = `page-${pad(page.number)}.png`;
      outputs.push([pngName, await renderPng(pdf, 0, opts.previewDpi)]);
    }
    const pf = opts.standard === 'none' ? { ok: true, checks: [] } : await preflight(pdf);
    for (const c of pf.checks) {
      if (!c.ok)
        sink.error(
          'preflight',
          `preflight check ${c.id} failed: ${c.detail}`,
          { page: page.number },
          'report this as a banmian bug; the file will be rejected by the print shop',
        );
    }
    pages.push({
      number: page.number,
      pdf: pdfName,
      png: pngName,
      items: edition.pages[i]?.items.length ?? 0,
      preflight: { ok: pf.ok, failed: pf.checks.filter((c) => !c.ok).map((c) => c.id) },
    });
  }
  // The edition file holds the same pages: its problems were reported once already, page by page.
  const editionPdf = await writePdf(doc, { standard: opts.standard, sink: new Sink(), imageCache });
  outputs.push(['edition.pdf', editionPdf]);

  const diagnostics = sink.items;
  const report: BuildReport = {
    edition: path.basename(editionFile),
    paper: edition.paper.name,
    date: edition.date,
    standard: opts.standard,
    pages,
    editionPdf: 'edition.pdf',
    counts: {
      errors: sink.errors.length,
      warnings: sink.warnings.length,
      overset: diagnostics.filter((d) => d.code === 'overset').length,
      heldOver: diagnostics.filter((d) => d.code === 'held-over').length,
      missingImages: diagnostics.filter((d) => d.code === 'missing-image').length,
    },
    composition,
    diagnostics,
  };
  outputs.push(['report.json', `${JSON.stringify(report, null, 1)}\n`]);
  outputs.push(['index.html', previewHtml(report)]);
  for (const [name, bytes] of outputs) writeFileAtomic(path.join(opts.outDir, name), bytes);
  return report;
}

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A local browser view of the built pages and the build's diagnostics. */
export function previewHtml(report: BuildReport): string {
  const pages = report.pages
    .map(
      (p) =>
        `<figure><a href="${esc(p.pdf)}">${p.png ? `<img src="${esc(p.png)}" alt="第${p.number}版">` : `第${p.number}版 (PDF)`}</a><figcaption>第${p.number}版 · ${p.items} 稿件 · preflight ${p.preflight.ok ? '通过' : `未通过: ${esc(p.preflight.failed.join(', '))}`}</figcaption></figure>`,
    )
    .join('\n');
  const diags = report.diagnostics
    .map(
      (d) =>
        `<tr class="${d.severity}"><td>${d.severity}</td><td>${esc(d.code)}</td><td>${esc([d.at.file, d.at.line, d.at.page ? `p${d.at.page}` : '', d.at.item].filter(Boolean).join(' '))}</td><td>${esc(d.message)}</td><td>${esc(d.hint)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${esc(report.paper)} ${esc(report.date)}</title>
<style>body{font-family:sans-serif;margin:1em;background:#eee}figure{display:inline-block;margin:0 1em 1em 0;background:#fff;padding:.5em;box-shadow:0 1px 4px #999}
img{max-height:90vh;display:block}table{border-collapse:collapse;background:#fff}td{border:1px solid #ccc;padding:2px 6px;font-size:13px}.error td{background:#fdd}.warning td{background:#ffd}</style></head>
<body><h1>${esc(report.paper)} ${esc(report.date)}</h1>
<p>${report.pages.length} 版 · <a href="${esc(report.editionPdf)}">整期 PDF</a> · ${report.counts.errors} errors, ${report.counts.warnings} warnings, ${report.counts.overset} overset, ${report.counts.heldOver} held over</p>
${pages}
<h2>Diagnostics</h2><table><tr><th>severity</th><th>code</th><th>where</th><th>message</th><th>hint</th></tr>
${diags}
</table></body></html>
`;
}
