/** The composition report of a laid-out page, and the composer's line problems as located diagnostics. */
import type { Sink } from '../diag/index.js';
import type { PageLayout } from '../layout/types.js';
import { collectStats, type ComposedLine, type CompositionStats } from '../text/index.js';

/**
 * Read the composed lines of a laid-out page (read-only): the body's composition statistics, and a diagnostic
 * for every problem the composer recorded on a line (missing glyphs, forced kinsoku breaks, overfull or ragged
 * lines), located by page and item.
 */
export function compositionReport(layout: PageLayout, sink: Sink): CompositionStats {
  const paragraphs: ComposedLine[][] = [];
  const open = new Map<string, ComposedLine[]>();
  const missing = new Map<string, Set<string>>();
  const at = (item: string | null) => ({ page: layout.number, ...(item ? { item } : {}) });
  for (const block of layout.blocks) {
    if (block.kind !== 'text') continue;
    for (const { line, role } of block.lines) {
      for (const g of line.glyphs) {
        if (g.gid === 0 && g.text.trim()) {
          const key = block.item ?? '';
          if (!missing.has(key)) missing.set(key, new Set());
          missing.get(key)!.add(g.text);
        }
      }
      const n = line.notes;
      if (n?.ruleBroken)
        sink.warn(
          'kinsoku-forced',
          `a line break breaks a line-start/line-end rule because nothing else fitted: ${line.text}`,
          at(block.item),
          'widen the measure or edit the line so a legal break exists',
        );
      if (n && n.overfull > 0.5)
        sink.warn(
          'overfull-line',
          `a ${block.role} line is ${n.overfull.toFixed(1)} pt wider than its measure: ${line.text}`,
          at(block.item),
          'shorten the text or give the module more columns',
        );
      // the body text: lines of body column blocks, without the credits and marked lines set in other styles
      if (block.role !== 'body' || (role && role !== 'body')) continue;
      if (n?.notFlush && !line.last)
        sink.warn(
          'line-not-flush',
          `a body line could not be justified flush: ${line.text}`,
          at(block.item),
          'edit the line (a long unbreakable word or number) or widen the column',
        );
      const key = block.item ?? '';
      const cur = open.get(key) ?? [];
      cur.push(line);
      if (line.last) {
        paragraphs.push(cur);
        open.delete(key);
      } else open.set(key, cur);
    }
  }
  for (const [item, chars] of missing) {
    const list = [...chars]
      .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ');
    sink.warn(
      'missing-glyph',
      `the font has no glyph for ${list}; it prints as an empty box`,
      at(item || null),
      'replace the character, or map the role to a font that has it in fonts/fonts.yaml',
    );
  }
  return collectStats(paragraphs);
}
