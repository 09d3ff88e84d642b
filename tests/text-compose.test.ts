import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import fc from 'fast-check';
import { loadFontBook } from '../src/fonts/index.js';
import {
  BODY_SETTINGS,
  breakLines,
  collectStats,
  composeHeadline,
  composeParagraph,
  prepareParagraph,
} from '../src/text/index.js';
import type { ComposedLine } from '../src/text/index.js';
import type { Face } from '../src/fonts/index.js';
import {
  CLOSERS,
  END_PROHIBITED_GB,
  HEADLINE_START_PROHIBITED,
  OPENERS,
  START_PROHIBITED_GB,
  STOPS,
  isHan,
} from '../src/text/rules.js';
import { composeTextDocument } from '../src/commands/compose.js';

const book = loadFontBook();
const face = book.face('body');
const SIZE = 9;
const style = { face, size: SIZE };
const MARKS = new Set([...STOPS, ...CLOSERS, ...OPENERS]);
const QB = new Set(['？', '！']);

function compose(text: string, measureEm: number, indent = 2): ComposedLine[] {
  return composeParagraph([{ text, style }], { ...BODY_SETTINGS, indent }, measureEm * SIZE);
}
/** Right edge of the set line: the pen after the last glyph (glyph x includes centring offsets, e.g. of ·). */
const end = (l: ComposedLine): number => l.width;

describe('punctuation widths', () => {
  test('adjacent marks are 1.5 em; ？！ 1 em; ！！！ 2 em; · ½ em; —— 2 em carrying both characters', () => {
    const lines = compose('他说：“你好！”他又说“真的吗？！”还有“啊！！！”和《诗经·秦风》——完了……', 40, 0);
    expect(lines).toHaveLength(1);
    const gl = lines[0]!.glyphs;
    const adv = (t: string, nth = 0): number => gl.filter((g) => g.text === t)[nth]!.advance / SIZE;
    expect(adv('：') + adv('“')).toBeCloseTo(1.5, 6); // stop + opener
    expect(adv('！') + adv('”')).toBeCloseTo(1.5, 6); // stop + closer
    expect(adv('？') + adv('！', 1)).toBeCloseTo(1, 6); // GB ？！ = 1 em
    expect(adv('！', 2) + adv('！', 3) + adv('！', 4)).toBeCloseTo(2, 6); // GB ！！！ = 2 em
    expect(adv('·')).toBeCloseTo(0.5, 6);
    expect(adv('——')).toBeCloseTo(2, 6);
    expect(gl.map((g) => g.text).join('')).toBe(lines[0]!.text);
  });

  test('a mark ending a line is ½ em and the line is still flush', () => {
    // 11 Han + comma + more: the comma ends line 1 at 11.5 em natural → flush by justification
    const text = '一二三四五六七八九十甲，乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。';
    const lines = compose(text, 12, 0);
    const l0 = lines[0]!;
    expect(l0.text.endsWith('，')).toBe(true);
    expect(l0.glyphs[l0.glyphs.length - 1]!.advance).toBeCloseTo(SIZE / 2, 6);
    expect(Math.abs(end(l0) - l0.measure)).toBeLessThan(0.5);
    expect(l0.glyphs[0]!.x).toBeCloseTo(0, 6);
  });

  test('an opening mark starting a line is trimmed ½ em, also after the indent', () => {
    const lines = compose('“你好”，他说。', 12, 2);
    const g = lines[0]!.glyphs[0]!;
    expect(g.text).toBe('“');
    expect(g.advance).toBeCloseTo(SIZE / 2, 6);
    expect(g.x).toBeCloseTo(2 * SIZE - SIZE / 2, 6); // box shifted left: ink flush with the indent
  });
});

describe('Han–Latin spacing', () => {
  test('¼ em between Han and Latin/digits, none inside words, author spaces do not add up', () => {
    const a = compose('使用PaaS平台和5G网络', 40, 0)[0]!;
    const b = compose('使用 PaaS 平台和 5G 网络', 40, 0)[0]!;
    const gapAfter = (l: ComposedLine, t: string): number => {
      const i = l.glyphs.findIndex((g) => g.text === t);
      const g = l.glyphs[i]!;
      let j = i + 1;
      while (l.glyphs[j]!.text === ' ') j++;
      return (l.glyphs[j]!.x - (g.x + g.advance)) / SIZE;
    };
    expect(gapAfter(a, '用')).toBeCloseTo(0.25, 6);
    expect(gapAfter(a, 'S')).toBeCloseTo(0.25, 6);
    expect(gapAfter(a, 'a')).toBeCloseTo(0, 6); // inside the word
    expect(gapAfter(b, '用')).toBeCloseTo(0.25, 6); // the typed space is the gap, not added to it
    expect(b.text).toBe('使用 PaaS 平台和 5G 网络'); // text kept exactly
  });
});

describe('breaking', () => {
  test('resumes from a cursor without indent and without losing text', () => {
    const text = fs.readFileSync('tests/fixtures/sample-body.txt', 'utf8').split('\n')[2]!;
    const p = prepareParagraph([{ text, style }], BODY_SETTINGS);
    const all = breakLines(p, 12 * SIZE);
    const from = all[3]!.start;
    const rest = breakLines(p, 12 * SIZE, { from });
    expect(rest.map((l) => l.text).join('')).toBe(text.slice(from));
    expect(rest[0]!.offset).toBeLessThanOrEqual(0);
    // a per-line measure: narrower first lines
    const varying = breakLines(p, (i) => (i < 2 ? 8 : 12) * SIZE);
    expect(varying.map((l) => l.text).join('')).toBe(text);
    for (const l of varying.filter((x) => !x.last)) expect(Math.abs(end(l) - l.measure)).toBeLessThan(0.5);
    expect(varying[0]!.measure).toBe(8 * SIZE);
    expect(varying[2]!.measure).toBe(12 * SIZE);
  });

  test('avoids a 孤字 last line', () => {
    // greedy at 10 em leaves "了。" alone on the last line
    const text = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸走了。';
    const lines = compose(text, 10, 0);
    const last = lines[lines.length - 1]!;
    expect(Array.from(last.text).filter(isHan).length).toBeGreaterThanOrEqual(2);
    expect(collectStats([lines]).orphansLeft).toBe(0);
  });

  test('numbers, units and Latin words are never split', () => {
    const text = '今年共处理问题诉求1045件，办结率达99.3%，回访满意率100%，COVID-19与Wi-Fi网络覆盖率达3.5km²范围';
    for (let m = 6; m <= 14; m++) {
      const lines = compose(text, m, 0);
      for (let i = 0; i + 1 < lines.length; i++) {
        const a = lines[i]!.text.slice(-1);
        const b = lines[i + 1]!.text[0]!;
        expect(
          /[0-9A-Za-z.%²-]/.test(a) && /[0-9A-Za-z.%²-]/.test(b),
          `${m} em: ${lines[i]!.text}|${lines[i + 1]!.text}`,
        ).toBe(false);
      }
    }
  });
});

describe('headlines', () => {
  test('breaks at phrase boundaries, never before 的/了/之 or a closer, balanced, within maxWidth', () => {
    const head = book.face('headline');
    const text = '我市工业绿色发展又显新成效，十七家企业上榜国家级绿色工厂名单';
    const lines = composeHeadline(text, { face: head, size: 30 }, 330, { maxLines: 3 });
    expect(lines.map((l) => l.text).join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(l.natural).toBeLessThanOrEqual(330 + 0.01);
      expect(HEADLINE_START_PROHIBITED.has(l.text[0]!) || START_PROHIBITED_GB.has(l.text[0]!)).toBe(false);
      expect(l.offset).toBeCloseTo((330 - l.natural) / 2, 6); // centred
    }
    const widths = lines.map((l) => l.natural);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(6 * 30);
  });

  test('returns the best it can when the text cannot fit (caller reduces size)', () => {
    const head = book.face('headline');
    const lines = composeHeadline('全力防范化解各类风险隐患', { face: head, size: 40 }, 100, { maxLines: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.natural).toBeGreaterThan(100);
    expect(lines[0]!.notes!.overfull).toBeGreaterThan(0);
  });
});

/** A line that cannot be made flush or fit: one glyph, or one unbreakable Latin word / number / URL. */
const unbreakable = (l: ComposedLine): boolean => l.glyphs.length <= 1 || /^[\x21-\x7e]+$/.test(l.text);

/** Ink of consecutive glyphs never overlaps, and stays inside the measure (no hanging, no clipped marks). */
function checkInk(l: ComposedLine, measure: number, f: Face = face): void {
  let prevRight = -Infinity;
  l.glyphs.forEach((g, i) => {
    const ink = f.ink(g.gid);
    if (!(ink.xMax > ink.xMin)) return;
    const left = g.x + ink.xMin * g.size;
    const right = g.x + ink.xMax * g.size;
    const cjk = MARKS.has(g.text) || isHan(g.text);
    if (i === 0 && cjk) expect(left, `ink before the line start: ${l.text}`).toBeGreaterThan(-0.01);
    // Latin glyphs may overhang by design (//); the check is about compressed CJK punctuation and Han
    const prevText = i > 0 ? l.glyphs[i - 1]!.text : '';
    if (MARKS.has(g.text) || MARKS.has(prevText) || (isHan(g.text) && isHan(prevText))) {
      expect(left, `ink overlap at ${g.text}: ${l.text}`).toBeGreaterThan(prevRight - 0.01);
    }
    if (cjk && !unbreakable(l) && l.notes!.overfull === 0)
      expect(right, `ink beyond the measure: ${l.text}`).toBeLessThan(Math.max(measure, l.width) + 0.01);
    prevRight = right;
  });
}

function checkInvariants(paras: string[], lines: ComposedLine[][], measure: number): void {
  lines.forEach((para, i) => {
    expect(para.map((l) => l.text).join('')).toBe(paras[i]);
    para.forEach((l, j) => {
      expect(l.glyphs.map((g) => g.text).join('')).toBe(l.text);
      expect(l.last).toBe(j === para.length - 1);
      const prev = j > 0 ? para[j - 1]!.notes! : undefined;
      const ruleBroken = l.notes!.ruleBroken > 0 || (prev !== undefined && prev.ruleBroken > 0);
      const relaxed = prev !== undefined && (prev.kinsokuRelaxed ?? 0) > 0; // clreq §3.1.4 three-marks remedy
      // an emergency break only where nothing else could fit: a full line, or an unbreakable neighbour
      if (l.notes!.ruleBroken > 0) {
        const full = l.natural > measure - 1.5 * SIZE || l.notes!.overfull > 0;
        expect(full || unbreakable(l) || unbreakable(para[j + 1]!), `rule broken: ${l.text}`).toBe(true);
      }
      if (!ruleBroken) {
        if (j > 0 && !relaxed) expect(START_PROHIBITED_GB.has(l.text[0]!), `starts: ${l.text}`).toBe(false);
        if (!l.last) expect(END_PROHIBITED_GB.has(l.text[l.text.length - 1]!), `ends: ${l.text}`).toBe(false);
      }
      if (!l.last) {
        if (l.notes!.notFlush > 0 || l.notes!.overfull > 0) {
          expect(unbreakable(l), `not flush without reason: ${l.text}`).toBe(true);
        } else {
          expect(Math.abs(end(l) - measure), `not flush: ${l.text}`).toBeLessThan(0.5);
          const g = l.glyphs[l.glyphs.length - 1]!;
          if (g.text !== '·' && !g.text.includes('—')) expect(g.x + g.advance).toBeCloseTo(l.width, 3);
        }
      }
      checkInk(l, measure);
    });
  });
}

/**
 * The issue-3 spacing figures computed from our own line data the way the independent analyzer computes them from
 * the PDF: per non-final line that has at least one pair of adjacent Han characters, the mean extra gap between
 * adjacent Han characters (em); then the mean, the 95th percentile (linear interpolation) and the maximum over
 * those lines.
 */
function spacing(
  paras: ComposedLine[][],
  size = SIZE,
): { mean: number; p95: number; max: number; min: number; lines: number } {
  const vals: number[] = [];
  for (const para of paras) {
    for (const l of para) {
      if (l.last) continue;
      const gaps: number[] = [];
      for (let i = 0; i + 1 < l.glyphs.length; i++) {
        const a = l.glyphs[i]!;
        const b = l.glyphs[i + 1]!;
        if (isHan(a.text) && isHan(b.text)) gaps.push((b.x - (a.x + a.advance)) / size);
      }
      if (gaps.length) vals.push(gaps.reduce((s, v) => s + v, 0) / gaps.length);
    }
  }
  const s = [...vals].sort((x, y) => x - y);
  const k = (s.length - 1) * 0.95;
  const lo = Math.floor(k);
  const hi = Math.min(lo + 1, s.length - 1);
  return {
    mean: vals.reduce((t, v) => t + v, 0) / vals.length,
    p95: s[lo]! + (s[hi]! - s[lo]!) * (k - lo),
    max: s[s.length - 1]!,
    min: s[0]!,
    lines: vals.length,
  };
}

describe('sample body (9 pt, 12 em, 2 em indent): the issue-3 targets on our own line data', () => {
  const text = fs.readFileSync('tests/fixtures/sample-body.txt', 'utf8');
  const paras = text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const res = composeTextDocument(text, {
    size: 9,
    pitch: 14,
    measureEm: 12,
    columns: 8,
    gutterEm: 1,
    pageWidth: 999,
    pageHeight: 1400,
    margin: 36,
    indentEm: 2,
    face,
  });
  const lines = paras.map((t) => composeParagraph([{ text: t, style }], BODY_SETTINGS, 12 * SIZE));

  test('no text lost, kinsoku, flush', () => {
    checkInvariants(paras, lines, 12 * SIZE);
    expect(res.lines.map((l) => l.text).join('')).toBe(paras.join(''));
    expect(res.stats.rulesBroken).toBe(0);
    expect(res.stats.notFlush).toBe(0);
    expect(res.stats.overfull).toBe(0);
  });

  test('pairs 1.5 em (never 2 em, never below except ？！), no 孤字', () => {
    for (const para of lines) {
      for (const l of para) {
        const g = l.glyphs;
        for (let i = 0; i + 1 < g.length; i++) {
          const a = g[i]!;
          const b = g[i + 1]!;
          if (!MARKS.has(a.text) || !MARKS.has(b.text)) continue;
          const w = (a.advance + b.advance) / SIZE;
          expect(w, `${l.text} ${a.text}${b.text}`).toBeLessThan(1.75);
          if (!(QB.has(a.text) && QB.has(b.text)) && i + 2 < g.length)
            expect(w, `${l.text} ${a.text}${b.text}`).toBeGreaterThan(1.5 - 1e-6);
        }
      }
      if (para.length > 1)
        expect(Array.from(para[para.length - 1]!.text).filter(isHan).length).toBeGreaterThanOrEqual(2);
    }
  });

  test('extra inter-character spacing, measured like the analyzer: mean ≤ 0.005 em, p95 ≤ 0.045 em, max ≤ 0.125 em', () => {
    const sp = spacing(lines);
    expect(sp.lines).toBeGreaterThan(300);
    expect(sp.mean).toBeLessThanOrEqual(0.005);
    expect(sp.p95).toBeLessThanOrEqual(0.045);
    expect(sp.max).toBeLessThanOrEqual(0.125 + 1e-9);
    // what we reach today (margin under the targets); a regression shows here before it reaches a target
    expect(sp.mean).toBeLessThanOrEqual(0.0045);
    expect(sp.p95).toBeLessThanOrEqual(0.037);
    // Han boxes never overlap by 0.02 em or more (the analyzer's overlap threshold), ink never
    expect(sp.min).toBeGreaterThan(-0.02);
    // the flow (the CLI's path) sets the same lines
    expect(res.stats.extra.max).toBeCloseTo(sp.max, 6);
    const s = res.stats;
    expect(s.orphansLeft).toBe(0);
    expect(s.lineEndHalved).toBeGreaterThan(0);
    expect(s.pairsCompressed).toBeGreaterThan(0);
  });

  test('the loosest line is forced by the text: 于是，张建国找到了 cannot be set tighter without a 孤字', () => {
    // 10 em after the indent; 于是，张建国找到了平湖 is 11 em (10.5 with the comma squeezed), and every other set
    // of breaks for this paragraph either leaves "法”。" alone on the last line or a line looser than 1/8 em.
    const para = lines.find((p) => p[0]!.text.startsWith('于是'))!;
    expect(para[0]!.text).toBe('于是，张建国找到了');
    expect(para[0]!.extraPerGap).toBeCloseTo(0.125, 6);
    const noOrphanRule = composeParagraph(
      [{ text: paras.find((t) => t.startsWith('于是'))!, style }],
      { ...BODY_SETTINGS, minLastLineHan: 0 },
      12 * SIZE,
    );
    expect(Array.from(noOrphanRule[noOrphanRule.length - 1]!.text).filter(isHan).length).toBeLessThan(2);
  });

  test('squeezing stays a minority resource: under a third of mid-line single marks squeezed, never below ½ em', () => {
    let single = 0;
    let squeezed = 0;
    for (const para of lines) {
      for (const l of para) {
        const g = l.glyphs;
        for (let i = 1; i + 1 < g.length; i++) {
          if (!MARKS.has(g[i]!.text) || MARKS.has(g[i - 1]!.text) || MARKS.has(g[i + 1]!.text)) continue;
          single++;
          expect(g[i]!.advance / SIZE).toBeGreaterThan(0.5 - 1e-6);
          if (g[i]!.advance < SIZE - 1e-6) squeezed++;
        }
      }
    }
    expect(single).toBeGreaterThan(300);
    expect(squeezed / single).toBeLessThan(0.4); // 124 of 371 (33 %) today
  });

  test('flow: baselines on the pitch grid, columns left to right', () => {
    const ops = res.doc.pages.flatMap((p) => p.ops);
    const ys = new Set(
      ops.map((o) => (o.kind === 'glyphs' ? Math.round(((o.y - 36 - 0.88 * 9) / 14) * 1000) / 1000 : 0)),
    );
    for (const y of ys) expect(Number.isInteger(y)).toBe(true);
  });
});

describe('properties (fast-check): random Han, punctuation, digits, Latin, ——, ……, URLs at 6–40 em', () => {
  const han = fc.constantFrom(
    ...Array.from(
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经',
    ),
  );
  const punct = fc.constantFrom(
    '，',
    '。',
    '、',
    '；',
    '：',
    '？',
    '！',
    '“',
    '”',
    '‘',
    '’',
    '（',
    '）',
    '《',
    '》',
    '「',
    '」',
    '——',
    '……',
    '·',
    '？！',
    '！！！',
    '”。',
    '。”',
    '，“',
    '。”）',
    '！”」',
    '）。”',
    '／',
    '～',
  );
  const digits = fc.stringMatching(/^[0-9]{1,6}(\.[0-9]{1,2})?[%‰]?$/);
  const latin = fc.constantFrom(
    'PaaS',
    'LPR',
    'COVID-19',
    'Wi-Fi',
    'AI',
    'km',
    'GDP',
    'New York',
    '3.5km²',
    '¥199',
    '2024年',
    '第134期',
    'https://www.example.gov.cn/news/a.html',
    'www.pinghu.gov.cn',
  );
  const piece = fc.oneof(
    { arbitrary: han, weight: 12 },
    { arbitrary: punct, weight: 4 },
    { arbitrary: digits, weight: 1 },
    { arbitrary: latin, weight: 1 },
  );
  const para = fc.array(piece, { minLength: 1, maxLength: 140 }).map((xs) => xs.join(''));
  test('no text lost or reordered, no prohibited line start/end, every non-final line flush unless unbreakable, ink inside', () => {
    fc.assert(
      fc.property(para, fc.integer({ min: 12, max: 80 }), fc.integer({ min: 0, max: 2 }), (text, halfEms, indent) => {
        const m = halfEms / 2; // 6–40 em in half-em steps
        const lines = compose(text, m, indent);
        checkInvariants([text], [lines], m * SIZE);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
  test('resuming from any line start gives the same text', () => {
    fc.assert(
      fc.property(para, fc.integer({ min: 6, max: 40 }), (text, m) => {
        const p = prepareParagraph([{ text, style }], BODY_SETTINGS);
        const all = breakLines(p, m * SIZE);
        const k = Math.floor(all.length / 2);
        const rest = breakLines(p, m * SIZE, { from: all[k]!.start });
        expect(rest.map((l) => l.text).join('')).toBe(text.slice(all[k]!.start));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('punctuation classes from glyph ink (robust to TW-style centred punctuation)', () => {
  const CENTRED = new Set(Array.from('，。、；：？！“”‘’（）《》「」'));
  /** The body face, but its punctuation drawn centred (ink 0.4–0.6 em), as in a TW/HK font. */
  const centred: Face = Object.create(face, {
    ink: {
      value: (gid: number) => {
        for (const c of CENTRED)
          if (face.glyphFor(c.codePointAt(0)!).gid === gid) return { xMin: 0.4, xMax: 0.6, yMin: 0.1, yMax: 0.7 };
        return face.ink(gid);
      },
    },
  });
  const setC = (text: string, em: number): ComposedLine[] =>
    composeParagraph([{ text, style: { face: centred, size: SIZE } }], { ...BODY_SETTINGS, indent: 0 }, em * SIZE);

  test('centred marks lose ¼ em per side, so no ink leaves its box; pairs are still 1.5 em', () => {
    const text = '他说：“你好，世界”。一二三四五六七八九十甲乙丙，丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。';
    for (let m = 6; m <= 20; m++) {
      const lines = setC(text, m);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const l of lines) {
        checkInk(l, m * SIZE, centred);
        const g = l.glyphs;
        const last = g[g.length - 1]!;
        // a centred mark at the line end loses only its right ¼ em (its left ¼ only if the line was squeezed)
        if (!l.last && CENTRED.has(last.text) && !CENTRED.has(g[g.length - 2]!.text)) {
          expect(last.advance / SIZE).toBeGreaterThan((l.notes!.punctSqueezed > 0 ? 0.5 : 0.75) - 1e-6);
        }
        for (let i = 0; i + 2 < g.length; i++) {
          if (CENTRED.has(g[i]!.text) && CENTRED.has(g[i + 1]!.text))
            expect((g[i]!.advance + g[i + 1]!.advance) / SIZE).toBeGreaterThan(1.5 - 1e-6);
        }
      }
    }
    // the same text in the GB font: the line-end comma is ½ em (GB/T 15834 §5.1.10)
    const gb = compose('一二三四五六七八九十甲，乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。', 12, 0);
    expect(gb[0]!.glyphs[gb[0]!.glyphs.length - 1]!.advance / SIZE).toBeCloseTo(0.5, 6);
  });

  test('a glyph without measurable ink falls back to the Unicode (GB) class', () => {
    const blank: Face = Object.create(face, { ink: { value: () => ({ xMin: 0, xMax: 0, yMin: 0, yMax: 0 }) } });
    const a = composeParagraph(
      [{ text: '他说：“你好”。', style: { face: blank, size: SIZE } }],
      { ...BODY_SETTINGS, indent: 0 },
      40 * SIZE,
    )[0]!;
    const b = compose('他说：“你好”。', 40, 0)[0]!;
    expect(a.glyphs.map((g) => g.advance)).toEqual(b.glyphs.map((g) => g.advance));
  });
});

describe('line-start opener and the three-marks remedy', () => {
  test('an opener starting a short line keeps its full width instead of spreading the Han text; never partly', () => {
    // line 2 would be “ + 10 Han = 10.5 em at 11 em: keeping the opener full makes it flush with no spreading
    const text = '一二三四五六七八九十甲“乙丙丁戊己庚辛壬癸子”丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒。';
    for (let m = 6; m <= 16; m++) {
      for (const l of compose(text, m, 0)) {
        const g = l.glyphs[0]!;
        if (g.text !== '“') continue;
        expect(
          [0.5, 1].some((w) => Math.abs(g.advance / SIZE - w) < 1e-6),
          `${m}: ${l.text}`,
        ).toBe(true);
        if (l.notes!.startKeptFull) expect(l.extraPerGap).toBeLessThan(0.05);
      }
    }
    const flex = compose('“一二三四五六七八九十”甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。', 11.5, 0);
    const trim = composeParagraph(
      [{ text: '“一二三四五六七八九十”甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。', style }],
      { ...BODY_SETTINGS, indent: 0, startOpener: 'trim' },
      11.5 * SIZE,
    );
    expect(trim[0]!.glyphs[0]!.advance / SIZE).toBeCloseTo(0.5, 6);
    expect(Math.max(...flex.filter((l) => !l.last).map((l) => l.extraPerGap))).toBeLessThanOrEqual(
      Math.max(...trim.filter((l) => !l.last).map((l) => l.extraPerGap)) + 1e-9,
    );
  });

  test('a run of three closing marks may be split only when the alternative is very loose, and says so', () => {
    const text = '一二三四五六七八九十一二三四五。”）』后面还有很多文字内容呢';
    let relaxed = 0;
    for (let m = 5; m <= 12; m += 0.5) {
      const lines = compose(text, m, 0);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      lines.forEach((l, i) => {
        if (!l.notes!.kinsokuRelaxed) return;
        relaxed++;
        expect('。”）』').toContain(l.text[l.text.length - 1]!);
        expect('”）』').toContain(lines[i + 1]!.text[0]!);
      });
    }
    expect(relaxed).toBeGreaterThan(0);
    // with room to spare the run stays whole
    for (const m of [6, 9]) expect(compose(text, m, 0).some((l) => l.notes!.kinsokuRelaxed)).toBe(false);
    // ？！ is never split, even inside a run
    for (let m = 5; m <= 12; m += 0.5) {
      const lines = compose('一二三四五六七八九十一二三四五？！”）后面还有很多文字内容呢', m, 0);
      for (let i = 0; i + 1 < lines.length; i++)
        expect(lines[i]!.text.endsWith('？') && lines[i + 1]!.text.startsWith('！')).toBe(false);
    }
  });
});
