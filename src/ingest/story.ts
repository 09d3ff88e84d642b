/**
 * Story files: one Markdown file per item, `<id>.md`, for editors to read and edit.
 *
 *     ---
 *     kind: article            # article | commentary | photo | ad | weather
 *     id: article-1            # optional in hand-written files: defaults to the file name
 *     section: □增值化改革进行时  # article only, optional
 *     kicker: null             # 引题 (optional, default null)
 *     headline: 第134期创新学堂举行
 *     subhead: 聚焦平安平湖建设  # 副题 (optional, default null)
 *     credits: [■记者 林旭东]   # optional, default []
 *     dateline: 本报讯          # optional, default null
 *     column: { name: 第134期评论, romanized: DIYI PINGLUN, editor: 栏目统筹：黄金凤 }   # commentary only
 *     marks: [{ paragraph: 2, role: subhead }]   # article/commentary, optional: paragraphs (0-based) that are
 *                              # 小标题 (subhead), 编者按 (note), 转版 lines (jump) or interview questions (question)
 *     title: 破浪前行           # photo only (optional)
 *     image: photos/x.jpg      # photo / ad only (optional)
 *     overrides: { priority: 1, columns: 3 }   # optional, see ItemOverrides
 *     ---
 *
 *     First paragraph.
 *
 *     Second paragraph.
 *
 * The body: article/commentary paragraphs separated by blank lines (a paragraph wrapped over several lines is
 * joined); a photo's caption; an ad's lines, one per line; the weather text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { type CodeOf, DiagnosticError, diagnostic, fail, type Sink } from '../diag/index.js';
import type { Item, ItemOverrides, ParagraphMark } from '../model/edition.js';
import { OverridesSchema, zodDiagnostics } from './schemas.js';
import { lineOf, parseYaml } from './yamlpos.js';
import { readText } from './files.js';

const text = z.string().min(1, 'must not be empty');
const nullableText = z.string().nullable().default(null);
const credits = z.array(text).default([]);
const common = {
  id: z.string().regex(/^\S+$/, 'must be one word without spaces').optional(),
  overrides: OverridesSchema.optional(),
};

const Marks = z
  .array(
    z.strictObject({ paragraph: z.number().int().min(0), role: z.enum(['crosshead', 'note', 'jump', 'question']) }),
  )
  .optional();

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
});
const Commentary = z.strictObject({
  kind: z.literal('commentary'),
  ...common,
  kicker: nullableText,
  headline: z.string(),
  subhead: nullableText,
  credits,
  column: z.strictObject({ name: text, romanized: nullableText, editor: nullableText }),
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
const SCHEMAS = { article: Article, commentary: Commentary, photo: Photo, ad: Ad, weather: Weather } as const;
const KINDS = Object.keys(SCHEMAS) as Array<keyof typeof SCHEMAS>;

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
    // The kinds below are written whole in the front matter until the story-file format gives them a body.
    case 'notice':
      Object.assign(fm, { title: it.title, number: it.number, signature: it.signature, date: it.date });
      if (it.marks !== undefined) fm.marks = it.marks;
      break;
    case 'list':
      Object.assign(fm, { title: it.title, intro: it.intro, entries: it.entries, outro: it.outro });
      break;
    case 'table':
      Object.assign(fm, { title: it.title, header: it.header, rows: it.rows, notes: it.notes });
      break;
    case 'briefs':
      Object.assign(fm, { title: it.title, entries: it.entries });
      break;
  }
  if (it.overrides !== undefined) fm.overrides = it.overrides;
  return fm;
}

function body(it: Item): string {
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return it.paragraphs.join('\n\n');
    case 'photo':
      return it.caption;
    case 'ad':
      return it.lines.join('\n');
    case 'weather':
      return it.text;
    case 'notice':
      return it.paragraphs.join('\n\n');
    case 'list':
    case 'table':
    case 'briefs':
      return '';
  }
}

/** The Markdown text of one story file. */
export function storyFileText(it: Item): string {
  const yaml = stringify(frontMatter(it), { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: 'null' });
  return `---\n${yaml}---\n\n${body(it)}\n`;
}

/** Write one `<id>.md` per item into `dir` (created if needed). Returns the paths written, in item order. */
export function writeStoryFiles(items: Item[], dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return items.map((it) => {
    const file = path.join(dir, `${it.id}.md`);
    fs.writeFileSync(file, storyFileText(it));
    return file;
  });
}

/** Paragraphs of a Markdown body: blocks separated by blank lines; the lines of a block are joined. */
function blocks(lines: Array<{ text: string; line: number }>): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let cur: { text: string; line: number } | null = null;
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
        `set kind to one of ${KINDS.join(', ')}`,
      ),
    ]);
  }
  const res = SCHEMAS[kind as keyof typeof SCHEMAS].safeParse(data);
  if (!res.success) {
    throw new DiagnosticError(
      zodDiagnostics(
        res.error,
        parsed,
        file,
        'story-invalid',
        (where) => `correct ${where} in the front matter (see the story file format in src/ingest/story.ts)`,
      ),
    );
  }
  const fm = res.data;
  const id = fm.id ?? path.basename(file).replace(/\.md$/i, '');
  const bodyLines = all.slice(close + 1).map((t, k) => ({ text: t, line: close + 2 + k }));
  const paras = blocks(bodyLines);
  const firstLine = paras[0]?.line ?? close + 2;
  const warn = (code: CodeOf<'warning'>, message: string, line: number, hint: string): void =>
    sink.warn(code, message, { file, line, item: id }, hint);
  const origin = {
    file,
    line: lineOf(parsed, [
      kind === 'photo' ? 'title' : kind === 'article' || kind === 'commentary' ? 'headline' : 'kind',
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
      const base = {
        id,
        kicker: fm.kicker,
        headline: fm.headline,
        subhead: fm.subhead,
        credits: fm.credits,
        dateline: fm.dateline,
        paragraphs: paras.map((p) => p.text),
      };
      let marks: ParagraphMark[] | undefined;
      if (fm.marks !== undefined) {
        const bad = fm.marks.filter((m) => m.paragraph >= paras.length);
        for (const m of bad) {
          warn(
            'story-mark-range',
            `marks names paragraph ${m.paragraph}, but the text has ${paras.length} paragraphs (counted from 0); the mark is ignored`,
            lineOf(parsed, ['marks']),
            'correct the paragraph number in marks, or delete the mark',
          );
        }
        marks = fm.marks
          .filter((m) => m.paragraph < paras.length)
          .map((m) => ({ paragraph: m.paragraph, role: m.role }));
      }
      if (fm.kind === 'commentary') {
        const c: Item = { kind: 'commentary', ...base, column: fm.column };
        if (marks !== undefined) c.marks = marks;
        return withCommon(c);
      }
      const a: Item = {
        kind: 'article',
        id,
        ...(fm.section !== undefined ? { section: fm.section } : {}),
        kicker: base.kicker,
        headline: base.headline,
        subhead: base.subhead,
        credits: base.credits,
        dateline: base.dateline,
        paragraphs: base.paragraphs,
      };
      if (marks !== undefined) a.marks = marks;
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
  }
}
