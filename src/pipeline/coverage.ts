/**
 * Every character printed: before anything is composed, each character of every text of the edition is looked up
 * in the face chain of each role that may set it (the template's roles for that part of an item). A character no
 * face of the chain has is an error naming the code point, the page, the item and the paragraph (it would print
 * as the 〓 marker, never as an empty .notdef box).
 */
import type { Diagnostic, Sink } from '../diag/index.js';
import type { FontBook, FontRole } from '../fonts/index.js';
import type { LayoutTemplate } from '../layout/index.js';
import type { Edition, Item } from '../model/edition.js';

/** A text of an item and the part it is (for the message and the roles that set it). */
interface Part {
  text: string;
  part:
    | 'headline'
    | 'kicker'
    | 'credit'
    | 'dateline'
    | 'paragraph'
    | 'caption'
    | 'title'
    | 'section'
    | 'column'
    | 'ad'
    | 'weather';
  paragraph?: number;
}

/** The parts of an item; every text itemTexts() names is in one of them. */
function parts(it: Item): Part[] {
  const p = (text: string | null | undefined, part: Part['part'], paragraph?: number): Part[] =>
    text ? [{ text, part, ...(paragraph !== undefined ? { paragraph } : {}) }] : [];
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return [
        ...(it.kind === 'article' ? p(it.section, 'section') : []),
        ...(it.column
          ? [...p(it.column.name, 'column'), ...p(it.column.romanized, 'column'), ...p(it.column.editor, 'credit')]
          : []),
        ...p(it.kicker, 'kicker'),
        ...p(it.headline, 'headline'),
        ...p(it.subhead, 'kicker'),
        ...it.credits.flatMap((c) => p(c, 'credit')),
        ...p(it.dateline, 'dateline'),
        ...it.paragraphs.flatMap((t, i) => p(t, 'paragraph', i + 1)),
      ];
    case 'photo':
      return [...p(it.title, 'title'), ...p(it.caption, 'caption'), ...it.credits.flatMap((c) => p(c, 'credit'))];
    case 'ad':
      return it.lines.flatMap((l) => p(l, 'ad'));
    case 'weather':
      return p(it.text, 'weather');
    case 'notice':
      return [
        ...p(it.title, 'headline'),
        ...p(it.number, 'paragraph'),
        ...it.paragraphs.flatMap((t, i) => p(t, 'paragraph', i + 1)),
        ...[...it.signature, it.date ?? ''].flatMap((t) => p(t, 'paragraph')),
      ];
    case 'list':
      return [
        ...p(it.title, 'headline'),
        ...[...it.intro, ...it.entries, ...it.outro].flatMap((t, i) => p(t, 'paragraph', i + 1)),
      ];
    case 'table':
      return [
        ...p(it.title, 'headline'),
        ...[...(it.header ?? []), ...it.rows.flat(), ...it.notes].flatMap((t) => p(t, 'paragraph')),
      ];
    case 'briefs':
      return [
        ...p(it.title, 'section'),
        ...it.entries.flatMap((b, i) => [
          ...p(b.headline, 'headline'),
          ...p(b.text, 'paragraph', i + 1),
          ...b.credits.flatMap((c) => p(c, 'credit')),
        ]),
      ];
  }
}

/** The roles a template may set each part in. */
function rolesOf(t: LayoutTemplate, part: Part['part']): FontRole[] {
  const heads = Object.values(t.heads);
  const marks = t.body.marks;
  switch (part) {
    case 'headline':
      return [...heads.map((h) => h.role), ...(t.masthead?.index ? [t.masthead.index.role] : [])];
    case 'kicker':
      return heads.map((h) => h.kickerRole);
    case 'credit':
      return [t.body.creditRole];
    case 'dateline':
      return [t.body.datelineRole];
    case 'paragraph':
      return [
        t.body.role,
        t.body.commentaryRole,
        ...(marks ? [marks.crosshead.role, marks.note.role, marks.jump.role, marks.question.role] : []),
      ];
    case 'caption':
      return [t.photo.captionRole];
    case 'title':
      return [t.photo.titleRole];
    case 'section':
      return [t.section.role];
    case 'column':
      return [t.columnLogo.role];
    case 'ad':
      return [t.ad.titleRole, t.ad.lineRole];
    case 'weather':
      return [t.weather.textRole];
  }
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
/** Characters that are not printed as glyphs (spaces, controls, format characters). */
const SILENT = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Check every character of the edition against the chains of the roles that may set it; report each character
 * no chain has once per paragraph. Returns the diagnostics added.
 */
export function checkCoverage(
  edition: Edition,
  templateOf: (layout: string) => LayoutTemplate,
  fonts: FontBook,
  sink: Sink,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const chainNames = (role: FontRole): string =>
    (fonts.face(role).chain ?? [fonts.face(role)]).map((f) => f.postscriptName).join(', ');
  const report = (cp: number, role: FontRole, what: string, at: Diagnostic['at']): void => {
    const d: Diagnostic = {
      severity: 'error',
      code: 'char-not-in-fonts',
      message: `${String.fromCodePoint(cp)} (${hex(cp)}) in ${what} is in no font of the ${role} role (${chainNames(role)}); it prints as the 〓 marker`,
      at,
      hint: 'replace the character, or add a font that has it to the fallback faces in fonts/fonts.yaml',
    };
    sink.add(d);
    found.push(d);
  };
  const first = (text: string, roles: FontRole[], fn: (cp: number, role: FontRole) => void): void => {
    const seen = new Set<number>();
    for (const ch of text) {
      if (SILENT.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      if (seen.has(cp)) continue;
      seen.add(cp);
      const role = roles.find((r) => !fonts.face(r).hasChar(cp));
      if (role) fn(cp, role);
    }
  };
  // the paper's standing data, in the masthead (报头) and the running heads (报眉)
  const t0 = edition.pages[0] ? templateOf(edition.pages[0].layout) : null;
  if (t0) {
    const M = t0.masthead;
    const { name, romanized, ...info } = edition.paper;
    const nameRoles = [...(M ? [M.nameRole] : []), ...(t0.runningHead ? [t0.runningHead.nameRole] : [])];
    first(name, nameRoles, (cp, role) => report(cp, role, 'the paper name', {}));
    if (M && romanized) first(romanized, [M.romanizedRole], (cp, role) => report(cp, role, 'the romanized name', {}));
    if (M)
      for (const v of Object.values(info))
        if (v) first(v, [M.infoRole], (cp, role) => report(cp, role, 'the masthead', {}));
  }
  for (const page of edition.pages) {
    const t = templateOf(page.layout);
    for (const it of page.items) {
      for (const part of parts(it)) {
        const where = part.paragraph !== undefined ? `paragraph ${part.paragraph}` : `the ${part.part}`;
        first(part.text, [...new Set(rolesOf(t, part.part))], (cp, role) =>
          report(cp, role, `${where} of ${it.id}`, {
            ...(it.origin ? { file: it.origin.file, line: it.origin.line } : {}),
            page: page.number,
            item: it.id,
            ...(part.paragraph !== undefined ? { paragraph: part.paragraph } : {}),
          }),
        );
      }
    }
  }
  return found;
}
