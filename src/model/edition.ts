/**
 * The edition model: plain, JSON-serialisable data produced by ingest/ and read by every later stage.
 * Field names of items follow ../shared/seeds/*.reference.json.
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
}

/**
 * What a paragraph is when it is not running text. The text itself always stays in `paragraphs` (a stage that
 * ignores marks still prints everything); a mark only tells the designer how to set it:
 * `crosshead` 小标题 inside a story (the item's `subhead` is its 副题), `note` 编者按 / 开栏的话 / 编后, `jump` 转版 line (`（下转第2版）`), `question` an interview question.
 */
export type ParagraphRole = 'crosshead' | 'note' | 'jump' | 'question';
export interface ParagraphMark {
  /** 0-based index into `paragraphs`. */
  paragraph: number;
  role: ParagraphRole;
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
}

export interface CommentaryItem extends ItemBase {
  kind: 'commentary';
  kicker: string | null;
  headline: string;
  subhead: string | null;
  credits: string[];
  column: { name: string; romanized: string | null; editor: string | null };
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
}

export interface AdItem extends ItemBase {
  kind: 'ad';
  lines: string[];
  image?: string;
}

export interface WeatherItem extends ItemBase {
  kind: 'weather';
  text: string;
}

export type Item = ArticleItem | CommentaryItem | PhotoItem | AdItem | WeatherItem;
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

export interface Edition {
  paper: Paper;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** 总期号. */
  issue?: number;
  pages: Page[];
  /** Directory the edition file lives in (paths are resolved against it). */
  baseDir: string;
}
