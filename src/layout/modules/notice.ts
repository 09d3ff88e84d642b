/**
 * Notices (公告, 通知, 决定, 任免名单, 启事): a ruled box, the title centred with its 文号 under it, the body in
 * columns inside the frame — running paragraphs justified with their indent, numbered lines kept as paragraphs,
 * list entries and the addressee line unjustified, the issuer and the date flush right (nothing letter-spaced).
 */
import type { Cmyk } from '../../core/units.js';
import type { NoticeItem } from '../../model/edition.js';
import type { ComposedLine, ParagraphSettings } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph } from '../headline-fit.js';
import type { PlacedLine, TextRole } from '../types.js';
import { ColumnModule, type TitleBlock } from './columns.js';
import type { FlowLine } from './flow.js';
import { headRows, titleLines } from './head.js';
import { charCount, linesRect, type ModuleContext, placed, style } from './spec.js';

const PLAIN: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'start', lastLine: 'start' };
const END: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'end', lastLine: 'end' };

/** A short line ending in a colon: the addressee (各位市民：), set flush left without indent. */
const ADDRESSEE = /^.{1,24}[：:]$/u;

/** Composed lines as flow lines of paragraph `para`. */
export function asFlow(lines: ComposedLine[], para: number, role?: TextRole): FlowLine[] {
  return lines.map((l, i) => {
    const f: FlowLine = {
      parts: [{ line: l, dx: 0 }],
      gap: l.last,
      chars: charCount(l.text),
      para,
      start: l.start,
      first: i === 0,
      last: l.last,
    };
    if (role) f.role = role;
    return f;
  });
}

export class NoticeModule extends ColumnModule {
  constructor(
    ctx: ModuleContext,
    readonly notice: NoticeItem,
    order: number,
  ) {
    super(ctx, notice, order, ctx.t.notice.spans, true, true);
    this.init();
  }

  protected flowLines(measure: number): FlowLine[] {
    const { t } = this.ctx;
    const N = t.notice;
    const sz = t.body.size;
    const body = style(this.ctx, N.bodyRole, sz);
    const marks = new Map((this.notice.marks ?? []).map((m) => [m.paragraph, m.role] as const));
    const out: FlowLine[] = [];
    this.notice.paragraphs.forEach((p, i) => {
      const mark = marks.get(i);
      let settings: ParagraphSettings = BODY_SETTINGS;
      let role: TextRole | undefined;
      let st = body;
      if (mark === 'entry' || ADDRESSEE.test(p.trim())) {
        settings = PLAIN;
        if (mark === 'entry') role = 'entry';
      } else if (mark === 'crosshead') {
        settings = PLAIN;
        role = 'crosshead';
        st = style(this.ctx, t.body.marks.crosshead.role, sz);
      } else if (mark === 'signature' || mark === 'closing') {
        settings = END;
        role = mark;
      }
      out.push(...asFlow(composeParagraph([{ text: p, style: st }], settings, measure), i, role));
    });
    const sig = style(this.ctx, N.numberRole, sz);
    const tail = [...this.notice.signature, ...(this.notice.date ? [this.notice.date] : [])];
    tail.forEach((s, k) => {
      const lines = asFlow(composeParagraph([{ text: s, style: sig }], END, measure), -1, 'signature');
      // the issuer block stays together: no blank line inside it, one before it
      if (k < tail.length - 1) for (const l of lines) l.gap = false;
      out.push(...lines);
    });
    if (out.length) out[out.length - 1]!.gap = false;
    return out;
  }

  protected title(W: number): TitleBlock {
    const { t, grid } = this.ctx;
    const N = t.notice;
    const ink = t.colors.text as Cmyk;
    const main = titleLines(this.ctx, this.notice.title, N.titleRole, N.titleSize, W, 'center');
    const num = this.notice.number
      ? titleLines(this.ctx, this.notice.number, N.numberRole, t.body.size, W, 'center')
      : [];
    const lead = t.typography.deckLeading;
    const size = main[0]?.size ?? N.titleSize;
    const height = main.length * size * lead + num.length * grid.pitch;
    const rows = headRows(this.ctx, height);
    return {
      rows,
      size,
      draw: (x, top, width, r, info) => {
        const lines: PlacedLine[] = [];
        let y = top + Math.max(0, (r * grid.pitch - t.typography.headSpace * grid.pitch - height) / 2);
        for (const l of main) {
          lines.push(placed(l, x, y + grid.baselineOffset(size, size * lead), ink));
          y += size * lead;
        }
        const numLines: PlacedLine[] = num.map((l, i) =>
          placed(l, x, y + i * grid.pitch + grid.baselineOffset(t.body.size, grid.pitch), ink),
        );
        const rect = { x, y: top, w: width, h: r * grid.pitch };
        const big = linesRect(lines, t.typography.emAscent);
        if (big) info.heads.push(big);
        info.head = { size, lines: main.length, cols: 0, rect };
        return [
          { kind: 'text', item: this.item.id, role: 'title', rect, lines },
          ...(numLines.length
            ? [{ kind: 'text' as const, item: this.item.id, role: 'subhead' as const, rect, lines: numLines }]
            : []),
        ];
      },
    };
  }
}
