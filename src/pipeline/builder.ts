/**
 * Builds of one edition, incremental: every build reads the edition again (ingest is cheap and tells what
 * changed), checks the machine and every character before composing, resolves the print settings, keys each
 * page by what it reads (page-key.ts, print settings included), and lays out, paints, writes and checks only
 * the pages whose key changed; the others keep their last result. `banmian build` runs it once; the preview
 * server keeps one builder for the night and runs it on every save. The builder writes no files: deliver.ts
 * puts a build into the output folder.
 */
import path from 'node:path';
import type { Diagnostic, Sink } from '../diag/index.js';
import { DiagnosticError, fail, Sink as NewSink } from '../diag/index.js';
import { type FontBook, fontProblems, loadFontBook, PROJECT_ROOT } from '../fonts/index.js';
import type { LayoutTemplate } from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
import { loadEdition } from '../ingest/index.js';
import type { Edition, Page } from '../model/edition.js';
import { type ImageCache, writePdf } from '../pdf/index.js';
import { checkCoverage } from './coverage.js';
import { type LayoutMemo, type PlannedPage, planEdition, templateCache } from './edition.js';
import { EnvironmentError, outputProblems, requireEnvironment } from './environment.js';
import { replaceable, writeFailure } from './files.js';
import { contentImageCache } from './image-cache.js';
import { layoutReport } from './layout-report.js';
import { checkPage, type PagePdfs, type PreflightSummary, writePage } from './page.js';
import { pageKey } from './page-key.js';
import { pageFileName, type PrintOverrides, type ResolvedPrint, resolvePrint } from './print.js';
import { type BuildProgress, type BuildReport, type BuildStep, countDiagnostics, type PageReport } from './report.js';

export interface BuilderOptions extends PrintOverrides {
  /** Resolution of the PNG previews the caller writes (0: none); names them in the report. */
  previewDpi: number;
  onProgress?: (p: BuildProgress) => void;
  /** Leave preflight to `checkPending()` (the preview server shows a page before its check is done). */
  deferPreflight?: boolean;
  /** The folder the caller delivers builds into: checked with the rest of the machine before composing. */
  outDir?: string;
}

export interface BuiltPage extends PagePdfs {
  number: number;
  /** The page's PDF as the print shop receives it (print settings' file names). */
  pdfName: string;
  /** The key of the inputs this result was built from. */
  key: string;
  /** The build (counted from 1) in which the page was last laid out again. */
  version: number;
  layout: PageLayout;
  /** Null until preflight ran (deferred preflight). */
  preflight: PreflightSummary | null;
  /** The page's diagnostics from layout on (those found before composing are the edition's). */
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
/** The working name of a page's PDF (a link to the shop's file name) and its preview image. */
export const pageAliasName = (n: number): string => `page-${pad(n)}.pdf`;
export const pagePngName = (n: number): string => `page-${pad(n)}.png`;

const FONT_MAP = path.join(PROJECT_ROOT, 'fonts', 'fonts.yaml');

interface LastBuild {
  edition: Edition;
  print: ResolvedPrint;
  /** Diagnostics found before composing: the loader's and the character coverage's. */
  loader: Diagnostic[];
  pages: BuiltPage[];
  templates: string[];
}

export class EditionBuilder {
  private fonts: FontBook | null = null;
  private readonly cache = new Map<number, BuiltPage>();
  /** Page layouts of the last build by key (inputs and request): an unchanged page is not laid out again. */
  private readonly layouts: LayoutMemo = new Map();
  private imageCache: ImageCache = contentImageCache();
  /** What photo conversions depend on (profile, ink limit): a change starts a new image cache. */
  private imagesKey = '';
  private version = 0;
  private last: LastBuild | null = null;
  private editionPdfMemo: { key: string; pdf: Buffer } | null = null;

  constructor(
    readonly editionFile: string,
    private readonly opts: BuilderOptions,
  ) {}

  /**
   * Build the edition (or one page of it). Every diagnostic of the build goes to `sink`: those found before
   * composing, then each page's in page order (a page not built again contributes its diagnostics from before).
   * Problems of the machine throw an EnvironmentError before anything is composed.
   */
  async build(sink: Sink, only: { page?: number } = {}): Promise<EditionBuild> {
    // 1. Read the edition: a fatal input problem throws here, and the last good build stays as it was.
    const before = sink.items.length;
    const edition = loadEdition(this.editionFile, sink);
    const selected = this.select(edition, only.page);
    const templateOf = templateCache();
    // 2. Check the machine: the fonts, the output profile (print settings resolved once for the build), the
    // output folder.
    this.fonts ??= loadFontBook();
    const print = this.machine(edition, templateOf, this.fonts);
    // 3. Every character against the face chain of its role.
    checkCoverage(edition, templateOf, this.fonts, sink);
    const loader = sink.items.slice(before);
    // one page built (build --page): the problems of other pages are not this build's
    if (only.page !== undefined) {
      const mine = (d: Diagnostic): boolean => !elsewhere(edition, only.page!, d);
      sink.items.splice(before, loader.length, ...loader.filter(mine));
      loader.splice(0, loader.length, ...loader.filter(mine));
    }
    // 4. Lay out the edition: every page keyed by what it reads (the print settings included) and by what the
    // edition asks of it (stories continued into it, page 1's 导读 as built); an unchanged key keeps its layout.
    this.version++;
    const salt = printSalt(print);
    const planSink = new NewSink();
    const plan = planEdition(edition, planSink, this.fonts, {
      templateOf,
      keyOf: (p) => pageKey(edition, p, templateOf(p.layout), loader, salt),
      memo: this.layouts,
      ...(only.page !== undefined ? { only: new Set([only.page]) } : {}),
    });
    // the edition's continuation problems are the edition file's, found before any page is painted
    for (const d of planSink.items) {
      if (only.page !== undefined && elsewhere(edition, only.page, d)) continue;
      sink.add(d);
      loader.push(d);
    }
    const keyed = selected.map((p) => ({ page: p, planned: plan.get(p.number)! }));
    const dirty = keyed.filter(({ page, planned }) => this.cache.get(page.number)?.key !== planned.key);
    // 5. Paint, write and (unless deferred) preflight each page whose key changed.
    for (const [index, { page, planned }] of dirty.entries()) {
      const step = (s: BuildStep | 'done'): void =>
        this.opts.onProgress?.({ page: page.number, step: s, index, total: dirty.length });
      this.cache.set(page.number, await this.buildPage(edition, page, planned, loader, print, step));
    }
    for (const n of [...this.cache.keys()]) if (!edition.pages.some((p) => p.number === n)) this.cache.delete(n);
    const pages = selected.map((p) => this.cache.get(p.number)!);
    for (const p of pages) for (const d of p.diagnostics) sink.add(d);
    const templates = [...new Set(edition.pages.map((p) => templateOf(p.layout).file))];
    this.last = { edition, print, loader, pages, templates };
    return { version: this.version, edition, pages, rebuilt: dirty.map((d) => d.page.number) };
  }

  /** Preflight the pages of the last build whose check was deferred; returns their numbers. */
  async checkPending(): Promise<number[]> {
    const last = this.last;
    const done: number[] = [];
    for (const p of last?.pages ?? []) {
      if (p.preflight) continue;
      const sink = new NewSink();
      p.preflight = await checkPage(p.number, p.pdfName, p.pdf, last!.print, sink);
      p.diagnostics.push(...sink.items);
      done.push(p.number);
    }
    return done;
  }

  /** The shop's file name of page `n` under the last build's print settings. */
  pageFile(n: number): string {
    if (!this.last) throw new Error('pageFile() before a build');
    return pageFileName(this.last.print, this.last.edition.date, n);
  }

  /**
   * The build report of the last build (pages in edition order, diagnostics from before composing first, then
   * by page). `editionPdf` names the file a whole build delivers; `delivered` is settled by the delivery.
   */
  report(): BuildReport {
    const last = this.last;
    if (!last) throw new Error('report() before a build');
    const { print } = last;
    const diagnostics = [...last.loader, ...last.pages.flatMap((p) => p.diagnostics)];
    return {
      edition: path.basename(this.editionFile),
      paper: last.edition.paper.name,
      date: last.edition.date,
      standard: print.standard,
      output: {
        condition: print.images.profile.identifier,
        profile: path.basename(print.images.profile.file),
        inkLimit: print.images.inkLimit,
        ppi: { warn: print.images.warnPpi, error: print.images.errorPpi },
      },
      pages: last.pages.map(
        (p): PageReport => ({
          number: p.number,
          pdf: p.pdfName,
          alias: pageAliasName(p.number),
          png: this.opts.previewDpi > 0 ? pagePngName(p.number) : null,
          items: p.items,
          origins: p.origins,
          preflight: p.preflight ?? { ok: true, failed: [], errors: 0, warnings: 0 },
          photos: p.photos,
          layout: layoutReport(p.layout),
        }),
      ),
      editionPdf: 'edition.pdf',
      delivered: true,
      counts: countDiagnostics(diagnostics),
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
      const fonts = this.fonts!;
      // its problems are the pages' own, reported once already, page by page
      const pdf = await writePdf(doc, {
        standard: last.print.standard,
        sink: new NewSink(),
        imageCache: this.imageCache,
        images: last.print.images,
        parsedFont: (f: string) => fonts.parsed(f),
      });
      this.editionPdfMemo = { key, pdf };
    }
    return this.editionPdfMemo.pdf;
  }

  /** The edition PDF of the last build if it was made already (no work), else null. */
  madeEditionPdf(): Buffer | null {
    const key = this.last?.pages.map((p) => p.key).join();
    return this.editionPdfMemo && this.editionPdfMemo.key === key ? this.editionPdfMemo.pdf : null;
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

  /**
   * The machine, before composing: every font file of the roles' chains, the print settings with their output
   * profile, and the output folder (writable, with room, and banmian's to replace). Throws an EnvironmentError.
   */
  private machine(edition: Edition, templateOf: (layout: string) => LayoutTemplate, fonts: FontBook): ResolvedPrint {
    requireEnvironment(fontProblems(fonts, FONT_MAP));
    const first = edition.pages[0];
    let print: ResolvedPrint;
    try {
      print = resolvePrint(edition, first ? templateOf(first.layout) : null, this.opts);
    } catch (e) {
      if (e instanceof DiagnosticError && !(e instanceof EnvironmentError)) throw new EnvironmentError(e.diagnostics);
      throw writeFailure(e, '') ?? e;
    }
    if (this.opts.outDir !== undefined) {
      const notOurs = replaceable(this.opts.outDir);
      requireEnvironment([...outputProblems(this.opts.outDir, edition.pages.length), ...(notOurs ? [notOurs] : [])]);
    }
    // photo conversions depend on the profile and the ink limit
    const imagesKey = JSON.stringify([print.images.profile.file, print.images.inkLimit]);
    if (imagesKey !== this.imagesKey) {
      this.imageCache = contentImageCache();
      this.imagesKey = imagesKey;
    }
    return print;
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
    planned: PlannedPage,
    loader: Diagnostic[],
    print: ResolvedPrint,
    step: (s: BuildStep | 'done') => void,
  ): Promise<BuiltPage> {
    // The page's own sink, seeded with the diagnostics found before composing (later stages do not repeat one),
    // then the layout's.
    const sink = new NewSink();
    for (const d of loader) sink.add(d);
    step('layout');
    const { layout, key } = planned;
    for (const d of planned.diagnostics) sink.add(d);
    const pdfName = pageFileName(print, edition.date, page.number);
    const pdfs = await writePage(
      layout,
      {
        title: docTitle(edition),
        date: edition.date,
        fonts: this.fonts!,
        print,
        imageCache: this.imageCache,
        step,
      },
      sink,
    );
    let preflight: PreflightSummary | null = null;
    if (!this.opts.deferPreflight) {
      step('preflight');
      preflight = await checkPage(page.number, pdfName, pdfs.pdf, print, sink);
    }
    step('done');
    return {
      ...pdfs,
      number: page.number,
      pdfName,
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

/**
 * What of the print settings changes a page's PDF, report or diagnostics: the standard, the output profile
 * and limits (photo separation, ppi warnings, preflight) and the shop's file name (named in preflight errors).
 */
function printSalt(print: ResolvedPrint): string {
  const { images, ...rest } = print;
  const { profile, ...limits } = images;
  return JSON.stringify({ ...rest, ...limits, profile: [profile.file, profile.identifier] });
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
