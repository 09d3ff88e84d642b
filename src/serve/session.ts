/**
 * A preview session: one edition built again on every save. It owns the builder (which checks the machine and
 * every character, then lays out only the pages whose inputs changed), the watcher on the inputs, the open page
 * rasters, and the view state it pushes.
 *
 * A rebuild: build → render the changed pages' view images → deliver the set (the changed pages' files
 * written, the others carried, swapped in as one, like every build's) → push the state → preflight the changed
 * pages → deliver the report again → push again. A rebuild that fails keeps the last good pages and files, and
 * pushes its error. Saves during a rebuild start one more rebuild when it ends.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Diagnostic, DiagnosticError, Sink } from '../diag/index.js';
import {
  type BuildReport,
  type BuiltPage,
  deliver,
  EditionBuilder,
  EnvironmentError,
  type PageFiles,
  type PdfStandard,
  pagePngName,
  placeDiagnostics,
} from '../pipeline/index.js';
import { PageRaster } from '../preview/index.js';
import { namedInputs } from './inputs.js';
import { VIEW_DPI, type ViewPage, type ViewState, ZOOM_DPI, urls } from './state.js';
import { type InputWatcher, watchInputs } from './watch.js';

export interface SessionOptions {
  outDir: string;
  /** Over the edition's and template's print settings, as for `banmian build`. */
  standard?: PdfStandard;
  profile?: string;
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
  /** The view image at VIEW_DPI, as written into the output folder. */
  png: Buffer;
  zoom: Promise<Buffer> | null;
}

export class PreviewSession {
  private readonly builder: EditionBuilder;
  private readonly watcher: InputWatcher;
  private readonly rasters = new Map<number, Raster>();
  private building = false;
  private again = false;
  private closed = false;
  /** The version of each page whose files are in the output folder, and the pages' key of its edition PDF. */
  private onDisk = new Map<number, number>();
  private editionOnDisk: string | null = null;
  private pages: BuiltPage[] = [];
  /** Deliveries one after another (a rebuild's, the edition PDF's): each is a whole set swapped in. */
  private delivering: Promise<unknown> = Promise.resolve();
  private delivered: BuildReport | null = null;
  /** The first build failed for a problem of the machine (fonts, profile, output folder). */
  startError: EnvironmentError | null = null;
  state: ViewState;

  constructor(
    readonly editionFile: string,
    private readonly opts: SessionOptions,
    /** Tell the views: the whole state, or (`status`) only that a rebuild started, so they redraw just that. */
    private readonly push: (s: ViewState, only?: 'status') => void,
  ) {
    this.builder = new EditionBuilder(editionFile, {
      ...(opts.standard ? { standard: opts.standard } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      previewDpi: VIEW_DPI,
      deferPreflight: true,
      outDir: opts.outDir,
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
      // Render the changed pages' view images (proof pages where they have marks).
      for (const p of build.pages) if (this.rasters.get(p.number)?.version !== p.version) await this.render(p);
      for (const [n, r] of this.rasters)
        if (!build.pages.some((p) => p.number === n)) {
          r.raster.destroy();
          this.rasters.delete(n);
        }
      // Deliver: the changed pages' files written, the others carried from the folder.
      await this.deliver();
    } catch (e) {
      // a problem of the machine before any good build: the preview does not start (startPreview throws it)
      if (e instanceof EnvironmentError && !this.state.report) {
        this.startError = e;
        return;
      }
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
      try {
        await this.deliver();
      } catch (e) {
        const diagnostics = e instanceof DiagnosticError ? e.diagnostics : [internalError(String(e), this.editionFile)];
        this.update({ status: 'failed', error: { diagnostics } });
        this.opts.onEvent?.({ kind: 'failed', diagnostics });
        return;
      }
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

  /** Deliver the edition PDF of the current pages into the output folder unless it is already there. */
  async writeEditionPdf(): Promise<void> {
    if (!this.pages.length || this.editionOnDisk === this.pages.map((p) => p.key).join()) return;
    await this.builder.editionPdf();
    await this.deliver();
  }

  close(): void {
    this.closed = true;
    this.watcher.close();
    for (const r of this.rasters.values()) r.raster.destroy();
    this.rasters.clear();
  }

  private async render(p: BuiltPage): Promise<void> {
    // the trim box: the page as it will be cut (the report's coordinates start at its top-left)
    const { bleed, width, height } = p.layout;
    const raster = new PageRaster(p.proof ?? p.pdf, 0, { x: bleed, y: bleed, w: width, h: height });
    const png = await raster.png(VIEW_DPI);
    this.rasters.get(p.number)?.raster.destroy();
    this.rasters.set(p.number, { version: p.version, raster, png, zoom: null });
  }

  /**
   * Deliver the current build into the output folder: the pages whose version is not in the folder yet written,
   * the others carried (all written if the folder lost one), the edition PDF once it was made for these pages.
   * The folder's versions are noted only when the set is in: after a failed delivery the next one writes again.
   */
  private deliver(): Promise<void> {
    const run = this.delivering.then(() => {
      const report = this.builder.report();
      const key = this.pages.map((p) => p.key).join();
      const made = this.builder.madeEditionPdf();
      const files = (all: boolean): PageFiles[] =>
        this.pages.map((p) =>
          all || this.onDisk.get(p.number) !== p.version
            ? { number: p.number, pdf: p.pdf, png: this.rasters.get(p.number)!.png }
            : { number: p.number },
        );
      const to = (all: boolean): BuildReport =>
        deliver(this.opts.outDir, report, files(all), {
          editionPdf: made ? (!all && this.editionOnDisk === key ? 'carry' : made) : null,
        });
      try {
        this.delivered = to(false);
      } catch (e) {
        if (!(e instanceof DiagnosticError && e.diagnostics.some((d) => d.code === 'output-changed'))) throw e;
        this.delivered = to(true);
      }
      this.onDisk = new Map(this.pages.map((p) => [p.number, p.version]));
      this.editionOnDisk = this.delivered.editionPdf !== null ? key : null;
    });
    this.delivering = run.catch(() => undefined);
    return run;
  }

  private showReport(patch: Partial<ViewState>): void {
    const report = this.delivered ?? this.builder.report();
    const pages = this.pages.map((p): ViewPage => {
      const size = this.rasters.get(p.number)?.raster.size(VIEW_DPI) ?? { width: 0, height: 0 };
      const entry = report.pages.find((x) => x.number === p.number);
      return {
        number: p.number,
        version: p.version,
        image: urls.out(entry?.png ?? pagePngName(p.number), p.version),
        ...size,
        zoomImage: urls.zoom(p.number, p.version),
        pdf: urls.out(entry?.pdf ?? p.pdfName, p.version),
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
