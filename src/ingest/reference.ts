/** The reference JSON shape (`seeds/*.reference.json` without `source`): field order as in the reference. */
import type { Item } from '../model/edition.js';

export function itemToReference(it: Item): Record<string, unknown> {
  switch (it.kind) {
    case 'article':
      return {
        kind: it.kind,
        id: it.id,
        ...(it.section !== undefined ? { section: it.section } : {}),
        kicker: it.kicker,
        headline: it.headline,
        subhead: it.subhead,
        credits: [...it.credits],
        dateline: it.dateline,
        paragraphs: [...it.paragraphs],
        ...(it.marks !== undefined ? { marks: it.marks.map((m) => ({ ...m })) } : {}),
        ...(it.column !== undefined ? { column: { ...it.column } } : {}),
      };
    case 'commentary':
      return {
        kind: it.kind,
        id: it.id,
        kicker: it.kicker,
        headline: it.headline,
        subhead: it.subhead,
        credits: [...it.credits],
        column: {
          name: it.column.name,
          romanized: it.column.romanized,
          editor: it.column.editor,
          // the tag as printed (`（人民论坛）`, `【今日谈】`): every visible character of the copy is in the JSON
          ...(it.column.tag !== undefined ? { tag: it.column.tag } : {}),
        },
        dateline: it.dateline,
        paragraphs: [...it.paragraphs],
        ...(it.marks !== undefined ? { marks: it.marks.map((m) => ({ ...m })) } : {}),
      };
    case 'photo':
      return { kind: it.kind, id: it.id, title: it.title, caption: it.caption, credits: [...it.credits] };
    case 'ad':
      return { kind: it.kind, id: it.id, lines: [...it.lines] };
    case 'weather':
      return { kind: it.kind, id: it.id, text: it.text };
    case 'notice':
      return {
        kind: it.kind,
        id: it.id,
        title: it.title,
        number: it.number,
        paragraphs: [...it.paragraphs],
        ...(it.marks !== undefined ? { marks: it.marks.map((m) => ({ ...m })) } : {}),
        signature: [...it.signature],
        date: it.date,
      };
    case 'list':
      return {
        kind: it.kind,
        id: it.id,
        title: it.title,
        intro: [...it.intro],
        entries: [...it.entries],
        ...(it.headings !== undefined ? { headings: [...it.headings] } : {}),
        outro: [...it.outro],
      };
    case 'table':
      return {
        kind: it.kind,
        id: it.id,
        title: it.title,
        header: it.header ? [...it.header] : null,
        rows: it.rows.map((r) => [...r]),
        notes: [...it.notes],
      };
    case 'briefs':
      return {
        kind: it.kind,
        id: it.id,
        title: it.title,
        entries: it.entries.map((b) => ({
          headline: b.headline,
          text: b.text,
          credits: [...b.credits],
          // the bullet and the separator of a run-in head, as printed
          ...(b.bullet !== undefined ? { bullet: b.bullet } : {}),
          ...(b.separator !== undefined ? { separator: b.separator } : {}),
        })),
      };
  }
}

/** `{ items: [...] }` as in the reference file; `origin`, `overrides` and `image` are left out. */
export function itemsToReferenceJson(items: Item[]): { items: object[] } {
  return { items: items.map(itemToReference) };
}
