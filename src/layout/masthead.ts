/**
 * The masthead (报头): paper name large, romanized name under it, and an info panel with the date, 星期, issue
 * numbers and the legally required registration/publisher lines — all from `edition.paper`, nothing hard-coded
 * (research doc §1.7: CN vs 准印证 variants differ per paper).
 */
import { Solar } from 'lunar-javascript';
import type { Cmyk } from '../core/units.js';
import type { FontBook } from '../fonts/index.js';
import type { Edition } from '../model/edition.js';
import type { ComposedLine } from '../text/types.js';
import type { FontRole } from '../fonts/index.js';
import { fitHeadline, inkRight, setHeadline } from './headline-fit.js';
import type { Grid } from './grid.js';
import type { LayoutTemplate } from './template.js';
import type { Block, PlacedLine } from './types.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * `2024-07-03` → `2024年7月3日`, `星期三` and the 农历 date `农历甲辰年五月廿八` (research doc §1.7: 公历 + 星期 + 农历 is the
 * common masthead pattern; conversion by lunar-javascript); null when the date is not ISO.
 */
export function dateParts(iso: string): { date: string; weekday: string; lunar: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  const l = Solar.fromYmd(y, mo, d).getLunar();
  return {
    date: `${y}年${mo}月${d}日`,
    weekday: WEEKDAYS[utc.getUTCDay()]!,
    lunar: `农历${l.getYearInGanZhi()}年${l.getMonthInChinese()}月${l.getDayInChinese()}`,
  };
}

/** The info panel's lines, in order. */
export function mastheadInfo(edition: Edition): string[] {
  const p = edition.paper;
  const out: string[] = [];
  if (p.publisher) out.push(p.publisher);
  const dp = dateParts(edition.date);
  if (dp) out.push(`${dp.date} ${dp.weekday}`, dp.lunar);
  else out.push(edition.date);
  const nums: string[] = [];
  if (edition.issue !== undefined) nums.push(`总第${edition.issue}期`);
  if (edition.pages.length) nums.push(`今日${edition.pages.length}版`);
  if (nums.length) out.push(nums.join(' '));
  if (p.registration)
    out.push(/^CN\b/i.test(p.registration) ? `国内统一连续出版物号 ${p.registration}` : p.registration);
  if (p.postalCode) out.push(`邮发代号 ${p.postalCode}`);
  if (p.website) out.push(p.website);
  return out;
}

interface MastheadSet {
  name: ComposedLine[];
  nameSize: number;
  romanized: ComposedLine[];
  info: ComposedLine[];
  rows: number;
  leftW: number;
}

function setMastheadParts(t: LayoutTemplate, grid: Grid, fonts: FontBook, edition: Edition): MastheadSet {
  const M = t.masthead!;
  const W = grid.spanW(M.columns);
  const leftW = Math.round(W * M.nameShare);
  const chars = Math.max(1, Array.from(edition.paper.name).length);
  const nameSize = Math.min(M.nameMaxSize, (leftW * 0.94) / (chars + 0.2));
  const name = fitHeadline(edition.paper.name, { face: fonts.face(M.nameRole), size: nameSize }, leftW, {
    align: 'center',
    maxLines: 1,
  });
  const romanized = edition.paper.romanized
    ? fitHeadline(edition.paper.romanized, { face: fonts.face(M.romanizedRole), size: M.romanizedSize }, leftW, {
        align: 'center',
        maxLines: 1,
      })
    : [];
  const infoW = W - leftW - t.geometry.gutter - 2 * t.grid.char;
  const info = mastheadInfo(edition).flatMap((s) =>
    fitHeadline(s, { face: fonts.face(M.infoRole), size: M.infoSize }, infoW, { align: 'start', maxLines: 2 }),
  );
  const nameRows =
    Math.ceil((nameSize * t.typography.headLeading + romanized.length * M.romanizedSize * 1.6) / grid.pitch) + 1;
  const infoRows = Math.ceil((info.length * M.infoSize * 1.5) / grid.pitch) + 2;
  return { name, nameSize, romanized, info, rows: Math.max(M.minLines, nameRows, infoRows), leftW };
}

/** Height of the masthead in grid lines. */
export function mastheadRows(t: LayoutTemplate, grid: Grid, fonts: FontBook, edition: Edition): number {
  return setMastheadParts(t, grid, fonts, edition).rows;
}

/**
 * The 报眉 of an inner page, above the type area: date, 星期 and 第N版 flush left, the paper's name centred, the
 * 版名 flush right, over the 眉线 (research doc §1.7, §6.1). Everything from the edition and the page.
 */
export function buildRunningHead(
  t: LayoutTemplate,
  fonts: FontBook,
  edition: Edition,
  page: { number: number; name?: string },
): Block[] {
  const R = t.runningHead;
  if (!R) return [];
  const { x0, y0, width } = t.geometry;
  const ink = t.colors.text as Cmyk;
  const ruleY = y0 - R.gap;
  const base = ruleY - 0.3 * R.size - R.rule;
  const dp = dateParts(edition.date);
  const left = `${dp ? `${dp.date} ${dp.weekday}` : edition.date}\u3000第${page.number}版`;
  const set = (text: string, role: FontRole, size: number, w: number): ComposedLine[] =>
    fitHeadline(text, { face: fonts.face(role), size }, w, { align: 'start', maxLines: 1 });
  const third = width / 3;
  const blocks: Block[] = [];
  const add = (lines: ComposedLine[], align: 'start' | 'center' | 'end', size: number): void => {
    const placedLines: PlacedLine[] = lines.map((line) => {
      const w = inkRight(line);
      const x = align === 'start' ? x0 : align === 'end' ? x0 + width - w : x0 + (width - w) / 2;
      return { line, x, baseline: base, fill: ink };
    });
    blocks.push({
      kind: 'text',
      item: null,
      role: 'running-head',
      rect: { x: x0, y: base - size, w: width, h: size * 1.2 },
      lines: placedLines,
    });
  };
  add(set(left, R.role, R.size, third), 'start', R.size);
  add(set(edition.paper.name, R.nameRole, R.nameSize, third), 'center', R.nameSize);
  if (page.name) add(set(page.name, R.role, R.size, third), 'end', R.size);
  blocks.push({
    kind: 'rule',
    item: null,
    rect: { x: x0, y: ruleY - R.rule, w: width, h: 2 * R.rule },
    x1: x0,
    y1: ruleY,
    x2: x0 + width,
    y2: ruleY,
    stroke: t.colors.rule as Cmyk,
    lineWidth: R.rule,
  });
  return blocks;
}

/** The masthead's blocks at the top-left of the type area, `rows` lines high. */
export function buildMasthead(t: LayoutTemplate, grid: Grid, fonts: FontBook, edition: Edition, rows: number): Block[] {
  const M = t.masthead!;
  const s = setMastheadParts(t, grid, fonts, edition);
  const x = grid.colX(0);
  const y = grid.rowY(0);
  const W = grid.spanW(M.columns);
  const H = rows * grid.pitch;
  const ink = t.colors.text as Cmyk;
  const blocks: Block[] = [];
  // Name and romanized name, centred as a group in the left part.
  const romH = s.romanized.length * M.romanizedSize * 1.6;
  const groupH = s.nameSize * t.typography.headLeading + romH;
  const gy = y + Math.max(0, (H - groupH) / 2);
  const nameBase = gy + t.typography.emAscent * s.nameSize;
  const nameLines: PlacedLine[] = s.name.map((line) => ({ line, x, baseline: nameBase, fill: t.colors.name as Cmyk }));
  blocks.push({
    kind: 'text',
    item: null,
    role: 'masthead',
    rect: { x, y: gy, w: s.leftW, h: s.nameSize },
    lines: nameLines,
  });
  if (s.romanized.length) {
    const rb = nameBase + 0.3 * s.nameSize + M.romanizedSize * 1.25;
    blocks.push({
      kind: 'text',
      item: null,
      role: 'masthead',
      rect: { x, y: rb - M.romanizedSize, w: s.leftW, h: M.romanizedSize * 1.3 },
      lines: s.romanized.map((line) => ({ line, x, baseline: rb, fill: ink })),
    });
  }
  // Info panel: a tinted box, lines spread over its height.
  const px = x + s.leftW + t.geometry.gutter;
  const pw = W - s.leftW - t.geometry.gutter;
  const panel = { x: px, y, w: pw, h: H - 0.3 * grid.pitch };
  blocks.push({ kind: 'box', item: null, rect: panel, fill: t.colors.tint as Cmyk });
  const n = s.info.length;
  const step = n ? Math.min(M.infoSize * 2.2, (panel.h - 2 * t.grid.char) / n) : 0;
  const top = panel.y + (panel.h - step * n) / 2;
  const info: PlacedLine[] = s.info.map((line, i) => ({
    line,
    x: px + t.grid.char,
    baseline: top + i * step + grid.baselineOffset(M.infoSize, step),
    fill: ink,
  }));
  blocks.push({ kind: 'text', item: null, role: 'masthead', rect: panel, lines: info });
  return blocks;
}

/** One 导读 entry: a headline, and the page it is on when it is another page's story. */
export interface IndexEntry {
  item: string;
  headline: string;
  page?: number;
}

/**
 * The 导读 (内容提要) in the 报眼: a tinted label box with 导读 set vertically on the left, the entries one line each
 * beside it, spread over `rect`'s height; `第N版` flush right for another page's story. All entries at one size, the
 * largest of `index.sizes` at which every entry sets on one line (smaller entries only shrink as a last resort).
 * Returns [] when fewer than `minEntries` fit.
 */
export function buildEarIndex(
  t: LayoutTemplate,
  grid: Grid,
  fonts: FontBook,
  rect: { x: number; y: number; w: number; h: number },
  entries: IndexEntry[],
): Block[] {
  const X = t.masthead?.index;
  if (!X) return [];
  const ink = t.colors.text as Cmyk;
  const labelW = X.labelSize * 1.6;
  const pad = t.grid.char / 2;
  const ex = rect.x + labelW + t.grid.char;
  const ew = rect.x + rect.w - pad - ex;
  const n = Math.min(entries.length, Math.floor((rect.h - 2 * pad) / grid.pitch));
  if (n < X.minEntries) return [];
  const shown = entries.slice(0, n);
  const pageFace = fonts.face(X.pageRole);
  const refs = shown.map((e) =>
    e.page === undefined
      ? []
      : setHeadline(`第${e.page}版`, { face: pageFace, size: X.sizes[X.sizes.length - 1]! }, ew / 3, {
          align: 'start',
          maxLines: 1,
        }),
  );
  const setAt = (size: number): ComposedLine[][] =>
    shown.map((e, i) => {
      const refW = refs[i]!.length ? inkRight(refs[i]![0]!) + t.grid.char : 0;
      return setHeadline(`${X.marker}${e.headline}`, { face: fonts.face(X.role), size }, ew - refW, {
        align: 'start',
        maxLines: 1,
      });
    });
  let lines: ComposedLine[][] = [];
  const stepAll = (rect.h - 2 * pad) / n;
  for (const size of X.sizes) {
    lines = setAt(size);
    if (size * 1.15 > stepAll && size !== X.sizes[X.sizes.length - 1]) continue;
    if (
      lines.every(
        (ls, i) =>
          ls.length === 1 &&
          inkRight(ls[0]!) <= ew - (refs[i]!.length ? inkRight(refs[i]![0]!) + t.grid.char : 0) + 0.5,
      )
    )
      break;
  }
  // Entries still too long at the smallest size shrink on their own (never wider than the column).
  lines = lines.map((ls, i) => {
    const refW = refs[i]!.length ? inkRight(refs[i]![0]!) + t.grid.char : 0;
    return ls.length === 1 && inkRight(ls[0]!) <= ew - refW + 0.5
      ? ls
      : shrinkOne(`${X.marker}${shown[i]!.headline}`, fonts, X.role, X.sizes[X.sizes.length - 1]!, ew - refW);
  });
  const blocks: Block[] = [];
  // Label box: 导 读 stacked, reversed out of the tint.
  const box = { x: rect.x, y: rect.y, w: labelW, h: rect.h };
  blocks.push({ kind: 'box', item: null, rect: box, fill: t.colors.tint as Cmyk });
  const chars = Array.from(X.label);
  const lh = X.labelSize * 1.25;
  const ly = rect.y + (rect.h - chars.length * lh) / 2;
  const labelLines: PlacedLine[] = chars.flatMap((ch, i) =>
    setHeadline(ch, { face: fonts.face(X.labelRole), size: X.labelSize }, labelW, { align: 'start', maxLines: 1 }).map(
      (line) => ({
        line,
        x: rect.x + (labelW - inkRight(line)) / 2,
        baseline: ly + i * lh + grid.baselineOffset(X.labelSize, lh),
        fill: ink,
      }),
    ),
  );
  blocks.push({ kind: 'text', item: null, role: 'masthead', rect: box, lines: labelLines });
  // Entries spread evenly over the height, each centred in its share.
  const step = (rect.h - 2 * pad) / n;
  const placedLines: PlacedLine[] = [];
  const pageLines: PlacedLine[] = [];
  lines.forEach((ls, i) => {
    const line = ls[0];
    if (!line) return;
    const base = rect.y + pad + i * step + grid.baselineOffset(line.size, step);
    placedLines.push({ line, x: ex, baseline: base, fill: ink });
    const ref = refs[i]![0];
    if (ref) pageLines.push({ line: ref, x: rect.x + rect.w - pad - inkRight(ref), baseline: base, fill: ink });
  });
  blocks.push({ kind: 'text', item: null, role: 'masthead', rect, lines: placedLines });
  if (pageLines.length) blocks.push({ kind: 'text', item: null, role: 'masthead', rect, lines: pageLines });
  return blocks;
}

/** One line of `text` no wider than `w`: smaller in 5 % steps. */
function shrinkOne(text: string, fonts: FontBook, role: FontRole, size: number, w: number): ComposedLine[] {
  let ls = setHeadline(text, { face: fonts.face(role), size }, w, { align: 'start', maxLines: 1 });
  for (let s = size * 0.95; s > 5 && (ls.length !== 1 || inkRight(ls[0]!) > w + 0.5); s *= 0.95)
    ls = setHeadline(text, { face: fonts.face(role), size: s }, w, { align: 'start', maxLines: 1 });
  return ls;
}
