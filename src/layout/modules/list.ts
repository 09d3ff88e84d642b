/**
 * Name lists (获奖名单, 任免名单 entries, rolls): the entries in aligned cells across each column, unjustified
 * (a name is never letter-spaced to fill a line); entries too long for two to a row are set one to a row,
 * flush left. Intro paragraphs are justified; closing lines that are dates or issuers are set flush right.
 */
import type { Cmyk } from '../../core/units.js';
import type { ListItem } from '../../model/edition.js';
import type { ParagraphSettings } from '../../text/types.js';
import { BODY_SETTINGS, composeParagraph, inkRight, setHeadline } from '../headline-fit.js';
import type { PlacedLine } from '../types.js';
import { ColumnModule, type TitleBlock } from './columns.js';
import type { FlowLine } from './flow.js';
import { headRows, titleLines } from './head.js';
import { asFlow } from './notice.js';
import { charCount, linesRect, type ModuleContext, placed, style } from './spec.js';

const PLAIN: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'start', lastLine: 'start' };
const END: ParagraphSettings = { ...BODY_SETTINGS, indent: 0, align: 'end', lastLine: 'end' };

/** A closing line set flush right: a date, or a short line without sentence punctuation (an issuer). */
const SIGNATURE = /^(?:.{1,20}[^。；！？.!?;]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/u;

export class ListModule extends ColumnModule {
  constructor(
    ctx: ModuleContext,
    readonly list: ListItem,
    order: number,
  ) {
    super(ctx, list, order, ctx.t.list.spans, false, true);
    this.init();
  }

  protected flowLines(measure: number): FlowLine[] {
    const { t } = this.ctx;
    const sz = t.body.size;
    const body = style(this.ctx, t.body.role, sz);
    const entry = style(this.ctx, t.list.entryRole, sz);
    const out: FlowLine[] = [];
    let para = 0;
    for (const p of this.list.intro)
      out.push(...asFlow(composeParagraph([{ text: p, style: body }], BODY_SETTINGS, measure), para++));
    // Cells: as wide as the widest entry plus the gap, as many to a row as fit, spread over the measure.
    const gap = t.list.cellGap * t.grid.char;
    const widths = this.list.entries.map((e) => {
      const l = setHeadline(e, entry, 1e5, { align: 'start', maxLines: 1 })[0];
      return l ? inkRight(l) : 0;
    });
    const maxW = Math.max(0, ...widths);
    const perRow = maxW > 0 ? Math.max(1, Math.floor((measure + gap) / (maxW + gap))) : 1;
    if (perRow >= 2) {
      const cellW = (measure + gap) / perRow;
      for (let i = 0; i < this.list.entries.length; i += perRow) {
        const row = this.list.entries.slice(i, i + perRow);
        const parts = row.map((e, j) => ({
          line: setHeadline(e, entry, cellW, { align: 'start', maxLines: 1 })[0]!,
          dx: j * cellW,
        }));
        out.push({
          parts,
          role: 'entry',
          gap: false,
          chars: row.reduce((a, e) => a + charCount(e), 0),
          para: -1,
          start: 0,
          first: true,
          last: true,
        });
      }
    } else {
      for (const e of this.list.entries) {
        const lines = asFlow(composeParagraph([{ text: e, style: entry }], PLAIN, measure), -1, 'entry');
        for (const l of lines) l.gap = false;
        out.push(...lines);
      }
    }
    if (out.length) out[out.length - 1]!.gap = true;
    for (const p of this.list.outro) {
      const right = SIGNATURE.test(p.trim());
      out.push(
        ...asFlow(
          composeParagraph(
            [{ text: p, style: right ? style(this.ctx, t.body.creditRole, sz) : body }],
            right ? END : BODY_SETTINGS,
            measure,
          ),
          para++,
          right ? 'signature' : undefined,
        ),
      );
    }
    if (out.length) out[out.length - 1]!.gap = false;
    return out;
  }

  protected title(W: number): TitleBlock | null {
    if (!this.list.title) return null;
    const { t, grid } = this.ctx;
    const ink = t.colors.text as Cmyk;
    const L = t.list;
    const main = titleLines(this.ctx, this.list.title, L.titleRole, L.titleSize, W, 'center');
    const size = main[0]?.size ?? L.titleSize;
    const lead = t.typography.deckLeading;
    const height = main.length * size * lead;
    return {
      rows: headRows(this.ctx, height),
      size,
      draw: (x, top, width, r, info) => {
        let y = top + Math.max(0, (r * grid.pitch - t.typography.headSpace * grid.pitch - height) / 2);
        const lines: PlacedLine[] = main.map((l) => {
          const pl = placed(l, x, y + grid.baselineOffset(size, size * lead), ink);
          y += size * lead;
          return pl;
        });
        const rect = { x, y: top, w: width, h: r * grid.pitch };
        const big = linesRect(lines, t.typography.emAscent);
        if (big && size >= 13) info.heads.push(big);
        info.head = { size, lines: main.length, cols: 0, rect };
        return [{ kind: 'text', item: this.item.id, role: 'title', rect, lines }];
      },
    };
  }
}
