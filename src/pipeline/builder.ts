/**
 * Builds of one edition, incremental: every build reads the edition again (ingest is cheap and tells what
 * changed), keys each page by what it reads (page-key.ts), and lays out, paints, writes and checks only the
 * pages whose key changed; the others keep their last result. `banmian build` runs it once; the preview
 * server keeps one builder for the night and runs it on every save.
 */
import path from 'node:path';
import type { Diagnostic, Sink } from '../diag/index.js';
import { fail, Sink as NewSink } from '../diag/index.js';
import { type FontBook, loadFontBook } from '../fonts/index.js';
import { type LayoutTemplate, loadTemplate } from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
import { loadEdition } from '../ingest/index.js';
import type { Edition, Page } from '../model/edition.js';
import { writePdf } from '../pdf/index.js';
import { layoutEdition } from './edition.js';
import { contentImageCache } from './image-cache.js';
import { layoutReport } from './layout-report.js';
import { checkPage, type PagePdfs, type PreflightSummary, writePage } from './page.js';
import { pageKey } from './page-key.js';
import type { BuildProgress, BuildReport, BuildStep, PageReport, PdfStandard } from './report.js';

export interface BuilderOptions {
  standard: PdfStandard;
  /** Resolution of the PNG previews the caller writes (0: none); names them in the report. */
  previewDpi: number;
  onProgress?: (p: BuildProgress) => void;
  /** Leave preflight to `checkPending()` (the preview server shows a page before its check is done). */
  deferPreflight?: boolean;
}

export interface BuiltPage extends PagePdfs {
  number: number;
  /** The key of the inputs this result was built from. */
  key: string;
  /** The build (counted from 1) in which the page was last laid out again. */
  version: number;
  layout: PageLayout;
  /** Null until preflight ran (deferred preflight). */
  preflight: PreflightSummary | null;
  /** The page's diagnostics from layout on (the loader's are the edition's). */
  diagnostics: Diagnostic[];
  items: number;
  origins: PageReport['origins'];
}

export interface EditionBuild {
  version: number;
  edition: Edition;
  /** The pages of this build in edition order (with `page`: that page only). */
  pages: BuiltPage[];
  /** The pages laid out again in this build. */
  rebuilt: number[];
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const pagePdfName = (n: number): string => `page-${pad(n)}.pdf`;
export const pagePngName = (n: number): string => `page-${pad(n)}.png`;

export class EditionBuilder {
  private fonts: FontBook | null = null;
  private readonly cache = new Map<number, BuiltPage>();
  private readonly imageCache = contentImageCache();
  private version = 0;
  private last: { edition: Edition; loader: Diagnostic[]; pages: BuiltPage[]; templates: string[] } | null = null;
  private editionPdfMemo: { key: string; pdf: Buffer } | null = null;

  constructor(
    readonly editionFile: string,
    private readonly opts: BuilderOptions,
  ) {}

  /**
   * Build the edition (or one page of it). Every diagnostic of the build goes to `sink`: the loader's, then
   * each page's in page order (a page not built again contributes its diagnostics from before).
   */
  async build(sink: Sink, only: { page?: number } = {}): Promise<EditionBuild> {
    // Read the edition: a fatal input problem throws here, and the last good build stays as it was.
    const before = sink.items.length;
    const edition = loadEdition(this.editionFile, sink);
    const selected = this.select(edition, only.page);
    const loader = sink.items.slice(before);
    // one page built (build --page): the loader's problems of other pages are not this build's
    if (only.page !== undefined) {
      const mine = (d: Diagnostic): boolean => !elsewhere(edition, only.page!, d);
      sink.items.splice(before, loader.length, ...loader.filter(mine));
      loader.splice(0, loader.length, ...loader.filter(mine));
    }
    // Key every selected page by what it reads; a page whose key changed is built again.
    const templates = new Map<string, LayoutTemplate>();
    const template = (name: string): LayoutTemplate => {
      const t = templates.get(name) ?? loadTemplate(name);
      templates.set(name, t);
      return t;
    };
    this.version++;
    const salt = JSON.stringify([this.opts.standard]);
    const keyed = selected.map((p) => ({ page: p, key: pageKey(edition, p, template(p.layout), loader, salt) }));
    const dirty = keyed.filter(({ page, key }) => this.cache.get(page.number)?.key !== key);
    // Lay out, paint, write and (unless deferred) check each dirty page.
    this.fonts ??= loadFontBook();
    for (const [index, { page, key }] of dirty.entries()) {
      const step = (s: BuildStep | 'done'): void =>
        this.opts.onProgress?.({ page: page.number, step: s, index, total: dirty.length });
      this.cache.set(page.number, await this.buildPage(edition, page, key, loader, step));
    }
    for (const n of [...this.cache.keys()]) if (!edition.pages.some((p) => p.number === n)) this.cache.delete(n);
    const pages = selected.map((p) => this.cache.get(p.number)!);
    for (const p of pages) for (const d of p.diagnostics) sink.add(d);
    this.last = { edition, loader, pages, templates: [...templates.values()].map((t) => t.file) };
    return { version: this.version, edition, pages, rebuilt: dirty.map((d) => d.page.number) };
  }

  /** Preflight the pages of the last build whose check was deferred; returns their numbers. */
  async checkPending(): Promise<number[]> {
    const done: number[] = [];
    for (const p of this.last?.pages ?? []) {
      if (p.preflight) continue;
      const sink = new NewSink();
      p.preflight = await checkPage(p.number, p.pdf, this.opts.standard, sink);
      p.diagnostics.push(...sink.items);
      done.push(p.number);
    }
    return done;
  }

  /** The build report of the last build (pages in edition order, diagnostics loader first, then by page). */
  report(): BuildReport {
    const last = this.last;
    if (!last) throw new Error('report() before a build');
    const diagnostics = [...last.loader, ...last.pages.flatMap((p) => p.diagnostics)];
    const count = (code: string): number => diagnostics.filter((d) => d.code === code).length;
    return {
      edition: path.basename(this.editionFile),
      paper: last.edition.paper.name,
      date: last.edition.date,
      standard: this.opts.standard,
      pages: last.pages.map(
        (p): PageReport => ({
          number: p.number,
          pdf: pagePdfName(p.number),
          png: this.opts.previewDpi > 0 ? pagePngName(p.number) : null,
          items: p.items,
          origins: p.origins,
          preflight: p.preflight ?? { ok: true, failed: [] },
          layout: layoutReport(p.layout),
        }),
      ),
      editionPdf: 'edition.pdf',
      counts: {
        errors: diagnostics.filter((d) => d.severity === 'error').length,
        warnings: diagnostics.filter((d) => d.severity === 'warning').length,
        overset: count('overset'),
        heldOver: count('held-over'),
        missingImages: count('missing-image'),
      },
      composition: last.pages.map((p) => ({ page: p.number, stats: p.composition })),
      diagnostics,
    };
  }

  /** The edition PDF of the last build: every page in one file (written again only when a page changed). */
  async editionPdf(): Promise<Buffer> {
    const last = this.last;
    if (!last) throw new Error('editionPdf() before a build');
    const key = last.pages.map((p) => p.key).join();
    if (this.editionPdfMemo?.key !== key) {
      const doc = { title: docTitle(last.edition), date: last.edition.date, pages: last.pages.map((p) => p.display) };
      // its problems are the pages' own, reported once already, page by page
      const pdf = await writePdf(doc, {
        standard: this.opts.standard,
        sink: new NewSink(),
        imageCache: this.imageCache,
        ...(this.fonts ? { parsedFont: (f: string) => this.fonts!.parsed(f) } : {}),
      });
      this.editionPdfMemo = { key, pdf };
    }
    return this.editionPdfMemo.pdf;
  }

  /** Files the last build read, to watch: the edition, the copy and story files, images and templates. */
  inputs(): string[] {
    const last = this.last;
    if (!last) return [this.editionFile];
    const files = new Set<string>([this.editionFile, ...last.templates]);
    for (const p of last.edition.pages)
      for (const it of p.items) {
        if (it.origin) files.add(it.origin.file);
        if ('image' in it && it.image) files.add(it.image);
      }
    return [...files];
  }

  private select(edition: Edition, page: number | undefined): Page[] {
    if (page === undefined) return edition.pages;
    const p = edition.pages.find((x) => x.number === page);
    if (!p)
      fail(
        'unknown-page',
        `the edition has no page ${page}`,
        { file: this.editionFile },
        `give one of the edition's page numbers (${edition.pages.map((x) => x.number).join(', ')})`,
      );
    return [p!];
  }

  private async buildPage(
    edition: Edition,
    page: Page,
    key: string,
    loader: Diagnostic[],
    step: (s: BuildStep | 'done') => void,
  ): Promise<BuiltPage> {
    // The page's own sink, seeded with the loader's diagnostics (layout reads them: it does not repeat one).
    const sink = new NewSink();
    for (const d of loader) sink.add(d);
    step('layout');
    const layout = layoutEdition(edition, sink, this.fonts!, new Set([page.number]))[0]!;
    const pdfs = await writePage(
      layout,
      {
        title: docTitle(edition),
        date: edition.date,
        fonts: this.fonts!,
        standard: this.opts.standard,
        imageCache: this.imageCache,
        step,
      },
      sink,
    );
    let preflight: PreflightSummary | null = null;
    if (!this.opts.deferPreflight) {
      step('preflight');
      preflight = await checkPage(page.number, pdfs.pdf, this.opts.standard, sink);
    }
    step('done');
    return {
      ...pdfs,
      number: page.number,
      key,
      version: this.version,
      layout,
      preflight,
      diagnostics: sink.items.slice(loader.length),
      items: page.items.length,
      origins: page.items.flatMap((it) => [
        ...(it.origin ? [{ item: it.id, ...it.origin }] : []),
        // the image file too: the PDF stage reports a photo's problems by file
        ...('image' in it && it.image ? [{ item: it.id, file: it.image, line: 0 }] : []),
      ]),
    };
  }
}

/** The diagnostic belongs to a page other than `page`: it says so, or it is in the copy of another page only. */
function elsewhere(edition: Edition, page: number, d: Diagnostic): boolean {
  if (d.at.page !== undefined) return d.at.page !== page;
  if (d.at.file === undefined) return false;
  const files = (p: Page): string[] => p.items.flatMap((it) => (it.origin ? [it.origin.file] : []));
  const of = edition.pages.filter((p) => files(p).includes(d.at.file!)).map((p) => p.number);
  return of.length > 0 && !of.includes(page);
}

const docTitle = (edition: Edition): string => `${edition.paper.name} ${edition.date}`;
