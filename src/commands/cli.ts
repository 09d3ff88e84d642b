/**
 * The `banmian` command line. The only place under src/ that prints: it runs a stage, then prints the
 * diagnostics the sink collected. Bad input → a clear message and a non-zero exit, never a stack trace.
 */
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

function readInput(file: string): string {
  if (!fs.existsSync(file)) fail('input-missing', `input file ${file} does not exist`, { file }, 'check the path');
  if (fs.statSync(file).isDirectory())
    fail('input-is-directory', `${file} is a directory`, { file }, 'give a file, not a directory');
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
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--standard <std>', 'PDF standard: x1a (PDF/X-1a:2001), x4, none', 'x1a')
    .option('--dpi <n>', 'preview PNG resolution; 0 = no PNGs', int('--dpi', 0, 600), 50)
    .action(async (file: string, o: { out: string; standard: string; dpi: number }) => {
      if (!['x1a', 'x4', 'none'].includes(o.standard))
        throw new InvalidArgumentError('--standard must be x1a, x4 or none');
      const sink = new Sink();
      const { buildEdition } = await pipeline();
      try {
        const report = await buildEdition(
          file,
          { outDir: o.out, standard: o.standard as PdfStandard, previewDpi: o.dpi },
          sink,
        );
        printDiagnostics(sink);
        const { qualityLine } = await pipeline();
        for (const p of report.pages)
          out(
            `page ${p.number}: ${path.join(o.out, p.pdf)}${p.png ? `, ${path.join(o.out, p.png)}` : ''} (preflight ${p.preflight.ok ? 'ok' : `FAILED: ${p.preflight.failed.join(', ')}`}); ${qualityLine(p.layout.quality)}`,
          );
        out(
          `edition: ${path.join(o.out, report.editionPdf)}; report: ${path.join(o.out, 'report.json')}; preview: ${path.join(o.out, 'index.html')}`,
        );
        out(
          `${report.counts.errors} errors, ${report.counts.warnings} warnings, ${report.counts.overset} overset, ${report.counts.heldOver} held over`,
        );
        if (report.counts.errors > 0) process.exitCode = 1;
      } catch (e) {
        printDiagnostics(sink);
        throw e;
      }
    });

  prog
    .command('import')
    .description('import newsroom page copy (plain text) into the edition model')
    .argument('<page.txt>', 'the page copy')
    .option('--json', 'print { "items": [...] } to stdout')
    .option('--out <dir>', 'write one Markdown story file per item into DIR')
    .action(async (file: string, o: { json?: boolean; out?: string }) => {
      if (!o.json && !o.out) throw new InvalidArgumentError('give --json or --out DIR');
      const sink = new Sink();
      const { importCopy, itemsToReferenceJson, writeStoryFiles } = await ingest();
      const items = importCopy(readInput(file), path.basename(file), sink);
      printDiagnostics(sink);
      if (o.json) out(JSON.stringify(itemsToReferenceJson(items), null, 1));
      if (o.out) for (const f of writeStoryFiles(items, o.out)) err(`wrote ${f}`);
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
          fail('font-missing', `font file ${o.font} does not exist`, { file: o.font }, 'check the --font path');
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
    .action(async (file: string, o: { json?: boolean }) => {
      readInput(file);
      const { preflight } = await import('../pdf/preflight.js');
      const res = await preflight(fs.readFileSync(file));
      if (o.json) out(JSON.stringify(res, null, 1));
      else for (const c of res.checks) out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.detail}`);
      if (!res.ok) process.exitCode = 1;
    });

  prog
    .command('preview')
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
      process.exitCode = 1;
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    err(`banmian: internal error: ${msg}`);
    if (process.env.BANMIAN_DEBUG && e instanceof Error) err(e.stack ?? '');
    err('hint: this is a bug in banmian; rerun with BANMIAN_DEBUG=1 and report the output');
    process.exitCode = 70;
  }
}
