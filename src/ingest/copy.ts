/**
 * The importer for newsroom page copy: plain text, one paragraph or head line per line, blank lines between
 * blocks, as the newsroom's system exports a page. It recognises, by general rules (nothing about any one page):
 *
 * - head groups (引题/主题/副题) before a byline or dateline; a byline glued to the end of a head line;
 * - bylines with ■ or a role (记者, 通讯员, 实习生, 摄影, 见习记者 …), in brackets, and on continuation lines;
 * - datelines at the start of the first paragraph (本报讯, 本报北京10月11日电, 【本市讯】, 新华社…电, 本报记者 X 报道);
 * - paragraphs the copy split mid-sentence at a column break (rejoined);
 * - section labels (□…), commentary columns (a column-name line plus a romanized line with the column editor),
 *   photos (optional title, caption, then a 摄影 credit), advertisements, weather, briefs lists and notices.
 *
 * - a 导读 index (its own item, one paragraph per entry), column names standing above their piece (`东湖评论`, `今日谈`).
 *
 * Decisions a designer should know:
 * - paragraphs that are not running text stay in `paragraphs` and are listed in `marks`: 小标题 (`subhead`),
 *   编者按 (`note`), 转版 lines (`jump`: `（下转第2版）` is split off the end of its paragraph and ends the story;
 *   a paragraph opening with `（上接第1版）` starts a new item), interview questions (`question`);
 * - a bracketed byline on a line of its own after the text, or opening the first paragraph, goes to `credits`;
 * - after a 编者按 the dateline stays in the text (a dateline runs into the first paragraph, which is the note);
 * - a 简讯 list without item heads is one item: the label is the headline, one paragraph per brief;
 * - control and zero-width characters are removed (`import-invisible-text`); undecodable input (U+FFFD) is an
 *   `input-encoding` error, but its text is still imported.
 *
 * Nothing visible is lost: every character of the input ends up in an item, except ornament lines (`——————`),
 * which are reported as `import-dropped-text`. Guesses an editor should check are reported as `info`.
 */
import { type Diagnostic, diagnostic, type Sink } from '../diag/index.js';
import type {
  AdItem,
  ArticleItem,
  CommentaryItem,
  Item,
  ParagraphMark,
  PhotoItem,
  WeatherItem,
} from '../model/edition.js';
import {
  endsWithBracketCredit,
  hasWeatherLabel,
  isBoxedName,
  isBracketByline,
  isColumnName,
  isEditorNote,
  isFieldLine,
  isIndexEntry,
  isIndexHeader,
  isQuestion,
  splitJumpOut,
  splitLeadCredit,
  startsWithJumpIn,
  hasAdSignal,
  isBriefsHeader,
  isByline,
  isDateOnly,
  isDecoration,
  isEditorLine,
  isHeadCandidate,
  isPhotoCredit,
  isProse,
  isSectionLabel,
  isStrongWeather,
  isTerminal,
  isWeather,
  splitCredits,
  weatherScore,
  splitDateline,
  splitGluedByline,
  splitGluedPhotoCredit,
  splitRomanized,
} from './classify.js';
import { normalizePunctuation, visLen } from './normalize.js';

/** One non-empty line of copy. */
interface Line {
  no: number;
  text: string;
  /** A blank line (or the start of the file) comes before it. */
  blankBefore: boolean;
}

interface Head {
  text: string;
  no: number;
}

interface StoryStart {
  heads: Head[];
  credits: string[];
  /** Index of the first line after heads and credits. */
  next: number;
}

interface ColumnMark {
  /** The name stands above its piece (`东湖评论`), so it belongs to the next item. */
  before?: boolean;
  name: string;
  romanized: string | null;
  editor: string | null;
  no: number;
  /** Index of the first line of the mark, and of the first line after it. */
  start: number;
  end: number;
}

type Ctx = 'start' | 'story' | 'photo' | 'ad' | 'weather';

const DROPPED = 'import-dropped-text';
/** Characters that print nothing: control characters other than whitespace, and zero-width format characters (a BOM inside the text …). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to find control characters
export const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\p{Cf}]/gu;
const NOTICE = /(?:通知|公告|通告|启事|声明|公示|倡议书|通报|决定)$/;

/**
 * The end of a paragraph, for the tests that only look at how it ends (a paragraph grows line by line while
 * column breaks are rejoined: testing all of it each time would be quadratic on long copy).
 */
const tail = (s: string): string => (s.length > 160 ? s.slice(-160) : s);

/** A paragraph that can only be the first of a story: a dateline, a bracketed byline, an editor's note, a jump-in line. */
const opensStory = (t: string): boolean =>
  splitDateline(t) !== null || splitLeadCredit(t) !== null || isEditorNote(t) || startsWithJumpIn(t);

class CopyParser {
  private readonly L: Line[];
  private readonly items: Item[] = [];
  private readonly columns: Array<{ mark: ColumnMark; prev: number; next: number }> = [];
  /** A section label waiting for its story; `parts`: the label lines (two labels in a row both head the story). */
  private pendingSection: (Head & { parts: Head[] }) | null = null;

  constructor(
    text: string,
    private readonly file: string,
    private readonly sink: Sink,
  ) {
    this.L = [];
    let blank = true;
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .forEach((raw, i) => {
        const t = normalizePunctuation(raw.replace(INVISIBLE, '').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''));
        if (!t) {
          blank = true;
          return;
        }
        this.L.push({ no: i + 1, text: t, blankBefore: blank });
        blank = false;
      });
  }

  private diag(d: Omit<Diagnostic, 'at' | 'severity'> & { line: number; item?: string }): void {
    const at: Diagnostic['at'] = { file: this.file, line: d.line };
    if (d.item) at.item = d.item;
    this.sink.report(d.code, d.message, at, d.hint);
  }

  private text(i: number): string | undefined {
    return this.L[i]?.text;
  }

  /** Lines of the block that starts at i (up to the next blank line). */
  private block(i: number): number[] {
    const out: number[] = [];
    for (let j = i; j < this.L.length; j++) {
      if (j > i && this.L[j]!.blankBefore) break;
      out.push(j);
    }
    return out;
  }

  // ---- recognisers; each looks ahead from line i and returns null when the pattern does not fit ----

  private column(i: number): ColumnMark | null {
    const name = this.text(i);
    const second = this.L[i + 1];
    if (name === undefined || !second || second.blankBefore) return null;
    if (visLen(name) > 14 || isTerminal(name) || /[，。]/.test(name)) return null;
    const rom = splitRomanized(second.text);
    if (rom) {
      let end = i + 2;
      let editor = rom.editor;
      const third = this.L[end];
      if (editor === null && third && !third.blankBefore && isEditorLine(third.text)) {
        editor = third.text;
        end++;
      }
      return { name, romanized: rom.romanized, editor, no: this.L[i]!.no, start: i, end };
    }
    if (isEditorLine(second.text) && /(?:评论|时评|短评|热评|快评|社论|观察|论坛|随笔|杂谈|漫谈|专栏)$/.test(name)) {
      return { name, romanized: null, editor: second.text, no: this.L[i]!.no, start: i, end: i + 2 };
    }
    return null;
  }

  /**
   * A column name standing alone above a signed piece: `东湖评论` / blank / head lines / byline. Needs the name
   * shape (…评论, …谈, …时评 …), a block of its own, and a byline under the head group that follows.
   */
  private columnAbove(i: number): ColumnMark | null {
    const ln = this.L[i];
    const next = this.L[i + 1];
    if (!ln || !next?.blankBefore || !isColumnName(ln.text)) return null;
    let j = i + 1;
    let heads = 0;
    while (j < this.L.length && heads < 4 && (heads === 0 || !this.L[j]!.blankBefore)) {
      const t = this.L[j]!.text;
      if (splitGluedByline(t))
        return { before: true, name: ln.text, romanized: null, editor: null, no: ln.no, start: i, end: i + 1 };
      if (!isHeadCandidate(t)) break;
      heads++;
      j++;
    }
    const by = this.text(j);
    if (heads === 0 || by === undefined || !(isByline(by) || isBoxedName(by))) return null;
    return { before: true, name: ln.text, romanized: null, editor: null, no: ln.no, start: i, end: i + 1 };
  }

  /** Photo: [title] caption credit…, or a caption with the credit glued to its end. */
  private photo(i: number): { title: Head | null; caption: Head; credits: string[]; next: number } | null {
    const credits = (from: number): [string[], number] => {
      const out: string[] = [];
      let j = from;
      while (
        j < this.L.length &&
        (isPhotoCredit(this.L[j]!.text) || (out.length > 0 && isByline(this.L[j]!.text) && !this.L[j]!.blankBefore))
      ) {
        out.push(this.L[j]!.text);
        j++;
      }
      return [out, j];
    };
    const tryAt = (title: Head | null, c: number): ReturnType<CopyParser['photo']> => {
      const cap = this.L[c];
      if (!cap || isByline(cap.text) || isPhotoCredit(cap.text) || isSectionLabel(cap.text)) return null;
      const glued = splitGluedPhotoCredit(cap.text);
      if (glued) {
        const [more, next] = credits(c + 1);
        return { title, caption: { text: glued[0], no: cap.no }, credits: [glued[1], ...more], next };
      }
      const [cr, next] = credits(c + 1);
      if (cr.length === 0 || !isPhotoCredit(cr[0]!)) return null;
      return { title, caption: { text: cap.text, no: cap.no }, credits: cr, next };
    };
    const first = this.L[i];
    if (!first) return null;
    if (isHeadCandidate(first.text) && this.L[i + 1] && !isHeadCandidate(this.L[i + 1]!.text)) {
      const withTitle = tryAt({ text: first.text, no: first.no }, i + 1);
      if (withTitle) return withTitle;
    }
    return tryAt(null, i);
  }

  /** A head group and its bylines. `inBody`: we are inside another story, so demand stronger evidence. */
  private story(i: number, inBody: boolean, briefCtx: boolean): StoryStart | null {
    const heads: Head[] = [];
    const credits: string[] = [];
    let j = i;
    let glued = false;
    while (j < this.L.length && heads.length < 5) {
      const ln = this.L[j]!;
      const g = splitGluedByline(ln.text);
      if (g && (isHeadCandidate(g[0]) || heads.length > 0)) {
        heads.push({ text: g[0], no: ln.no });
        credits.push(...splitCredits(g[1]));
        glued = true;
        j++;
        break;
      }
      if (!isHeadCandidate(ln.text) || (heads.length > 0 && this.column(j))) break;
      heads.push({ text: ln.text, no: ln.no });
      j++;
    }
    if (heads.length === 0) return null;
    while (j < this.L.length) {
      const t = this.L[j]!.text;
      if (!(isByline(t) || isBoxedName(t) || (credits.length > 0 && isPhotoCredit(t)))) break;
      credits.push(...splitCredits(t));
      j++;
    }
    if (glued || credits.length > 0) return { heads, credits, next: j };
    const after = this.text(j);
    if (after === undefined) return null;
    if (opensStory(after)) return { heads, credits, next: j };
    const prose =
      !isHeadCandidate(after) &&
      !isDateOnly(after) &&
      !isByline(after) &&
      !isPhotoCredit(after) &&
      !isDecoration(after) &&
      !(hasAdSignal(after) && visLen(after) <= 48);
    if (!prose) return null;
    if (!inBody) return { heads, credits, next: j };
    if (heads.length >= 2) return { heads, credits, next: j };
    if (briefCtx || heads.some((h) => NOTICE.test(h.text))) return { heads, credits, next: j };
    return null;
  }

  /** An advertisement block: short lines, at least one address/phone/hotline line (or any block after a photo). */
  private ad(i: number, afterPhoto: boolean): number[] | null {
    const b = this.block(i);
    const lines = b.map((k) => this.L[k]!.text);
    if (lines.some((t) => visLen(t) > 60)) return afterPhoto ? b : null;
    if (afterPhoto) return b;
    return lines.some(hasAdSignal) ? b : null;
  }

  /** A page index (导读): the header line, then index entries (blank lines between them allowed). Line indices. */
  private index(i: number): number[] | null {
    const t = this.text(i);
    if (t === undefined || !isIndexHeader(t)) return null;
    const out = [i];
    for (let j = i + 1; j < this.L.length && isIndexEntry(this.L[j]!.text); j++) out.push(j);
    return out.length > 1 ? out : null;
  }

  /** Does line i start a new item while we are inside a story body? */
  private startsItem(i: number, briefCtx: boolean, notice: boolean): boolean {
    const t = this.text(i)!;
    if (isSectionLabel(t) || isBriefsHeader(t) || isIndexHeader(t)) return true;
    if (this.column(i) || this.columnAbove(i)) return true;
    if (this.photo(i)) return true;
    if (this.story(i, true, briefCtx)) return true;
    if (isStrongWeather(t) && this.L[i]!.blankBefore) return true;
    // a paragraph opening with a dateline is the start of another story, even without a headline
    if (this.L[i]!.blankBefore && (splitDateline(t) || splitLeadCredit(t) || startsWithJumpIn(t))) return true;
    if (!notice && this.L[i]!.blankBefore) {
      const b = this.block(i);
      if (b.length >= 2 && b.every((k) => visLen(this.L[k]!.text) <= 48) && b.some((k) => hasAdSignal(this.L[k]!.text)))
        return true;
    }
    return false;
  }

  private dropDecoration(i: number): void {
    const ln = this.L[i]!;
    this.diag({
      code: 'import-ornament-dropped',
      message: `ornament line "${ln.text}" left out`,
      line: ln.no,
      hint: 'nothing to do if it is a rule or ornament; if it is text, put it on a line with words',
    });
  }

  /** Head lines → kicker / headline / subhead. */
  private assignHeads(heads: Head[]): { kicker: string | null; headline: string; subhead: string | null } {
    const t = heads.map((h) => h.text);
    const spaced = (s: string): boolean => /\S[\s\u3000]+\S/u.test(s);
    const dash = (s: string): boolean => /^[—－-]{1,2}/.test(s);
    if (t.length === 1) return { kicker: null, headline: t[0]!, subhead: null };
    let main: number;
    const noticeAt = t.findIndex((x) => NOTICE.test(x));
    if (noticeAt >= 0) {
      // a notice's title is its headline; lines under it (issuer, document number) are the subhead
      main = noticeAt;
    } else if (t.length === 2) {
      const [a, b] = [t[0]!, t[1]!];
      if (dash(b)) main = 0;
      else if (/(?:强调|指出|表示|要求|提出|寄语|时说|讲话|部署|指示|批示|致信|希望|号召|[:：])$/.test(a)) main = 1;
      else if (spaced(a) && !spaced(b)) main = 1;
      else if (spaced(b) && !spaced(a)) main = 0;
      else main = visLen(a) >= 1.5 * visLen(b) ? 1 : 0;
    } else if (t.length === 3 && !dash(t[1]!)) {
      main = 1;
    } else {
      // the shortest line that is not a —— subhead and not the last: the most prominent one
      const firstDash = t.findIndex(dash);
      const limit = firstDash > 0 ? firstDash : t.length;
      main = 0;
      for (let k = 1; k < limit; k++) if (visLen(t[k]!) < visLen(t[main]!)) main = k;
      this.diag({
        code: 'import-head-guess',
        message: `head group of ${t.length} lines: took "${t[main]}" as the headline`,
        line: heads[0]!.no,
        hint: 'check the kicker/headline/subhead in the story file and move lines between them if the guess is wrong',
      });
    }
    const join = (xs: string[]): string | null => (xs.length ? xs.join('\n') : null);
    return { kicker: join(t.slice(0, main)), headline: t[main]!, subhead: join(t.slice(main + 1)) };
  }

  /** Read a story body from line j; returns the item and the next line index. */
  private storyBody(start: StoryStart, firstNo: number): [ArticleItem, number] {
    const { kicker, headline, subhead } = this.assignHeads(start.heads);
    const item: ArticleItem = {
      kind: 'article',
      id: '',
      kicker,
      headline,
      subhead,
      credits: [...start.credits],
      dateline: null,
      paragraphs: [],
    };
    if (this.pendingSection) {
      item.section = this.pendingSection.text;
      firstNo = this.pendingSection.no;
      this.pendingSection = null;
    }
    item.origin = { file: this.file, line: firstNo };
    const paras = item.paragraphs;
    const roles = new Map<number, ParagraphMark['role']>();
    const notice = start.heads.some((h) => NOTICE.test(h.text));
    const list = isBriefsHeader(headline);
    /** Add one line of text: rejoined with the previous paragraph when that one was cut mid-sentence at a column break. */
    /** Something left the text between the previous line and the next (a byline, an ornament): do not rejoin across it. */
    let fresh = false;
    /** The end of each paragraph, kept apart: slicing a paragraph grown by concatenation would copy all of it. */
    const ends: string[] = [];
    const add = (t: string): void => {
      const k = paras.length - 1;
      const last = paras[k];
      const end = ends[k] ?? '';
      const join = !fresh;
      fresh = false;
      if (
        join &&
        last !== undefined &&
        roles.get(k) !== 'jump' &&
        !isTerminal(end) &&
        isProse(end) &&
        !isFieldLine(end) &&
        !isByline(t) &&
        !isDateOnly(t)
      ) {
        paras[k] = last + t;
        ends[k] = tail(end + t);
        return;
      }
      ends[paras.length] = tail(t);
      if (isQuestion(t) && !isByline(t)) roles.set(paras.length, 'question');
      else if (isEditorNote(t)) roles.set(paras.length, 'note');
      paras.push(t);
    };
    let j = start.next;
    // 编者按 between the head and the byline: the note, then the byline, then the text (its dateline stays in the text:
    // a dateline runs into the first paragraph, which is the note here)
    if (this.L[j] && isEditorNote(this.L[j]!.text)) {
      add(this.L[j++]!.text);
      while (
        this.L[j] &&
        !this.L[j]!.blankBefore &&
        !opensStory(this.L[j]!.text) &&
        !isByline(this.L[j]!.text) &&
        !isBoxedName(this.L[j]!.text)
      )
        add(this.L[j++]!.text);
      if (item.credits.length === 0) {
        while (this.L[j] && (isByline(this.L[j]!.text) || isBoxedName(this.L[j]!.text))) {
          item.credits.push(...splitCredits(this.L[j++]!.text));
          fresh = true;
        }
      }
      if (this.L[j] && opensStory(this.L[j]!.text)) add(this.L[j++]!.text);
    }
    const first = this.L[j];
    if (first && paras.length === 0) {
      const d = splitDateline(first.text);
      const c = d ? null : splitLeadCredit(first.text);
      if (d) {
        item.dateline = d[0];
        if (d[1]) add(d[1]);
        j++;
      } else if (c) {
        item.credits.push(c[0]);
        add(c[1]);
        j++;
      }
    }
    const briefLike = !notice && start.heads.length === 1 && start.credits.length === 0 && item.dateline === null;
    /** The story has ended (a jump line or a closing byline): the next block is another item. */
    let ended = false;
    while (j < this.L.length) {
      const ln = this.L[j]!;
      if (isDecoration(ln.text)) {
        this.dropDecoration(j);
        fresh = true;
        j++;
        continue;
      }
      const last = ends[paras.length - 1];
      if (ended && ln.blankBefore) break;
      const briefCtx = briefLike || (last !== undefined && endsWithBracketCredit(last));
      if ((paras.length > 0 || item.dateline !== null) && this.startsItem(j, briefCtx, notice)) break;
      // a notice ends with its date line (落款日期)
      if (notice && last !== undefined && isDateOnly(last) && ln.blankBefore) break;
      if (paras.length > 0 && !list && isBracketByline(ln.text)) {
        // a byline closing the story: `（记者 张三 通讯员 李四）` on a line of its own
        item.credits.push(ln.text);
        ended = true;
        j++;
        continue;
      }
      const jump = splitJumpOut(ln.text);
      if (jump) {
        if (jump[0]) add(jump[0]);
        roles.set(paras.length, 'jump');
        ends[paras.length] = jump[1];
        paras.push(jump[1]);
        ended = true;
        j++;
        continue;
      }
      add(ln.text);
      j++;
    }
    if (!notice) {
      // 小标题: a short line without sentence punctuation between finished paragraphs
      for (let k = 1; k + 1 < paras.length; k++) {
        const p = paras[k]!;
        if (roles.has(k) || roles.has(k + 1) || !isTerminal(paras[k - 1]!) || isDateOnly(paras[k + 1]!)) continue;
        if (
          visLen(p) <= 24 &&
          !isTerminal(p) &&
          !/[。；！？!?，,]/.test(p) &&
          !isByline(p) &&
          !isDateOnly(p) &&
          !hasAdSignal(p)
        )
          roles.set(k, 'crosshead');
      }
    }
    if (roles.size > 0)
      item.marks = [...roles].sort((x, y) => x[0] - y[0]).map(([paragraph, role]) => ({ paragraph, role }));
    if (paras.length === 0) {
      this.diag({
        code: 'import-empty-story',
        message: `story "${headline}" has no text`,
        line: firstNo,
        hint: 'add the story text after the headline, or delete the headline from the copy',
      });
    }
    return [item, j];
  }

  parse(): Item[] {
    let ctx: Ctx = 'start';
    let i = 0;
    while (i < this.L.length) {
      const ln = this.L[i]!;
      const t = ln.text;
      if (isDecoration(t)) {
        this.dropDecoration(i);
        i++;
        continue;
      }
      if ((isSectionLabel(t) || isBriefsHeader(t)) && this.story(i + 1, false, true)) {
        // two labels in a row both head the story
        const p = this.pendingSection;
        this.pendingSection = p
          ? { text: `${p.text}\n${t}`, no: p.no, parts: [...p.parts, { text: t, no: ln.no }] }
          : { text: t, no: ln.no, parts: [{ text: t, no: ln.no }] };
        i++;
        continue;
      }
      const index = this.index(i);
      if (index) {
        const item: ArticleItem = {
          kind: 'article',
          id: '',
          kicker: null,
          headline: t,
          subhead: null,
          credits: [],
          dateline: null,
          paragraphs: index.slice(1).map((k) => this.L[k]!.text),
        };
        item.origin = { file: this.file, line: ln.no };
        this.push(item);
        i = index[index.length - 1]! + 1;
        ctx = 'story';
        continue;
      }
      const col = this.column(i) ?? this.columnAbove(i);
      if (col) {
        this.columns.push({ mark: col, prev: this.items.length - 1, next: this.items.length });
        i = col.end;
        continue;
      }
      const ph = this.photo(i);
      if (ph) {
        const item: PhotoItem = {
          kind: 'photo',
          id: '',
          title: ph.title?.text ?? null,
          caption: ph.caption.text,
          credits: ph.credits.flatMap(splitCredits),
        };
        item.origin = { file: this.file, line: (ph.title ?? ph.caption).no };
        this.push(item);
        i = ph.next;
        ctx = 'photo';
        continue;
      }
      const st = this.story(i, false, true);
      const strong = st && (st.credits.length > 0 || opensStory(this.text(st.next) ?? ''));
      if (st && strong) {
        const [item, next] = this.storyBody(st, ln.no);
        this.push(item);
        i = next;
        ctx = 'story';
        continue;
      }
      if (isWeather(t) && (ctx !== 'start' || isStrongWeather(t))) {
        const item: WeatherItem = { kind: 'weather', id: '', text: t };
        item.origin = { file: this.file, line: ln.no };
        // following lines of the same block are more weather
        let j = i + 1;
        while (j < this.L.length && !this.L[j]!.blankBefore && isWeather(this.L[j]!.text))
          item.text += this.L[j++]!.text;
        // a label on its own (`天气预报`) heads the weather lines of the next block
        if (
          j === i + 1 &&
          hasWeatherLabel(t) &&
          visLen(t) <= 8 &&
          this.L[j] &&
          weatherScore(this.L[j]!.text) >= 2 &&
          !isHeadCandidate(this.L[j]!.text)
        ) {
          item.text += `\u3000${this.L[j++]!.text}`;
          while (j < this.L.length && !this.L[j]!.blankBefore && isWeather(this.L[j]!.text))
            item.text += this.L[j++]!.text;
        }
        this.push(item);
        i = j;
        ctx = 'weather';
        continue;
      }
      const ad = this.ad(i, ctx === 'photo' && !st);
      if (ad) {
        const item: AdItem = { kind: 'ad', id: '', lines: ad.map((k) => this.L[k]!.text) };
        item.origin = { file: this.file, line: ln.no };
        this.push(item);
        i = ad[ad.length - 1]! + 1;
        ctx = 'ad';
        continue;
      }
      if (st) {
        const [item, next] = this.storyBody(st, ln.no);
        this.push(item);
        i = next;
        ctx = 'story';
        continue;
      }
      // Text that is no recognisable item: a story without a headline, so that nothing is lost.
      const [item, next] = this.storyBody({ heads: [{ text: '', no: ln.no }], credits: [], next: i }, ln.no);
      this.diag({
        code: 'import-no-headline',
        message: `text at line ${ln.no} has no headline; imported as a story without one`,
        line: ln.no,
        hint: 'add a headline line before it in the copy (or in the story file), or join it to the story it belongs to',
      });
      this.push(item);
      i = next;
      ctx = 'story';
    }
    for (const p of this.pendingSection?.parts ?? []) this.leftover(p.no, p.text, 'section label');
    this.attachColumns();
    return this.number();
  }

  private push(item: Item): void {
    if (this.pendingSection && item.kind !== 'article') {
      for (const p of this.pendingSection.parts) this.leftover(p.no, p.text, 'section label');
      this.pendingSection = null;
    }
    this.items.push(item);
  }

  private leftover(line: number, text: string, what: string): void {
    this.diag({
      code: DROPPED,
      message: `${what} "${text}" belongs to no story and was left out`,
      line,
      hint: `put the ${what} directly above the headline of its story`,
    });
  }

  /** A column mark turns the adjacent signed opinion piece (no dateline, no reporter byline) into a commentary. */
  private attachColumns(): void {
    const article = (it: Item | undefined): ArticleItem | undefined => (it?.kind === 'article' ? it : undefined);
    const opinion = (it: Item | undefined): boolean =>
      it?.kind === 'article' &&
      it.dateline === null &&
      it.credits.length > 0 &&
      !it.credits.some((c) => /记者|通讯员|实习生/.test(c));
    for (const { mark, prev, next } of this.columns) {
      const p = this.items[prev];
      const n = this.items[next];
      // the piece the mark follows first (the column label closes its piece), then the one after it
      const target = mark.before
        ? article(n)
        : opinion(p)
          ? article(p)
          : opinion(n)
            ? article(n)
            : (article(n) ?? article(p));
      if (!target) {
        for (let k = mark.start; k < mark.end; k++)
          this.leftover(this.L[k]!.no, this.L[k]!.text, k === mark.start ? 'column name' : 'column line');
        continue;
      }
      if (!opinion(target)) {
        this.diag({
          code: 'import-column-guess',
          message: `column "${mark.name}" attached to "${target.headline}", which reads like a news story`,
          line: mark.no,
          hint: 'check that the column belongs to this story; move the column lines next to the right story otherwise',
        });
      }
      const c: CommentaryItem = {
        kind: 'commentary',
        id: '',
        kicker: target.kicker,
        headline: target.headline,
        subhead: target.subhead,
        credits: target.credits,
        column: { name: mark.name, romanized: mark.romanized, editor: mark.editor },
        dateline: target.dateline,
        paragraphs: target.paragraphs,
      };
      if (target.marks !== undefined) c.marks = target.marks;
      if (target.origin) c.origin = target.origin;
      if (target.section !== undefined) {
        // a commentary has no section field: keep the label as the kicker's first line so it is not lost
        c.kicker = target.kicker === null ? target.section : `${target.section}\n${target.kicker}`;
      }
      this.items[this.items.indexOf(target)] = c;
    }
  }

  private number(): Item[] {
    const count = new Map<string, number>();
    for (const it of this.items) {
      const k = (count.get(it.kind) ?? 0) + 1;
      count.set(it.kind, k);
      it.id = `${it.kind}-${k}`;
    }
    return this.items;
  }
}

/**
 * Problems with the text as a whole: characters that could not be decoded (U+FFFD: the file is not UTF-8, e.g. GBK
 * or UTF-16 read as UTF-8) and invisible characters (control, zero-width) that the importer removes.
 */
function checkText(text: string, file: string, sink: Sink): void {
  let bad = 0;
  let badLines = 0;
  let firstBad = 0;
  let invisible = 0;
  let firstInvisible = 0;
  const src = text.replace(/^\uFEFF/, '');
  let line = 1;
  let lineHasBad = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineHasBad = false;
    } else if (c === 0xfffd) {
      bad++;
      if (!lineHasBad) badLines++;
      lineHasBad = true;
      if (!firstBad) firstBad = line;
    } else if (
      (c < 0x20 && c !== 0x09 && c !== 0x0d && !(c >= 0x0a && c <= 0x0d)) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x206f) ||
      c === 0xfeff ||
      c === 0x00ad
    ) {
      invisible++;
      if (!firstInvisible) firstInvisible = line;
    }
  }
  if (bad > 0) {
    sink.add(
      diagnostic(
        'input-encoding',
        `the copy is not UTF-8 text: ${bad} character${bad > 1 ? 's' : ''} on ${badLines} line${badLines > 1 ? 's' : ''} could not be read (shown as �), first at line ${firstBad}`,
        { file, line: firstBad },
        'save the copy as UTF-8 (in Notepad or WPS: Save As, encoding UTF-8; GBK, GB2312 and UTF-16 files are read wrongly) and import it again',
      ),
    );
  }
  if (invisible > 0) {
    sink.report(
      'import-invisible-text',
      `${invisible} invisible control or zero-width character${invisible > 1 ? 's were' : ' was'} removed, first at line ${firstInvisible}`,
      { file, line: firstInvisible },
      'nothing to do if the text reads right; otherwise check that the file is plain UTF-8 text and export it again',
    );
  }
}

/**
 * Import newsroom page copy. `file` names the copy in diagnostics and in each item's `origin`.
 * Items are numbered per kind in copy order: `article-1`, `commentary-1`, `photo-1`, `ad-1`, `weather-1`.
 */
export function importCopy(text: string, file: string, sink: Sink): Item[] {
  checkText(text, file, sink);
  const items = new CopyParser(text, file, sink).parse();
  if (items.length === 0) {
    sink.warn(
      'import-empty',
      'the copy contains no text',
      { file, line: 1 },
      'check that the right file was given and that it is UTF-8 text',
    );
  }
  return items;
}
