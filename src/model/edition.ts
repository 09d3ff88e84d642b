/**
 * The edition model: plain, JSON-serialisable data produced by ingest/ and read by every later stage.
 * Field names of items follow the sample page's reference structure (seeds/000_52660507d51a0aa1.reference.json).
 */

/** Where an item came from in its input file (1-based line), for diagnostics. Not part of the reference JSON. */
export interface Origin {
  file: string;
  line: number;
}

/** Editor overrides for one item, from the edition file. */
export interface ItemOverrides {
  /** 1 = lead story (头条); larger numbers rank lower. Default: order in the copy. */
  priority?: number;
  /** Pin the module to a grid position: first column (1-based), span in columns, first row (0-based line), optional height in lines. */
  pin?: { column: number; span: number; row?: number; lines?: number };
  /** Force the module width in columns (the engine picks the rest). */
  columns?: number;
  /** Leave the item out of this page (the build reports it as held over, never silently). */
  hold?: boolean;
  /**
   * The story may continue on page N (下转第N版 / 上接第M版) when it does not fit. Absent: the story is set
   * whole, or reported as overset. The edition may also allow continuation automatically.
   */
  continueOn?: number;
  /** Force the size of the main head in pt (the make-up picks the rest; a size outside the rank's range is reported). */
  headSize?: number;
}

/**
 * How stories continue across pages (下转第N版 / 上接第N版). `auto`: an overfull page may continue its
 * lowest-priority long stories on the next page without a `continueOn` override.
 */
export interface ContinuationSettings {
  auto: boolean;
}

/**
 * What a paragraph is when it is not running text. The text itself always stays in `paragraphs` (a stage that
 * ignores marks still prints everything); a mark only tells the designer how to set it:
 *
 * - `crosshead` 小标题 inside a story (the item's `subhead` is its 副题);
 * - `note` 编者按 / 开栏的话 / 编后;
 * - `jump` 转版 line (`（下转第2版）`);
 * - `question` an interview question;
 * - `label` a section label inside the story (`核心阅读`, `引子`), set as a label, not a head;
 * - `closing` a line that closes the story (`（作者为…）`, `（本系列评论到此结束）`, `（本报…电）`);
 * - `signature` a line set flush right (`——编 者`, the issuer of a notice inside a story);
 * - `entry` one line of a list (names, numbered items), set unjustified without indent.
 */
export type ParagraphRole = 'crosshead' | 'note' | 'jump' | 'question' | 'label' | 'closing' | 'signature' | 'entry';
export interface ParagraphMark {
  /** 0-based index into `paragraphs`. */
  paragraph: number;
  role: ParagraphRole;
}

/** The column (栏目) a piece runs under: its 栏题, romanized name and column editor when the copy gives them. */
export interface ColumnInfo {
  name: string;
  romanized: string | null;
  editor: string | null;
  /**
   * The column tag as the copy printed it after the headline, brackets included (`（人民论坛）`), when the name
   * came from one; `name` is the name inside. Absent when the copy gave the column as a name line.
   */
  tag?: string;
}

/**
 * An image file's size as displayed: pixel width and height after its EXIF orientation is applied, resolved by
 * ingest so that layout never reads files.
 */
export interface ImageSize {
  width: number;
  height: number;
  /** EXIF orientation tag of the file (1 = as stored; 5–8 swap width and height), already applied above. */
  orientation: number;
}

interface ItemBase {
  id: string;
  origin?: Origin;
  overrides?: ItemOverrides;
}

export interface ArticleItem extends ItemBase {
  kind: 'article';
  /** Recurring section label above the head, e.g. `□增值化改革进行时`. Absent when the copy has none. */
  section?: string;
  kicker: string | null;
  headline: string;
  subhead: string | null;
  credits: string[];
  dateline: string | null;
  paragraphs: string[];
  /** Paragraphs that are not running text, in paragraph order. Absent when there are none. */
  marks?: ParagraphMark[];
  /** A (non-opinion) column the story runs under, from a column tag such as `（点赞新时代）`. */
  column?: ColumnInfo;
}

export interface CommentaryItem extends ItemBase {
  kind: 'commentary';
  kicker: string | null;
  headline: string;
  subhead: string | null;
  credits: string[];
  column: ColumnInfo;
  dateline: string | null;
  paragraphs: string[];
  /** As for articles. */
  marks?: ParagraphMark[];
}

export interface PhotoItem extends ItemBase {
  kind: 'photo';
  title: string | null;
  caption: string;
  credits: string[];
  /** Image file (resolved path), when the edition names one. Absent: a placeholder frame is drawn and a warning given. */
  image?: string;
  /** Displayed size of `image`, read by ingest. */
  imageSize?: ImageSize;
}

export interface AdItem extends ItemBase {
  kind: 'ad';
  lines: string[];
  image?: string;
  imageSize?: ImageSize;
}

export interface WeatherItem extends ItemBase {
  kind: 'weather';
  text: string;
}

/**
 * An official notice (公告, 通知, 主席令, 决定, 任免名单, 启事): set as a boxed or ruled module with the title
 * centred, numbered lines kept, signature and date flush right, nothing letter-spaced.
 */
export interface NoticeItem extends ItemBase {
  kind: 'notice';
  title: string;
  /** 文号 or order number under the title, e.g. `第十二号`, `（2024）第3号`. */
  number: string | null;
  /** Body paragraphs, numbered lines included, in order (an addressee line such as `各位市民：` is the first). */
  paragraphs: string[];
  /** Roles of paragraphs that are not running text (`entry` for list lines, `crosshead` for 一、 heads …). */
  marks?: ParagraphMark[];
  /** Issuer lines (one or more), flush right. */
  signature: string[];
  /** Date line, flush right, e.g. `2024年10月11日`. */
  date: string | null;
}

/** A list of names or short entries (获奖名单, 任免名单 entries, a roll): set in columns, unjustified. */
export interface ListItem extends ItemBase {
  kind: 'list';
  title: string | null;
  /** Lines before the entries (an intro sentence), as paragraphs. */
  intro: string[];
  entries: string[];
  /**
   * Entries that head the group of entries after them (`一、先进集体（4个）`, `一等奖：`), by index into `entries`;
   * absent when there are none. They stay in `entries`, in order, so a stage that ignores them prints them.
   */
  headings?: number[];
  /** Lines after the entries (a note, a signature), as paragraphs. */
  outro: string[];
}

/** A table (price list, results, listings): a ruled grid with a header row, numbers aligned. */
export interface TableItem extends ItemBase {
  kind: 'table';
  title: string | null;
  /** Header cells, when the copy has a header row. */
  header: string[] | null;
  /** Body rows; every row has as many cells as the widest row (missing cells are empty strings). */
  rows: string[][];
  /** Lines under the table (source, unit, remarks). */
  notes: string[];
}

/** One brief (简讯) in a list of briefs: a run-in head and its text. */
export interface Brief {
  headline: string | null;
  text: string;
  credits: string[];
  /** The bullet printed before a brief with a run-in head (`■`, `▲`, `●`); absent when there is none. */
  bullet?: string;
  /** A visible mark the copy printed between the run-in head and the text (`：`); absent for a space or none. */
  separator?: string;
}

/** A brief's run-in head as printed: bullet, head and separator (`■东坝镇：稻田养蟹…`, `县图书馆新馆开放：`). */
export function briefHead(b: Brief): string {
  return b.headline === null ? '' : `${b.bullet ?? ''}${b.headline}${b.separator ?? ''}`;
}

/** A list of briefs (简讯, 快讯): one module with run-in heads. */
export interface BriefsItem extends ItemBase {
  kind: 'briefs';
  /** The list's 栏题, e.g. `本地快讯`; null when the copy has none. */
  title: string | null;
  entries: Brief[];
}

export type Item =
  | ArticleItem
  | CommentaryItem
  | PhotoItem
  | AdItem
  | WeatherItem
  | NoticeItem
  | ListItem
  | TableItem
  | BriefsItem;
export type StoryItem = ArticleItem | CommentaryItem;
export type ItemKind = Item['kind'];

/** The paper's standing data for the masthead (报头). Everything optional except the name. */
export interface Paper {
  name: string;
  romanized?: string;
  /** e.g. `中共平湖市委机关报`. */
  publisher?: string;
  /** 国内统一连续出版物号, e.g. `CN 33-0000`; or an internal-materials permit. */
  registration?: string;
  /** 邮发代号. */
  postalCode?: string;
  website?: string;
}

export interface Page {
  /** 1-based page number (版次). */
  number: number;
  /** 版名, e.g. `要闻`. */
  name?: string;
  /** Layout template name, resolved against layouts/ (e.g. `broadsheet`). */
  layout: string;
  items: Item[];
}

/**
 * What the print shop sets for a paper (the edition file's `print:` section; every field optional, defaults in
 * pipeline/print.ts). Paths are resolved against the edition file by ingest.
 */
export interface PrintSettings {
  /** Paper code in the shop's file names, e.g. `PHRB`. */
  code?: string;
  /** Pattern of the page files, e.g. `{code}-{date}-{section}{page}.pdf`. */
  files?: string;
  /** Section letter (叠) of the pages, e.g. `A`. */
  section?: string;
  /** PDF standard: `x1a` (PDF/X-1a:2001) or `x4` (PDF/X-4). */
  standard?: 'x1a' | 'x4';
  /** The shop's CMYK output profile (absolute path). */
  profile?: string;
  /** Total ink limit in % (C+M+Y+K). */
  inkLimit?: number;
  /** Effective image resolution limits, ppi. */
  ppi?: { warn?: number; error?: number };
  /** Thinnest rule the shop prints, pt. */
  hairline?: number;
}

export interface Edition {
  paper: Paper;
  /** The print shop's settings, when the edition file has a `print:` section. */
  print?: PrintSettings;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** 总期号. */
  issue?: number;
  pages: Page[];
  /** Continuation across pages; absent: only stories with `overrides.continueOn` continue. */
  continuation?: ContinuationSettings;
  /** Directory the edition file lives in (paths are resolved against it). */
  baseDir: string;
}

/** Every visible text of an item, in reading order (for no-loss checks and size estimates in any stage). */
export function itemTexts(it: Item): string[] {
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return [
        ...(it.kind === 'article' && it.section !== undefined ? [it.section] : []),
        ...(it.column ? [it.column.tag ?? it.column.name, it.column.romanized ?? '', it.column.editor ?? ''] : []),
        it.kicker ?? '',
        it.headline,
        it.subhead ?? '',
        ...it.credits,
        it.dateline ?? '',
        ...it.paragraphs,
      ].filter((s) => s !== '');
    case 'photo':
      return [it.title ?? '', it.caption, ...it.credits].filter((s) => s !== '');
    case 'ad':
      return [...it.lines];
    case 'weather':
      return [it.text];
    case 'notice':
      return [it.title, it.number ?? '', ...it.paragraphs, ...it.signature, it.date ?? ''].filter((s) => s !== '');
    case 'list':
      return [it.title ?? '', ...it.intro, ...it.entries, ...it.outro].filter((s) => s !== '');
    case 'table':
      return [it.title ?? '', ...(it.header ?? []), ...it.rows.flat(), ...it.notes].filter((s) => s !== '');
    case 'briefs':
      return [it.title ?? '', ...it.entries.flatMap((b) => [briefHead(b), b.text, ...b.credits])].filter(
        (s) => s !== '',
      );
  }
}
