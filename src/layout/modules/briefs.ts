/**
 * A list of briefs (简讯) as one module: a 栏题 bar with the list's title, then every brief a paragraph with its
 * head run in (marker and head in the head face, the text after it, the credit at its end), flowed into
 * balanced columns like a story's body.
 */
import type { Cmyk } from '../../core/units.js';
import type { BriefsItem } from '../../model/edition.js';
import type { ParagraphSettings, StyledRun } from '../../text/types.js';
import { BODY_SETTINGS, fitHeadline } from '../headline-fit.js';
import { breakLines, prepareParagraph } from '../../text/index.js';
import { ColumnModule, type TitleBlock } from './columns.js';
import type { FlowLine } from './flow.js';
import { asFlow } from './notice.js';
import { linesRect, type ModuleContext, placed, style } from './spec.js';

const RUN_IN: ParagraphSettings = { ...BODY_SETTINGS, indent: 0 };

export class BriefsModule extends ColumnModule {
  constructor(
    ctx: ModuleContext,
    readonly briefs: BriefsItem,
    order: number,
  ) {
    super(ctx, briefs, order, ctx.t.briefs.spans, false);
    this.init();
  }

  protected flowLines(measure: number): FlowLine[] {
    const { t } = this.ctx;
    const sz = t.body.size;
    const out: FlowLine[] = [];
    this.briefs.entries.forEach((b, i) => {
      const runs: StyledRun[] = [];
      if (b.headline)
        runs.push({ text: `${t.briefs.marker}${b.headline}\u3000`, style: style(this.ctx, t.briefs.headRole, sz) });
      runs.push({ text: b.text, style: style(this.ctx, t.body.role, sz) });
      if (b.credits.length)
        runs.push({ text: `\u3000${b.credits.join(' ')}`, style: style(this.ctx, t.body.creditRole, sz) });
      out.push(...asFlow(breakLines(prepareParagraph(runs, b.headline ? RUN_IN : BODY_SETTINGS), measure), i));
    });
    if (out.length) out[out.length - 1]!.gap = false;
    return out;
  }

  protected title(W: number): TitleBlock | null {
    if (!this.briefs.title) return null;
    const { t, grid } = this.ctx;
    const B = t.briefs;
    const ink = t.colors.text as Cmyk;
    const inset = t.typography.logoInset;
    const lines = fitHeadline(this.briefs.title, style(this.ctx, B.titleRole, B.titleSize), W - 2 * inset, {
      align: 'start',
      maxLines: 1,
    });
    const size = lines[0]?.size ?? B.titleSize;
    const rows = Math.ceil((size * 1.6) / grid.pitch + t.typography.boxGap + t.typography.headSpace);
    return {
      rows,
      size,
      draw: (x, top, width, _r, info) => {
        const h = rows * grid.pitch - (t.typography.boxGap + t.typography.headSpace) * grid.pitch;
        const rect = { x, y: top, w: width, h };
        const pl = lines.map((l) => placed(l, x + inset, top + grid.baselineOffset(size, h), ink));
        const big = linesRect(pl, t.typography.emAscent);
        if (big) info.heads.push(big);
        info.head = { size, lines: 1, cols: 0, rect };
        return [
          { kind: 'box', item: this.item.id, rect, fill: t.colors.logo as Cmyk },
          { kind: 'text', item: this.item.id, role: 'column-logo', rect, lines: pl },
        ];
      },
    };
  }
}
