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
  /** Main-head lines; at most 2 (doc §6.2 Q10: ≤ 2 lines for 主题). A width where no size sets in maxLines is not used. */
  maxLines: z.number().int().min(1).max(2),
  kickerRole: role,
  spans: span,
  /** brief rank only: a story whose body has at most this many characters is a 简讯 (small head, 1–2 columns). */
  maxChars: z.number().int().min(1).optional(),
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
  /** Typographic constants the modules use (each explained in the template file). */
  typography: z.object({
    emAscent: z.number().min(0.5).max(1),
    headLeading: z.number().min(1),
    deckLeading: z.number().min(1),
    kickerGap: z.number().min(0),
    subheadGap: z.number().min(0),
    sectionGap: z.number().min(0),
    headSpace: z.number().min(0),
    boxGap: z.number().min(0),
    boxLeading: z.number().min(1),
    boxInset: z.number().min(0),
    photoReach: z.number().min(0).max(1),
    logoInset: z.number().min(0),
  }),
  body: z.object({
    role,
    size: pos,
    commentaryRole: role,
    creditRole: role,
    datelineRole: role,
    /** Shortest column leg in lines: a hard rule for every module with body columns (doc §6.2 Q13). */
    minLeg: z.number().int().min(1),
    /** Spacing the make-up may add to fill a module: whole blank lines at paragraph breaks (baseline grid kept). */
    spacing: z.object({ perGap: z.number().int().min(0), share: z.number().min(0).max(1) }),
    /** How marked paragraphs (model ParagraphMark) are set: face role and alignment; no indent unless `indent`. */
    marks: z.object({
      crosshead: z.object({ role, align: z.enum(['start', 'center']) }),
      note: z.object({ role, indent: z.boolean() }),
      jump: z.object({ role }),
      question: z.object({ role, indent: z.boolean() }),
      label: z.object({ role }),
      closing: z.object({ role }),
      signature: z.object({ role }),
      entry: z.object({ role }),
    }),
  }),
  /** Heads narrower than their module, the body running up beside them (题文穿插): the make-up may choose them. */
  sideHead: z.object({
    ranks: z.array(z.enum(['lead', 'secondary', 'other', 'brief', 'commentary', 'continued'])),
    /** Smallest share of the module's columns the head keeps. */
    minShare: z.number().min(0).max(1),
  }),
  grades: z.array(pos).min(3),
  secondaryGrades: z.number().int().min(0),
  /**
   * An under-full page is laid out a second time spread: every rank's heads up to `grades` 号数 larger, its widths up to
   * `columns` more, heads padded up to `headPadMax` lines, body spacing up to `spacing` (blank lines at paragraph
   * breaks); the fuller of the two layouts is kept. Absent: never.
   */
  spread: z
    .object({
      grades: z.number().int().min(0),
      columns: z.number().int().min(0),
      headPadMax: z.number().int().min(0),
      spacing: z.object({ perGap: z.number().int().min(0), share: z.number().min(0).max(1) }).optional(),
    })
    .optional(),
  heads: z.object({
    lead: headStyle,
    secondary: headStyle,
    other: headStyle,
    brief: headStyle.extend({ maxChars: z.number().int().min(1) }),
    commentary: headStyle,
    continued: headStyle,
  }),
  /** Heads of neighbouring modules side by side (碰题, doc §6.2 Q7) are allowed only this many times apart in size. */
  butting: z.object({ minRatio: z.number().min(1) }),
  section: z.object({ role, size: pos }),
  columnLogo: z.object({
    role,
    size: pos,
    romanizedSize: pos,
    editorSize: pos,
    lines: z.number().int().min(1),
    /** Narrowest logo in columns (its natural width, never less). */
    minSpan: z.number().int().min(1),
  }),
  photo: z.object({
    titleRole: role,
    titleSize: pos,
    captionRole: role,
    captionSize: pos,
    creditRole: role,
    /** Frame height/width range (the crop range): a hard rule after EXIF orientation, never a strip. */
    aspect: z.tuple([pos, pos]),
    preferredAspect: pos,
    /** Share of its own aspect an image is cropped by before the cost rises steeply. */
    crop: z.number().min(0).max(0.9),
    /** Most of an image's width or height a crop may cut away (a hard rule inside the crop range). */
    maxCrop: z.number().min(0).max(0.9),
    spans: span,
    placeholderLabel: z.string(),
    placeholder: z.object({ spans: span, aspect: z.tuple([pos, pos]) }),
    /** Effective resolution an image may not fall below: caps its width (px / minPpi inch). */
    minPpi: pos,
    /** Resolution the layout report flags below (doc §6.2 Q14). */
    reportPpi: pos,
  }),
  ad: z.object({
    label: z.string().min(1),
    labelRole: role,
    labelSize: pos,
    titleRole: role,
    titleSize: pos,
    lineRole: role,
    lineSize: pos,
    /** Width of an ad without a booked width (overrides.columns / pin.span), in columns. */
    spans: span,
    /** Where an ad without a pin goes: the foot of the page (doc §2.1: ads are input; §6.2 Q15). */
    position: z.enum(['foot']),
  }),
  weather: z.object({ label: z.string(), labelRole: role, labelSize: pos, textRole: role, textSize: pos, spans: span }),
  notice: z.object({
    titleRole: role,
    titleSize: pos,
    numberRole: role,
    bodyRole: role,
    frame: z.number().min(0.3),
    spans: span,
  }),
  list: z.object({ titleRole: role, titleSize: pos, entryRole: role, cellGap: z.number().min(0), spans: span }),
  table: z.object({
    titleRole: role,
    titleSize: pos,
    headerRole: role,
    cellRole: role,
    noteRole: role,
    noteSize: pos,
    cellPad: z.number().min(0),
    heavy: z.number().min(0.3),
    thin: z.number().min(0.3),
    spans: span,
  }),
  briefs: z.object({
    titleRole: role,
    titleSize: pos,
    headRole: role,
    marker: z.string(),
    spans: span,
  }),
  continuation: z.object({
    /** Jump lines; `{page}` is the page number. */
    to: z.string().includes('{page}'),
    from: z.string().includes('{page}'),
    /** Lines per column a story shows before it jumps (doc §6.2 Q2). */
    minLeg: z.number().int().min(1),
    /** Stories an overfull page continues by itself at most (edition continuation.auto): its last long ones. */
    autoStories: z.number().int().min(0).default(2),
  }),
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
  runningHead: z.object({
    nameRole: role,
    nameSize: pos,
    role,
    size: pos,
    rule: z.number().min(0.3),
    gap: z.number().min(0),
  }),
  rules: z.object({
    module: z.number().min(0.3),
    box: z.number().min(0.3),
    mastheadHeavy: z.number().min(0.3),
    mastheadThin: z.number().min(0.3),
  }),
  colors: z.object({ text: cmyk, rule: cmyk, name: cmyk, tint: cmyk, adTint: cmyk, logo: cmyk, placeholder: cmyk }),
  /** Page quality limits (doc §6.2): the largest hole a page may have before it is reported under-full. */
  quality: z.object({ maxHole: z.number().min(0).max(1), warnAt: z.number().min(0).max(1) }),
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
    blank: z.number().min(0),
    short: z.number().min(0),
    elastic: z.number().min(0),
    overset: z.number().min(0),
    drop: z.number().min(0),
    jump: z.number().min(0),
    headWhite: z.number().min(0),
    headLines: z.number().min(0),
    sideHead: z.number().min(0),
    butting: z.number().min(0),
    span: z.number().min(0),
    aspect: z.number().min(0),
    hole: z.number().min(0),
    holeFree: z.number().min(0),
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
