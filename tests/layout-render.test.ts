/** Lays out the sample page, writes /tmp/layout-test/page1.pdf (for pagecheck/fillcheck and a look at the PNG). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { loadFontBook } from '../src/fonts/index.js';
import { layoutPage, loadTemplate } from '../src/layout/index.js';
import { paintPage } from '../src/paint/page.js';
import { sampleEdition } from './fixtures/layout/sample.js';

describe('layout render', () => {
  it('writes the sample page PDF', async () => {
    const sink = new Sink();
    const { edition, page } = sampleEdition();
    const t0 = performance.now();
    const layout = layoutPage(page, edition, loadTemplate('broadsheet', sink), loadFontBook(), sink);
    const ms = performance.now() - t0;
    const dp = paintPage(layout);
    fs.mkdirSync('/tmp/layout-test', { recursive: true });
    fs.writeFileSync('/tmp/layout-test/layout.json', JSON.stringify({ ms, modules: layout.modules, diags: sink.items }, null, 1));
    const { writePdf } = await import('../src/pdf/index.js');
    const pdf = await writePdf({ title: 'test', date: edition.date, pages: [dp] }, { standard: 'none' });
    fs.writeFileSync('/tmp/layout-test/page1.pdf', pdf);
    expect(layout.modules.length).toBeGreaterThan(5);
  });
});
