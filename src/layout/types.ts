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
}

export interface Overset {
  item: string;
  lines: number;
  chars: number;
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
}
