/**
 * The edition file (YAML): the paper's standing data, the date and the pages with their copy.
 *
 * ```yaml
 * paper:                              # standing data for the masthead; only name is required
 *   name: 平湖日报
 *   romanized: PINGHU RIBAO
 *   publisher: 中共平湖市委机关报
 *   registration: CN 33-0000          # 国内统一连续出版物号
 *   postalCode: 31-00                 # 邮发代号
 *   website: www.example.cn
 * date: 2024-07-03                    # YYYY-MM-DD, a real calendar date
 * issue: 12345                        # 总第 N 期; optional, a whole number ≥ 1
 * print:                              # the print shop's settings; optional, every field too
 *   code: PHRB                        #   paper code in the shop's file names
 *   files: "{code}-{date}-{section}{page}.pdf"   # page file names (the default)
 *   section: A                        #   section letter (叠)
 *   standard: x1a                     #   x1a (PDF/X-1a:2001) or x4 (PDF/X-4)
 *   profile: shop/WAN-IFRAnewspaper26v5.icc     # the shop's CMYK output profile (default: CGATS TR 002 newsprint)
 *   inkLimit: 240                     #   total ink limit, %
 *   ppi: { warn: 200, error: 100 }    #   effective photo resolution limits
 *   hairline: 0.25                    #   thinnest rule, pt
 * pages:                              # at least one page; numbers unique
 *   - number: 1                       # 版次, whole number ≥ 1
 *     name: 要闻                      # 版名; optional
 *     layout: broadsheet              # a template in layouts/ (layouts/broadsheet.yaml)
 *     copy: 000_52660507d51a0aa1.txt  # newsroom page copy (plain text); optional
 *     stories: [stories/extra.md, extra/*.md]   # story files or patterns (see story.ts); optional; after the copy's items
 *     images:                         # image files for photo and ad items, by item id; optional
 *       photo-1: photos/hubble-deep-field_1000x872.jpg
 *     overrides:                      # per item id; optional; fields as ItemOverrides in model/edition.ts
 *       article-1: { priority: 1 }    #   priority (1 = lead story), columns, pin {column, span, row, lines}, hold,
 *       article-2: { columns: 3 }     #   continueOn (page the story may continue on), headSize (pt)
 *       article-5: { continueOn: 3 }
 * continuation: { auto: true }        # optional: an overfull page may continue its lowest-priority long story
 *                                     # on the next page (下转/上接 jump lines); default: only continueOn stories
 * ```
 *
 * Images are read here, not in layout: every photo or ad image gets `imageSize` (pixel size as displayed, after
 * its EXIF orientation); an image whose header cannot be read is reported (`image-size-unknown`).
 *
 * All paths are relative to the edition file. Item ids are those the importer gives (`article-1`, `photo-2`, …,
 * numbered per kind in copy order; see `banmian import --json`) or a story file's `id` (default: its file name).
 *
 * Errors that make the edition unusable (unreadable file, bad YAML, invalid or missing fields, a missing copy
 * or story file, duplicate ids) are collected and thrown together as one DiagnosticError, each with file, line
 * and a hint. Problems the build can live with go to the sink as warnings: an image file that does not exist
 * or a photo without one (`missing-image`: a placeholder frame is drawn), ids in `images`/`overrides` that
 * match no item (`unknown-item`), an empty page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DiagnosticError, type Diagnostic, diagnostic, type Sink } from '../diag/index.js';
import type { Edition, Item, ItemOverrides, Page, Paper, PrintSettings } from '../model/edition.js';
import { importCopyFile } from './copy/index.js';
import { globSync } from 'tinyglobby';
import { lineOf, parseYaml, zodDiagnostics } from '../diag/yaml.js';
import { OverridesSchema } from './schemas.js';
import { readStoryFile } from './story.js';
import { readText } from './files.js';
import { readImageSize } from './image-size.js';

const text = z.string().trim().min(1, 'must not be empty');

function realDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const EditionSchema = z.strictObject({
  paper: z.strictObject({
    name: text,
    romanized: text.optional(),
    publisher: text.optional(),
    registration: text.optional(),
    postalCode: z.union([text, z.number()]).transform(String).optional(),
    website: text.optional(),
  }),
  date: z.string().refine(realDate, 'must be a real date written YYYY-MM-DD'),
  issue: z.number().int().min(1).optional(),
  continuation: z.strictObject({ auto: z.boolean() }).optional(),
  print: z
    .strictObject({
      code: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,16}$/, 'must be 1–16 letters, digits, - or _')
        .optional(),
      files: z
        .string()
        .regex(/\{page\}/, 'must contain {page}')
        .optional(),
      section: z
        .string()
        .regex(/^[A-Za-z0-9]{0,3}$/, 'must be up to 3 letters or digits')
        .optional(),
      standard: z.enum(['x1a', 'x4']).optional(),
      profile: text.optional(),
      inkLimit: z.number().min(100).max(400).optional(),
      ppi: z
        .strictObject({ warn: z.number().positive().optional(), error: z.number().positive().optional() })
        .optional(),
      hairline: z.number().min(0).max(2).optional(),
    })
    .optional(),
  pages: z
    .array(
      z.strictObject({
        number: z.number().int().min(1),
        name: text.optional(),
        layout: text,
        copy: text.optional(),
        stories: z.array(text).optional(),
        images: z.record(z.string(), text).optional(),
        overrides: z.record(z.string(), OverridesSchema).optional(),
      }),
    )
    .min(1, 'must list at least one page'),
});

const HINTS: Array<[RegExp, string]> = [
  [/^date/, 'write the date as YYYY-MM-DD, e.g. date: 2024-07-03'],
  [/^paper/, 'give the paper as paper: { name: 平湖日报, … } (only name is required)'],
  [
    /^print/,
    'use code, files, section, standard (x1a or x4), profile, inkLimit, ppi { warn, error } and hairline in print',
  ],
  [/layout$/, 'name the layout template of the page, e.g. layout: broadsheet'],
  [/number$/, 'give each page its page number, a whole number from 1'],
  [
    /overrides/,
    'use only priority, columns, pin { column, span, row, lines }, hold, continueOn and headSize in overrides',
  ],
  [/^continuation/, 'write continuation: { auto: true } (or false)'],
  [/^pages/, 'check the page entry against the edition file format (src/ingest/edition.ts)'],
];

/** A `stories:` entry with glob characters (`*`, `?`, `[…]`, `{…}`) is a pattern. */
const isGlob = (s: string): boolean => /[*?[\]{}]/u.test(s);

/** Load an edition file: the paper, the pages and their items (copy imported, story files read, images and overrides applied). */
export function loadEdition(file: string, sink: Sink): Edition {
  const src = readText(
    file,
    'edition-unreadable',
    `edition file ${file} does not exist or cannot be read`,
    'check the path of the edition file',
  );
  const { parsed, errors: syntax } = parseYaml(src.replace(/^\uFEFF/, ''), file);
  if (syntax.length) throw new DiagnosticError(syntax);
  const res = EditionSchema.safeParse(parsed.doc.toJS() ?? {});
  if (!res.success) {
    throw new DiagnosticError(
      zodDiagnostics(
        res.error,
        parsed,
        file,
        'edition-invalid',
        (where) => HINTS.find(([re]) => re.test(where))?.[1] ?? `correct ${where} in the edition file`,
        EditionSchema,
      ),
    );
  }
  const data = res.data;
  const baseDir = path.resolve(path.dirname(file));
  const rel = (p: string): string => path.join(path.dirname(file), p);
  const errors: Diagnostic[] = [];
  const at = (p: ReadonlyArray<PropertyKey>, extra: Partial<Diagnostic['at']> = {}): Diagnostic['at'] => ({
    file,
    line: lineOf(parsed, p),
    ...extra,
  });

  const seen = new Map<number, number>();
  const pages: Page[] = data.pages.map((pg, k) => {
    if (seen.has(pg.number)) {
      errors.push(
        diagnostic(
          'edition-invalid',
          `page number ${pg.number} appears twice`,
          at(['pages', k, 'number'], { page: pg.number }),
          'give every page its own number',
        ),
      );
    }
    seen.set(pg.number, k);
    const items: Item[] = [];
    if (pg.copy !== undefined) {
      const copyFile = rel(pg.copy);
      if (!fs.existsSync(copyFile) || fs.statSync(copyFile).isDirectory()) {
        errors.push(
          diagnostic(
            'missing-copy',
            `copy file ${pg.copy} does not exist or cannot be read`,
            at(['pages', k, 'copy'], { page: pg.number }),
            'check the copy path (relative to the edition file) or remove the copy line',
          ),
        );
      } else {
        try {
          items.push(...importCopyFile(copyFile, sink));
        } catch (e) {
          if (e instanceof DiagnosticError) errors.push(...e.diagnostics);
          else throw e;
        }
      }
    }
    (pg.stories ?? []).forEach((s, j) => {
      // a pattern (`stories/*.md`) names every file it matches, in name order; a plain path names one file
      const files = isGlob(s)
        ? globSync(s, { cwd: path.dirname(file), onlyFiles: true, expandDirectories: false }).sort()
        : [s];
      if (files.length === 0 || (!isGlob(s) && !fs.existsSync(rel(s)))) {
        errors.push(
          diagnostic(
            'missing-story',
            isGlob(s) ? `story pattern ${s} matches no file` : `story file ${s} does not exist`,
            at(['pages', k, 'stories', j], { page: pg.number }),
            'check the story path (relative to the edition file) or remove it from stories',
          ),
        );
        return;
      }
      for (const f of files) {
        const storyFile = rel(f);
        try {
          const it = readStoryFile(storyFile, sink);
          if (items.some((x) => x.id === it.id)) {
            errors.push(
              diagnostic(
                'duplicate-item',
                `item id ${it.id} of story file ${f} is already used on page ${pg.number}`,
                at(['pages', k, 'stories', j], { page: pg.number, item: it.id }),
                'give the story file another id (its id field or its file name)',
              ),
            );
            continue;
          }
          items.push(it);
        } catch (e) {
          if (e instanceof DiagnosticError) errors.push(...e.diagnostics);
          else throw e;
        }
      }
    });
    const known = (): string => items.map((x) => x.id).join(', ') || 'none';
    const byId = new Map(items.map((x) => [x.id, x]));

    for (const [id, img] of Object.entries(pg.images ?? {})) {
      const where = at(['pages', k, 'images', id], { page: pg.number, item: id });
      const it = byId.get(id);
      if (!it) {
        sink.warn(
          'unknown-item',
          `images names item ${id}, which is not on page ${pg.number}`,
          where,
          `use one of the page's item ids (${known()})`,
        );
        continue;
      }
      if (it.kind !== 'photo' && it.kind !== 'ad') {
        sink.warn(
          'image-wrong-kind',
          `item ${id} is ${it.kind === 'article' ? 'an' : 'a'} ${it.kind}; only photos and ads take an image`,
          where,
          'attach the image to a photo or ad item, or remove the line',
        );
        continue;
      }
      const imgFile = path.resolve(baseDir, img);
      if (!fs.existsSync(imgFile)) {
        sink.warn(
          'missing-image',
          `image file ${img} for ${id} does not exist; a placeholder frame is drawn`,
          where,
          `put the image at ${img} (relative to the edition file) or correct the path`,
        );
        continue;
      }
      it.image = imgFile;
    }
    // Every image as displayed (EXIF orientation applied), for the make-up's crop range and resolution.
    for (const it of items) {
      if ((it.kind !== 'photo' && it.kind !== 'ad') || it.image === undefined) continue;
      const file = path.resolve(baseDir, it.image);
      if (!fs.existsSync(file)) continue;
      it.image = file;
      const size = readImageSize(file);
      if (size) it.imageSize = size;
      else
        sink.warn(
          'image-size-unknown',
          `the size of image ${path.basename(file)} of ${it.id} cannot be read (not a JPEG or PNG header); it is framed at the template's default shape`,
          at(['pages', k, 'images', it.id], { page: pg.number, item: it.id }),
          'save the image as JPEG or PNG so that its crop follows its shape',
        );
    }
    for (const it of items) {
      if (it.kind === 'photo' && it.image === undefined && !(pg.images && it.id in pg.images)) {
        sink.warn(
          'missing-image',
          `photo ${it.id} has no image file; a placeholder frame is drawn`,
          at(['pages', k], { page: pg.number, item: it.id }),
          `add "${it.id}: photos/FILE.jpg" under images of page ${pg.number}`,
        );
      }
    }
    for (const [id, ov] of Object.entries(pg.overrides ?? {})) {
      const it = byId.get(id);
      if (!it) {
        sink.warn(
          'unknown-item',
          `overrides names item ${id}, which is not on page ${pg.number}`,
          at(['pages', k, 'overrides', id], { page: pg.number, item: id }),
          `use one of the page's item ids (${known()})`,
        );
        continue;
      }
      const clean = Object.fromEntries(Object.entries(ov).filter(([, v]) => v !== undefined)) as ItemOverrides;
      it.overrides = { ...it.overrides, ...clean };
    }
    if (items.length === 0) {
      sink.warn(
        'page-empty',
        `page ${pg.number} has no items`,
        at(['pages', k], { page: pg.number }),
        'give the page a copy file or story files',
      );
    }
    const page: Page = { number: pg.number, layout: pg.layout, items };
    if (pg.name !== undefined) page.name = pg.name;
    return page;
  });
  if (errors.length) throw new DiagnosticError(errors);

  const paper: Paper = { name: data.paper.name };
  for (const key of ['romanized', 'publisher', 'registration', 'postalCode', 'website'] as const) {
    const v = data.paper[key];
    if (v !== undefined) paper[key] = v;
  }
  const edition: Edition = { paper, date: data.date, pages, baseDir };
  if (data.issue !== undefined) edition.issue = data.issue;
  if (data.continuation !== undefined) edition.continuation = data.continuation;
  if (data.print) {
    const { ppi, profile, ...rest } = data.print;
    const print: PrintSettings = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (profile !== undefined) print.profile = path.resolve(baseDir, profile);
    if (ppi) print.ppi = Object.fromEntries(Object.entries(ppi).filter(([, v]) => v !== undefined));
    edition.print = print;
  }
  return edition;
}
