/**
 * The PDF writer embeds fonts already parsed (FontBook.parsed) instead of reading and parsing each font file on
 * every write: the bytes must be the same as when it opens the files itself.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { loadEdition } from '../src/ingest/index.js';
import { writePdf } from '../src/pdf/index.js';
import { layoutEdition, paintEdition } from '../src/pipeline/index.js';

describe('writePdf with parsed fonts', () => {
  it('writes the same bytes as from the font files, twice in a row with the same parsed fonts', async () => {
    const sink = new Sink();
    const fonts = loadFontBook();
    const edition = loadEdition(path.resolve(__dirname, '..', 'seeds', 'edition.yaml'), sink);
    const doc = paintEdition(edition, layoutEdition(edition, sink, fonts));
    const parsedFont = (f: string): unknown => fonts.parsed(f);
    const fromFiles = await writePdf(doc, { standard: 'x1a' });
    const first = await writePdf(doc, { standard: 'x1a', parsedFont });
    const second = await writePdf(doc, { standard: 'x1a', parsedFont });
    expect(Buffer.compare(first, fromFiles)).toBe(0);
    expect(Buffer.compare(second, fromFiles)).toBe(0);
  });
});
