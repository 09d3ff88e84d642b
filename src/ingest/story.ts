/**
 * Story files: one Markdown file per item, `<id>.md`, for editors to read and edit. YAML front matter holds the
 * short fields; the body holds the text, in a form an editor can type:
 *
 *     ---
 *     kind: article            # article | commentary | photo | ad | weather | notice | list | table | briefs
 *     id: article-1            # optional in hand-written files: defaults to the file name
 *     section: □增值化改革进行时  # article only, optional
 *     kicker: null             # 引题 (optional, default null)
 *     headline: 第134期创新学堂举行
 *     subhead: 聚焦平安平湖建设  # 副题 (optional, default null)
 *     credits: [■记者 林旭东]   # optional, default []; a single string is one credit
 *     dateline: 本报讯          # optional, default null
 *     column: { name: 人民论坛, tag: （人民论坛） }   # commentary (required) and article (optional): 栏目;
 *                              # also romanized and editor
 *     marks: [{ paragraph: 2, role: crosshead }]   # optional: paragraphs (0-based) that are not running text:
 *                              # crosshead, note, jump, question, label, closing, signature, entry
 *     title: 破浪前行           # photo, notice, list, table, briefs
 *     image: photos/x.jpg      # photo / ad only (optional)
 *     number: 第二十一号        # notice: 文号 (optional)
 *     signature: [县公交公司]   # notice: issuer lines (optional)
 *     date: 2024年10月11日      # notice: date line (optional)
 *     overrides: { priority: 1, columns: 3 }   # optional, see ItemOverrides
 *     ---
 *
 *     First paragraph.
 *
 *     Second paragraph.
 *
 * The body, by kind:
 * - article, commentary, notice: paragraphs separated by blank lines (a paragraph wrapped over several lines is
 *   joined); a photo: its caption; an ad: its lines, one per line; weather: its text;
 * - list: intro paragraphs, then one `- entry` line per entry (`## heading` for an entry that heads a group),
 *   then the paragraphs after the entries;
 * - table: a Markdown pipe table (`| 品名 | 单价 |`; a `|---|` line under the first row makes it the header),
 *   then note paragraphs;
 * - briefs: one block per brief: `## headline` (omitted for a brief without one; `## ■ 县图书馆新馆开放：` keeps
 *   the bullet, then a space, and a run-in colon), the text, then one `> credit` line per credit.
 *
 * In list and briefs bodies a line that would read as an entry, head or credit but is text starts with `\`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { type CodeOf, DiagnosticError, diagnostic, fail, type Sink } from '../diag/index.js';
import { closest } from '../diag/suggest.js';
import { lineOf, parseYaml, zodDiagnostics } from '../diag/yaml.js';
import type { Brief, Item, ItemOverrides, ParagraphMark } from '../model/edition.js';
import { readText } from './files.js';
import { OverridesSchema } from './schemas.js';

const text = z.string().min(1, 'must not be empty');
const nullableText = z.string().nullable().default(null);
/** Credits: a list, or a single string for one credit. */
const credits = z.union([text.transform((s) => [s]), z.array(text)]).default([]);
const common = {
  id: z.string().regex(/^\S+$/, 'must be one word without spaces').optional(),
  overrides: OverridesSchema.optional(),
};

const ROLES = ['crosshead', 'note', 'jump', 'question', 'label', 'closing', 'signature', 'entry'] as const;
const Marks = z.array(z.strictObject({ paragraph: z.number().int().min(0), role: z.enum(ROLES) })).optional();
const Column = z.strictObject({ name: text, romanized: nullableText, editor: nullableText, tag: text.optional() });

const Article = z.strictObject({
  kind: z.literal('article'),
  ...common,
  section: text.optional(),
  kicker: nullableText,
  headline: z.string(),
  subhead: nullableText,
  credits,
  dateline: nullableText,
  marks: Marks,
  column: Column.optional(),
});
const Commentary = z.strictObject({
  kind: z.literal('commentary'),
  ...common,
  kicker: nullableText,
  headline: z.string(),
  subhead: nullableText,
  credits,
  column: Column,
  dateline: nullableText,
  marks: Marks,
});
const Photo = z.strictObject({
  kind: z.literal('photo'),
  ...common,
  title: nullableText,
  credits,
  image: text.optional(),
});
const Ad = z.strictObject({ kind: z.literal('ad'), ...common, image: text.optional() });
const Weather = z.strictObject({ kind: z.literal('weather'), ...common });
const Notice = z.strictObject({
  kind: z.literal('notice'),
  ...common,
  title: z.string(),
  number: nullableText,
  signature: z.union([text.transform((s) => [s]), z.array(text)]).default([]),
  date: nullableText,
  marks: Marks,
});
const List = z.strictObject({ kind: z.literal('list'), ...common, title: nullableText });
const Table = z.strictObject({ kind: z.literal('table'), ...common, title: nullableText });
const Briefs = z.strictObject({ kind: z.literal('briefs'), ...common, title: nullableText });
const SCHEMAS = {
  article: Article,
  commentary: Commentary,
  photo: Photo,
  ad: Ad,
  weather: Weather,
  notice: Notice,
  list: List,
  table: Table,
  briefs: Briefs,
} as const;
const KINDS = Object.keys(SCHEMAS) as Array<keyof typeof SCHEMAS>;

// ---- writing ----

/** The front matter fields of an item, in a stable order (origin is never written: the story file is the origin). */
function frontMatter(it: Item): Record<string, unknown> {
  const fm: Record<string, unknown> = { kind: it.kind, id: it.id };
  switch (it.kind) {
    case 'article':
      if (it.section !== undefined) fm.section = it.section;
      Object.assign(fm, {
        kicker: it.kicker,
        headline: it.headline,
        subhead: it.subhead,
        credits: it.credits,
        dateline: it.dateline,
      });
      if (it.marks !== undefined) fm.marks = it.marks;
      if (it.column !== undefined) fm.column = it.column;
      break;
    case 'commentary':
      Object.assign(fm, {
        kicker: it.kicker,
        headline: it.headline,
        subhead: it.subhead,
        credits: it.credits,
        column: it.column,
        dateline: it.dateline,
      });
      if (it.marks !== undefined) fm.marks = it.marks;
      break;
    case 'photo':
      Object.assign(fm, { title: it.title, credits: it.credits });
      if (it.image !== undefined) fm.image = it.image;
      break;
    case 'ad':
      if (it.image !== undefined) fm.image = it.image;
      break;
    case 'weather':
      break;
    case 'notice':
      Object.assign(fm, { title: it.title, number: it.number, signature: it.signature, date: it.date });
      if (it.marks !== undefined) fm.marks = it.marks;
      break;
    case 'list':
    case 'table':
    case 'briefs':
      fm.title = it.title;
      break;
  }
  if (it.overrides !== undefined) fm.overrides = it.overrides;
  return fm;
}

/** A line of text that would read as markup in a list or briefs body gets a leading backslash. */
const escapeLine = (s: string, markup: RegExp): string => (markup.test(s) || s.startsWith('\\') ? `\\${s}` : s);
const LIST_MARKUP = /^(?:- |## )/u;
const BRIEF_MARKUP = /^(?:## |> )/u;
const cell = (s: string): string => s.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|');

function body(it: Item): string {
  switch (it.kind) {
    case 'article':
    case 'commentary':
    case 'notice':
      return it.paragraphs.join('\n\n');
    case 'photo':
      return it.caption;
    case 'ad':
      return it.lines.join('\n');
    case 'weather':
      return it.text;
    case 'list':
      return [
        ...it.intro.map((p) => escapeLine(p, LIST_MARKUP)),
        it.entries.map((e, k) => (it.headings?.includes(k) ? `## ${e}` : `- ${e}`)).join('\n'),
        ...it.outro.map((p) => escapeLine(p, LIST_MARKUP)),
      ]
        .filter((s) => s !== '')
        .join('\n\n');
    case 'table': {
      const row = (r: string[]): string => `| ${r.map(cell).join(' | ')} |`;
      const width = Math.max(it.header?.length ?? 0, ...it.rows.map((r) => r.length), 1);
      const grid = [...(it.header ? [row(it.header), `|${' --- |'.repeat(width)}`] : []), ...it.rows.map(row)].join(
        '\n',
      );
      return [grid, ...it.notes.map((n) => escapeLine(n, /^\|/u))].filter((s) => s !== '').join('\n\n');
    }
    case 'briefs':
      return it.entries
        .map((b) =>
          [
            ...(b.headline !== null ? [`## ${briefHeadLine(b)}`] : []),
            escapeLine(b.text, BRIEF_MARKUP),
            ...b.credits.map((c) => `> ${c}`),
          ].join('\n'),
        )
        .join('\n\n');
  }
}

/** The Markdown text of one story file. */
export function storyFileText(it: Item): string {
  const yaml = stringify(frontMatter(it), { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: 'null' });
  return `---\n${yaml}---\n\n${body(it)}\n`;
}

/**
 * Write one `<id>.md` per item into `dir` (created if needed). Returns the paths, in item order. A file that
 * exists with other text than this import would write is never overwritten unless `force`: the files are
 * checked first, and if any differs nothing is written and the error names each one.
 */
export function writeStoryFiles(items: Item[], dir: string, opts: { force?: boolean } = {}): string[] {
  const files = items.map((it) => ({ file: path.join(dir, `${it.id}.md`), text: storyFileText(it) }));
  if (!opts.force) {
    const changed = files.filter(({ file, text }) => {
      try {
        return fs.readFileSync(file, 'utf8') !== text;
      } catch {
        return false;
      }
    });
    if (changed.length) {
      throw new DiagnosticError(
        changed.map(({ file }) =>
          diagnostic(
            'story-exists',
            `story file ${file} exists and differs from what this import would write (an editor may have changed it); nothing was written`,
            { file },
            'move or rename the edited file, import into another directory, or give --force to overwrite it',
          ),
        ),
      );
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const { file, text } of files) {
    const tmp = `${file}.partial`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  return files.map((f) => f.file);
}

// ---- reading ----

interface BodyLine {
  text: string;
  line: number;
}

/** Paragraphs of a Markdown body: blocks separated by blank lines; the lines of a block are joined. */
function paragraphsOf(lines: BodyLine[]): BodyLine[] {
  const out: BodyLine[] = [];
  let cur: BodyLine | null = null;
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) {
      cur = null;
      continue;
    }
    if (cur) {
      const glue = /[A-Za-z0-9]$/.test(cur.text) && /^[A-Za-z0-9]/.test(t) ? ' ' : '';
      cur.text += glue + t;
    } else {
      cur = { text: t, line: l.line };
      out.push(cur);
    }
  }
  return out;
}

/** Blocks of lines (trimmed), separated by blank lines. */
function blocksOf(lines: BodyLine[]): BodyLine[][] {
  const out: BodyLine[][] = [];
  let cur: BodyLine[] | null = null;
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) {
      cur = null;
      continue;
    }
    if (!cur) {
      cur = [];
      out.push(cur);
    }
    cur.push({ text: t, line: l.line });
  }
  return out;
}

const unescapeLine = (s: string): string => (s.startsWith('\\') ? s.slice(1) : s);

/** A list body → intro, entries, outro. */
function readListBody(lines: BodyLine[]): {
  intro: string[];
  entries: string[];
  headings?: number[];
  outro: string[];
} {
  const intro: string[] = [];
  const entries: string[] = [];
  const headings: number[] = [];
  const outro: string[] = [];
  for (const b of blocksOf(lines)) {
    if (b.every((l) => LIST_MARKUP.test(l.text)) && b.some((l) => l.text.startsWith('- '))) {
      for (const l of b) {
        // `## heading` heads the entries after it
        if (l.text.startsWith('## ')) headings.push(entries.length);
        entries.push(l.text.slice(l.text.startsWith('## ') ? 3 : 2).trim());
      }
    } else (entries.length ? outro : intro).push(unescapeLine(b.map((l) => l.text).join('')));
  }
  return headings.length ? { intro, entries, headings, outro } : { intro, entries, outro };
}

/** The cells of a pipe-table row (`| a | b\|c |` → [a, b|c]). */
function rowCells(s: string): string[] {
  const inner = s.replace(/^\|/u, '').replace(/(?<!\\)\|$/u, '');
  const cells: string[] = [];
  let cur = '';
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k]!;
    if (ch === '\\' && k + 1 < inner.length) cur += inner[++k];
    else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/** A table body → header, rows (padded to the widest row) and notes. */
function readTableBody(lines: BodyLine[]): { header: string[] | null; rows: string[][]; notes: string[] } {
  let header: string[] | null = null;
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const b of blocksOf(lines)) {
    if (rows.length === 0 && header === null && b[0]!.text.startsWith('|')) {
      const sep = b[1] !== undefined && /^\|(?:\s*:?-{3,}:?\s*\|)+$/u.test(b[1].text);
      const rest = sep ? b.slice(2) : b;
      if (sep) header = rowCells(b[0]!.text);
      rows.push(...rest.map((l) => rowCells(l.text)));
    } else notes.push(unescapeLine(b.map((l) => l.text).join('')));
  }
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const pad = (r: string[]): string[] => [...r, ...Array<string>(width - r.length).fill('')];
  return { header: header ? pad(header) : null, rows: rows.map(pad), notes };
}

/** A briefs body → the briefs. */
function readBriefsBody(lines: BodyLine[]): Brief[] {
  return blocksOf(lines).map((b) => {
    let k = 0;
    let headline: string | null = null;
    let run: RunIn = {};
    if (b[0]!.text.startsWith('## ')) {
      run = readBriefHeadLine(b[0]!.text.slice(3).trim());
      headline = run.headline ?? null;
      k = 1;
    }
    const textLines: string[] = [];
    const cr: string[] = [];
    for (; k < b.length; k++) {
      const t = b[k]!.text;
      if (t.startsWith('> ')) cr.push(t.slice(2).trim());
      else textLines.push(unescapeLine(t));
    }
    const brief: Brief = { headline, text: textLines.join(''), credits: cr };
    if (run.bullet !== undefined) brief.bullet = run.bullet;
    if (run.separator !== undefined) brief.separator = run.separator;
    return brief;
  });
}

/** A brief's head line in a story file: `## ■ 东坝镇：稻田养蟹…` — the bullet and a space, the head, a `：` run-in mark. */
function briefHeadLine(b: Brief): string {
  return `${b.bullet !== undefined ? `${b.bullet} ` : ''}${b.headline ?? ''}${b.separator ?? ''}`;
}

interface RunIn {
  headline?: string;
  bullet?: string;
  separator?: string;
}

/** The parts of a `## ` head line (see briefHeadLine). */
function readBriefHeadLine(s: string): RunIn {
  const out: RunIn = {};
  const bullet = /^([■●▲◆◇□○•▶►★☆])\s+/u.exec(s);
  if (bullet) {
    out.bullet = bullet[1]!;
    s = s.slice(bullet[0].length);
  }
  if (/[：:]$/u.test(s) && s.length > 1) {
    out.separator = s.slice(-1);
    s = s.slice(0, -1);
  }
  out.headline = s;
  return out;
}

/** "Did you mean" for a misspelt kind. */
const kindHint = (kind: string): string => {
  const near = closest(kind, KINDS);
  return near
    ? `set kind to ${near} (did you mean it?), or one of ${KINDS.join(', ')}`
    : `set kind to one of ${KINDS.join(', ')}`;
};

/**
 * Read one story file. Problems an editor can fix are reported with file and line: fatal ones (no front matter,
 * invalid fields) are thrown as one DiagnosticError listing all of them; the rest (empty body …) go to `sink`.
 */
export function readStoryFile(file: string, sink: Sink): Item {
  const src = readText(
    file,
    'story-unreadable',
    `story file ${file} does not exist or cannot be read`,
    'check the path (it is relative to the edition file) and the file permissions',
  );
  const all = src.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (all[0]?.trim() !== '---') {
    fail(
      'story-front-matter',
      'the story file does not start with a --- front matter line',
      { file, line: 1 },
      'start the file with ---, the fields (kind, headline …), then a closing --- line, then the text',
    );
  }
  const close = all.findIndex((l, k) => k > 0 && l.trim() === '---');
  if (close < 0) {
    fail(
      'story-front-matter',
      'the front matter has no closing --- line',
      { file, line: 1 },
      'add a line with only --- after the last field, before the text',
    );
  }
  const { parsed, errors } = parseYaml(all.slice(1, close).join('\n'), file, 1);
  if (errors.length) throw new DiagnosticError(errors);
  const data: unknown = parsed.doc.toJS();
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    throw new DiagnosticError([
      diagnostic(
        'story-invalid',
        kind === undefined ? 'the front matter has no kind' : `unknown kind "${String(kind)}"`,
        { file, line: lineOf(parsed, ['kind']) },
        typeof kind === 'string' ? kindHint(kind) : `set kind to one of ${KINDS.join(', ')}`,
      ),
    ]);
  }
  const schema = SCHEMAS[kind as keyof typeof SCHEMAS];
  const res = schema.safeParse(data);
  if (!res.success) {
    throw new DiagnosticError(
      zodDiagnostics(
        res.error,
        parsed,
        file,
        'story-invalid',
        (where) => `correct ${where} in the front matter (see the story file format in the README)`,
        schema,
      ),
    );
  }
  const fm = res.data;
  const id = fm.id ?? path.basename(file).replace(/\.md$/i, '');
  const bodyLines = all.slice(close + 1).map((t, k) => ({ text: t, line: close + 2 + k }));
  const paras = paragraphsOf(bodyLines);
  const firstLine = paras[0]?.line ?? close + 2;
  const warn = (code: CodeOf<'warning'>, message: string, line: number, hint: string): void =>
    sink.warn(code, message, { file, line, item: id }, hint);
  const origin = {
    file,
    line: lineOf(parsed, [
      kind === 'article' || kind === 'commentary' ? 'headline' : kind === 'ad' || kind === 'weather' ? 'kind' : 'title',
    ]),
  };
  const overrides = fm.overrides
    ? (Object.fromEntries(Object.entries(fm.overrides).filter(([, v]) => v !== undefined)) as ItemOverrides)
    : undefined;
  const withCommon = <T extends Item>(it: T): T => {
    it.origin = origin;
    if (overrides) it.overrides = overrides;
    return it;
  };
  const noText = (what: string): void =>
    warn('story-empty', `the story file has no ${what}`, firstLine, `write the ${what} after the closing --- line`);
  /** Marks that name an existing paragraph (the others are reported and dropped). */
  const checkMarks = (marks: ParagraphMark[] | undefined, count: number): ParagraphMark[] | undefined => {
    if (marks === undefined) return undefined;
    for (const m of marks.filter((x) => x.paragraph >= count)) {
      warn(
        'story-mark-range',
        `marks names paragraph ${m.paragraph}, but the text has ${count} paragraphs (counted from 0); the mark is ignored`,
        lineOf(parsed, ['marks']),
        'correct the paragraph number in marks, or delete the mark',
      );
    }
    return marks.filter((m) => m.paragraph < count).map((m) => ({ paragraph: m.paragraph, role: m.role }));
  };
  switch (fm.kind) {
    case 'article':
    case 'commentary': {
      if (!fm.headline.trim())
        warn(
          'story-no-headline',
          'the headline is empty',
          lineOf(parsed, ['headline']),
          'write the headline in the headline field',
        );
      if (paras.length === 0) noText('text');
      const marks = checkMarks(fm.marks, paras.length);
      if (fm.kind === 'commentary') {
        const c: Item = {
          kind: 'commentary',
          id,
          kicker: fm.kicker,
          headline: fm.headline,
          subhead: fm.subhead,
          credits: fm.credits,
          column: columnOf(fm.column),
          dateline: fm.dateline,
          paragraphs: paras.map((p) => p.text),
        };
        if (marks !== undefined) c.marks = marks;
        return withCommon(c);
      }
      const a: Item = {
        kind: 'article',
        id,
        ...(fm.section !== undefined ? { section: fm.section } : {}),
        kicker: fm.kicker,
        headline: fm.headline,
        subhead: fm.subhead,
        credits: fm.credits,
        dateline: fm.dateline,
        paragraphs: paras.map((p) => p.text),
      };
      if (marks !== undefined) a.marks = marks;
      if (fm.column !== undefined) a.column = columnOf(fm.column);
      return withCommon(a);
    }
    case 'photo': {
      if (paras.length === 0) noText('caption');
      if (paras.length > 1)
        warn(
          'story-caption-paragraphs',
          `the caption has ${paras.length} paragraphs; they were joined`,
          paras[1]!.line,
          'write the caption as one paragraph',
        );
      const p: Item = {
        kind: 'photo',
        id,
        title: fm.title,
        caption: paras.map((x) => x.text).join(''),
        credits: fm.credits,
      };
      if (fm.image !== undefined) p.image = fm.image;
      return withCommon(p);
    }
    case 'ad': {
      const lines = bodyLines.map((l) => l.text.trim()).filter(Boolean);
      if (lines.length === 0 && fm.image === undefined) noText('ad lines');
      const a: Item = { kind: 'ad', id, lines };
      if (fm.image !== undefined) a.image = fm.image;
      return withCommon(a);
    }
    case 'weather':
      if (paras.length === 0) noText('weather text');
      return withCommon({ kind: 'weather', id, text: paras.map((x) => x.text).join('') });
    case 'notice': {
      if (paras.length === 0) noText('notice text');
      const n: Item = {
        kind: 'notice',
        id,
        title: fm.title,
        number: fm.number,
        paragraphs: paras.map((p) => p.text),
        signature: fm.signature,
        date: fm.date,
      };
      const marks = checkMarks(fm.marks, paras.length);
      if (marks !== undefined) n.marks = marks;
      return withCommon(n);
    }
    case 'list': {
      const l = readListBody(bodyLines);
      if (l.entries.length === 0) noText('entries (one "- entry" line each)');
      return withCommon({ kind: 'list', id, title: fm.title, ...l });
    }
    case 'table': {
      const t = readTableBody(bodyLines);
      if (t.rows.length === 0) noText('table rows ("| cell | cell |" lines)');
      return withCommon({ kind: 'table', id, title: fm.title, ...t });
    }
    case 'briefs': {
      const entries = readBriefsBody(bodyLines);
      if (entries.length === 0) noText('briefs');
      return withCommon({ kind: 'briefs', id, title: fm.title, entries });
    }
  }
}

/** The column as the model has it (no `tag` key when the file has none). */
function columnOf(c: z.infer<typeof Column>): {
  name: string;
  romanized: string | null;
  editor: string | null;
  tag?: string;
} {
  return c.tag !== undefined
    ? { name: c.name, romanized: c.romanized, editor: c.editor, tag: c.tag }
    : { name: c.name, romanized: c.romanized, editor: c.editor };
}
