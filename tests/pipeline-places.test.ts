/** Where a diagnostic belongs on the pages (pipeline/places.ts), from the locations the stages give. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diag/index.js';
import { placeDiagnostics } from '../src/pipeline/index.js';
import type { LayoutReport, PageReport } from '../src/pipeline/index.js';

const layout = (items: string[]): LayoutReport => ({
  template: 't',
  trim: { width: 100, height: 100, bleed: 0 },
  typeArea: { x: 0, y: 0, w: 100, h: 100 },
  grid: { columns: 1, lines: 1, pitch: 10, firstBaseline: 10, columnX: [0], columnW: 100 },
  modules: items.map((item) => ({
    item,
    kind: 'article',
    rect: { x: 0, y: 0, w: 10, h: 10 },
    column: 1,
    span: 1,
    row: 0,
    rows: 1,
    headSize: null,
    lines: 1,
  })),
  held: [],
  overset: [],
  jumps: [],
  quality: {
    q3: { hole: 0, at: null, emptyLines: 0 },
    q4: { unbalanced: 0, worstShort: 0 },
    q7: 0,
    q8: 0,
    q9: 0,
    q12: 0,
    q13: { shortestLeg: null, shortLegs: 0 },
    q14: { problems: 0, minPpi: null },
    q15: 0,
  },
});

const page = (number: number, items: string[], origins: Array<[string, string, number]>): PageReport => ({
  number,
  pdf: '',
  alias: '',
  png: null,
  items: origins.length,
  origins: origins.map(([item, file, line]) => ({ item, file, line })),
  preflight: { ok: true, failed: [], errors: 0, warnings: 0 },
  photos: [],
  layout: layout(items),
});

const d = (at: Diagnostic['at']): Diagnostic => ({ severity: 'error', code: 'overset', message: 'm', at, hint: 'h' });

describe('placeDiagnostics', () => {
  const pages = [
    page(
      1,
      ['article-1', 'article-2'],
      [
        ['article-1', 'a.txt', 3],
        ['article-2', 'a.txt', 20],
        ['article-3', 'a.txt', 40],
      ],
    ),
    page(2, ['extra'], [['extra', 'stories/extra.md', 1]]),
  ];
  it('takes page and item as the stage gave them, and says whether the item has a module there', () => {
    const [a, b] = placeDiagnostics({
      pages,
      diagnostics: [d({ page: 1, item: 'article-2' }), d({ page: 1, item: 'article-3' })],
    });
    expect(a).toEqual({ page: 1, item: 'article-2', onPage: true });
    // article-3 is not laid out on page 1 (held): its marker goes to the page, not to a module
    expect(b).toEqual({ page: 1, item: 'article-3', onPage: false });
  });

  it('finds the item of an import diagnostic from its file and line: the last item starting at or before it', () => {
    const places = placeDiagnostics({
      pages,
      diagnostics: [d({ file: 'a.txt', line: 25 }), d({ file: 'a.txt', line: 3 }), d({ file: 'a.txt', line: 1 })],
    });
    expect(places.map((p) => [p.page, p.item])).toEqual([
      [1, 'article-2'],
      [1, 'article-1'],
      [1, null],
    ]);
  });

  it('a problem the PDF stage locates by page and image file belongs to the photo with that image', () => {
    const withImage = [
      page(
        1,
        ['photo-1'],
        [
          ['photo-1', 'a.txt', 3],
          ['photo-1', 'photos/x.jpg', 0],
        ],
      ),
    ];
    expect(placeDiagnostics({ pages: withImage, diagnostics: [d({ file: 'photos/x.jpg', page: 1 })] })).toEqual([
      { page: 1, item: 'photo-1', onPage: true },
    ]);
  });

  it('a story file has one item; an item id alone finds the one page it is on; the rest is the edition’s', () => {
    const places = placeDiagnostics({
      pages,
      diagnostics: [
        d({ file: 'stories/extra.md', line: 9 }),
        d({ item: 'extra' }),
        d({ file: 'edition.yaml', line: 2 }),
      ],
    });
    expect(places).toEqual([
      { page: 2, item: 'extra', onPage: true },
      { page: 2, item: 'extra', onPage: true },
      { page: null, item: null, onPage: false },
    ]);
  });
});
