/**
 * Properties (fast-check) of the composer on generated hard paragraphs: Han text mixed with every kind of issue-10
 * token and mark (URLs, e-mail addresses, phone numbers, grouped and long numbers, ratios, full-width alphanumerics,
 * rating stars, Latin words with apostrophes, connectors, circled numbers, mark clusters, ⸺ ⸻ —— ……, full-width
 * spaces, paragraph-start openers) at sampled measures from 6 to 40 em, indent 0 or 2. Read back from the PDF (Noto
 * Serif SC) and checked on the composer data with the fake font, by the independent checks of composition-check.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadFontBook } from '../src/fonts/index.js';
import { BODY_SETTINGS, breakLines, prepareParagraph } from '../src/text/index.js';
import { checkCases, checkComposed, type Failure } from './composition-check.js';
import { fakeFace } from './fake-font.js';

const noto = loadFontBook().face('body');

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const han = fc
  .array(
    pick(
      Array.from(
        '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经',
      ),
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((xs) => xs.join(''));
const word = pick(['home', 'Smart', 'Pro', 'WeChat', 'Android', 'COVID-19', 'Wi-Fi', 'ChatGPT', 'UNESCO', 'iPhone']);
const url = fc
  .tuple(
    pick(['https://', 'http://', 'www.', 'ftp://']),
    fc.array(pick(['pinghu', 'example', 'news-center', 'county', 'gov', 'zjzwfw', 'service']), {
      minLength: 1,
      maxLength: 3,
    }),
    pick(['.gov.cn', '.com', '.com.cn', '.org.cn', '.cn']),
    fc.array(pick(['index.html', 'a', '2024', 'notice_07.pdf', 'track', '123456.shtml', 'm', 'query']), {
      maxLength: 3,
    }),
  )
  .map(
    ([s, host, tld, path]) =>
      `${s === 'www.' ? 'www.' : `${s}www.`}${host.join('.')}${tld}${path.map((p) => `/${p}`).join('')}`,
  );
const email = fc
  .tuple(
    pick(['service', 'editor_office', 'news.desk', 'tip']),
    pick(['pinghu-example', 'daily-news', 'county']),
    pick(['.gov.cn', '.com.cn', '.com']),
  )
  .map(([u, d, t]) => `${u}@${d}${t}`);
const phone = pick(['0573-85012345', '0573-85098765-8021', '400-123-4567', '13905731234', '021-64381234']);
const number = fc.oneof(
  fc.integer({ min: 1000, max: 99999999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n}.${n % 10}%`),
  fc.bigInt({ min: 10000000000n, max: 99999999999999n }).map(String),
  fc.integer({ min: 1, max: 99 }).map(String),
);
const ratio = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${b}∶${a}`);
const full = fc
  .array(pick(Array.from('０１２３４５６７８９ＡＢＣＮＰＳＵ')), { minLength: 2, maxLength: 9 })
  .map((xs) => xs.join(''));
const stars = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }))
  .map(([a, b]) => '★'.repeat(a) + '☆'.repeat(b || 1));
const apostrophe = pick(['O’Brien', 'Mary’s', 'it’s', 'don’t', 'Tom’s']);
const connector = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 2, max: 31 })).map(([a, b]) => `第${a}—${b}版`),
  pick(['北京—上海', '杭州—宁波—温州', 'A1—A4', '3～5天', '9:00—17:00', '2021—2035年']),
);
const circled = pick(['①', '②', '③', '④', '㈠', '⑴', '❶']).map((c) => `${c}`);
/** What may follow a clause: stops, closers and their clusters, dashes and ellipses, a full-width space. */
const after = pick([
  '，',
  '，',
  '。',
  '、',
  '；',
  '：',
  '？',
  '！',
  '”',
  '》',
  '）',
  '。”',
  '”，',
  '！”',
  '。”）',
  '？”“',
  '！”“',
  '”，“',
  '”。“',
  '……',
  '——',
  '⸺',
  '⸻',
  '·',
  '？！',
  '！！！',
  '\u3000',
  '',
]);
const before = pick(['', '', '', '“', '（', '《', '‘']);
const token = fc.oneof(
  { arbitrary: fc.constant(''), weight: 6 },
  { arbitrary: word, weight: 1 },
  { arbitrary: url, weight: 1 },
  { arbitrary: email, weight: 1 },
  { arbitrary: phone, weight: 1 },
  { arbitrary: number, weight: 2 },
  { arbitrary: ratio, weight: 1 },
  { arbitrary: full, weight: 1 },
  { arbitrary: stars, weight: 1 },
  { arbitrary: apostrophe, weight: 1 },
  { arbitrary: connector, weight: 1 },
  { arbitrary: circled.chain((c) => han.map((h) => c + h)), weight: 1 },
);
/** A clause: an opener perhaps, Han text around a token perhaps, and what follows it. */
const clause = fc.tuple(before, han, token, han, after).map(([o, h1, t, h2, a]) => `${o}${h1}${t}${t ? h2 : ''}${a}`);
const paragraph = fc
  .array(clause, { minLength: 1, maxLength: 12 })
  .map((xs) => xs.join('').replace(/^\u3000+|\u3000+$/g, '') || '空');
const measure = fc.oneof(
  fc.integer({ min: 6, max: 40 }),
  fc.integer({ min: 12, max: 80 }).map((h) => h / 2),
);
const indent = pick([0, 2]);

/** The failures that count: a URL, e-mail or phone split at its own break point although it fits is a choice the
 * composer makes on purpose (COSTS.tokenSplit) rather than leave a lonely character or a very loose line. */
const real = (fs: Failure[]): string[] =>
  fs.filter((f) => f.code !== 'split-fits').map((f) => `${f.code} ${f.where}: ${f.detail}`);

describe('generated hard paragraphs at sampled measures, indent 0 and 2', () => {
  test('read back from the PDF: nothing lost or misplaced, kinsoku, no lonely lines, tokens whole, flush, inside', async () => {
    await fc.assert(
      fc.asyncProperty(paragraph, measure, measure, indent, async (text, m1, m2, ind) => {
        // three measures per paragraph in one PDF: two sampled, and the narrowest
        const { failures } = await checkCases(noto, [
          { text, measureEm: m1, indent: ind },
          { text, measureEm: m2, indent: 2 - ind },
          { text, measureEm: 6, indent: ind },
        ]);
        expect(real(failures)).toEqual([]);
      }),
      { numRuns: 60, seed: 10 },
    );
  });

  test('the same checks on the composer data, with the fake font (fixed advances, no shaping)', () => {
    fc.assert(
      fc.property(paragraph, measure, indent, (text, m, ind) => {
        expect(real(checkComposed(fakeFace, [{ text, measureEm: m, indent: ind }]).failures)).toEqual([]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test('resuming from any line start gives the same text', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 6, max: 40 }), (text, m) => {
        for (const face of [noto, fakeFace]) {
          const p = prepareParagraph([{ text, style: { face, size: 9 } }], BODY_SETTINGS);
          const all = breakLines(p, m * 9);
          const k = Math.floor(all.length / 2);
          const rest = breakLines(p, m * 9, { from: all[k]!.start });
          expect(rest.map((l) => l.text).join('')).toBe(text.slice(all[k]!.start));
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});
