/**
 * The held-out check: four pages in styles the corpus does not have (a provincial daily with one line per
 * paragraph and nothing between them, a theory page, a sports page with scores, a standings table and 体坛快讯,
 * a county page exported on Windows), written after the rules and measured before any rule was changed for
 * them: 16 of 17 headlines were recognised (the one missed: a 引题 that names a topic, `关注…`, above a 主题
 * with a colon). The general rules were then fixed, not these pages. Each page's true headlines are in
 * headlines.json; on every page at least 95 % must be an item's headline (or title), none may be inside a
 * paragraph, a kicker or a subhead, and nothing may be lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { checkNoLoss, importCopyFile } from '../src/ingest/index.js';
import type { Item } from '../src/model/edition.js';

const DIR = path.resolve(__dirname, 'fixtures', 'ingest-heldout');
const TRUTH = JSON.parse(fs.readFileSync(path.join(DIR, 'headlines.json'), 'utf8')) as Record<string, string[]>;
const squeeze = (s: string): string => s.replace(/[\s\u3000]/gu, '');

/** The head texts an item offers: its headline or title (by line), and its briefs' heads. */
function heads(it: Item): string[] {
  const own = 'headline' in it ? it.headline : 'title' in it ? it.title : null;
  return [
    ...(own ? own.split('\n') : []),
    ...(it.kind === 'briefs' ? it.entries.flatMap((b) => b.headline ?? []) : []),
  ];
}

/** Texts a headline must never end up in. */
function body(it: Item): string[] {
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return [it.kicker ?? '', it.subhead ?? '', ...it.paragraphs];
    case 'notice':
      return it.paragraphs;
    case 'briefs':
      return it.entries.map((b) => b.text);
    case 'photo':
      return [it.caption];
    default:
      return [];
  }
}

describe('held-out pages in new styles', () => {
  it('has four pages with their headlines', () => {
    expect(Object.keys(TRUTH)).toHaveLength(4);
  });

  for (const [file, truth] of Object.entries(TRUTH)) {
    it(`${file}: ≥ 95 % of the headlines recognised, none inside a text, nothing lost`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const sink = new Sink();
      const items = importCopyFile(path.join(DIR, file), sink, file);
      const got = new Set(items.flatMap(heads).map(squeeze));
      const found = truth.filter((h) => got.has(squeeze(h)));
      expect(
        found.length / truth.length,
        `missed: ${truth.filter((h) => !found.includes(h)).join(' / ')}`,
      ).toBeGreaterThanOrEqual(0.95);
      const texts = items.flatMap(body).map(squeeze);
      for (const h of truth)
        expect(
          texts.some((t) => t.includes(squeeze(h))),
          `${h} is inside a text`,
        ).toBe(false);
      const r = checkNoLoss(text, items, sink.items);
      expect([r.missing, r.extra]).toEqual([[], []]);
    });
  }
});
