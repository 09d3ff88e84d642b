/**
 * Composition rules as data. Every table cites the clause it comes from; the composer reads these tables and
 * contains no character lists of its own. Tables are plain Sets/Maps built once at module load.
 *
 * Sources (see /work/shared/research/cjk-composition.md):
 * - clreq = W3C Requirements for Chinese Text Layout (editor's draft 2024), https://www.w3.org/TR/clreq/
 * - GB/T 15834—2011 《标点符号用法》 §5 (positions, widths, line start/end rules)
 * - GB/T 15835—2011 《出版物上数字用法》 (multi-digit numbers are not split)
 * - jlreq = W3C Requirements for Japanese Text Layout (character classes cl-12, cl-13, cl-25)
 */

const set = (s: string): ReadonlySet<string> => new Set(Array.from(s));
const union = (...xs: ReadonlySet<string>[]): ReadonlySet<string> => new Set(xs.flatMap((x) => [...x]));

/** 点号 (stops and pauses): ink in the left half, adjustable blank on the right ½ em. clreq §3.1.2; GB/T 15834 §5.1. */
export const STOPS = set('。，、；：？！．');
/** Closing brackets and quotes: ink in the left half, blank on the right ½ em. clreq §3.1.2 (GB positions). */
export const CLOSERS = set('”’）》〉」』】〕〗］｝〙〛｠');
/** Opening brackets and quotes: ink in the right half, blank on the left ½ em. clreq §3.1.2 (GB positions). */
export const OPENERS = set('“‘（《〈「『【〔〖［｛〘〚｟');
/** Question/exclamation marks that GB compresses as a group: ？！ ！？ ？？ ！！ → 1 em, ！！！ → 2 em. GB/T 15834 §5.1.2. */
export const QUERY_BANG = set('？！');
/** 间隔号: set ½ em, ink centred, in Mainland style. clreq §3.1.2 table; GB/T 15834 §4.15. */
export const INTERPUNCTS = set('·・‧');
/** Interpunct box width in em (Mainland). clreq §3.1.6.1 ("unadjustable" ½-em marks). */
export const INTERPUNCT_WIDTH = 0.5;
/** Marks whose runs are set 1 em per character and never split (破折号 ——, 省略号 ……). GB/T 15834 §5.1.4–5.1.5; clreq §3.1.5. */
export const LONG_MARKS = set('—⸺…⋯');
/** Width in em of one unit of a long mark (one U+2014 / U+2026 / U+22EF); ⸺ is a 2-em unit. GB/T 15834 §5.1.4. */
export const LONG_MARK_EM: ReadonlyMap<string, number> = new Map([
  ['—', 1],
  ['⸺', 2],
  ['…', 1],
  ['⋯', 1],
]);
/** Ideographic space: a 1-em blank, dropped at line edges. */
export const IDEOGRAPHIC_SPACE = '\u3000';

/**
 * Line-start prohibited (行首禁则), GB level. clreq §3.1.4 ("basic" + GB adds the solidus), GB/T 15834 §5.1.1–5.1.9;
 * postfix symbols from jlreq cl-13 / UAX #14 PO; Latin closers from UAX #14 CL/CP/IS/EX.
 */
export const START_PROHIBITED_GB = union(
  STOPS,
  CLOSERS,
  set('‼⁇⁈⁉'), // GB/T 15834 §5.1.2 (combined ？！ forms)
  set('–～〜'), // 连接号 GB/T 15834 §5.1.6
  INTERPUNCTS, // 间隔号 GB/T 15834 §5.1.7; typst#6774
  set('/／'), // 分隔号 GB/T 15834 §5.1.9
  set('%％‰℃°′″¢￠'), // postfix, jlreq cl-13
  set(')]},.;:?!'), // Latin closers, UAX #14
  set('々〻ゝゞヽヾー'), // iteration marks / prolonged sound, jlreq cl-09/cl-10
);
/**
 * Marks that may start a line at GB level but not at strict level (clreq §3.1.4 "strict": 破折号 and 省略号).
 * At GB level the composer still avoids them with a soft cost (LONG_MARK_START_COST), because house style
 * (and the independent checker) follow the strict set.
 */
export const START_PROHIBITED_STRICT_ONLY = set('—⸺…⋯‥');
/** Basic level (clreq §3.1.4): GB without the solidus rule at line end; start set identical except nothing added. */
export const START_PROHIBITED_BASIC = START_PROHIBITED_GB;

/** Line-end prohibited (行尾禁则). clreq §3.1.4; prefix symbols jlreq cl-12 / UAX #14 PR; Latin openers UAX #14 OP. */
export const END_PROHIBITED_BASIC = union(OPENERS, set('¥￥$＄£￡€№#＃'), set('([{«‹〝'));
/** GB level adds the solidus: may not end a line either. clreq §3.1.4 (GB). */
export const END_PROHIBITED_GB = union(END_PROHIBITED_BASIC, set('/／'));

/** Headline-only line-start prohibitions: never start a headline line with a particle. House style (issue 3). */
export const HEADLINE_START_PROHIBITED = set('的了之着过们地得');

/**
 * Soft house rules (clreq §3.1.5.2 "Digits and their Prefix and Suffix" is TBD; research note §1.6):
 * avoid separating a number from the measure word or date unit that follows it, and 第 from its number.
 */
export const NUMBER_SUFFIXES = set('年月日时分秒万亿元个次名家项件条位岁届期号');
export const NUMBER_PREFIXES = set('第约近超逾');

/** Latin letters, digits and number punctuation that form an inseparable word (GB/T 15835; jlreq §3.1.10 c, cl-25). */
export const isLatinWordChar = (c: string): boolean =>
  /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF_@&'’%‰°²³µ.,:+\-–/#=?~*]/u.test(c);
/** Letters and digits: the characters that get the CJK–Latin gap next to Han (clreq §3.2.2). */
export const isAlnum = (c: string): boolean => /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/u.test(c);
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Han ideographs (URO, Ext A, Ext B+, compatibility, radicals). */
export function isHan(c: string): boolean {
  const o = c.codePointAt(0) ?? 0;
  return (
    (o >= 0x4e00 && o <= 0x9fff) ||
    (o >= 0x3400 && o <= 0x4dbf) ||
    (o >= 0x20000 && o <= 0x3134f) ||
    (o >= 0xf900 && o <= 0xfaff) ||
    (o >= 0x2e80 && o <= 0x2fdf) ||
    o === 0x3007
  );
}

/**
 * Characters shaped in the CJK run (script `hani`), even though Unicode gives them Common script: …, “”‘’, —, ·.
 * Research note §4.3 item 1: otherwise … becomes a baseline Latin ellipsis.
 */
export function isCjkRunChar(c: string): boolean {
  if (isHan(c)) return true;
  const o = c.codePointAt(0) ?? 0;
  if (o >= 0x3000 && o <= 0x30ff) return true; // CJK symbols and punctuation, kana
  if (o >= 0xff00 && o <= 0xffef) return true; // full-width forms
  if (o >= 0x2e80 && o <= 0x2fff) return true;
  return (
    STOPS.has(c) ||
    CLOSERS.has(c) ||
    OPENERS.has(c) ||
    INTERPUNCTS.has(c) ||
    LONG_MARKS.has(c) ||
    c === '℃' ||
    c === '№'
  );
}

/** URL detector: URLs may break only after `/` (not inside `//`), before `.` `?` `#` `&`, after `=` and `-`. clreq §3.2.5; typst linebreak_link. */
export const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’]+/gu;
export const URL_BREAK_AFTER = set('/=-&');
export const URL_BREAK_BEFORE = set('.?#');

/**
 * Adjacent punctuation compression (clreq §3.1.6.2): which blank of a pair is removed.
 * - a stop or closer followed by any stop/closer/opener: remove a's right blank (½ em);
 * - an opener preceded by an opener: remove the opener's left blank;
 * - an opener followed by a closer: keep both (xeCJK ≥ 3.10.3 quanjiao, enabled-left-right-kerning=false).
 * ？！ groups: GB/T 15834 §5.1.2 (see QUERY_BANG). Values in em.
 */
export const PAIR_CUT = 0.5;
/** A compressed pair may open up by this much (em) when a line must stretch — the first expansion resource
 * (clreq §3.8: punctuation adjustments before inter-character expansion); a pair stays ≤ 1.7 em, i.e. compressed. */
export const PAIR_RELAX = 0.2;

/**
 * Costs used by the paragraph optimiser (dimensionless demerits, summed over the lines of a paragraph; the
 * optimiser picks the set of breaks with the lowest sum). Reference points, for a 12-em line with 11 gaps:
 * spreading ½ em (0.045 em per gap, a line ending in a ½-em mark with nothing to absorb it) costs ≈ 6 600;
 * spreading 1 em (0.09 em/gap) ≈ 17 000; squeezing one pause mark ½ em costs 30. The scale was checked on
 * tests/fixtures/sample-body.txt: the sample's spacing figures do not move when any squeeze cost below is
 * varied from 30 to 1 500 or the expansion weights by 3× either way, i.e. the remaining loose lines are fixed by
 * the text (see tests/text-compose.test.ts), not by these numbers.
 */
export const COSTS = {
  /** Per line: weight of inter-character expansion on (extra em per gap × 100)². Quadratic so that the
   * optimiser spreads a paragraph's unavoidable deficit over several lines rather than piling it on one. */
  expand: 100,
  /** Per line: linear weight on (extra em per gap × 100). Dominates below ≈ 0.1 em per gap, so the optimiser
   * first minimises the total extra space (the mean) and only then evens it out. 1 000 makes a ½-em spread
   * (≈ 6 600 in all) 200× dearer than the ½-em squeeze that would avoid it, which is the "squeeze before
   * spreading" order of clreq §3.1.4 (先挤进，后推出) and §3.8 (reduce first). */
  expandLinear: 1000,
  /** Per line: weight of squeezing Han spacing on (em per gap × 100)², the last reduction resource (not in
   * clreq's list; capped at HAN_SQUEEZE_MAX). 4× the expansion weight: a squeezed Han line reads worse than an
   * equally loose one. */
  squeezeHan: 400,
  /** Per em of pause/bracket blank squeezed inside a line (clreq §3.8 reduction steps 4–5: 括号、，、；：). Cheap
   * (½ em = 30) but not free, so that of two equally flush solutions the one that squeezes less wins. */
  squeezePunct: 60,
  /** Per em a compressed pair is opened up again (first expansion resource, pair stays ≤ 1.7 em). Cheaper than
   * any spreading, dearer than squeezing: ½ em (over two pairs) = 15 on top of the line's own cost. */
  relaxPair: 30,
  /** Per em of line-start opener trim given back (the opener keeps its full width, ½ em): 50 per line, far less
   * than the ≈ 6 600 of the 0.045 em/gap spread it replaces (it is all or nothing, so it is only considered when
   * a line is at least ½ em short); dearer than squeezing a mark, because it shows as a ½-em step in the left
   * ink edge. */
  openerFull: 100,
  /** Per em squeezed from a sentence-end stop (。？！, clreq §3.8 reduction step 7, which "some styles forbid";
   * the 开明 style keeps them full width): 2.5× a pause mark, so pauses and brackets go first. */
  squeezeStop: 150,
  /** Per em of CJK–Latin gap or word space moved away from its natural width (clreq §3.8 expansion steps 1–2,
   * reduction steps 2 and 6): between squeezing a mark and spreading Han text. */
  latinGap: 40,
  /** Breaking between a number and its measure word / date unit, or after 第. House rule (soft): 400 ≈ a line
   * spread by 0.004 em per gap, so it only decides between nearly equal solutions. */
  numberUnit: 400,
  /** A dash or ellipsis at the start of a line at GB level (allowed by clreq GB, avoided by house style and by
   * the strict set that the independent checker uses): ≈ a line spread by 0.024 em per gap. */
  longMarkStart: 3000,
  /** Breaking a URL at one of its own break points: like a number–unit break, only a tie-breaker. */
  urlBreak: 200,
  /** A paragraph's last line holding fewer than minLastLineHan Han characters (孤字, clreq §3.4.4): ≈ one
   * line spread by 0.4 em per gap, or three by 0.15, so it is avoided whenever the text allows. */
  orphan: 200000,
  /** A break inside a run of three or more line-start-prohibited marks (。』」: clreq §3.1.4's remedy, which
   * lets such a run fall back to no prohibition "rather than produce a very loose line"): ≈ one line spread by
   * 0.35 em per gap, so it happens only when the alternative is that loose. */
  threeMarks: 150000,
  /** A justified line that cannot be made flush (nothing on it may stretch: one glyph, one Latin word or number),
   * plus its shortfall in pt. A tenth of `forbidden`: a ragged line is better than a split number or word. */
  notFlush: 1e6,
  /** A break the rules prohibit, used only when nothing else fits (emergency). */
  forbidden: 1e7,
  /** A line wider than the measure even after every shrink. */
  overfull: 1e8,
  /** Headline: breaking inside a budoux phrase. */
  phrase: 5000,
} as const;

/** Han squeeze allowed as an emergency before a line is reported overfull, em per gap. Noto Serif SC's Han
 * glyphs keep ≥ 0.02 em of side bearing on each side (汉: ink 0.043–0.980), so at this cap the boxes touch
 * by less than 0.02 em and the ink never does. */
export const HAN_SQUEEZE_MAX = 0.0199;

/** How far below natural an isolated full-width mark may be squeezed, in em (to ½ em; GB 开明 style). clreq §3.1.6.3. */
export const PUNCT_SQUEEZE_MAX = 0.5;
/** Latin word space (between two Latin words), em: natural, min, max. clreq §3.2.3. */
export const WORD_SPACE = { natural: 1 / 3, min: 0.25, max: 0.5 } as const;
