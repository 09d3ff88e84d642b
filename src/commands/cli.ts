/**
 * The `banmian` command line. The only place under src/ that prints: it runs a stage, then prints the
 * diagnostics the sink collected. Bad input → a clear message and a non-zero exit, never a stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DiagnosticError, Sink, formatDiagnostic, fail } from '../diag/index.js';
import type { PdfStandard } from '../pipeline/index.js';

// Stages are loaded when a command needs them, so `--help` and `import` start fast (the PDF writer, the
// fonts and the WebAssembly renderer are heavy).
const pipeline = () => import('../pipeline/index.js');
const ingest = () => import('../ingest/index.js');

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const err = (s: string): void => void process.stderr.write(`${s}\n`);

function printDiagnostics(sink: Sink, quiet = false): void {
  for (const d of sink.items) {
    if (quiet && d.severity === 'info') continue;
    err(formatDiagnostic(d));
  }
}

/** Open `url` in the desktop's browser, if there is one; say so if not. */
function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(cmd, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => err(`could not start ${cmd}; open ${url} in a browser`));
  child.unref();
}

/** An input file that does not exist or is a directory is a located error. */
function checkInput(file: string): void {
  if (!fs.existsSync(file)) fail('input-missing', `input file ${file} does not exist`, { file }, 'check the path');
  if (fs.statSync(file).isDirectory())
    fail('input-is-directory', `${file} is a directory`, { file }, 'give a file, not a directory');
}

function readInput(file: string): string {
  checkInput(file);
  return fs.readFileSync(file, 'utf8');
}

const num =
  (name: string, min: number, max: number) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}`);
    return n;
  };
const int =
  (name: string, min: number, max: number) =>
  (v: string): number => {
    const n = num(name, min, max)(v);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return n;
  };
const pageSize = (v: string): [number, number] => {
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError('page size must be WxH in pt, e.g. 999x1400');
  return [Number(m[1]), Number(m[2])];
};

const kinsoku = (v: string): 'strict' | 'gb' | 'basic' => {
  if (v === 'strict' || v === 'gb' || v === 'basic') return v;
  throw new InvalidArgumentError('--kinsoku must be strict, gb or basic');
};

export function program(): Command {
  const prog = new Command('banmian')
    .description('版面 banmian: Chinese newspaper pages from newsroom copy to print-ready PDF')
    .version('0.1.0')
    .showHelpAfterError();

  prog
    .command('build')
    .description(
      'build an edition file (YAML) into PDFs (one per page + the edition), PNG previews, report.json and index.html',
    )
    .argument('<edition.yaml>', 'the edition file')
    .option('-o, --out <dir>', 'output directory (replaced as a whole by the new set of files)', 'out')
    .option(
      '--standard <std>',
      'PDF standard: x1a (PDF/X-1a:2001), x4 (PDF/X-4), none; default: the edition’s print.standard, else x1a',
    )
    .option('--profile <file.icc>', "the print shop's CMYK output profile (default: CGATS TR 002 newsprint)")
    .option('--final', 'the night’s last build: deliver nothing if there is any error, photo placeholder or overset')
    .option('--dpi <n>', 'preview PNG resolution; 0 = no PNGs', int('--dpi', 0, 600), 50)
    .option(
      '--page <n>',
      "build only page N: its files replace page N's in the folder's previous build (edition.pdf waits for a whole build)",
      int('--page', 1, 9999),
    )
    .option('-q, --quiet', 'print errors only (no progress, no warnings, no file list)')
    .option(
      '--json',
      'print a JSON summary (pages, counts, diagnostics with their page and item) to stdout, nothing else',
    )
    .action(
      async (
        file: string,
        o: {
          out: string;
          standard?: string;
          profile?: string;
          final?: boolean;
          dpi: number;
          page?: number;
          quiet?: boolean;
          json?: boolean;
        },
      ) => {
        if (o.standard !== undefined && !['x1a', 'x4', 'none'].includes(o.standard))
          throw new InvalidArgumentError('--standard must be x1a, x4 or none');
        const sink = new Sink();
        const { buildEdition, placeDiagnostics, EnvironmentError, qualityLine } = await pipeline();
        const { Progress } = await import('./progress.js');
        const { groupedDiagnostics } = await import('./grouped.js');
        // progress on stderr: a bar per page on a terminal, a line per page otherwise; none for scripts
        const progress =
          o.quiet || o.json
            ? null
            : new Progress(
                (t) => void process.stderr.write(t),
                process.stderr.isTTY === true,
                o.dpi > 0 ? undefined : ['layout', 'paint', 'pdf', 'preflight'],
              );
        let report: Awaited<ReturnType<typeof buildEdition>>;
        try {
          report = await buildEdition(
            file,
            {
              outDir: o.out,
              previewDpi: o.dpi,
              ...(o.standard ? { standard: o.standard as PdfStandard } : {}),
              ...(o.profile ? { profile: o.profile } : {}),
              ...(o.final ? { final: true } : {}),
              ...(o.page !== undefined ? { page: o.page } : {}),
              ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
            },
            sink,
          );
        } catch (e) {
          progress?.finish();
          if (o.json && e instanceof DiagnosticError) {
            // scripts get the failure on stdout as JSON too (exit 2 for a problem of the machine)
            out(JSON.stringify({ ok: false, diagnostics: [...sink.items, ...e.diagnostics] }, null, 1));
            process.exitCode = e instanceof EnvironmentError ? 2 : 1;
            return;
          }
          if (!o.json) printDiagnostics(sink, o.quiet);
          throw e;
        }
        progress?.finish();
        const c = report.counts;
        if (c.errors > 0 || !report.delivered) process.exitCode = 1;
        const places = placeDiagnostics(report);
        if (o.json) {
          out(
            JSON.stringify(
              {
                ok: c.errors === 0 && report.delivered,
                delivered: report.delivered,
                out: o.out,
                standard: report.standard,
                output: report.output,
                pages: report.pages.map((p) => ({
                  number: p.number,
                  pdf: p.pdf,
                  alias: p.alias,
                  png: p.png,
                  preflight: p.preflight,
                  photos: p.photos,
                  quality: p.layout.quality,
                })),
                editionPdf: report.editionPdf,
                counts: c,
                diagnostics: report.diagnostics.map((d, i) => ({ ...d, place: places[i] })),
              },
              null,
              1,
            ),
          );
          return;
        }
        for (const line of groupedDiagnostics(report, places, { quiet: o.quiet === true })) err(line);
        const summary = `${c.errors} errors, ${c.warnings} warnings, ${c.overset} overset, ${c.heldOver} held over, ${c.placeholders} photo placeholders`;
        if (!report.delivered) {
          err(`final build not delivered: ${summary}; the files in ${o.out} were left as they were`);
          return;
        }
        if (o.quiet) return;
        for (const p of report.pages)
          out(
            `page ${p.number}: ${path.join(o.out, p.pdf)} (${p.alias})${p.png ? `, ${path.join(o.out, p.png)}` : ''} (preflight ${p.preflight.ok ? 'ok' : `FAILED: ${p.preflight.failed.join(', ')}`}); ${qualityLine(p.layout.quality)}`,
          );
        if (o.page === undefined)
          out(
            `edition: ${path.join(o.out, report.editionPdf ?? 'edition.pdf')}; report: ${path.join(o.out, 'report.json')}; preview: ${path.join(o.out, 'index.html')}`,
          );
        else
          out(
            `page ${o.page} only: the other pages in ${o.out} are the previous build's; edition.pdf is left out until a build of the whole edition`,
          );
        out(`${report.standard} for ${report.output.condition} (${report.output.profile}); ${summary}`);
      },
    );

  prog
    .command('import')
    .description(
      'import newsroom page copy (plain text in UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK) into the edition model',
    )
    .argument('<page.txt>', 'the page copy (at most 1 MiB)')
    .option('--json', 'print { "items": [...] } to stdout')
    .option('--out <dir>', 'write one Markdown story file per item into DIR')
    .option('--force', 'with --out: overwrite story files that differ from what the import writes (edited files)')
    .action(async (file: string, o: { json?: boolean; out?: string; force?: boolean }) => {
      if (!o.json && !o.out) throw new InvalidArgumentError('give --json or --out DIR');
      const sink = new Sink();
      const { importCopyFile, itemsToReferenceJson, writeStoryFiles } = await ingest();
      checkInput(file);
      let items: Awaited<ReturnType<typeof importCopyFile>>;
      try {
        items = importCopyFile(file, sink, path.basename(file));
      } catch (e) {
        // a refused file: the diagnostics on stderr, nothing on stdout
        printDiagnostics(sink);
        throw e;
      }
      printDiagnostics(sink);
      if (o.out) for (const f of writeStoryFiles(items, o.out, { force: o.force === true })) err(`wrote ${f}`);
      if (o.json) out(JSON.stringify(itemsToReferenceJson(items), null, 1));
      if (sink.errors.length) process.exitCode = 1;
    });

  prog
    .command('compose')
    .description(
      'flow a plain-text file (one paragraph per line) into columns and pages, for composition tests and comparisons',
    )
    .argument('<text.txt>', 'plain text, one paragraph per line')
    .requiredOption('-o, --output <out.pdf>', 'the PDF to write')
    .option('--size <pt>', 'type size in pt', num('--size', 4, 72), 9)
    .option('--pitch <pt>', 'line pitch (baseline to baseline) in pt', num('--pitch', 4, 144), 11.5)
    .option('--measure <em>', 'column width in em', num('--measure', 2, 200), 13)
    .option('--columns <n>', 'columns per page', int('--columns', 1, 20), 8)
    .option('--gutter <em>', 'gutter between columns in em', num('--gutter', 0, 20), 1)
    .option('--page <WxH>', 'page size in pt', pageSize, [1000, 1400] as [number, number])
    .option('--margin <pt>', 'page margin in pt', num('--margin', 0, 500), 36)
    .option('--indent <em>', 'first-line indent in em', num('--indent', 0, 10), 2)
    .option('--font <file>', 'font file (default: the body font)')
    .option(
      '--kinsoku <level>',
      'line-start/end prohibitions (clreq §3.1.4): strict (news), gb, basic',
      kinsoku,
      'strict',
    )
    .option('--lines <file>', 'write every line as JSON (paragraph, line, text, natural and set width in pt)')
    .option('--standard <std>', 'PDF standard: x1a, x4, none', 'x1a')
    .action(
      async (
        file: string,
        o: {
          output: string;
          size: number;
          pitch: number;
          measure: number;
          columns: number;
          gutter: number;
          page: [number, number];
          margin: number;
          indent: number;
          font?: string;
          kinsoku: 'strict' | 'gb' | 'basic';
          lines?: string;
          standard: string;
        },
      ) => {
        const text = readInput(file);
        const [{ loadFontBook }, { composeTextDocument }, { writePdf }, { writeFileAtomic }] = await Promise.all([
          import('../fonts/index.js'),
          import('./compose.js'),
          import('../pdf/index.js'),
          pipeline(),
        ]);
        const fonts = loadFontBook();
        if (o.font && !fs.existsSync(o.font))
          fail('input-missing', `font file ${o.font} does not exist`, { file: o.font }, 'check the --font path');
        const face = o.font ? fonts.open(o.font) : fonts.face('body');
        const sink = new Sink();
        const res = composeTextDocument(text, {
          size: o.size,
          pitch: o.pitch,
          measureEm: o.measure,
          columns: o.columns,
          gutterEm: o.gutter,
          pageWidth: o.page[0],
          pageHeight: o.page[1],
          margin: o.margin,
          indentEm: o.indent,
          face,
          settings: { kinsoku: o.kinsoku },
        });
        const pdf = await writePdf(res.doc, { standard: o.standard as PdfStandard, sink });
        writeFileAtomic(o.output, pdf);
        if (o.lines) writeFileAtomic(o.lines, `${JSON.stringify(res.lines, null, 1)}\n`);
        printDiagnostics(sink);
        const s = res.stats;
        out(
          `${o.output}: ${res.doc.pages.length} pages, ${s.lines} lines, ${s.paragraphs} paragraphs; pairs compressed ${s.pairsCompressed}, line-end halved ${s.lineEndHalved}, line-start trimmed ${s.lineStartTrimmed}, Han–Latin gaps ${s.latinGaps}, pushed in ${s.pushedIn}, pushed out ${s.pushedOut}, orphans avoided ${s.orphansAvoided}, left ${s.orphansLeft}`,
        );
        if (s.loosest) out(`loosest line: +${s.loosest.em.toFixed(3)} em per gap: ${s.loosest.text}`);
        if (s.tightest) out(`tightest line: ${s.tightest.em.toFixed(3)} em per gap: ${s.tightest.text}`);
      },
    );

  prog
    .command('preflight')
    .description(
      'check a PDF against the print shop rules (PDF/X-1a: CMYK, fonts embedded, TrimBox, overprinting black text, …)',
    )
    .argument('<file.pdf>', 'the PDF to check')
    .option('--json', 'print the result as JSON')
    .option('--ink-limit <pct>', 'total ink limit, %', num('--ink-limit', 100, 400), 240)
    .option('--min-ppi <n>', 'effective image resolution below which an image fails', num('--min-ppi', 1, 2400), 100)
    .option(
      '--warn-ppi <n>',
      'effective image resolution below which an image is warned about',
      num('--warn-ppi', 1, 2400),
      200,
    )
    .option('--hairline <pt>', 'thinnest stroke allowed, pt', num('--hairline', 0, 5), 0.25)
    .action(
      async (
        file: string,
        o: { json?: boolean; inkLimit: number; minPpi: number; warnPpi: number; hairline: number },
      ) => {
        readInput(file);
        const { preflight } = await import('../pdf/preflight.js');
        const res = await preflight(fs.readFileSync(file), {
          inkLimit: o.inkLimit,
          minPpi: o.minPpi,
          warnPpi: o.warnPpi,
          minLineWidth: o.hairline,
        });
        if (o.json) out(JSON.stringify(res, null, 1));
        else {
          for (const c of res.checks)
            out(
              `${c.ok ? (c.count ? 'warn' : 'ok  ') : 'FAIL'} ${c.id}: ${c.detail}${c.count ? ` — ${c.action}` : ''}`,
            );
          out(`${res.ok ? 'preflight ok' : 'preflight FAILED'}: ${res.errors} errors, ${res.warnings} warnings`);
        }
        if (!res.ok) process.exitCode = 1;
      },
    );

  prog
    .command('preview')
    .description(
      'serve a live preview of an edition on 127.0.0.1: pages with every problem marked, rebuilt on every save',
    )
    .argument('<edition.yaml>', 'the edition file')
    .option('-o, --out <dir>', 'output directory (page PDFs and images are written there as they are rebuilt)', 'out')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', int('--port', 0, 65535), 4300)
    .option('--open', 'open the view in the default browser')
    .option(
      '--standard <std>',
      'PDF standard: x1a (PDF/X-1a:2001), x4 (PDF/X-4), none; default: the edition’s print.standard, else x1a',
    )
    .option('--profile <file.icc>', "the print shop's CMYK output profile (default: CGATS TR 002 newsprint)")
    .action(
      async (file: string, o: { out: string; port: number; open?: boolean; standard?: string; profile?: string }) => {
        if (o.standard !== undefined && !['x1a', 'x4', 'none'].includes(o.standard))
          throw new InvalidArgumentError('--standard must be x1a, x4 or none');
        readInput(file);
        const [{ startPreview }, { placeDiagnostics }, { groupedDiagnostics }] = await Promise.all([
          import('../serve/index.js'),
          pipeline(),
          import('./grouped.js'),
        ]);
        err(`banmian preview: building ${file} …`);
        let first = true;
        const server = await startPreview(file, {
          outDir: o.out,
          port: o.port,
          ...(o.standard ? { standard: o.standard as PdfStandard } : {}),
          ...(o.profile ? { profile: o.profile } : {}),
          onEvent: (e) => {
            if (e.kind === 'changed')
              err(`changed: ${e.files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
            else if (e.kind === 'failed') {
              err('build failed; the view keeps the last good pages:');
              for (const d of e.diagnostics) err(`  ${formatDiagnostic(d)}`);
            } else if (e.kind === 'built') {
              const c = e.report.counts;
              const what = e.rebuilt.length ? `page ${e.rebuilt.join(', ')}` : 'nothing changed';
              err(`built ${what} in ${e.ms} ms: ${c.errors} errors, ${c.warnings} warnings, ${c.overset} overset`);
              if (first) for (const line of groupedDiagnostics(e.report, placeDiagnostics(e.report))) err(line);
              first = false;
            }
          },
        });
        // stdout carries the address only, for scripts and tests
        out(server.url);
        err('Ctrl-C stops the preview');
        if (o.open) openBrowser(server.url);
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void server.close().then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      },
    );

  prog
    .command('render')
    .description('render the pages of a PDF to PNG files')
    .argument('<file.pdf>', 'the PDF to render')
    .option('-o, --out <dir>', 'output directory', '.')
    .option('--dpi <n>', 'resolution', int('--dpi', 10, 600), 50)
    .action(async (file: string, o: { out: string; dpi: number }) => {
      readInput(file);
      const [{ renderPng }, { writeFileAtomic }] = await Promise.all([import('../preview/index.js'), pipeline()]);
      const bytes = fs.readFileSync(file);
      const base = path.basename(file, path.extname(file));
      for (let i = 0; ; i++) {
        let png: Buffer;
        try {
          png = await renderPng(bytes, i, o.dpi);
        } catch (e) {
          if (i > 0) break;
          throw e;
        }
        const f = path.join(o.out, `${base}-${i + 1}.png`);
        writeFileAtomic(f, png);
        out(f);
      }
    });
  return prog;
}

export async function main(argv: string[]): Promise<void> {
  const prog = program();
  prog.exitOverride();
  try {
    await prog.parseAsync(argv);
  } catch (e) {
    if (e instanceof InvalidArgumentError) {
      // thrown from an action (commander has not printed it)
      err(`banmian: ${e.message}`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (e instanceof DiagnosticError) {
      for (const d of e.diagnostics) err(formatDiagnostic(d));
      // problems of the machine (fonts, profile, output folder) are exit status 2, bad input 1
      process.exitCode = e.name === 'EnvironmentError' ? 2 : 1;
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    err(`banmian: internal error: ${msg}`);
    if (process.env.BANMIAN_DEBUG && e instanceof Error) err(e.stack ?? '');
    err('hint: this is a bug in banmian; rerun with BANMIAN_DEBUG=1 and report the output');
    process.exitCode = 70;
  }
}
