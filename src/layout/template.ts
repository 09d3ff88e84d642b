/**
 * Page templates: `layouts/<name>.yaml`, validated with zod. Every page spec number lives in the YAML file with a
 * comment citing its source; this module only checks shape and derives the grid geometry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { mmToPt } from '../core/units.js';
import { DiagnosticError, fail } from '../diag/index.js';
import { parseYaml, unknownFields, zodDiagnostics } from '../diag/yaml.js';
import { FONT_ROLES, PROJECT_ROOT, type FontRole } from '../fonts/index.js';

const role = z.enum(FONT_ROLES as unknown as [FontRole, ...FontRole[]]);
const cmyk = z.tuple([
  z.number().min(0).max(100),
  z.number().min(0).max(100),
  z.number().min(0).max(100),
  z.number().min(0).max(100),
]);
const pos = z.number().positive();
const span = z.tuple([z.number().int().min(1), z.number().int().min(1)]);

const headStyle = z.object({
  count: z.number().int().min(1),
  role,
  sizes: z.array(pos).min(1),
  maxLines: z.number().int().min(1),
  kickerRole: role,
  spans: span,
});

export const TemplateSchema = z.object({
  name: z.string(),
  page: z.object({ trim: z.tuple([pos, pos]), bleed: z.number().min(0), top: z.number().min(0) }),
  grid: z.object({
    columns: z.number().int().min(1),
    columnChars: z.number().int().min(1),
    gutterChars: z.number().int().min(0),
    char: pos,
    pitch: pos,
    lines: z.number().int().min(10),
  }),
  body: z.object({
    role,
    size: pos,
    commentaryRole: role,
    creditRole: role,
    datelineRole: role,
    minLeg: z.number().int().min(1),
    /** How marked paragraphs (model ParagraphMark) are set: face role and alignment; no indent unless `indent`. */
    marks: z
      .object({
        crosshead: z.object({ role, align: z.enum(['start', 'center']) }),
        note: z.object({ role, indent: z.boolean() }),
        jump: z.object({ role }),
        question: z.object({ role, indent: z.boolean() }),
      })
      .optional(),
  }),
  /** 头条/secondary heads narrower than their module, the body running up beside them (题文穿插). Absent: never. */
  sideHead: z
    .object({
      ranks: z.array(z.enum(['lead', 'secondary', 'other', 'commentary'])),
      minSpan: z.number().int().min(2),
      minWhite: z.number().min(0),
    })
    .optional(),
  grades: z.array(pos).min(3),
  /** Share of the type area without modules above which a page is reported `underfull`. */
  underfull: z.number().min(0).max(1).optional(),
  secondaryGrades: z.number().int().min(0),
  /**
   * An under-full page is laid out a second time spread: every rank's heads up to `grades` 号数 larger, its widths up to
   * `columns` more, heads padded up to `headPadMax` lines; the fuller of the two layouts is kept. Absent: never.
   */
  spread: z
    .object({ grades: z.number().int().min(0), columns: z.number().int().min(0), headPadMax: z.number().int().min(0) })
    .optional(),
  heads: z.object({ lead: headStyle, secondary: headStyle, other: headStyle, commentary: headStyle }),
  section: z.object({ role, size: pos }),
  columnLogo: z.object({ role, size: pos, romanizedSize: pos, editorSize: pos, lines: z.number().int().min(1) }),
  photo: z.object({
    titleRole: role,
    titleSize: pos,
    captionRole: role,
    captionSize: pos,
    creditRole: role,
    aspect: z.tuple([pos, pos]),
    preferredAspect: pos,
    crop: z.number().min(0).max(0.9),
    spans: span,
    placeholderLabel: z.string(),
    /** A frame without an image file: widths and height/width range it may take (never the page's filler). */
    placeholder: z.object({ spans: span, aspect: z.tuple([pos, pos]) }).optional(),
    /** Effective resolution an image may not fall below: caps its width (px / minPpi inch). */
    minPpi: pos.optional(),
  }),
  ad: z.object({
    label: z.string().min(1),
    labelRole: role,
    labelSize: pos,
    titleRole: role,
    titleSize: pos,
    lineRole: role,
    lineSize: pos,
    spans: span,
    grow: z.number().min(0).optional(),
  }),
  weather: z.object({ label: z.string(), labelRole: role, labelSize: pos, textRole: role, textSize: pos, spans: span }),
  masthead: z
    .object({
      columns: z.number().int().min(1),
      minLines: z.number().int().min(1),
      nameRole: role,
      nameMaxSize: pos,
      nameShare: z.number().min(0.2).max(1),
      romanizedRole: role,
      romanizedSize: pos,
      infoRole: role,
      infoSize: pos,
      ear: z.array(z.enum(['article', 'commentary', 'photo', 'ad', 'weather'])),
      /**
       * 导读 in the 报眼 under the ear's boxes: the headlines of the page's other stories (of the other pages' lead
       * stories in a multi-page edition), one line each. Absent: the ear boxes take the 报眼 alone.
       */
      index: z
        .object({
          label: z.string().min(1),
          labelRole: role,
          labelSize: pos,
          role,
          sizes: z.array(pos).min(1),
          marker: z.string(),
          pageRole: role,
          minEntries: z.number().int().min(1),
        })
        .optional(),
    })
    .nullable(),
  runningHead: z
    .object({ nameRole: role, nameSize: pos, role, size: pos, rule: z.number().min(0.3), gap: z.number().min(0) })
    .optional(),
  rules: z.object({
    module: z.number().min(0.3),
    box: z.number().min(0.3),
    mastheadHeavy: z.number().min(0.3),
    mastheadThin: z.number().min(0.3),
  }),
  colors: z.object({ text: cmyk, rule: cmyk, name: cmyk, tint: cmyk, adTint: cmyk, logo: cmyk, placeholder: cmyk }),
  /**
   * The press this grid is printed on (the edition file's `print:` overrides it): PDF standard, the shop's output
   * profile (relative to the template file), ink limit %, photo ppi limits, thinnest rule pt. Absent: defaults.
   */
  print: z
    .strictObject({
      standard: z.enum(['x1a', 'x4']).optional(),
      profile: z.string().min(1).optional(),
      inkLimit: z.number().min(100).max(400).optional(),
      ppi: z
        .strictObject({ warn: z.number().positive().optional(), error: z.number().positive().optional() })
        .optional(),
      hairline: z.number().min(0).max(2).optional(),
    })
    .optional(),
  cost: z.object({
    empty: z.number().min(0),
    headPad: z.number().min(0),
    headPadMax: z.number().int().min(0),
    elastic: z.number().min(0),
    overset: z.number().min(0),
    headOverflow: z.number().min(0),
    headWhite: z.number().min(0),
    shortLeg: z.number().min(0),
    butting: z.number().min(0),
    span: z.number().min(0),
    aspect: z.number().min(0),
    hole: z.number().min(0).optional(),
    holeFree: z.number().min(0).optional(),
  }),
});

export type TemplateData = z.infer<typeof TemplateSchema>;

/** A validated template plus the geometry derived from it (all pt, page coordinates, origin top-left of the trim). */
export interface LayoutTemplate extends TemplateData {
  file: string;
  geometry: {
    trimW: number;
    trimH: number;
    bleed: number;
    /** Type area. */
    x0: number;
    y0: number;
    width: number;
    height: number;
    columnW: number;
    gutter: number;
  };
}

/** Derive the grid geometry; fails when the type area does not fit on the trim. */
export function makeTemplate(data: TemplateData, file: string): LayoutTemplate {
  const g = data.grid;
  const columnW = g.columnChars * g.char;
  const gutter = g.gutterChars * g.char;
  const width = g.columns * columnW + (g.columns - 1) * gutter;
  const height = g.lines * g.pitch;
  const trimW = mmToPt(data.page.trim[0]);
  const trimH = mmToPt(data.page.trim[1]);
  const y0 = mmToPt(data.page.top);
  if (width > trimW || y0 + height > trimH) {
    fail(
      'template-invalid',
      `type area ${width.toFixed(1)} × ${height.toFixed(1)} pt does not fit the trim ${trimW.toFixed(1)} × ${trimH.toFixed(1)} pt`,
      { file },
      'reduce grid columns/lines or the top margin, or enlarge page.trim',
    );
  }
  if (data.masthead && data.masthead.columns > g.columns) {
    fail(
      'template-invalid',
      `masthead is ${data.masthead.columns} columns wide on a ${g.columns}-column grid`,
      { file },
      'set masthead.columns to at most grid.columns',
    );
  }
  return {
    ...data,
    file,
    geometry: {
      trimW,
      trimH,
      bleed: mmToPt(data.page.bleed),
      x0: (trimW - width) / 2,
      y0,
      width,
      height,
      columnW,
      gutter,
    },
  };
}

/** Parse and validate a template file. */
export function loadTemplateFile(file: string): LayoutTemplate {
  if (!fs.existsSync(file))
    fail(
      'template-missing',
      `layout template ${file} does not exist`,
      { file },
      "create the template under layouts/ or fix the page's `layout:` name",
    );
  const { parsed: doc, errors } = parseYaml(fs.readFileSync(file, 'utf8'), file);
  if (errors.length) throw new DiagnosticError(errors.map((e) => ({ ...e, code: 'template-invalid' })));
  const raw: unknown = doc.doc.toJS();
  const parsed = TemplateSchema.safeParse(raw);
  // every problem at its line: the schema's issues, and fields the schema does not know (with "did you mean")
  const problems = [
    ...(parsed.success
      ? []
      : zodDiagnostics(
          parsed.error,
          doc,
          file,
          'template-invalid',
          (where) => `fix \`${where}\` in the template (see layouts/broadsheet.yaml for a complete example)`,
        )),
    ...unknownFields(raw, TemplateSchema, doc, file, 'template-invalid'),
  ];
  if (problems.length || !parsed.success) throw new DiagnosticError(problems);
  return makeTemplate(parsed.data, file);
}

/** Load `layouts/<name>.yaml` under the project root. */
export function loadTemplate(name: string): LayoutTemplate {
  if (!/^[\w.-]+$/.test(name))
    fail(
      'template-missing',
      `layout name ${JSON.stringify(name)} is not a plain name`,
      {},
      'use a template name such as `broadsheet`',
    );
  return loadTemplateFile(path.join(PROJECT_ROOT, 'layouts', `${name}.yaml`));
}
