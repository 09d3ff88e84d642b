/**
 * A preview session: one edition built again on every save. It owns the builder (which lays out only the pages
 * whose inputs changed), the watcher on the inputs, the open page rasters, and the view state it pushes.
 *
 * A rebuild: build → write the changed pages' PDFs and view images → push the state → preflight the changed
 * pages → push again. A rebuild that fails keeps the last good pages and files, and pushes its error.
 * Saves during a rebuild start one more rebuild when it ends.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Diagnostic, DiagnosticError, Sink } from '../diag/index.js';
import {
  type BuildReport,
  type BuiltPage,
  EditionBuilder,
  type PdfStandard,
  pagePdfName,
  pagePngName,
  placeDiagnostics,
  previewHtml,
  writeFileAtomic,
} from '../pipeline/index.js';
import { PageRaster } from '../preview/index.js';
import { namedInputs } from './inputs.js';
import { VIEW_DPI, type ViewPage, type ViewState, ZOOM_DPI, urls } from './state.js';
import { type InputWatcher, watchInputs } from './watch.js';

export interface SessionOptions {
  outDir: string;
  standard: PdfStandard;
  /** Quiet time after the last file event before a rebuild starts. */
  debounceMs: number;
  onEvent?: (e: SessionEvent) => void;
}

export type SessionEvent =
  | { kind: 'changed'; files: string[] }
  | { kind: 'built'; ms: number; rebuilt: number[]; report: BuildReport }
  | { kind: 'checked'; pages: number[]; report: BuildReport }
  | { kind: 'failed'; diagnostics: Diagnostic[] };

interface Raster {
  version: number;
  raster: PageRaster;
  zoom: Promise<Buffer> | null;
}

export class PreviewSession {
  private readonly builder: EditionBuilder;
  private readonly watcher: InputWatcher;
  private readonly rasters = new Map<number, Raster>();
  private building = false;
  private again = false;
  private closed = false;
  private editionPdfFor: string | null = null;
  private pages: BuiltPage[] = [];
  state: ViewState;

  constructor(
    readonly editionFile: string,
    private readonly opts: SessionOptions,
    /** Tell the views: the whole state, or (`status`) only that a rebuild started, so they redraw just that. */
    private readonly push: (s: ViewState, only?: 'status') => void,
  ) {
    this.builder = new EditionBuilder(editionFile, {
      standard: opts.standard,
      previewDpi: VIEW_DPI,
      deferPreflight: true,
    });
    this.watcher = watchInputs((files) => {
      this.opts.onEvent?.({ kind: 'changed', files });
      void this.rebuild();
    }, opts.debounceMs);
    this.state = {
      seq: 0,
      status: 'building',
      edition: path.basename(editionFile),
      report: null,
      places: [],
      pages: [],
      dpi: { view: VIEW_DPI, zoom: ZOOM_DPI },
      error: null,
      build: null,
      editionPdf: urls.out('edition.pdf'),
    };
  }

  /** Build again (the first build too); resolves when this rebuild and any it queued are done. */
  async rebuild(): Promise<void> {
    if (this.building) {
      this.again = true;
      return;
    }
    this.building = true;
    try {
      do {
        this.again = false;
        await this.once();
      } while (this.again && !this.closed);
    } finally {
      this.building = false;
    }
  }

  private async once(): Promise<void> {
    this.update({ status: 'building' }, 'status');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let rebuilt: number[];
    try {
      // Build: only the pages whose inputs changed are laid out again.
      const build = await this.builder.build(new Sink());
      rebuilt = build.rebuilt;
      this.pages = build.pages;
      // Write the changed pages' print PDFs and view images (proof pages where they have marks).
      for (const p of build.pages) if (rebuilt.includes(p.number)) await this.writePage(p);
      for (const [n, r] of this.rasters)
        if (!build.pages.some((p) => p.number === n)) {
          r.raster.destroy();
          this.rasters.delete(n);
        }
      this.writeReport();
    } catch (e) {
      const diagnostics =
        e instanceof DiagnosticError
          ? e.diagnostics
          : [internalError(e instanceof Error ? e.message : String(e), this.editionFile)];
      this.update({ status: 'failed', error: { diagnostics } });
      this.opts.onEvent?.({ kind: 'failed', diagnostics });
      this.watch();
      return;
    }
    // Show the pages now; preflight (about a tenth of a page's build) follows.
    const ms = Math.round(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    this.showReport({ status: 'ready', error: null, build: { ms, cpuMs, rebuilt } });
    this.opts.onEvent?.({ kind: 'built', ms, rebuilt, report: this.state.report! });
    this.watch();
    const checked = await this.builder.checkPending();
    if (checked.length) {
      this.writeReport();
      this.showReport({});
      this.opts.onEvent?.({ kind: 'checked', pages: checked, report: this.state.report! });
    }
  }

  /** The page image at ZOOM_DPI for `version` of page `n`; null if that version is no longer current. */
  zoomImage(n: number, version: number): Promise<Buffer> | null {
    const r = this.rasters.get(n);
    if (!r || r.version !== version) return null;
    r.zoom ??= r.raster.png(ZOOM_DPI);
    return r.zoom;
  }

  /** Write the edition PDF of the current pages into the output folder unless it is already there. */
  async writeEditionPdf(): Promise<void> {
    const key = this.pages.map((p) => p.key).join();
    if (!this.pages.length || this.editionPdfFor === key) return;
    writeFileAtomic(path.join(this.opts.outDir, 'edition.pdf'), await this.builder.editionPdf());
    this.editionPdfFor = key;
  }

  close(): void {
    this.closed = true;
    this.watcher.close();
    for (const r of this.rasters.values()) r.raster.destroy();
    this.rasters.clear();
  }

  private async writePage(p: BuiltPage): Promise<void> {
    // the trim box: the page as it will be cut (the report's coordinates start at its top-left)
    const { bleed, width, height } = p.layout;
    const raster = new PageRaster(p.proof ?? p.pdf, 0, { x: bleed, y: bleed, w: width, h: height });
    const png = await raster.png(VIEW_DPI);
    writeFileAtomic(path.join(this.opts.outDir, pagePdfName(p.number)), p.pdf);
    writeFileAtomic(path.join(this.opts.outDir, pagePngName(p.number)), png);
    this.rasters.get(p.number)?.raster.destroy();
    this.rasters.set(p.number, { version: p.version, raster, zoom: null });
  }

  private writeReport(): void {
    const report = this.builder.report();
    writeFileAtomic(path.join(this.opts.outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
    writeFileAtomic(path.join(this.opts.outDir, 'index.html'), previewHtml(report));
  }

  private showReport(patch: Partial<ViewState>): void {
    const report = this.builder.report();
    const pages = this.pages.map((p): ViewPage => {
      const size = this.rasters.get(p.number)?.raster.size(VIEW_DPI) ?? { width: 0, height: 0 };
      return {
        number: p.number,
        version: p.version,
        image: urls.out(pagePngName(p.number), p.version),
        ...size,
        zoomImage: urls.zoom(p.number, p.version),
        pdf: urls.out(pagePdfName(p.number), p.version),
        proof: p.proof !== null,
        checked: p.preflight !== null,
      };
    });
    this.update({ ...patch, report, places: placeDiagnostics(report), pages });
  }

  private watch(): void {
    if (!this.closed) this.watcher.set([...new Set([...this.builder.inputs(), ...namedInputs(this.editionFile)])]);
  }

  private update(patch: Partial<ViewState>, only?: 'status'): void {
    this.state = { ...this.state, ...patch, seq: this.state.seq + 1 };
    this.push(this.state, only);
  }
}

const internalError = (message: string, file: string): Diagnostic => ({
  severity: 'error',
  code: 'internal-error',
  message: `the build stopped on an internal error: ${message}`,
  at: { file },
  hint: 'this is a bug in banmian; the last good pages stay on screen; report the message',
});
