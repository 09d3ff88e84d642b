/**
 * Composition rules as data. Every table cites the clause it comes from; the composer reads these tables and
 * contains no character lists of its own. Tables are plain Sets/Maps built once at module load.
 *
 * Sources (docs/composition.md §1, which also explains the rules together):
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
/** 间隔号: set ½ em, ink centred, in Mainland style. clreq §3.1.2 table; GB/T 15834 §4.14. */
export const INTERPUNCTS = set('·・‧');
/** Interpunct box width in em (Mainland). clreq §3.1.6.1 ("unadjustable" ½-em marks). */
export const INTERPUNCT_WIDTH = 0.5;
/**
 * 破折号 and 省略号: set 1 em per unit, never split, never opened by justification. GB/T 15834 §5.1.4–5.1.5; clreq
 * §3.1.5. U+2E3A ⸺ and U+2E3B ⸻ are the two- and three-em dashes as single characters (Unicode 6.1); U+2015 ― is the
 * horizontal bar some GBK-era copy uses for the dash.
 */
export const LONG_MARKS = set('—―⸺⸻…⋯');
/** Width in em of one unit of a long mark (one U+2014 / U+2026 / U+22EF); ⸺ is a 2-em unit, ⸻ a 3-em unit. */
export const LONG_MARK_EM: ReadonlyMap<string, number> = new Map([
  ['—', 1],
  ['―', 1],
  ['⸺', 2],
  ['⸻', 3],
  ['…', 1],
  ['⋯', 1],
]);
/**
 * 连接号 (GB/T 15834 §4.13): a single 一字线 U+2014, the en dash U+2013 and the wave dash ～ join the numbers, dates or
 * places on either side (第3—5版, 北京—上海, 3～5天). They may not start a line (GB/T 15834 §5.1.6), and house style keeps
 * them with what they join on both sides: no break before or after a connector (jlreq §3.1.10 counts such pairs as
 * inseparable). A U+2014 next to another dash is part of a 破折号, not a connector.
 */
export const CONNECTORS = set('—–～〜‐');
/** Ideographic space: a 1-em blank, dropped at line edges. */
export const IDEOGRAPHIC_SPACE = '\u3000';

/**
 * Line-start prohibited (行首禁则), GB level. clreq §3.1.4 ("basic" + GB adds the solidus), GB/T 15834 §5.1.1–5.1.9;
 * postfix symbols from jlreq cl-13 / UAX #14 PO; Latin closers from UAX #14 CL/CP/IS/EX (ASCII quotes are UAX #14 QU:
 * they may close, so they do not start a line either).
 */
export const START_PROHIBITED_GB = union(
  STOPS,
  CLOSERS,
  set('‼⁇⁈⁉'), // GB/T 15834 §5.1.2 (combined ？！ forms)
  set('–～〜‐'), // 连接号 GB/T 15834 §5.1.6
  INTERPUNCTS, // 间隔号 GB/T 15834 §5.1.7; typst#6774
  set('/／'), // 分隔号 GB/T 15834 §5.1.9
  set('%％‰‱℃℉°′″¢￠'), // postfix, jlreq cl-13
  set(')]},.;:?!"\'»›〟'), // Latin closers and quotes, UAX #14 CL/CP/IS/EX/QU
  set('々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ'), // iteration marks, small kana: jlreq cl-09/10/11
);
/**
 * Marks that may start a line at GB level but not at strict level (clreq §3.1.4 "strict": 破折号 and 省略号). The
 * strict level is the default for news (BODY_SETTINGS); at GB level the composer still avoids them with a soft
 * cost (COSTS.longMarkStart).
 */
export const START_PROHIBITED_STRICT_ONLY = set('—―⸺⸻…⋯‥');
/** Basic level (clreq §3.1.4): GB without the solidus rule at line end; start set identical except nothing added. */
export const START_PROHIBITED_BASIC = START_PROHIBITED_GB;

/**
 * Lead marks that must not be stranded at a line end: circled and parenthesised numbers (①…⑳ ⑴…⒇ ⒈…⒛ ❶…❿ ➀…➓ ㈠…㈩
 * ㊀…㊉) and bullets (■□●◆◇▲△▼▽※◎). They number or mark what follows (house rule for newspaper
 * furniture, like jlreq's prefix class cl-12).
 */
const range = (a: number, b: number): string =>
  String.fromCodePoint(...Array.from({ length: b - a + 1 }, (_, i) => a + i));
export const LEAD_MARKS = union(
  set(range(0x2460, 0x249b)), // ①…⑳ ⑴…⒇ ⒈…⒛
  set(range(0x24ea, 0x24ff)), // ⓪ ⓫…⓴ ⓵…⓾ ⓿
  set(range(0x2776, 0x2793)), // ❶…❿ ➀…➓ ➊…➓
  set(range(0x3220, 0x3229)), // ㈠…㈩
  set(range(0x3280, 0x3289)), // ㊀…㊉
  set('■□●◆◇▲△▼▽※◎'),
);

/** Line-end prohibited (行尾禁则). clreq §3.1.4; prefix symbols jlreq cl-12 / UAX #14 PR; Latin openers UAX #14 OP. */
export const END_PROHIBITED_BASIC = union(OPENERS, set('¥￥$＄£￡€№#＃'), set('([{«‹〝'), LEAD_MARKS);
/** GB level adds the solidus: may not end a line either. clreq §3.1.4 (GB). */
export const END_PROHIBITED_GB = union(END_PROHIBITED_BASIC, set('/／'));

/** Headline-only line-start prohibitions: never start a headline line with a particle. House style (issue 3). */
export const HEADLINE_START_PROHIBITED = set('的了之着过们地得');

/**
 * Soft house rules (clreq §3.1.5.2 "Digits and their Prefix and Suffix" is TBD):
 * avoid separating a number from the measure word or date unit that follows it, and 第 from its number.
 */
export const NUMBER_SUFFIXES = set('年月日时分秒万亿元个次名家项件条位岁届期号');
export const NUMBER_PREFIXES = set('第约近超逾');

/** Latin letters, digits and number punctuation that form an inseparable word (GB/T 15835; jlreq §3.1.10 c, cl-25). */
export const isLatinWordChar = (c: string): boolean =>
  /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u00B9\u2070-\u209F_@&'’%‰°²³µ.,:+\-–/#=?~*]/u.test(c);
/** Letters and digits: the characters that get the CJK–Latin gap next to Han (clreq §3.2.2). */
export const isAlnum = (c: string): boolean =>
  /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u00B2\u00B3\u00B9\u2070-\u209F]/u.test(c); // ², CO₂
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
 * Shaped as Latin, Noto CJK swaps … for a 0.9-em baseline Latin ellipsis (its `locl` for Latin script).
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

/**
 * Inseparable tokens (分离禁则) and, for a token wider than the line, its own break points. A token is never split
 * while it fits the line; only a token wider than the line may break, and only where `breakAt` allows (nowhere inside
 * a segment), at COSTS.tokenBreak. Sources: GB/T 15835—2011 (a multi-digit number, with its separators, is not
 * split; digits are grouped in threes); jlreq §3.1.10 (inseparable: numbers with their units, Latin words, ratios);
 * clreq §3.2.5 and The Chicago Manual of Style §6.76–6.79 / §14.18 (URLs and e-mail addresses break after a slash
 * or a dot, before an @, never inside a segment; no hyphen is added); GB/T 15834 §4.13 (the hyphen of a phone
 * number is a 连接号 joining two groups); Chinese mobile numbers are read and grouped 3-4-4 (YD/T 2682 style).
 * Earlier rules win where matches overlap (an e-mail address is not also read as a URL).
 */
export interface TokenRule {
  kind: 'email' | 'url' | 'phone' | 'ratio' | 'number' | 'code' | 'fullwidth' | 'stars' | 'word';
  pattern: RegExp;
  /** Whether the token may break before token[i] (0 < i < length) when it is wider than the line, and how
   * readily: 0 = never, 1 = a preferred break point, more = a dearer one (the factor on COSTS.tokenBreak). */
  breakAt: (token: string, i: number) => number;
  /** Characters to drop from the end of a match (sentence punctuation after a URL). */
  trimEnd?: string;
  /**
   * Whether the token may also break at its own break points when it would fit the line, at COSTS.tokenSplit (a
   * URL or an e-mail address that fits the measure but not after the words before it: breaking it at a slash is
   * better than leaving a lonely character or a very loose line; a phone number at its hyphen likewise). Numbers,
   * ratios and words: never.
   */
  splitWhenFits?: boolean;
}
/** The marks that join the segments of a full-width code (GB/T 15834 §4.13 连接号 －, the full-width point). */
const FULLWIDTH_JOINERS = '．，－';
/** The marks that join the parts of a Latin code (LJ-AI-2024, v3.10.2-rc1+build). */
const CODE_JOINERS = '-+_.';
/** A break inside a segment of a URL, address, mobile number or code: only when nothing short of a rule fault will
 * do (× COSTS.tokenBreak = 2e7, dearer than any spreading or a lonely glyph, far below a kinsoku fault), so that a
 * segment that fits stays whole and one wider than the line never pushes a mark to a line start. */
const INSIDE_SEGMENT = 1e5;
/** After `_` in an address or URL: it joins the words of one name (editor_office), so a break there costs about a
 * line spread by ⅓ em per gap (× COSTS.tokenBreak = 2e5), and the breaker goes to the @, a slash or a dot first. */
const UNDERSCORE = 1000;
const nowhere = (): number => 0;
const anywhere = (): number => 1;
/** After `/` (not between the two of `//`) or `-`; less readily after `.`, `?`, `&`, `=`, `#` (a break after a
 * dot reads like a sentence end and splits a domain name), and after `_` less readily still. */
const urlBreak = (t: string, i: number): number => {
  if (t[i] === '/') return 0;
  const a = t[i - 1]!;
  return a === '/' || a === '-' ? 1 : '.?&=#'.includes(a) ? 3 : a === '_' ? UNDERSCORE : INSIDE_SEGMENT;
};
export const TOKENS: readonly TokenRule[] = [
  {
    kind: 'email',
    pattern: /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
    // before @ or after -, less readily after a dot, after an underscore only when the alternative is a line spread
    // by about ⅓ em per gap (UNDERSCORE); inside a segment only when it is wider than the line (INSIDE_SEGMENT)
    breakAt: (t, i) =>
      t[i] === '@' || t[i - 1] === '-' ? 1 : t[i - 1] === '.' ? 3 : t[i - 1] === '_' ? UNDERSCORE : INSIDE_SEGMENT,
    splitWhenFits: true,
  },
  {
    kind: 'url',
    pattern:
      /(?:(?:https?|ftp):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|int|info|io|top|xyz|biz|mil)(?![A-Za-z0-9-])(?:\/[A-Za-z0-9\-._~/?#&=%+]*)?/gi,
    breakAt: urlBreak,
    trimEnd: ".,;:!?'",
    splitWhenFits: true,
  },
  {
    kind: 'phone',
    pattern:
      /(?<![\d-])(?:\+\d{1,3}[- ]?)?(?:0\d{2,3}-\d{7,8}(?:-\d{1,6})?|[（(]0\d{2,3}[）)]\d{7,8}|[48]00-\d{3}-\d{4}|1[3-9]\d{9})(?![\d-])/g,
    // after a hyphen or the area code's closing bracket; an 11-digit mobile number in its 3-4-4 groups
    breakAt: (t, i) =>
      '-)）'.includes(t[i - 1]!)
        ? 1
        : /^(?:\+\d{1,3}[- ]?)?1\d{10}$/.test(t) && (i === t.length - 8 || i === t.length - 4)
          ? INSIDE_SEGMENT
          : 0,
    splitWhenFits: true,
  },
  { kind: 'ratio', pattern: /(?:\d+(?:\.\d+)?|[０-９]+)(?:∶(?:\d+(?:\.\d+)?|[０-９]+))+/g, breakAt: nowhere },
  {
    // a code of Latin letters and digits (a credit code 91330482MA2B3C4D5E, a serial LJ-AI-2024-000123-XC, a version
    // v3.10.2-rc1+build.20241018): whole while it fits; wider than the line, after its - + _ . first, then where
    // letters and digits meet; inside a run of digits (in threes from its end) or of letters, or at the point of
    // a version number, only when nothing short of a rule fault will do (1e5 × COSTS.tokenBreak = 2e7); one
    // that fits may break after a - + _ . like a URL (COSTS.tokenSplit) rather than leave a glyph alone on a line.
    // Without it such a code could only break as an emergency, dearer than a mark at a line start.
    kind: 'code',
    pattern:
      /(?<![A-Za-z0-9.+_-])(?:(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z0-9]*(?:[-+_.][A-Za-z0-9]+)*|[A-Za-z0-9]+(?:[-+_][A-Za-z0-9]+){2,})(?![A-Za-z0-9])/g,
    breakAt: (t, i) => {
      const a = t[i - 1]!;
      const b = t[i]!;
      const digit = (c: string): boolean => c >= '0' && c <= '9';
      // the point of 3.10.2 belongs to its numbers
      if (a === '.' && digit(t[i - 2] ?? '') && digit(b)) return INSIDE_SEGMENT;
      if (CODE_JOINERS.includes(a)) return 1;
      if (CODE_JOINERS.includes(b)) return 0;
      if (digit(a) !== digit(b)) return 10;
      if (digit(a)) {
        // in threes from the run's end, as the number rule groups digits (GB/T 15835)
        let end = i;
        while (end < t.length && digit(t[end]!)) end++;
        return (end - i) % 3 === 0 ? INSIDE_SEGMENT : 2 * INSIDE_SEGMENT;
      }
      return 2 * INSIDE_SEGMENT;
    },
    trimEnd: '.',
    splitWhenFits: true,
  },
  {
    // grouped with thousands separators, or a bare run of five or more digits (GB/T 15835 groups digits in threes
    // from the decimal point: a number wider than the line breaks only between such groups)
    kind: 'number',
    pattern:
      /(?<![\d.,])[-+−]?[¥$￥€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[%‰]?(?![\d,])|(?<![\d.,A-Za-z])\d{5,}(?:\.\d+)?[%‰]?(?![\d,])/g,
    breakAt: (t, i) => {
      if (t.includes(',')) return t[i - 1] === ',' ? 1 : 0;
      const point = t.indexOf('.') < 0 ? t.length : t.indexOf('.');
      return i < point && (point - i) % 3 === 0 && /\d/.test(t[i - 1]!) ? 1 : 0;
    },
  },
  {
    // a code of full-width letters and digits (ＬＪ２０２４１０１８－Ａ００３) wider than the line breaks after its
    // ．，－; inside a segment only when nothing else will do short of breaking a rule (1e5 × COSTS.tokenBreak =
    // 2e7: dearer than a line spread however far or a lonely glyph, far below a kinsoku fault); one without them,
    // anywhere. Its letters spread like Han text (prepare.ts step 6), so a line that ends before it stays flush.
    kind: 'fullwidth',
    pattern: /[０-９Ａ-Ｚａ-ｚ]{2,}(?:[．，－][０-９Ａ-Ｚａ-ｚ]+)*/g,
    breakAt: (t, i) =>
      FULLWIDTH_JOINERS.includes(t[i - 1]!) || ![...t].some((c) => FULLWIDTH_JOINERS.includes(c)) ? 1 : INSIDE_SEGMENT,
  },
  { kind: 'stars', pattern: /[★☆✩✪✫✬✭✮✯✰]{2,}/g, breakAt: anywhere },
  { kind: 'word', pattern: /[A-Za-z\u00C0-\u024F]+(?:[’'][A-Za-z\u00C0-\u024F]+)+/g, breakAt: nowhere },
];
/** The apostrophe inside a Latin word (O’Brien, it’s) is set as the Latin (proportional) apostrophe, not as the
 * full-width closing quote: shaped with the Latin text and the font's `pwid` feature (OpenType registry). */
export const LATIN_APOSTROPHES = set('’');
export const LATIN_APOSTROPHE_FEATURES: Readonly<Record<string, boolean>> = { pwid: true };

/**
 * Mark clusters (clreq §3.1.6.2; jlreq §3.1.4 and its spacing table, Appendix A): inside a run of adjacent full-width
 * marks every gap between two marks loses ½ em of blank, as far as the blank is there; the blank that faces the text
 * after a closing mark or before an opening mark stays. So a stop or closer is tight against the next closer or stop
 * (。” ”） ”。, 1.5 em with the blank after the pair), one ½-em blank stays between a closer and an opener (”“, ，“),
 * openers are tight together (“《), and a run of three takes 2 em: 。”） = 。”）␣, ？”“ = ？”␣“ (never 2.5 em, never a
 * blank inside 。”). An opener followed by a closer keeps both blanks (empty brackets; xeCJK ≥ 3.10.3 quanjiao).
 * ？！ groups: GB/T 15834 §5.1.2 (QUERY_BANG: a pair is 1 em). Values in em.
 */
export const PAIR_CUT = 0.5;

/**
 * Costs used by the paragraph optimiser (dimensionless demerits, summed over the lines of a paragraph; the
 * optimiser picks the set of breaks with the lowest sum). A line spread by e hundredths of an em per gap between CJK
 * characters costs expand·e² + expandLinear·e (linear past spreadKnee): for a 12-em line with 11 gaps, spreading ½ em (0.045 em per gap, a
 * line ending in a ½-em mark with nothing to absorb it) costs ≈ 6 600, spreading 1 em (0.09 em/gap) ≈ 17 000,
 * 0.5 em per gap 75 000, 1 em per gap 1.1 M, 2 em per gap 4.2 M; squeezing one pause mark ½ em costs 30. The rule
 * costs sit on that scale; cheapest first: a number–unit break, a dash at a line start (GB level), the three-marks
 * remedy, a 孤字 last line, a ragged line, breaking a URL that fits, a line of one glyph, breaking a rule, overfull.
 * Checked on tests/fixtures/sample-body.txt (the spacing figures in tests/text-compose.test.ts) and on the hard
 * cases (tests/fixtures/text/hard-cases.tsv, tests/text-hard-cases.test.ts).
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
  /** Past 1 em per gap (e = 100) the spreading cost grows linearly (same slope): a 2-glyph line spread by 5 em
   * (≈ 9.5 M) is then dearer than one lonely glyph (`lonely`) but cheaper than two. */
  spreadKnee: 100,
  /** Per em of pause/bracket blank squeezed inside a line (clreq §3.5.3 reduction steps 4–5: 括号、，、；：). Cheap
   * (½ em = 30) but not free, so that of two equally flush solutions the one that squeezes less wins. */
  squeezePunct: 60,
  /** Per em a mark's blank toward the text is opened (PUNCT_GROW_MAX): the first expansion resource, the mirror
   * of reduction steps 4–5; cheaper than any spreading of Han text. */
  growPunct: 30,
  /** Per em of line-edge trim given back: an opener at the line start or a lone stop or closer at the line end keeps
   * its full width (½ em: 50), far less than the ≈ 6 600 of the 0.045 em/gap spread it replaces (it is all or
   * nothing, so it is only considered when a line is at least ½ em short); dearer than squeezing a mark, because it
   * shows as a ½-em step in the ink edge. */
  openerFull: 100,
  /** Per em squeezed from a sentence-end stop (。？！, clreq §3.5.3 reduction step 7, which "some styles forbid";
   * the 开明 style keeps them full width): 2.5× a pause mark, so pauses and brackets go first. */
  squeezeStop: 150,
  /** Per em of CJK–Latin gap or word space moved away from its natural width (clreq §3.5.4 expansion steps 1–2,
   * reduction steps 2 and 6): between squeezing a mark and spreading Han text. */
  latinGap: 40,
  /** Breaking between a number and its measure word / date unit, or after 第. House rule (soft): 400 ≈ a line
   * spread by 0.004 em per gap, so it only decides between nearly equal solutions. */
  numberUnit: 400,
  /** A dash or ellipsis at the start of a line at GB level (allowed by clreq GB, avoided by house style; the strict
   * level, the default, forbids it): ≈ a line spread by 0.024 em per gap. */
  longMarkStart: 3000,
  /** Breaking a token wider than the line (URL, e-mail, phone number, …) at one of its own break points (TOKENS):
   * only a tie-breaker, since the alternative is a line wider than the measure. */
  tokenBreak: 200,
  /** A break inside a run of three or more line-start-prohibited marks (。』」: clreq §3.1.4's remedy, which
   * lets such a run fall back to no prohibition "rather than produce a very loose line"): ≈ one line spread by
   * 1.7 em per gap, so it happens only when every alternative is that loose (a remedy, not a habit: the mark at the
   * line start reads as a fault). */
  threeMarks: 3e6,
  /** A paragraph's last line holding fewer than minLastLineChars characters (孤字, clreq §3.4.4): ≈ one line
   * spread by 0.95 em per gap, or three by 0.45, so it is avoided whenever the text allows. */
  orphan: 1e6,
  /** A justified line that cannot be made flush (nothing on it may stretch: a single glyph), plus its shortfall in
   * pt. */
  notFlush: 1e6,
  /** Breaking a token that fits the line at one of its own break points (URLs, e-mail addresses, phone numbers:
   * TokenRule.splitWhenFits), ≈ a line spread by 0.95 em per gap: a URL that would fit the measure but not after the
   * words before it is broken at a slash rather than leave 市 alone on a line or the words spread that far. */
  tokenSplit: 1e6,
  /** Per line: letter spacing (expansion inside Latin words, numbers and tokens; LETTER_SPACE_FROM), on
   * (em per gap × 100)²: 10× `expand`, so that letter spacing of 0.1 em costs as much as Han text spread by 0.3 em
   * per gap. */
  letterSpace: 1000,
  /** Letter spacing costs at most this much, below `lonely` and `forbidden`: a line that is one short piece of a
   * URL is spread however far it must be rather than break the URL inside a segment or leave a mark at a line
   * start. */
  letterSpaceMax: 3e6,
  /** A line of one glyph, or of punctuation alone, in a paragraph of more than one line (a 孤字 line in the middle
   * of the text, or a stack of them before a long number): on top of `notFlush`, ≈ a line spread by 2 em per gap,
   * so that any flush or bounded-loose alternative is preferred, but far below `forbidden`, so that no rule is
   * broken to avoid it. */
  lonely: 5e6,
  /** A break the rules prohibit, used only when nothing else fits (emergency): dearer than any spacing of a line up
   * to 40 em wide. Emergencies are graded, least bad first: a dash or ellipsis at a line start (a fault only at the
   * strict level), any other kinsoku fault, a break inside a word, number or token, a break inside —— or ……. */
  forbiddenStrict: 5e9,
  forbidden: 1e10,
  forbiddenSplit: 2e10,
  forbiddenLong: 3e10,
  /** A line wider than the measure even after every shrink. */
  overfull: 1e11,
  /** Headline: breaking inside a budoux phrase. */
  phrase: 5000,
  /** Headline: breaking inside a word of the headline word list (headline-words.ts): dearer than an overfull line,
   * so that the headline is set smaller (by the caller) rather than broken inside a word. */
  insideWord: 1e12,
} as const;

/** How far below natural an isolated full-width mark may be squeezed, in em (to ½ em; GB 开明 style). clreq §3.1.6.3. */
export const PUNCT_SQUEEZE_MAX = 0.5;
/**
 * How far the blank a mark keeps toward the text (after a stop or closer, before an opener; for a cluster only its
 * outer blank, never one inside it) may open when a line must stretch, in em: the first expansion resource, before
 * the Han text is spread. The mirror of clreq §3.5.3 reduction steps 4–5, which squeeze the same blanks; InDesign's
 * mojikumi sets likewise give punctuation aki a desired and a maximum value (docs/composition.md §1). ⅛ em keeps a
 * pair such as ”， under 1.75 em even at the maximum.
 */
export const PUNCT_GROW_MAX = 0.125;
/**
 * Letter spacing (expansion inside Latin words, numbers and URLs; clreq §3.5 says "do not letter-space Western
 * words") is the last resort: a line with Han gaps spreads them first, up to this many em per gap, and only what
 * is left past that is shared with letter spacing; a line without any Han gap (one piece of a URL) is letter-spaced
 * from the start.
 */
export const LETTER_SPACE_FROM = 0.25;
/** Latin word space (between two Latin words), em: natural, min, max. clreq §3.2.4. */
export const WORD_SPACE = { natural: 1 / 3, min: 0.25, max: 0.5 } as const;
