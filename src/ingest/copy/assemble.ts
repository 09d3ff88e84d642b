/**
 * Pass 5, assemble items: walk the classified lines and build the items. At each line the recognisers are
 * tried in a fixed order (the first that fits wins); inside a story body, `startsItem` decides whether a line
 * opens the next item or continues the story. Every line ends up in an item, except ornament lines, which are
 * reported as `import-dropped-text`.
 */
import type {
  ArticleItem,
  BriefsItem,
  CommentaryItem,
  Item,
  ListItem,
  NoticeItem,
  PhotoItem,
  TableItem,
} from '../../model/edition.js';
import { type BodyState, readBody } from './body.js';
import { opensHeaderlessBriefs, readBriefs } from './briefs.js';
import {
  columnLineAbove,
  hasCrossheadForm,
  endsWithBracketCredit,
  isBracketCredit,
  isBriefsHeader,
  isByline,
  isClosing,
  isHeadCandidate,
  isIndexHeader,
  isNoticeTitle,
  isPhotoLabel,
  isReporterCredit,
  isSectionLabel,
  isStrongWeather,
  isDecoration,
  isEditorNote,
  isLabelWord,
  isListTitle,
  isProse,
  isSignature,
  isOpinionColumn,
  splitCredits,
  splitDateline,
  splitLeadCredit,
  startsWithJumpIn,
  tidyCredit,
} from './classify.js';
import {
  type ColumnMark,
  looksLikeAd,
  readAd,
  readColumnAbove,
  readColumnMark,
  readIndex,
  readWeather,
} from './furniture.js';
import { assignHeads, columnOfTag, type Head, MAX_HEADS, readStoryStart, type StoryStart } from './heads.js';
import { opensList, readList } from './list.js';
import { readNotice } from './notice.js';
import { readPhoto, titledPhoto } from './photo.js';
import { visLen } from './punctuation.js';
import type { Copy } from './segment.js';
import { cellsOf, oneLineTable, readTable } from './table.js';

const DROPPED = 'import-dropped-text';

type Context = 'start' | 'story' | 'photo' | 'ad' | 'weather' | 'other';

/** The items of the copy, and the source line of each paragraph (for the checks that report a line). */
export interface Assembled {
  items: Item[];
  paragraphLines: Map<Item, number[]>;
}

class Assembler {
  private readonly items: Item[] = [];
  readonly paragraphLines = new Map<Item, number[]>();
  private readonly columns: Array<{ mark: ColumnMark; prev: number; next: number }> = [];
  /** A section label waiting for its story; `parts`: the label lines (two labels in a row both head the story). */
  private pendingSection: (Head & { parts: Head[] }) | null = null;
  /** An editor's note standing above the head of the story it introduces (`编者按：…` / `——编 者`). */
  private pendingNote: { paragraphs: string[]; lines: number[]; signature: boolean } | null = null;
  /** The last item is a photo of a labelled block (`图片报道` over two or more photos). */
  private photoBlock = false;

  constructor(private readonly c: Copy) {}

  run(): Item[] {
    const c = this.c;
    let ctx: Context = 'start';
    let i = 0;
    while (i < c.length) {
      const ln = c.at(i)!;
      const next = this.step(i, ctx);
      if (next) {
        [i, ctx] = next;
        continue;
      }
      // Text that is no recognisable item: a story without a headline, so that nothing is lost.
      const [, after] = this.story({
        heads: [{ text: '', no: ln.no }],
        column: null,
        credits: [],
        next: i,
        evidence: 'weak',
        emptySubheadSlot: false,
      });
      c.diag({
        code: 'import-no-headline',
        message: `text at line ${ln.no} has no headline; imported as a story without one`,
        line: ln.no,
        hint: 'add a headline line before it in the copy (or in the story file), or join it to the story it belongs to',
      });
      i = after;
      ctx = 'story';
    }
    this.flushNote();
    for (const p of this.pendingSection?.parts ?? []) this.leftover(p.no, p.text, 'section label');
    this.attachColumns();
    return this.number();
  }

  /** Try the recognisers at line i, in order; returns the next line and context, or null when none fits. */
  private step(i: number, ctx: Context): [number, Context] | null {
    const c = this.c;
    const ln = c.at(i)!;
    const t = ln.text;
    if (isDecoration(t)) {
      this.dropDecoration(i);
      return [i + 1, ctx];
    }
    // a closing line or closing credit after a story that has ended: it still belongs to that story
    if ((isClosing(t) || isBracketCredit(t)) && this.closeLast(i)) return [i + 1, ctx];
    const briefs = isBriefsHeader(t)
      ? readBriefs(c, i, (j) => this.endsBriefs(j))
      : opensHeaderlessBriefs(c, i, false)
        ? readBriefs(c, i, (j) => this.endsBriefs(j), true)
        : null;
    if (briefs) {
      const item: BriefsItem = { kind: 'briefs', id: '', title: briefs.title, entries: briefs.entries };
      this.push(item, briefs.no, briefs.lines);
      return [briefs.next, 'other'];
    }
    // a bracketed column name over a head group (`【今日谈】`): the story's column
    if (columnLineAbove(t)) {
      const st = readStoryStart(c, i);
      if (st?.column?.no === ln.no) return [this.story(st)[1], 'story'];
    }
    if (((isSectionLabel(t) || isBriefsHeader(t)) && readStoryStart(c, i + 1)) || this.labelApart(i)) {
      // two labels in a row both head the story
      const p = this.pendingSection;
      this.pendingSection = p
        ? { text: `${p.text}\n${t}`, no: p.no, parts: [...p.parts, { text: t, no: ln.no }] }
        : { text: t, no: ln.no, parts: [{ text: t, no: ln.no }] };
      return [i + 1, ctx];
    }
    const note = this.noteAbove(i);
    if (note) {
      this.pendingNote = note;
      return [note.next, ctx];
    }
    const index = readIndex(c, i);
    if (index) {
      const item: ArticleItem = {
        kind: 'article',
        id: '',
        kicker: null,
        headline: t,
        subhead: null,
        credits: [],
        dateline: null,
        paragraphs: index.slice(1).map((k) => c.text(k)!),
      };
      this.push(
        item,
        ln.no,
        index.slice(1).map((k) => c.at(k)!.no),
      );
      return [index[index.length - 1]! + 1, 'story'];
    }
    const col = readColumnMark(c, i) ?? readColumnAbove(c, i);
    if (col) {
      this.columns.push({ mark: col, prev: this.items.length - 1, next: this.items.length });
      return [col.end, ctx];
    }
    const notice = readNotice(c, i, (j) => this.endsNotice(j));
    if (notice) {
      const item: NoticeItem = {
        kind: 'notice',
        id: '',
        title: notice.title,
        number: notice.number,
        paragraphs: notice.paragraphs,
        signature: notice.signature,
        date: notice.date,
      };
      if (notice.marks.length) item.marks = notice.marks;
      this.push(item, notice.no, notice.lines);
      return [notice.next, 'other'];
    }
    const list = opensList(c, i) ? readList(c, i, (j) => this.endsNotice(j)) : null;
    if (list) {
      const item: ListItem = {
        kind: 'list',
        id: '',
        title: list.title,
        intro: list.intro,
        entries: list.entries,
        outro: list.outro,
      };
      if (list.headings.length) item.headings = list.headings;
      this.push(item, list.no, []);
      return [list.next, 'other'];
    }
    const table = readTable(c, i);
    if (table) {
      const item: TableItem = {
        kind: 'table',
        id: '',
        title: table.title,
        header: table.header,
        rows: table.rows,
        notes: table.notes,
      };
      this.push(item, table.no, []);
      return [table.next, 'other'];
    }
    // in a labelled block (`图片报道`), the photos after the first one need no credit of their own
    const inBlock = ctx === 'photo' && this.photoBlock;
    const ph = readPhoto(c, i, inBlock);
    if (ph) {
      this.photoBlock = inBlock || (ph.title[0] !== undefined && isPhotoLabel(ph.title[0].text));
      const item: PhotoItem = {
        kind: 'photo',
        id: '',
        title: ph.title.length ? ph.title.map((h) => h.text).join('\n') : null,
        caption: ph.caption.text,
        credits: ph.credits.flatMap(splitCredits),
      };
      this.push(item, (ph.title[0] ?? ph.caption).no, []);
      return [ph.next, 'photo'];
    }
    // a box under a label (`温馨提示`, `相关链接`) between items: the label is its head
    if (isLabelWord(t) && c.at(i + 1) && isProse(c.text(i + 1)!) && !isHeadCandidate(c.text(i + 1)!)) {
      const box: StoryStart = {
        heads: [{ text: t, no: ln.no }],
        column: null,
        credits: [],
        next: i + 1,
        evidence: 'weak',
        emptySubheadSlot: false,
      };
      return [this.story(box)[1], 'story'];
    }
    const st = readStoryStart(c, i);
    if (st && st.evidence === 'strong') return [this.story(st)[1], 'story'];
    const weather = ctx !== 'start' || isStrongWeather(t) ? readWeather(c, i) : null;
    if (weather) {
      this.push({ kind: 'weather', id: '', text: weather.text }, ln.no, []);
      return [weather.next, 'weather'];
    }
    const ad = st ? null : readAd(c, i);
    if (ad) {
      this.push({ kind: 'ad', id: '', lines: ad.map((k) => c.text(k)!) }, ln.no, []);
      return [ad[ad.length - 1]! + 1, 'ad'];
    }
    if (st) return [this.story(st)[1], 'story'];
    const heads = this.headlinesOnly(i);
    if (heads) return [heads, 'story'];
    return null;
  }

  /** A story from its head group: the body, then the item (an article, or a commentary under an opinion column). */
  private story(st: StoryStart): [Item, number] {
    const c = this.c;
    const { kicker, headline, subhead } = assignHeads(
      st.heads,
      (line, head, n) =>
        c.diag({
          code: 'import-head-guess',
          message: `head group of ${n} lines: took "${head}" as the headline`,
          line,
          hint: 'check the kicker/headline/subhead in the story file and move lines between them if the guess is wrong',
        }),
      st.emptySubheadSlot,
    );
    const briefLike = st.heads.length === 1 && st.credits.length === 0 && st.column === null;
    const body = readBody(
      c,
      st,
      { startsItem: (j, state) => this.startsItem(j, state), dropDecoration: (j) => this.dropDecoration(j) },
      briefLike && !(c.at(st.next) && splitDateline(c.text(st.next)!)),
    );
    if (this.pendingNote) {
      // the note above the head opens the story's text
      const n = this.pendingNote;
      body.paragraphs.unshift(...n.paragraphs);
      body.lines.unshift(...n.lines);
      body.marks = [
        ...n.paragraphs.map((_, k) => ({
          paragraph: k,
          role: n.signature && k === n.paragraphs.length - 1 ? ('signature' as const) : ('note' as const),
        })),
        ...body.marks.map((m) => ({ paragraph: m.paragraph + n.paragraphs.length, role: m.role })),
      ];
      this.pendingNote = null;
    }
    const credits = [...st.credits, ...body.credits];
    const base = { kicker, headline, subhead, credits, dateline: body.dateline, paragraphs: body.paragraphs };
    let firstNo = Math.min(st.heads[0]!.no, st.column?.no ?? Number.POSITIVE_INFINITY);
    let item: ArticleItem | CommentaryItem;
    const opinion =
      st.column !== null &&
      (isOpinionColumn(st.column.name) ||
        (body.dateline === null && !credits.some(isReporterCredit) && body.marks.some((m) => m.role === 'closing')));
    if (st.column && opinion) item = { kind: 'commentary', id: '', ...base, column: columnOfTag(st.column) };
    else {
      item = { kind: 'article', id: '', ...base };
      if (st.column) item.column = columnOfTag(st.column);
    }
    if (body.marks.length) item.marks = body.marks;
    if (this.pendingSection) {
      if (item.kind === 'article') item.section = this.pendingSection.text;
      else item.kicker = kicker === null ? this.pendingSection.text : `${this.pendingSection.text}\n${kicker}`;
      firstNo = this.pendingSection.no;
      this.pendingSection = null;
    }
    if (body.paragraphs.length === 0) {
      c.diag({
        code: 'import-empty-story',
        message: `story "${headline}" has no text`,
        line: firstNo,
        hint: 'add the story text after the headline, or delete the headline from the copy',
      });
    }
    this.push(item, firstNo, body.lines);
    return [item, body.next];
  }

  /**
   * Head lines with no body (a copy of headlines only): each block of at most three lines is one item, each line
   * of a longer run its own. Returns the next line, or null when line i is no head line.
   */
  private headlinesOnly(i: number): number | null {
    const c = this.c;
    if (!isHeadCandidate(c.text(i)!)) return null;
    const run: number[] = [];
    for (let j = i; j < c.length && isHeadCandidate(c.text(j)!) && !c.opensParagraph(j); j++) {
      if (j > i && readStoryStart(c, j)) break;
      run.push(j);
    }
    const chunks: number[][] = [];
    for (const j of run) {
      if (chunks.length === 0 || c.at(j)!.blankBefore) chunks.push([j]);
      else chunks[chunks.length - 1]!.push(j);
    }
    for (const chunk of chunks) {
      const groups = chunk.length <= 3 && chunk.length < MAX_HEADS ? [chunk] : chunk.map((j) => [j]);
      for (const g of groups) {
        const heads = g.map((j) => ({ text: c.text(j)!, no: c.at(j)!.no }));
        const { kicker, headline, subhead } = assignHeads(heads, () => undefined);
        const item: ArticleItem = {
          kind: 'article',
          id: '',
          kicker,
          headline,
          subhead,
          credits: [],
          dateline: null,
          paragraphs: [],
        };
        c.diag({
          code: 'import-empty-story',
          message: `story "${headline}" has no text`,
          line: heads[0]!.no,
          hint: 'add the story text after the headline, or delete the headline from the copy',
        });
        this.push(item, heads[0]!.no, []);
      }
    }
    return run[run.length - 1]! + 1;
  }

  /** Does line j start a new item while we are inside a story body? */
  private startsItem(j: number, state: BodyState): boolean {
    const c = this.c;
    const ln = c.at(j)!;
    const t = ln.text;
    if (isSectionLabel(t)) return readStoryStart(c, j + 1) !== null || isBriefsHeader(t);
    if (isBriefsHeader(t) || isIndexHeader(t) || isPhotoLabel(t)) return true;
    if (readColumnMark(c, j) || readColumnAbove(c, j)) return true;
    // one-line briefs with no header, each news of its own (a dateline or a closing credit)
    if (opensHeaderlessBriefs(c, j, true)) return true;
    if (ln.blankBefore && this.noteAbove(j)) return true;
    if (ln.blankBefore || state.ended) {
      // a notice title, or its issuer over it
      const under = c.at(j + 1);
      const titled = isNoticeTitle(t) || (under !== undefined && !under.blankBefore && isNoticeTitle(under.text));
      if (titled && readNotice(c, j, () => true)) return true;
      if (opensList(c, j) && readList(c, j, () => true)) return true;
      if (readPhoto(c, j)) return true;
    }
    // with no blank lines: a roll's title (set flush left, where paragraphs are indented) over its entries
    // (`…获奖名单` / `章国庆家庭　　…`)
    if (!(c.style.indented && ln.indented) && isListTitle(t) && readList(c, j, () => true)) return true;
    // with no blank lines: a titled photo (its title in a head line's place, a caption that is no story's own
    // picture, `图为…`, then the credit)
    if (c.style.indented && !ln.indented && titledPhoto(c, j)) return true;
    // a table (or its title over it), where a paragraph cannot start
    if (
      (ln.blankBefore || !c.opensParagraph(j)) &&
      (cellsOf(t) || oneLineTable(t) || isHeadCandidate(t)) &&
      readTable(c, j)
    )
      return true;
    const st = readStoryStart(c, j);
    if (st) {
      if (st.evidence === 'strong') return true;
      if (state.ended || state.briefLike) return true;
      // a head line whose text ends with a byline of its own, under a story that has one already
      if (state.credited && this.closesWithByline(st.next)) return true;
      // where blank lines separate stories but not paragraphs, a head line after a blank line opens a story
      if (ln.blankBefore && !c.style.blankParagraphs && !hasCrossheadForm(t)) return true;
    }
    if (isStrongWeather(t) && ln.blankBefore) return true;
    // a paragraph opening with a dateline is the start of another story, even without a headline
    if (ln.blankBefore && (splitDateline(t) || splitLeadCredit(t) || startsWithJumpIn(t))) return true;
    return looksLikeAd(c, j);
  }

  /**
   * A short name set apart above a head group (`学术前沿`, `读书`, blank, then a signed piece): the page's section
   * label, not a 引题 (a 引题 set apart is longer, or two phrases: `农创嘉乡 智创未来`).
   */
  private labelApart(i: number): boolean {
    const c = this.c;
    const t = c.text(i)!;
    if (!c.at(i + 1)?.blankBefore || visLen(t) > 6 || visLen(t) < 2 || /[\s\u3000，。、：:！？!?“”《》（）()]/u.test(t))
      return false;
    if (!isHeadCandidate(t) || (c.opensParagraph(i) && c.style.indented) || readColumnAbove(c, i)) return false;
    const st = readStoryStart(c, i + 1);
    return st !== null && st.evidence === 'strong' && (st.credits.length > 0 || st.heads.length > 1);
  }

  /**
   * An editor's note above a head group: `编者按：…` (and its continuation lines), an optional `——编 者`
   * signature, then a story start. Null otherwise (a note under the head is read by the body).
   */
  private noteAbove(i: number): { paragraphs: string[]; lines: number[]; signature: boolean; next: number } | null {
    const c = this.c;
    const first = c.at(i);
    if (!first || !isEditorNote(first.text)) return null;
    const paragraphs = [first.text];
    const lines = [first.no];
    let j = i + 1;
    while (j < c.length && !c.at(j)!.blankBefore && !isSignature(c.text(j)!) && !readStoryStart(c, j)) {
      paragraphs.push(c.text(j)!);
      lines.push(c.at(j)!.no);
      j++;
    }
    let signature = false;
    if (c.at(j) && isSignature(c.text(j)!)) {
      paragraphs.push(c.text(j)!);
      lines.push(c.at(j)!.no);
      signature = true;
      j++;
    }
    const st = readStoryStart(c, j);
    return st && st.evidence === 'strong' ? { paragraphs, lines, signature, next: j } : null;
  }

  /**
   * In an indented copy: do the paragraphs from line k on end with a byline (`本报记者 X` on its own line, or a
   * bracketed credit closing the last one) before the next head line? Looks at most 200 lines ahead.
   */
  private closesWithByline(k: number): boolean {
    const c = this.c;
    if (!c.style.indented) return false;
    for (let j = k; j < c.length && j < k + 200; j++) {
      const t = c.text(j)!;
      if (isByline(t) || isBracketCredit(t)) return j > k;
      if (!c.at(j)!.indented) return false;
      if (endsWithBracketCredit(t) && c.at(j + 1) && !c.at(j + 1)!.indented) return true;
    }
    return false;
  }

  /** Does line j (opening a block) start something that is no brief? */
  private endsBriefs(j: number): boolean {
    const c = this.c;
    const t = c.text(j)!;
    if (isSectionLabel(t) || isBriefsHeader(t) || isIndexHeader(t) || isPhotoLabel(t) || isNoticeTitle(t)) return true;
    if (readColumnMark(c, j) || readColumnAbove(c, j) || readPhoto(c, j) || readTable(c, j)) return true;
    const st = readStoryStart(c, j);
    // a brief has one head line and no byline line of its own
    if (st && (st.heads.length > 1 || st.credits.length > 0 || st.column !== null)) return true;
    return isStrongWeather(t) || looksLikeAd(c, j);
  }

  /** Does line j (opening a block inside a notice or list) start another item? */
  private endsNotice(j: number): boolean {
    const c = this.c;
    const t = c.text(j)!;
    if (isSectionLabel(t) || isBriefsHeader(t) || isIndexHeader(t) || isPhotoLabel(t) || isNoticeTitle(t)) return true;
    if (readColumnMark(c, j) || readColumnAbove(c, j) || readPhoto(c, j)) return true;
    const st = readStoryStart(c, j);
    return (st !== null && st.evidence === 'strong') || isStrongWeather(t) || looksLikeAd(c, j);
  }

  /** Attach a closing line or credit at line i to the last story, when that story has text. */
  private closeLast(i: number): boolean {
    const last = this.items[this.items.length - 1];
    if (!last || (last.kind !== 'article' && last.kind !== 'commentary') || last.paragraphs.length === 0) return false;
    const ln = this.c.at(i)!;
    if (isBracketCredit(ln.text)) last.credits.push(tidyCredit(ln.text));
    else {
      last.marks = [...(last.marks ?? []), { paragraph: last.paragraphs.length, role: 'closing' }];
      last.paragraphs.push(ln.text);
      this.paragraphLines.get(last)?.push(ln.no);
    }
    return true;
  }

  private dropDecoration(i: number): void {
    const ln = this.c.at(i)!;
    this.c.diag({
      code: 'import-ornament-dropped',
      message: `ornament line "${ln.text}" left out`,
      line: ln.no,
      hint: 'nothing to do if it is a rule or ornament; if it is text, put it on a line with words',
    });
  }

  private push(item: Item, line: number, paragraphLines: number[]): void {
    this.flushNote();
    if (item.kind !== 'photo') this.photoBlock = false;
    if (this.pendingSection && item.kind !== 'article' && item.kind !== 'commentary') {
      for (const p of this.pendingSection.parts) this.leftover(p.no, p.text, 'section label');
      this.pendingSection = null;
    }
    // credits as data: names without their padding (`何 晓 吴 琳` → `何晓 吴琳`)
    if ('credits' in item) item.credits = item.credits.map(tidyCredit);
    if (item.kind === 'briefs') for (const b of item.entries) b.credits = b.credits.map(tidyCredit);
    item.origin = { file: this.c.file, line };
    this.paragraphLines.set(item, paragraphLines);
    this.items.push(item);
  }

  /** An editor's note that found no story under it: a story of its own, without a headline, so nothing is lost. */
  private flushNote(): void {
    const n = this.pendingNote;
    if (!n) return;
    this.pendingNote = null;
    const item: ArticleItem = {
      kind: 'article',
      id: '',
      kicker: null,
      headline: '',
      subhead: null,
      credits: [],
      dateline: null,
      paragraphs: n.paragraphs,
      marks: n.paragraphs.map((_, k) => ({
        paragraph: k,
        role: n.signature && k === n.paragraphs.length - 1 ? ('signature' as const) : ('note' as const),
      })),
    };
    this.c.diag({
      code: 'import-no-headline',
      message: `text at line ${n.lines[0]} has no headline; imported as a story without one`,
      line: n.lines[0]!,
      hint: 'add a headline line before it in the copy (or in the story file), or join it to the story it belongs to',
    });
    this.push(item, n.lines[0]!, n.lines);
  }

  private leftover(line: number, text: string, what: string): void {
    this.c.diag({
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
      it?.kind === 'article' && it.dateline === null && it.credits.length > 0 && !it.credits.some(isReporterCredit);
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
          this.leftover(this.c.at(k)!.no, this.c.text(k)!, k === mark.start ? 'column name' : 'column line');
        continue;
      }
      if (!opinion(target)) {
        this.c.diag({
          code: 'import-column-guess',
          message: `column "${mark.name}" attached to "${target.headline}", which reads like a news story`,
          line: mark.no,
          hint: 'check that the column belongs to this story; move the column lines next to the right story otherwise',
        });
      }
      const com: CommentaryItem = {
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
      if (target.marks !== undefined) com.marks = target.marks;
      if (target.origin) com.origin = target.origin;
      if (target.section !== undefined) {
        // a commentary has no section field: keep the label as the kicker's first line so it is not lost
        com.kicker = target.kicker === null ? target.section : `${target.section}\n${target.kicker}`;
      }
      this.paragraphLines.set(com, this.paragraphLines.get(target) ?? []);
      this.items[this.items.indexOf(target)] = com;
    }
  }

  /** Ids per kind in copy order: `article-1`, `commentary-1`, `photo-1`, … */
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

/** Assemble the items of segmented copy. */
export function assemble(c: Copy): Assembled {
  const a = new Assembler(c);
  const items = a.run();
  return { items, paragraphLines: a.paragraphLines };
}
