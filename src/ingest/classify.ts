/**
 * Line classifiers for newsroom copy. Each takes one trimmed, punctuation-normalised line.
 * They are deliberately conservative: a line that is not clearly one thing stays body text.
 */
import { visLen } from './normalize.js';

const HAN = '\\p{Script=Han}';
/** Roles in bylines. Longer forms first so `摄影记者` wins over `摄影`. */
export const ROLES = [
  '融媒体记者',
  '本报记者',
  '首席记者',
  '特约记者',
  '见习记者',
  '摄影记者',
  '特约通讯员',
  '记者',
  '通讯员',
  '实习生',
  '见习生',
  '摄影',
  '摄像',
  '撰稿',
  '整理',
  '编译',
  '文/图',
  '图/文',
  '文／图',
  '图／文',
  '文:',
  '图:',
  '文：',
  '图：',
  '文/',
  '图/',
  '文／',
  '图／',
];
const ROLE = `(?:${ROLES.join('|')})`;
/** A personal name: 2–5 Han characters (with ·), or a Latin name. */
const NAME = `(?:[${HAN}·]{2,5}|[A-Z][A-Za-z.\\-]+(?: [A-Z][A-Za-z.\\-]+)*)`;
const SEP = '[\\s\\u3000、，,]+';
const SP = '[\\s\\u3000]*';
const ROLE_NAMES = `${ROLE}${SP}[:：]?${SP}${NAME}(?:${SEP}(?:${ROLE}${SP}[:：]?${SP})?${NAME})*`;
const NAMES_ONLY = `${NAME}(?:${SEP}(?:${ROLE}${SP}[:：]?${SP})?${NAME})*`;

const RE_ROLE_LINE = new RegExp(`^${ROLE_NAMES}$`, 'u');
const RE_MARK_LINE = new RegExp(`^(?:■${SP}(?:${ROLE_NAMES}|${NAMES_ONLY})|□${SP}${ROLE_NAMES})$`, 'u');
const RE_BOX_NAMES = new RegExp(`^□${SP}${NAMES_ONLY}$`, 'u');
const RE_BRACKET_LINE = new RegExp(`^[（(【〔\\[]${SP}${ROLE_NAMES}${SP}[）)】〕\\]]$`, 'u');
const RE_PHOTO = new RegExp(
  `^(?:■${SP})?(?:(?:摄影记者|摄影|图片|图)${SP}[:：]?${SP}${NAMES_ONLY}|(?:${ROLE}${SP})?${NAMES_ONLY}${SP}摄)$|^[（(]${SP}(?:${ROLE}${SP})?${NAMES_ONLY}${SP}摄${SP}[）)]$`,
  'u',
);

/** A byline (署名) line: `■记者 林旭东`, `通讯员 李凤超 赵红`, `■言成声`, `（记者 张三）`, `记者 X 通讯员 Y`. */
export function isByline(s: string): boolean {
  if (visLen(s) > 40) return false;
  return RE_MARK_LINE.test(s) || RE_ROLE_LINE.test(s) || RE_BRACKET_LINE.test(s);
}

/**
 * `□林一平`: a byline only where a byline is expected (right after a head group). Elsewhere the same shape is a
 * section label (`□本地快讯`): names and words cannot be told apart.
 */
export const isBoxedName = (s: string): boolean => visLen(s) <= 12 && RE_BOX_NAMES.test(s);

/** A byline line standing alone in brackets, `（记者 张三 通讯员 李四）`. */
export const isBracketByline = (s: string): boolean => visLen(s) <= 40 && RE_BRACKET_LINE.test(s);

const RE_LEAD_CREDIT = new RegExp(`^[（(]${SP}${ROLE_NAMES}${SP}[）)]`, 'u');
/** A paragraph that opens with a bracketed byline and no dateline: `（记者 张三）10月9日，…` → [credit, rest]. */
export function splitLeadCredit(s: string): [string, string] | null {
  const m = RE_LEAD_CREDIT.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length).replace(/^[\s\u3000]+/u, '');
  return rest ? [m[0].trim(), rest] : null;
}

/** A jump line at the end of a story continued on another page: `（下转第2版）`, `(转A3版)`. */
const JUMP_OUT =
  /[（(][\s\u3000]*(?:下转|紧转|转)[\s\u3000]*第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版[\s\u3000]*[）)]$/u;
/** A jump line opening a continued story: `（上接第1版）`. */
const JUMP_IN =
  /^[（(][\s\u3000]*(?:上接|紧接|接)[\s\u3000]*第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版[\s\u3000]*[）)]/u;
/** Split a jump-out line off the end of a paragraph: [text before it (maybe empty), jump line]. */
export function splitJumpOut(s: string): [string, string] | null {
  const m = JUMP_OUT.exec(s);
  if (!m) return null;
  return [s.slice(0, m.index).replace(/[\s\u3000]+$/u, ''), m[0]];
}
export const startsWithJumpIn = (s: string): boolean => JUMP_IN.test(s);
export const isJumpLine = (s: string): boolean =>
  (JUMP_OUT.test(s) && splitJumpOut(s)![0] === '') || (JUMP_IN.test(s) && s.replace(JUMP_IN, '').trim() === '');

/** An editor's note opening (or closing) a story: `编者按：…`, `开栏的话`, `编后：…`. */
export const isEditorNote = (s: string): boolean =>
  /^[【[]?(?:编者按|编者的话|开栏的话|编后(?:语|记)?|编辑手记)[】\]]?(?:[:：\s\u3000]|$)/u.test(s);

/** An interview question: `记者：…`, `问：…`, `Q：…`. */
export const isQuestion = (s: string): boolean => /^(?:本报)?(?:记者|问|Q)[:：]/u.test(s);

/** A header over a page index (导读). */
export const isIndexHeader = (s: string): boolean => /^[【[]?(?:本期|今日|本版|要闻)?(?:导读|要目)[】\]]?$/u.test(s);
/** One line of a page index: `●我县前三季度经济运行稳中有进　　2版`, `·……（第3版）`. */
export const isIndexEntry = (s: string): boolean =>
  visLen(s) <= 48 &&
  !/[。；]$/.test(s) &&
  (/(?:第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版|[A-Z]\d{1,2})[\s\u3000]*[）)]?$/u.test(s) || /^[●■◆▲►▶·•]/u.test(s));

/** A standing column name above its piece: `东湖评论`, `今日谈`, `南湖时评`. */
export const isColumnName = (s: string): boolean =>
  visLen(s) <= 8 &&
  !/[，。、：:！？]/.test(s) &&
  /(?:评论|时评|短评|热评|快评|锐评|微评|社论|论坛|随笔|杂谈|漫谈|专栏|今日谈|谈|新语|观察|评弹)$/u.test(s);

/** A line that is a field of a form or an ad, complete in itself: `联系电话：0571-85012345`. */
export const isFieldLine = (s: string): boolean =>
  /^[^，。；\s]{1,10}[:：][\s\u3000]*[^，。；]{1,40}$/u.test(s) && /[\dA-Za-z]$/.test(s);

/** A photo credit: `■摄影 王强`, `摄影 王强 郑凯欣`, `记者 王强 摄`, `（王强 摄）`. */
export function isPhotoCredit(s: string): boolean {
  if (visLen(s) > 40) return false;
  return RE_PHOTO.test(s);
}

/** Split one credit line into credits: `记者 X 通讯员 Y` → [`记者 X`, `通讯员 Y`]. A ■ stays with the first. */
export function splitCredits(s: string): string[] {
  if (/^[（(【〔[]/.test(s)) return [s];
  const re = new RegExp(`[\\s\\u3000]+(?=${ROLE})`, 'gu');
  return s
    .split(re)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A headline line with a byline glued to its end: `“平服365”力解企业愁与盼■记者 荣怡婷` → [head, byline]. */
export function splitGluedByline(s: string): [string, string] | null {
  const i = s.indexOf('■');
  if (i <= 0) return null;
  const head = s.slice(0, i).trim();
  const by = s.slice(i).trim();
  if (!head || !isByline(by)) return null;
  return [head, by];
}

/** A caption with the photo credit glued to its end: `…较量。■摄影 王强`, `…较量。（记者 王强 摄）`. */
export function splitGluedPhotoCredit(s: string): [string, string] | null {
  const m = /^(.*[。！？”…])[\s\u3000]*((?:■[\s\u3000]*摄影|[（(])[^■（(]*)$/u.exec(s);
  if (!m || !isPhotoCredit(m[2]!.trim())) return null;
  return [m[1]!.trim(), m[2]!.trim()];
}

const DATELINES: RegExp[] = [
  // 本报讯, 本报讯（记者 X）, 本报7月1日讯, 本报北京10月11日电
  new RegExp(`^本报(?:(?!记者)[${HAN}]{2,4})?(?:\\d{1,2}月\\d{1,2}日)?[讯电](?:${SP}[（(][^（）()]{1,40}[）)])?`, 'u'),
  // 【本市讯】 【本报讯】
  /^【[^】]{1,12}[讯电]】/u,
  // 新华社北京10月11日电（记者 张三）
  new RegExp(
    `^(?:新华社|中新社|中新网|人民网|央视网|人民日报|光明日报|经济日报|浙江日报|浙江在线|潮新闻)(?:[${HAN}]{0,6})?(?:\\d{1,2}月\\d{1,2}日)?电(?:${SP}[（(][^（）()]{1,40}[）)])?`,
    'u',
  ),
  // 本报记者 张三 李四 报道
  new RegExp(`^本报(?:记者|通讯员)${SP}${NAME}(?:${SEP}${NAME})*${SP}报道`, 'u'),
];

/** The dateline (电头) at the start of a paragraph, and the rest of the paragraph (whitespace after it removed). */
export function splitDateline(s: string): [string, string] | null {
  for (const re of DATELINES) {
    const m = re.exec(s);
    if (m) {
      const rest = s.slice(m[0].length).replace(/^[\s\u3000]+/u, '');
      return [m[0].trim(), rest];
    }
  }
  return null;
}

/** Sentence-final: `。！？…；：` or a closing quote/bracket right after one of them. */
export function isTerminal(s: string): boolean {
  const t = s.replace(/[\s\u3000]+$/u, '');
  const chars = Array.from(t);
  const last = chars[chars.length - 1];
  if (last === undefined) return true;
  if (/[。！？!?…；;：:.]/.test(last)) return true;
  if (/[”’」』]/.test(last)) return /[。！？!?…]/.test(chars[chars.length - 2] ?? '');
  if (/[）)]/.test(last)) {
    // a bracket at the very end: terminal when the sentence ended before it (`……。（记者 张三）`)
    const open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
    return open > 0 && /[。！？!?…”]/.test(Array.from(t.slice(0, open)).pop() ?? '');
  }
  return false;
}

/** A paragraph that reads as running prose (so a missing sentence end means it was cut, not that it is a title). */
export const isProse = (s: string): boolean => visLen(s) >= 16 || /[，。、；]/.test(s.slice(0, -1));

/** Ends with a bracketed credit such as `（记者 张三）` or `（市教育局供稿）`: the end of a brief. */
export const endsWithBracketCredit = (s: string): boolean =>
  /[（(][^（）()]*(?:记者|通讯员|实习生|供稿|供图|整理|撰稿)[^（）()]*[）)]$/u.test(s.trim());

const AD_SIGNAL =
  /地址[:：]|电话|热线|咨询|联系方式|联系人|[Tt][Ee][Ll][:：.]|hotline|手机[:：]|网址|微信|公众号|邮箱|QQ|\d{7,}|\d{3,4}-\d{7,8}|www\.|营业时间|欢迎(?:来电|垂询|惠顾)/i;
/** Address, phone, hotline, website …: a line that belongs to an advertisement or a service box. */
export const hasAdSignal = (s: string): boolean => AD_SIGNAL.test(s);

const WEATHER_SIGNALS: RegExp[] = [
  /℃|°C/,
  /气温/,
  /多云/,
  /[阵雷]雨|[小中大暴]雨|雨夹雪|[小中大]雪/,
  /晴/,
  /阴/,
  /[东南西北偏][东南西北]?风|风力/,
  /\d\s*(?:到|～|~|-|—)?\s*\d?\s*级/,
  /湿度/,
  /降水|降雨/,
  /天气/,
];
export const weatherScore = (s: string): number => WEATHER_SIGNALS.filter((r) => r.test(s)).length;
const WEATHER_LABEL = /^[【[]?(?:天气预报|今日天气|天气|气象)[】\]]?(?:[:：\s]|$)/u;
export const hasWeatherLabel = (s: string): boolean => WEATHER_LABEL.test(s);
/** A weather line: a temperature plus at least one more weather word, or a weather label. */
export const isWeather = (s: string): boolean => hasWeatherLabel(s) || (/℃|°C|气温/.test(s) && weatherScore(s) >= 3);
/** A weather line strong enough to end a story body: several signals, short, no reporting words. */
export const isStrongWeather = (s: string): boolean =>
  hasWeatherLabel(s) ||
  (/℃|°C/.test(s) && weatherScore(s) >= 4 && visLen(s) <= 160 && !/据|记者|表示|介绍|获悉/.test(s));

/** A recurring section label: `□增值化改革进行时`, `◆民生热线`. */
export const isSectionLabel = (s: string): boolean =>
  /^[□◇◆▲△◎☆★][\s\u3000]*\S/u.test(s) && visLen(s) <= 24 && !/[。，；]/.test(s) && !RE_MARK_LINE.test(s);
/** A header over a list of briefs. */
export const isBriefsHeader = (s: string): boolean =>
  /^[【[]?(?:简讯|快讯|短讯|新闻速递|本地快讯|一句话新闻|简明新闻|新闻简讯|要闻简报|资讯速递)[】\]]?$/u.test(s);

/** The romanized column-name line of a commentary column: `DIYI PINGLUN 栏目统筹:黄金凤`. */
export function splitRomanized(s: string): { romanized: string; editor: string | null } | null {
  const m = /^([A-Z][A-Z'’\- ]*[A-Z])(?:[\s\u3000]+(.+))?$/u.exec(s);
  if (!m) return null;
  const editor = m[2]?.trim() ?? null;
  if (editor !== null && !isEditorLine(editor)) return null;
  return { romanized: m[1]!.trim(), editor };
}
/** The column editor line: `栏目统筹：黄金凤`, `主持人：张三`. */
export const isEditorLine = (s: string): boolean =>
  /^(?:栏目统筹|栏目主持|栏目编辑|主持人?|统筹|策划|责编)[:：]/u.test(s) && visLen(s) <= 24;

/** A line made only of rules or ornaments (`——————`, `***`): nothing to print. */
export const isDecoration = (s: string): boolean => /^[\s\-=_*~·•—－＝＊#＿]+$/u.test(s);

export const isDateOnly = (s: string): boolean => DATE_ONLY.test(s);
const DATE_ONLY = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/u;

/**
 * A line that can be part of a headline group: short, no sentence inside, not ending in a comma or colon,
 * not a byline, dateline, advertisement line or date. A `——` subhead may be a little longer.
 */
export function isHeadCandidate(s: string): boolean {
  const n = visLen(s);
  const max = /^[—－-]{1,2}/.test(s) ? 50 : 40;
  if (n < 2 || n > max) return false;
  if (/[。；;]/.test(s)) return false;
  if (/[，、：,:（(]$/.test(s)) return false;
  if (DATE_ONLY.test(s)) return false;
  if (isByline(s) || isPhotoCredit(s) || isDecoration(s) || isSectionLabel(s) || isEditorLine(s)) return false;
  if (splitDateline(s) || splitLeadCredit(s)) return false;
  if (hasAdSignal(s)) return false;
  if (JUMP_OUT.test(s) || JUMP_IN.test(s) || isEditorNote(s) || isIndexHeader(s)) return false;
  if (/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/.test(s)) return false;
  return true;
}
