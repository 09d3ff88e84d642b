/**
 * Page layout stage boundary: a page as positioned blocks (rectangles in pt, page coordinates with the origin at
 * the top-left of the trim, y down). Produced by layout/, read by paint/. Plain data; paint never changes it.
 */
import type { Cmyk, Rect } from '../core/units.js';
import type { ItemKind } from '../model/edition.js';
import type { ComposedLine } from '../text/types.js';

/** One composed line at its place: left edge of the measure at `x`, baseline at `baseline`. */
export interface PlacedLine {
  line: ComposedLine;
  x: number;
  baseline: number;
  fill: Cmyk;
  /**
   * What the line is when it differs from its block's role: inside a story's body columns (block role `body`),
   * credit lines are `credit`, 小标题 `crosshead`, 编者按 `note`, 转版 lines `jump`, interview questions `question`.
   * Absent: the block's role.
   */
  role?: TextRole;
}

export type TextRole =
  | 'body'
  | 'credit'
  | 'section'
  | 'kicker'
  | 'headline'
  | 'subhead'
  | 'crosshead'
  | 'note'
  | 'jump'
  | 'question'
  | 'label'
  | 'closing'
  | 'signature'
  | 'entry'
  | 'title'
  | 'cell'
  | 'table-head'
  | 'note-text'
  | 'column-logo'
  | 'photo-title'
  | 'caption'
  | 'ad'
  | 'ad-label'
  | 'weather'
  | 'placeholder'
  | 'masthead'
  | 'running-head';

interface BlockBase {
  /** Item id of the module the block belongs to; null for the masthead and page furniture. */
  item: string | null;
  rect: Rect;
}

/** Text lines. A body column is one block; lines are top to bottom. */
export interface TextBlock extends BlockBase {
  kind: 'text';
  role: TextRole;
  lines: PlacedLine[];
}

export interface ImageBlock extends BlockBase {
  kind: 'image';
  src: string;
  fit: 'cover' | 'contain';
}

/** A filled and/or stroked rectangle: placeholder frames, tinted boxes, ruled boxes. Painted before text. */
export interface BoxBlock extends BlockBase {
  kind: 'box';
  fill?: Cmyk;
  stroke?: Cmyk;
  lineWidth?: number;
}

export interface RuleBlock extends BlockBase {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: Cmyk;
  lineWidth: number;
}

export type Block = TextBlock | ImageBlock | BoxBlock | RuleBlock;

/** A module on the grid: the rectangle an item (or the masthead) owns. Modules never overlap. */
export interface Module {
  item: string | null;
  kind: ItemKind | 'masthead';
  /** 0-based first column, span in columns, first row (line), rows (lines). */
  column: number;
  span: number;
  row: number;
  rows: number;
  rect: Rect;
  /** What the module holds, for the layout report and the page's quality figures. Absent for furniture. */
  info?: ModuleInfo;
}

/** The head group of a module as set: main-head size and lines, the columns it covers, its rectangle (pt). */
export interface HeadInfo {
  size: number;
  lines: number;
  cols: number;
  rect: Rect;
}

export interface PhotoInfo {
  /** Frame width / height. */
  aspect: number;
  /** The image's own width / height after EXIF; null without an image. */
  imageAspect: number | null;
  /** Visible part of the image, as shares of its width and height (x, y of the top-left, w, h). */
  crop: { x: number; y: number; w: number; h: number } | null;
  /** Effective resolution at the placed size; null without an image. */
  ppi: number | null;
  /** Frame rectangle, pt. */
  frame: Rect;
  /** The template's crop range, frame width / height (landscape limit, portrait limit). */
  range: [number, number];
}

export interface ModuleInfo {
  head: HeadInfo | null;
  /** Every head-like text of 13 pt or more in the module (main head, logo, titles): its ink box (pt). */
  heads: Rect[];
  /** Lines in each body column, left to right; empty when the module has no body columns. */
  legs: number[];
  /** Lines the last body column is short of the others. */
  short: number;
  /** Body lines set (blank spacing lines not counted). */
  lines: number;
  /** Blank lines added at paragraph breaks (copyfit by spacing). */
  blanks: number;
  /** Lines of white under the body (the module is taller than its content). */
  white: number;
  photo?: PhotoInfo;
  /** The story continues from / on another page (jump lines printed). */
  continued?: { from?: number; to?: number };
  overset?: { lines: number; chars: number };
  /** Ads: the module is at its booked size. */
  booked?: boolean;
  /** The module stands where an editor pinned it. */
  pinned?: boolean;
  /** Rank of a story (lead, secondary, …). */
  rank?: string;
  /** Widows and orphans (Q12): paragraph lines alone at a column top or foot, and one-character last lines. */
  widows: number;
}

export interface Overset {
  item: string;
  lines: number;
  chars: number;
}

/** Where a story that does not fit continues: the rest of its text from `resume`, on page `to`. */
export interface Jump {
  item: string;
  from: number;
  to: number;
  /** Index into the story's paragraphs and UTF-16 offset in that paragraph where the continued text starts. */
  resume: { paragraph: number; offset: number };
  lines: number;
  chars: number;
}

/** The page's quality figures (doc §6.2), computed by the engine from its own layout. */
export interface PageQuality {
  /** Q3: largest empty rectangle in the type area, share of it, and where (pt). */
  hole: number;
  holeAt: Rect | null;
  /** Q4: modules whose last column is short by more than a line, and the worst shortfall in lines. */
  unbalanced: number;
  worstShort: number;
  /** Q7: pairs of heads side by side; Q8: heads stacked; Q9: hierarchy inversions. */
  butting: number;
  stacked: number;
  hierarchy: number;
  /** Q12: widows and orphans. */
  widows: number;
  /** Q13: shortest column leg in lines (null: no body columns) and legs under the template's minLeg. */
  shortestLeg: number | null;
  shortLegs: number;
  /** Q14: photos outside their crop range or under the report resolution. */
  photoProblems: number;
  minPpi: number | null;
  /** Q15: ads not at their booked place and size, or with a head beside them. */
  adProblems: number;
  /** Empty column-lines in the type area (no module, white under bodies), the figure an under-full page lacks. */
  emptyLines: number;
}

export interface PageLayout {
  number: number;
  template: string;
  /** Trim size and bleed, pt. */
  width: number;
  height: number;
  bleed: number;
  typeArea: Rect;
  grid: {
    columns: number;
    lines: number;
    pitch: number;
    /** Baseline of body line 0 (line n: first + n × pitch). */
    firstBaseline: number;
    columnX: number[];
    columnW: number;
  };
  modules: Module[];
  /** In reading order: masthead, then modules; within a module boxes/images first, then text top to bottom. */
  blocks: Block[];
  held: string[];
  overset: Overset[];
  /** Stories this page continues on a later page. */
  jumps: Jump[];
  /** The 导读 entries set in the 报眼 (page 1), as given: headline, item and, for another page's story, its page. */
  earIndex: Array<{ item: string; headline: string; page?: number }>;
  quality: PageQuality;
}
