/**
 * Pass 4, classify lines: what one trimmed, normalised line of copy is, taken alone. Every test reads its
 * patterns from patterns.ts. The classifiers are deliberately conservative: a line that is not clearly one thing
 * stays body text, and where position decides (a bare name is a byline only under a head group) the assembler
 * asks.
 */
import { oneLineTable } from './cells.js';
import { isNamesLine } from './names.js';
import { visLen } from './punctuation.js';
import {
  AD,
  BRIEFS,
  BYLINE,
  CLOSING,
  COLUMN,
  DATE,
  DATELINE,
  DECORATION,
  HEAD,
  INDEX,
  JUMP,
  LABEL,
  LIST,
  NOTICE,
  PHOTO,
  CONTINUES,
  SENTENCE_STOP,
  SPEECH_END,
  TERMINAL,
  WEATHER,
} from './patterns.js';

/**
 * The assembler asks the same question about the same line many times (every recogniser looks ahead): the
 * costlier classifiers remember their answers (bounded; cleared when full).
 */
function memo(f: (s: string) => boolean): (s: string) => boolean {
  const seen = new Map<string, boolean>();
  return (s: string): boolean => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    if (seen.size > 20_000) seen.clear();
    const v = f(s);
    seen.set(s, v);
    return v;
  };
}

/** Long lines are never furniture: the tests below give up early on them (a 2 MB line must not be scanned often). */
const short = (s: string, n: number): boolean => s.length <= n * 2 && visLen(s) <= n;

// ---- credits ----

/** A byline line: `■记者 林旭东`, `通讯员 李凤超 赵红`, `■言成声`, `（记者 张三）`, `本报记者  王  芳`, `本报评论员`. */
export const isByline = memo(
  (s: string): boolean =>
    short(s, 40) &&
    !CLOSING.explicit.test(s) &&
    (BYLINE.markLine.test(s) || BYLINE.roleLine.test(s) || BYLINE.bracketLine.test(s)) &&
    !isLabelWord(s), // 记者 手记 names no one
);

/** `□林一平`: a byline only right under a head group; elsewhere the same shape is a section label. */
export const isBoxedName = (s: string): boolean => short(s, 12) && BYLINE.boxedName.test(s);

/** A bare name line (`李 斌`): a byline only between a head group and the body. */
export const isBareName = (s: string): boolean => short(s, 12) && BYLINE.bareName.test(s) && !isLabelWord(s); // 编后, 短评

/** A credit line standing alone in brackets after the text: `（记者 张三 通讯员 李四）`, `（据新华社北京10月11日电）`. */
export const isBracketCredit = (s: string): boolean =>
  short(s, 48) && !CLOSING.explicit.test(s) && (BYLINE.bracketLine.test(s) || BYLINE.sourceLine.test(s));

/** A bracketed byline opening a paragraph with no dateline: `（记者 张三）10月9日，…` → [credit, rest]. */
export function splitLeadCredit(s: string): [string, string] | null {
  const m = BYLINE.lead.exec(s.slice(0, 80));
  if (!m) return null;
  const rest = s.slice(m[0].length).replace(/^[\s\u3000]+/u, '');
  return rest ? [m[0].trim(), rest] : null;
}

/** A bracketed credit at the end of a paragraph: `……。（记者 张三）` → [text, credit]. */
export function splitTrailingCredit(s: string): [string, string] | null {
  const tail = s.length > 120 ? s.slice(-120) : s;
  const m = BYLINE.trailing.exec(tail);
  if (!m) return null;
  const at = s.length - tail.length + m.index;
  const text = s.slice(0, at).replace(/[\s\u3000]+$/u, '');
  // after the end of a sentence (an ASCII period too, in messy copy), or a reporter's credit right after the text
  if (!text || !(/[。！？!?…”」』.]$/u.test(text) || BYLINE.reporter.test(m[0]))) return null;
  return [text, m[0].trim()];
}

/** Split one credit line into credits: `记者 X 通讯员 Y` → [`记者 X`, `通讯员 Y`]. A ■ stays with the first. */
export function splitCredits(s: string): string[] {
  if (/^[（(【〔[]/u.test(s)) return [s];
  const parts = s
    .split(BYLINE.roleSplit)
    .map((x) => x.trim())
    .filter(Boolean);
  // a role with no name of its own stays with the credit after it (`图/文 本报记者 X`), or at the end with the
  // one before it (`记者 沈 洁 文/摄`)
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (BYLINE.roleOnly.test(prev) || BYLINE.roleOnly.test(p)))
      out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/**
 * A credit as data: names without their padding, one space between words. Newspapers pad a two-character name
 * to the width of three (`本报记者 何 晓 吴 琳`, `王  芳`); the padding is typesetting, and split at the wrong
 * place it makes four one-character names. Single characters standing alone are joined in pairs only when they
 * all pair up (`何 晓 吴 琳` → `何晓 吴琳`; `何 晓 吴` stays as it is); a one-character role (`图 `, `文 `) is no
 * name; a photo credit's `摄` stays after the name it follows.
 */
export function tidyCredit(s: string): string {
  const tokens = s.split(/[\s\u3000\u00A0]+/u).filter(Boolean);
  // the name in a token: without brackets and marks around it, and without a photo credit's 摄 after it
  const core = (t: string): string =>
    t
      .replace(/^[■□●（(【〔[]+/u, '')
      .replace(/^(?:摄影|图|文|摄)[:：/／]/u, '')
      .replace(/^\p{Script=Han}{1,6}[:：]/u, '')
      .replace(/[）)】〕\]]+$/u, '')
      .replace(/[/／]?摄(?:影报道|影)?$/u, '');
  const lone = tokens.map((t, k) => /^\p{Script=Han}$/u.test(core(t)) && !(k === 0 && /^[图文摄]$/u.test(t)));
  const out: string[] = [];
  let paired = true;
  for (let k = 0; k < tokens.length; k++) {
    if (lone[k] && lone[k + 1]) {
      out.push(tokens[k]! + tokens[k + 1]!);
      k++;
    } else {
      if (lone[k]) paired = false;
      out.push(tokens[k]!);
    }
  }
  return (paired ? out : tokens).join(' ');
}

/** A credit of a reporter (news), as opposed to an author's (opinion). */
export const isReporterCredit = (s: string): boolean => BYLINE.reporter.test(s);

/** A photo credit: `■摄影 王强`, `记者 王强 摄`, `（王强 摄）`, `新华社记者 李四摄`, `张三摄影报道`. */
export const isPhotoCredit = memo(
  (s: string): boolean => short(s, 40) && PHOTO.credit.test(s) && !PHOTO.label.test(s), // 图片报道 names no one
);

/** A caption with its photo credit glued to the end → [caption, credit]. */
export function splitGluedPhotoCredit(s: string): [string, string] | null {
  // the credit ends the line: a 摄, or a ■/bracket credit, among its last characters
  if (s.length > 1200 || !/摄|■|[（(]/u.test(s.slice(-48))) return null;
  const m = PHOTO.glued.exec(s);
  if (!m) return null;
  const credit = m[2]!.trim();
  if (!isPhotoCredit(credit)) return null;
  return [m[1]!.trim(), credit];
}

/** A headline line with a byline glued to its end: `“平服365”力解企业愁与盼■记者 荣怡婷` → [head, byline]. */
export function splitGluedByline(s: string): [string, string] | null {
  if (!short(s, 80)) return null;
  const i = s.indexOf('■');
  if (i <= 0) return null;
  const head = s.slice(0, i).trim();
  const by = s.slice(i).trim();
  if (!head || !isByline(by)) return null;
  return [head, by];
}

// ---- datelines ----

export interface Dateline {
  /** The 电头 itself: `本报北京10月11日电`. */
  dateline: string;
  /** The bracketed credit that follows it, `（记者 张三）`, or null. */
  credit: string | null;
  /** The rest of the paragraph. */
  rest: string;
}

/** The dateline at the start of a paragraph, the credit bracketed after it, and the rest of the paragraph. */
export function splitDateline(s: string): Dateline | null {
  const head = s.slice(0, 120);
  for (const re of DATELINE.forms) {
    const m = re.exec(head);
    if (!m) continue;
    let rest = s.slice(m[0].length);
    let credit: string | null = null;
    const c = DATELINE.credit.exec(rest.slice(0, 60));
    // the bracket after a dateline is a credit when it names people or roles (`（下转第2版）` is no credit)
    if (c && !JUMP.out.test(c[1]!) && (BYLINE.bracketLine.test(c[1]!) || BYLINE.reporter.test(c[1]!))) {
      credit = c[1]!;
      rest = rest.slice(c[0].length);
    }
    return { dateline: m[0].trim(), credit, rest: rest.replace(/^[\s\u3000]+/u, '') };
  }
  return null;
}

// ---- story furniture ----

/** A jump-out line at the end of a paragraph → [text before it (maybe empty), jump line]. */
export function splitJumpOut(s: string): [string, string] | null {
  const tail = s.length > 40 ? s.slice(-40) : s;
  const m = JUMP.out.exec(tail);
  if (!m) return null;
  const at = s.length - tail.length + m.index;
  return [s.slice(0, at).replace(/[\s\u3000]+$/u, ''), m[0]];
}
export const startsWithJumpIn = (s: string): boolean => JUMP.in.test(s.slice(0, 24));
const isJumpLine = (s: string): boolean => short(s, 16) && (JUMP.out.test(s) || JUMP.in.test(s));

/**
 * A closing line of a story: a short line wholly in brackets that is no jump line and no credit (`（作者为…）`,
 * `（本系列评论到此结束）`, `（本报北京10月11日电）`), a photo credit with its source (`张三摄（新华社发）`), or a
 * page-furniture line (`本版责编：X`).
 */
export function isClosing(s: string): boolean {
  if (!short(s, 80)) return false;
  if (CLOSING.furniture.test(s)) return true;
  if (!CLOSING.bracket.test(s) || isJumpLine(s) || isBracketCredit(s)) return false;
  // a bracketed line that is a column tag (`（人民论坛）`) is not a closing: the assembler decides by position
  return true;
}

/** An editor's note: `编者按：…`, `开栏的话`, `编后：…`. */
export const isEditorNote = (s: string): boolean => LABEL.note.test(s.slice(0, 12));

/** An in-story label: `核心阅读`, `引子`, `记者手记`, `相关链接` … */
export const isLabelWord = (s: string): boolean =>
  short(s, 14) && LABEL.words.test(/[\s\u3000\u00A0]/u.test(s) ? s.replace(/[\s\u3000\u00A0]+/gu, '') : s); // 记者 手记: padded

/** A signature set flush right: `——编 者`. */
export const isSignature = (s: string): boolean =>
  short(s, 10) && LABEL.signature.test(s) && !LABEL.words.test(s.replace(/^[—－]{1,2}[\s\u3000]*/u, '')); // ——记者手记: a 副题

/** An interview question: `记者：…`, `问：…`. */
export const isQuestion = (s: string): boolean => LABEL.question.test(s.slice(0, 6));

/** A recurring section label: `□增值化改革进行时`, `◆民生热线` (not a ■ byline). */
export const isSectionLabel = (s: string): boolean =>
  short(s, 24) &&
  ((LABEL.section.test(s) && !/[。，；]/u.test(s) && !BYLINE.markLine.test(s)) || LABEL.pageName.test(s));

/** A header over a list of briefs. */
export const isBriefsHeader = (s: string): boolean => short(s, 14) && BRIEFS.header.test(s);

/** A label over a photo item: `图片报道`. */
export const isPhotoLabel = (s: string): boolean => short(s, 8) && PHOTO.label.test(s);

/** A header over a page index (导读). */
export const isIndexHeader = (s: string): boolean => short(s, 8) && INDEX.header.test(s);

/** One line of a page index: `●我县前三季度经济运行稳中有进　　2版`. */
export const isIndexEntry = (s: string): boolean =>
  short(s, 48) && !/[。；]$/u.test(s) && (INDEX.pageRef.test(s) || INDEX.bullet.test(s));

// ---- columns ----

/** A standing column name above its piece: `东湖评论`, `今日谈`. */
export const isColumnName = (s: string): boolean =>
  short(s, 8) && !/[，。、：:！？]/u.test(s) && COLUMN.nameAbove.test(s);

/** A column name that goes with an editor line. */
export const isEditorColumnName = (s: string): boolean => COLUMN.withEditor.test(s);

/** The column editor line: `栏目统筹：黄金凤`. */
export const isEditorLine = (s: string): boolean => short(s, 24) && COLUMN.editor.test(s);

/** The romanized column-name line: `DIYI PINGLUN 栏目统筹:黄金凤` → its parts. */
export function splitRomanized(s: string): { romanized: string; editor: string | null } | null {
  if (!short(s, 60)) return null;
  const m = COLUMN.romanized.exec(s);
  if (!m) return null;
  const editor = m[2]?.trim() ?? null;
  if (editor !== null && !isEditorLine(editor)) return null;
  return { romanized: m[1]!.trim(), editor };
}

/** A column tag at the end of a head line: `让创新活力竞相迸发（人民论坛）` → [head, tag, name]. */
export function splitColumnTag(s: string): [string, string, string] | null {
  if (!short(s, 60)) return null;
  const m = COLUMN.tag.exec(s);
  // a credit or closing in brackets is no column tag (`……办结148条.（通讯员 胡斌）`)
  if (!m || COLUMN.notTag.test(m[3]!.trim()) || isBracketCredit(m[2]!) || CLOSING.explicit.test(m[2]!)) return null;
  const head = m[1]!.trim();
  if (visLen(head) < 2) return null;
  return [head, m[2]!, m[3]!.trim()];
}

/** A column tag on a line of its own: `（人民论坛）` → [tag, name]. */
export function columnTagLine(s: string): [string, string] | null {
  if (!short(s, 24)) return null;
  const m = COLUMN.tagLine.exec(s);
  if (!m || COLUMN.notTag.test(m[1]!.trim()) || isBracketCredit(s) || isJumpLine(s)) return null;
  return [s, m[1]!.trim()];
}

/**
 * A bracketed column name on a line of its own (`【今日谈】`) → [tag, name], or null when the bracket holds
 * something else: a label (`【相关链接】`), a briefs header (`【一句话新闻】`), a dateline (`【本报讯】`), a photo,
 * index, weather or editor's-note label, a numbered or dated line.
 */
export function columnLineAbove(s: string): [string, string] | null {
  if (!short(s, 14)) return null;
  const m = COLUMN.lineAbove.exec(s);
  if (!m) return null;
  const name = m[1]!;
  if (isLabelWord(s) || isBriefsHeader(s) || isPhotoLabel(s) || isIndexHeader(s) || isEditorNote(s)) return null;
  if (hasWeatherLabel(s) || /[讯电]$/u.test(name) || /\d/u.test(name) || COLUMN.notTag.test(name)) return null;
  return [s, name];
}

/** An opinion column's name (`人民论坛`, `金台随笔`, `今日谈`): the item is a commentary. */
export const isOpinionColumn = (name: string): boolean => COLUMN.opinion.test(name.replace(/[·\s]/gu, ''));

// ---- notices, lists, dates ----

/** A notice title: `关于调整城区公交线路的通知`, `中华人民共和国主席令`, `任免名单`. */
/** Also spaced out as a short title is (`更　正`, `启　事`): the kind is read without the spaces. */
export const isNoticeTitle = (s: string): boolean =>
  short(s, 48) &&
  !/[。；]/u.test(s) &&
  (NOTICE.title.test(s) || (visLen(s) <= 12 && NOTICE.title.test(s.replace(/[\s\u3000]+/gu, ''))));
/** A notice whose lines are a roll of entries (任免名单). */
export const isRollTitle = (s: string): boolean => NOTICE.roll.test(s);
/** A document number under a notice title: `第二十一号`, `（2024）第3号`. */
export const isNoticeNumber = (s: string): boolean => short(s, 24) && NOTICE.number.test(s);
/** A signature line of a notice: an issuing body or an officer with a name. */
export const isIssuer = (s: string): boolean =>
  short(s, 40) && !/[。；，！？]/u.test(s) && (NOTICE.issuer.test(s) || NOTICE.officer.test(s));
/** A person signing a notice by their part in it: `声明人：李某某`, `失主：张先生`. */
export function isSigner(s: string): boolean {
  const m = short(s, 44) ? NOTICE.signer.exec(s) : null;
  // the part (声明人：) says it is a signature: any name or body after it, no sentence
  return m !== null && visLen(m[1]!) <= 30 && !/[，。；！？,;!?]/u.test(m[1]!);
}
/**
 * A signature and its date on one line: `本报编辑部　2025年11月4日`, `《某某晚报》编辑部 2025年11月4日`. Returns
 * [signature, date], or null. Why: short notices (更正, 致歉) often set both on the last line.
 */
export function splitSignedDate(s: string): [string, string] | null {
  if (!short(s, 56)) return null;
  const m = /^(.+?)[\s\u3000]+(\S+)$/u.exec(s);
  if (!m || !DATE.only.test(m[2]!)) return null;
  const who = m[1]!.trim();
  return isIssuer(who) || isSigner(who) ? [who, m[2]!] : null;
}
/** `特此公告。` */
export const isNoticeFormula = (s: string): boolean => short(s, 8) && NOTICE.formula.test(s);
/** A list title: `2024年度“最美乡村教师”名单`. */
export const isListTitle = (s: string): boolean => short(s, 40) && !/[。；]/u.test(s) && LIST.title.test(s);

export const isDateOnly = (s: string): boolean => short(s, 16) && DATE.only.test(s);

// ---- text shape ----

/** Sentence-final: `。！？…；：` or a closing quote/bracket right after one of them. */
export function isTerminal(s: string): boolean {
  const t = (s.length > 40 ? s.slice(-40) : s).replace(/[\s\u3000]+$/u, '');
  const chars = Array.from(t);
  const last = chars[chars.length - 1];
  if (last === undefined) return true;
  if (TERMINAL.test(last)) return true;
  if (/[”’」』]/u.test(last)) return /[。！？!?…]/u.test(chars[chars.length - 2] ?? '');
  if (/[）)]/u.test(last)) {
    // a bracket at the very end: terminal when the sentence ended before it (`……。（记者 张三）`), or when it is a
    // credit closing the text (`……实效（通讯员 胡斌）`)
    const open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
    if (open <= 0) return false;
    return /[。！？!?…”.]/u.test(Array.from(t.slice(0, open)).pop() ?? '') || BYLINE.trailing.test(t.slice(open));
  }
  return false;
}

/** A paragraph that reads as running prose (so a missing sentence end means it was cut, not that it is a title). */
export const isProse = (s: string): boolean => visLen(s) >= 16 || /[，。、；]/u.test(s.slice(0, -1));

/** Ends with a bracketed credit such as `（记者 张三）` or `（市教育局供稿）`: the end of a brief. */
export const endsWithBracketCredit = (s: string): boolean =>
  /[（(][^（）()]*(?:记者|通讯员|实习生|供稿|供图|整理|撰稿|电)[^（）()]*[）)]$/u.test(s.slice(-60).trim());

/** A line that belongs to an advertisement or service box (address, phone, website …). */
export const hasAdField = (s: string): boolean => AD.field.test(s.length > 200 ? s.slice(0, 200) : s);
/** Ad words, weaker evidence (they also occur in news). */
export const hasAdSignal = (s: string): boolean => hasAdField(s) || AD.words.test(s.length > 200 ? s.slice(0, 200) : s);

/** A line that is a field of a form or an ad, complete in itself: `联系电话：0571-85012345`. */
export const isFieldLine = (s: string): boolean =>
  short(s, 52) && /^[^，。；\s]{1,10}[:：][\s\u3000]*[^，。；]{1,40}$/u.test(s) && /[\dA-Za-z]$/u.test(s);

export const weatherScore = (s: string): number => {
  const t = s.length > 300 ? s.slice(0, 300) : s;
  return WEATHER.signals.filter((r) => r.test(t)).length;
};
export const hasWeatherLabel = (s: string): boolean => WEATHER.label.test(s.slice(0, 8));
/** A weather line: a temperature plus at least two more weather words, or a weather label. */
export const isWeather = (s: string): boolean =>
  hasWeatherLabel(s) || (s.length < 600 && /℃|°C|气温/u.test(s) && weatherScore(s) >= 3);
/** A weather line strong enough to end a story body: several signals, short, no reporting words. */
export const isStrongWeather = (s: string): boolean =>
  hasWeatherLabel(s) || (/℃|°C/u.test(s) && visLen(s) <= 160 && weatherScore(s) >= 4 && !WEATHER.reporting.test(s));

/** A line made only of rules or ornaments: nothing to print. */
export const isDecoration = (s: string): boolean => short(s, 80) && DECORATION.test(s);

/** Numbered (`一、`, `（二）`, `3.`): a list item or crosshead, never a headline. */
export const isNumbered = (s: string): boolean => HEAD.numbered.test(s.slice(0, 8));

/** A line that opens with a dash: a 副题 in a head group, a signature in a body. */
export const isDashLine = (s: string): boolean => HEAD.dashSubhead.test(s);

/**
 * A line that can be part of a head group: short, no sentence inside, not ending in a comma or colon, and not
 * a byline, dateline, credit, label, closing, advertisement field, date or numbered line. A `——` subhead may be
 * a little longer; a head line may carry a column tag (`（人民论坛）`).
 */
export const isHeadCandidate = memo(headCandidate);
function headCandidate(s: string): boolean {
  const n = visLen(s);
  const max = isDashLine(s) ? 50 : 44;
  if (n < 2 || n > max) return false;
  if (SENTENCE_STOP.test(s) || CONTINUES.test(s) || SPEECH_END.test(s)) return false;
  if (/[，、：,:（(]$/u.test(s)) return false;
  if (isDateOnly(s) || isDecoration(s) || isSignature(s) || CLOSING.furniture.test(s)) return false;
  if (isByline(s) || isPhotoCredit(s) || isSectionLabel(s) || isEditorLine(s) || isBracketCredit(s)) return false;
  if (splitDateline(s) || splitLeadCredit(s)) return false;
  if (hasAdField(s)) return false;
  if (isJumpLine(s) || isEditorNote(s) || isIndexHeader(s) || isLabelWord(s) || isPhotoLabel(s)) return false;
  if (/^[（(]/u.test(s) && /[）)]$/u.test(s)) return false; // a bracketed line: closing or column tag
  if (isNumbered(s) || isNamesLine(s) || oneLineTable(s)) return false;
  return true;
}

/**
 * A head that is a quoted sentence (`“我们村的路通了！”`): never a head line by itself (see isHeadCandidate), but
 * right over a byline or a dateline it is the story's head.
 */
export const isSpeechHead = (s: string): boolean =>
  SPEECH_END.test(s) && visLen(s) <= 30 && !SENTENCE_STOP.test(s) && /^[“「『‘]/u.test(s) && !/[：:，,]/u.test(s);

/**
 * A 引题 ending with a colon (`东岭镇：`, `记者调查：`): never a head line alone (see isHeadCandidate), but over a
 * head line it opens the group. Not a field (`地址：`), an interview question (`记者：`) or an editor's note.
 */
export const isColonKicker = (s: string): boolean =>
  HEAD.colonKicker.test(s) && !hasAdField(s) && !LABEL.question.test(s) && !isEditorNote(s) && !isByline(s);

/**
 * The shape of a crosshead (小标题) rather than a headline: numbered, a lead-in ending in a dash, a label word,
 * two short phrases side by side (`产业升级 动能更足`), or very short.
 */
export function hasCrossheadForm(s: string): boolean {
  if (isNumbered(s) || HEAD.leadIn.test(s) || isLabelWord(s)) return true;
  if (/^[^\s\u3000]{2,7}[\s\u3000]+[^\s\u3000]{2,7}$/u.test(s)) return true;
  return visLen(s) <= 6;
}
