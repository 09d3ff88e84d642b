/**
 * Photo modules: a frame elastic in height within the template's crop range (photo.aspect, height/width after
 * EXIF orientation: never a strip, doc §6.2 Q14), the caption and credits under it at the photo's width. The
 * image is cropped centred into the frame (`cover`); a width that would set it under photo.minPpi is not used.
 * Image sizes come from the model (ingest reads the files).
 */
import type { Cmyk, Rect } from '../../core/units.js';
import type { PhotoItem } from '../../model/edition.js';
import type { ComposedLine } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph, fitHeadline } from '../headline-fit.js';
import type { Block, PhotoInfo, PlacedLine, TextRole } from '../types.js';
import {
  type BuildResult,
  emptyInfo,
  holeCost,
  type ModuleContext,
  type ModuleSpec,
  type Place,
  placed,
  type Shape,
  spanCost,
  spansIn,
  spreadHeights,
  style,
} from './spec.js';

const END = { ...BODY_SETTINGS, indent: 0, align: 'end' as const, lastLine: 'end' as const };

export class PhotoModule implements ModuleSpec {
  readonly transparent = true;
  readonly promised = false;
  readonly rank = null;
  readonly shapes: Shape[];
  private readonly caps = new Map<number, Array<{ line: ComposedLine; role: TextRole }>>();
  /** Frame height/width range allowed (hard) and the aspect preferred (the image's own, clamped into the range). */
  private readonly range: [number, number];
  private readonly preferred: number;
  /** The image's own height/width; null without an image size. */
  readonly natural: number | null;
  readonly hasImage: boolean;
  private readonly px: { w: number; h: number } | null;
  private readonly spanRange: readonly [number, number];

  constructor(
    private readonly ctx: ModuleContext,
    readonly item: PhotoItem,
    readonly order: number,
  ) {
    const P = ctx.t.photo;
    const size = item.imageSize;
    this.hasImage = item.image !== undefined;
    this.px = size ? { w: size.width, h: size.height } : null;
    this.natural = size ? size.height / size.width : null;
    const forced = item.overrides?.columns ?? item.overrides?.pin?.span;
    const ph = this.hasImage ? null : P.placeholder;
    this.spanRange = ph ? ph.spans : P.spans;
    const range: [number, number] = ph ? [ph.aspect[0], ph.aspect[1]] : [P.aspect[0], P.aspect[1]];
    const clamp = (a: number): number => Math.min(Math.max(a, range[0]), range[1]);
    // An image is cropped by at most maxCrop of its width or height; one shaped outside the crop range is cropped
    // to the nearest edge of the range (never set as a strip).
    if (this.natural) {
      const lo = Math.max(range[0], this.natural * (1 - P.maxCrop));
      const hi = Math.min(range[1], this.natural / (1 - P.maxCrop));
      const a = clamp(this.natural);
      this.range = lo <= hi ? [lo, hi] : [a * 0.97, a * 1.03];
      this.range = [Math.max(range[0], this.range[0]), Math.min(range[1], this.range[1])];
    } else this.range = range;
    this.preferred = clamp(this.natural ?? P.preferredAspect);
    let spans = spansIn(ctx.grid.columns, forced);
    if (ph && !forced) spans = spans.filter((s) => s >= ph.spans[0] && s <= ph.spans[1]);
    // An image is never set wider than its pixels allow at minPpi (its narrowest width stays possible).
    if (this.px && !forced) {
      const ok = spans.filter((s) => this.frameRange(s) !== null);
      spans = ok.length ? ok : spans.slice(0, 1);
    }
    if (!spans.length) spans = [Math.min(ctx.grid.columns, this.spanRange[0])];
    this.shapes = spans.map((span) => ({ span, band: null, bandRight: false }));
  }

  private caption(span: number): Array<{ line: ComposedLine; role: TextRole }> {
    let c = this.caps.get(span);
    if (c) return c;
    const { t } = this.ctx;
    const P = t.photo;
    const W = this.ctx.grid.spanW(span);
    c = [];
    // the title's own lines (a block label such as 图片报道 over the picture's title) each set on their own
    for (const part of (this.item.title ?? '').split('\n').filter((x) => x.trim()))
      for (const line of fitHeadline(part, style(this.ctx, P.titleRole, P.titleSize), W, {
        align: 'start',
        maxLines: 2,
      }))
        c.push({ line, role: 'photo-title' });
    if (this.item.caption)
      for (const line of composeParagraph(
        [{ text: this.item.caption, style: style(this.ctx, P.captionRole, P.captionSize) }],
        BODY_SETTINGS,
        W,
      ))
        c.push({ line, role: 'caption' });
    for (const cr of this.item.credits)
      for (const line of composeParagraph([{ text: cr, style: style(this.ctx, P.creditRole, P.captionSize) }], END, W))
        c.push({ line, role: 'credit' });
    this.caps.set(span, c);
    return c;
  }

  private captionRows(span: number): number {
    return this.caption(span).length + 1;
  }

  /** Frame height in pt for `f` frame lines (the frame reaches into the white line above the caption). */
  private frameH(f: number): number {
    return (f + this.ctx.t.typography.photoReach) * this.ctx.grid.pitch;
  }

  /** Frame lines allowed at a width: the crop range, and the image's resolution; null when none. */
  private frameRange(span: number): [number, number] | null {
    const W = this.ctx.grid.spanW(span);
    const p = this.ctx.grid.pitch;
    const reach = this.ctx.t.typography.photoReach;
    let lo = Math.max(3, Math.ceil((W * this.range[0]) / p - reach));
    let hi = Math.floor((W * this.range[1]) / p - reach);
    if (this.px) {
      const k = 72 / this.ctx.t.photo.minPpi;
      if (W > k * this.px.w + 0.5) return null;
      hi = Math.min(hi, Math.floor((k * this.px.h) / p - reach));
    }
    lo = Math.max(lo, 3);
    return hi >= lo ? [lo, hi] : null;
  }

  private framesAt(span: number): [number, number] {
    const r = this.frameRange(span);
    if (r) return r;
    // the only width left for a small image: its smallest frame in the crop range
    const W = this.ctx.grid.spanW(span);
    const lo = Math.max(3, Math.ceil((W * this.range[0]) / this.ctx.grid.pitch - this.ctx.t.typography.photoReach));
    return [lo, lo];
  }

  mass(): number {
    const s = Math.min(2, this.ctx.grid.columns);
    return s * (this.framesAt(s)[0] + this.captionRows(s));
  }

  minRows(shape: number): number {
    const span = this.shapes[shape]!.span;
    return this.framesAt(span)[0] + this.captionRows(span);
  }

  heights(shape: number, maxRows: number): number[] {
    const span = this.shapes[shape]!.span;
    const [lo, hi] = this.framesAt(span);
    const cap = this.captionRows(span);
    return spreadHeights(lo, hi, 6)
      .map((f) => f + cap)
      .filter((h) => h <= maxRows);
  }

  cost(shape: number, rows: number): number {
    const span = this.shapes[shape]!.span;
    const c = this.ctx.t.cost;
    const [lo, hi] = this.framesAt(span);
    const f = rows - this.captionRows(span);
    let cost = spanCost(this.ctx, this.spanRange, span);
    if (f < lo) return cost + 1e6;
    const white = Math.max(0, f - hi) * span;
    if (white) cost += white * c.empty + holeCost(this.ctx, white);
    const W = this.ctx.grid.spanW(span);
    const a = this.frameH(Math.min(f, hi)) / W;
    // Cropping within photo.crop of the image's own shape is nearly free; beyond it the cost rises steeply.
    const dev = Math.abs(Math.log(a / this.preferred));
    const free = Math.log(1 + this.ctx.t.photo.crop);
    cost += (0.2 * dev + Math.max(0, dev - free) * 3) * span * c.aspect;
    return cost;
  }

  build(p: Place): BuildResult {
    const { grid, t } = this.ctx;
    const id = this.item.id;
    const x = grid.colX(p.col);
    const W = grid.spanW(p.span);
    const cap = this.caption(p.span);
    const [, hi] = this.framesAt(p.span);
    // Never taller than the crop range allows: extra lines stay white under the caption.
    const frameRows = Math.min(p.rows - this.captionRows(p.span), hi);
    const frame: Rect = { x, y: grid.rowY(p.row), w: W, h: this.frameH(frameRows) };
    const blocks: Block[] = [];
    const ink = t.colors.text as Cmyk;
    const info = emptyInfo();
    const photo: PhotoInfo = {
      aspect: frame.w / frame.h,
      imageAspect: this.natural ? 1 / this.natural : null,
      crop: null,
      ppi: null,
      frame,
      range: [1 / this.range[0], 1 / this.range[1]],
    };
    if (this.item.image) {
      blocks.push({ kind: 'image', item: id, rect: frame, src: this.item.image, fit: 'cover' });
      if (this.px) {
        const s = Math.max(frame.w / this.px.w, frame.h / this.px.h);
        photo.ppi = 72 / s;
        const vw = Math.min(1, frame.w / s / this.px.w);
        const vh = Math.min(1, frame.h / s / this.px.h);
        photo.crop = { x: (1 - vw) / 2, y: (1 - vh) / 2, w: vw, h: vh };
      }
    } else {
      blocks.push({
        kind: 'box',
        item: id,
        rect: frame,
        fill: t.colors.placeholder as Cmyk,
        stroke: t.colors.rule as Cmyk,
        lineWidth: t.rules.box,
      });
      const lab = fitHeadline(t.photo.placeholderLabel, style(this.ctx, t.photo.titleRole, t.photo.titleSize), W, {
        align: 'center',
        maxLines: 1,
      });
      blocks.push({
        kind: 'text',
        item: id,
        role: 'placeholder',
        rect: frame,
        lines: lab.map((l) => placed(l, x, frame.y + frame.h / 2 + t.photo.titleSize / 2, ink)),
      });
    }
    info.photo = photo;
    const capRow = p.row + frameRows + 1;
    const byRole = new Map<TextRole, PlacedLine[]>();
    cap.forEach((c, i) => {
      const arr = byRole.get(c.role) ?? [];
      arr.push(placed(c.line, x, grid.baseline(capRow + i), ink));
      byRole.set(c.role, arr);
    });
    let r = capRow;
    for (const [role, lines] of byRole) {
      blocks.push({ kind: 'text', item: id, role, rect: grid.rect(p.col, p.span, r, lines.length), lines });
      r += lines.length;
    }
    info.white = Math.max(0, p.rows - frameRows - this.captionRows(p.span));
    return { blocks, info };
  }
}
