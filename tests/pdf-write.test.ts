import { describe, expect, test } from 'vitest';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument as LibDoc,
  PDFName,
  type PDFRawStream,
  type PDFString,
  decodePDFRawStream,
} from 'pdf-lib';
import { loadOutputProfile, writePdf } from '../src/pdf/index.js';
import { defaultImageSettings } from '../src/pdf/images.js';
import { shopProfile } from './fixtures/pdf/profiles.js';
import { PdfkitGlyphs } from '../src/pdf/glyphs.js';
import { extractText } from '../src/preview/index.js';
import { Sink } from '../src/diag/index.js';
import { doc, page, run, SENTENCE } from './fixtures/pdf/docs.js';

const allText = (pages: Awaited<ReturnType<typeof extractText>>): string =>
  pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');

async function pageContent(pdf: Buffer, i = 0): Promise<string> {
  const d = await LibDoc.load(pdf, { updateMetadata: false });
  const c = d.getPages()[i]!.node.lookup(PDFName.of('Contents'));
  return Buffer.from(decodePDFRawStream(c as PDFRawStream).decode()).toString('latin1');
}

describe('writePdf text', () => {
  test('Chinese sentence with punctuation and a —— ligature copies back exactly', async () => {
    const op = run(SENTENCE, 40, 60, 10.5);
    expect(op.glyphs.some((g) => g.text === '——')).toBe(true); // the font really ligates the double dash
    const pdf = await writePdf(doc([page([op])]));
    const pages = await extractText(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lines.map((l) => l.text)).toEqual([SENTENCE]);
  });

  test('every glyph sits at its dx (±0.05 pt), including justified spacing and a vertical offset', async () => {
    const text = '县城今日晴，气温28℃。';
    const op = run(text, 72.25, 100.5, 9.5, [0, 0, 0, 100], 1.37);
    op.glyphs[3] = { ...op.glyphs[3]!, dy: 2 };
    const pdf = await writePdf(doc([page([op])]));
    const chars = (await extractText(pdf))[0]!.lines.flatMap((l) => l.chars);
    expect(chars.map((c) => c.c).join('')).toBe(text);
    // One glyph per character here (no ligatures in this text).
    expect(op.glyphs).toHaveLength(chars.length);
    op.glyphs.forEach((g, i) => {
      const ch = chars[i]!;
      expect(Math.abs(ch.ox - (op.x + g.dx))).toBeLessThan(0.05);
      expect(Math.abs(ch.oy - (op.y - g.dy))).toBeLessThan(0.05);
      expect(Math.abs(ch.size - op.size)).toBeLessThan(0.01);
    });
  });

  test('a glyph set for two different texts extracts as each text (one CID per text, same outline)', async () => {
    const a = run('县', 40, 60);
    const b = { ...run('县', 60, 60), text: 'X' };
    b.glyphs[0] = { ...b.glyphs[0]!, text: 'X' };
    const c = run('县', 80, 60);
    const sink = new Sink();
    const pdf = await writePdf(doc([page([a, b, c])]), { sink });
    expect(sink.items.map((d) => d.code)).not.toContain('glyph-text-conflict');
    expect(allText(await extractText(pdf)).replace(/\s/g, '')).toBe('县X县');
  });

  test('⸺ and the —— ligature share a glyph in Noto CJK, yet each extracts as its own characters', async () => {
    const text = '甲⸺乙——丙⸺丁⸻戊';
    const op = run(text, 40, 60);
    const shaped = op.glyphs.map((g) => g.text);
    expect(shaped).toEqual(['甲', '⸺', '乙', '——', '丙', '⸺', '丁', '⸻', '戊']);
    expect(new Set([op.glyphs[1]!.gid, op.glyphs[3]!.gid]).size).toBe(1);
    const pdf = await writePdf(doc([page([op])]));
    expect(allText(await extractText(pdf)).replace(/\s/g, '')).toBe(text);
  });

  test('two pages share one font subset and both extract', async () => {
    const pdf = await writePdf(doc([page([run('第一版要闻', 40, 60)], 1), page([run('第二版综合', 40, 60)], 2)]));
    const pages = await extractText(pdf);
    expect(pages.map((p) => p.lines.map((l) => l.text).join(''))).toEqual(['第一版要闻', '第二版综合']);
    const d = await LibDoc.load(pdf);
    let type0 = 0;
    for (const [, o] of d.context.enumerateIndirectObjects())
      if (o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0')) type0++;
    expect(type0).toBe(1);
  });
});

describe('glyphs.ts byte level', () => {
  test('content stream, widths and ToUnicode written through pdfkit internals', async () => {
    const pdf = new PDFDocument({ autoFirstPage: false, compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((r) => pdf.on('end', () => r()));
    pdf.addPage({ size: [200, 200], margin: 0 });
    const g = new PdfkitGlyphs(pdf);
    const op = run('日——月', 10, 20, 10, [0, 0, 0, 100], 0.5);
    const content = g.glyphRun(op, 1);
    // The font's resource name at 10 pt (pdfkit's default Helvetica is F1, never used); flipped text matrix at the
    // run origin; CIDs 1..3 in order of first use; 0.5 pt extra after each glyph = -50/1000 em.
    expect(content).toBe(['/F2 10 Tf', '1 0 0 -1 10 20 Tm', '[<0001> -50 <0002> -50 <0003>] TJ'].join('\n'));
    pdf.addContent(`BT\n${content}\nET`);
    pdf.end();
    await ended;
    const s = Buffer.concat(chunks).toString('latin1');
    expect(s).toMatch(/\/Font <<\n\/F2 \d+ 0 R/);
    // W array: gid 0 + three glyphs, the ligature two em wide.
    expect(s).toMatch(/\/W \[0 \[1000 1000 2000 1000\]\]/);
    // ToUnicode: one bfchar per CID with text, CID 2 mapping to both dashes; nothing maps to U+0000 (.notdef).
    expect(s).toContain('3 beginbfchar\n<0001> <65e5>\n<0002> <20142014>\n<0003> <6708>\nendbfchar');
    expect(s).not.toMatch(/<0000>\s*<0000>/);
  });
});

describe('writePdf colour, boxes, labelling', () => {
  const sample = () =>
    doc([
      page([
        run('头版头条', 40, 60, 24, [0, 100, 100, 0]),
        run('正文一百K', 40, 90, 10),
        { kind: 'rect', x: 30, y: 120, w: 200, h: 40, fill: [0, 20, 60, 0] },
        { kind: 'rect', x: 30, y: 170, w: 200, h: 40, stroke: [0, 0, 0, 100], lineWidth: 0.5 },
        { kind: 'line', x1: 30, y1: 220, x2: 300, y2: 220, stroke: [0, 0, 0, 100], lineWidth: 0.25 },
        { kind: 'line', x1: 30, y1: 230, x2: 300, y2: 230, stroke: [0, 0, 0, 50], lineWidth: 1, dash: [3, 2] },
      ]),
    ]);

  test('CMYK operators only; 100% K text and rules overprint, others do not', async () => {
    const pdf = await writePdf(sample());
    const c = await pageContent(pdf);
    expect(c).not.toMatch(/\b(rg|RG)\b/);
    expect(c).not.toMatch(/DeviceRGB/);
    const blocks = c.split(/\nQ\n|\nQ$/);
    const red = blocks.find((b) => b.includes('0 1 1 0 k'))!;
    expect(red).not.toContain('/GsOP gs');
    const k = blocks.find((b) => b.includes('0 0 0 1 k') && b.includes('BT'))!;
    expect(k).toContain('/GsOP gs');
    expect(blocks.find((b) => b.includes('0.25 w'))).toContain('/GsOP gs');
    expect(blocks.find((b) => b.includes('0 0 0 0.5 K'))).not.toContain('/GsOP gs');
    expect(c).toContain('[3 2] 0 d');
    const d = await LibDoc.load(pdf);
    const gs = d
      .getPages()[0]!
      .node.Resources()!
      .lookup(PDFName.of('ExtGState'), PDFDict)
      .lookup(PDFName.of('GsOP'), PDFDict);
    expect(gs.get(PDFName.of('OP'))?.toString()).toBe('true');
    expect(gs.get(PDFName.of('op'))?.toString()).toBe('true');
    expect(gs.get(PDFName.of('OPM'))?.toString()).toBe('1');
    expect(gs.get(PDFName.of('ca'))).toBeUndefined();
    expect(gs.get(PDFName.of('CA'))).toBeUndefined();
  });

  test('PDF/X-1a:2001 labelling: header, boxes, Info, OutputIntent, ID, no object streams', async () => {
    const pdf = await writePdf(sample());
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    const s = pdf.toString('latin1');
    expect(s).not.toMatch(/\/ObjStm|\/XRef|\/UserUnit|\/Metadata/);
    const d = await LibDoc.load(pdf, { updateMetadata: false });
    const p = d.getPages()[0]!;
    // trim {x 9, y 9, w 560, h 425} on a 578 × 443 page, bleed 9 → BleedBox = MediaBox.
    expect(p.getTrimBox()).toEqual({ x: 9, y: 9, width: 560, height: 425 });
    expect(p.getBleedBox()).toEqual({ x: 0, y: 0, width: 578, height: 443 });
    const infoRef = d.context.trailerInfo.Info;
    const info = d.context.lookup(infoRef, PDFDict);
    for (const [, v] of info.entries()) expect(v.constructor.name).not.toBe('PDFRef');
    expect(d.getTitle()).toBe('测试日报 第1版');
    expect((info.get(PDFName.of('CreationDate')) as PDFString).asString()).toBe("D:20240703000000+08'00'");
    expect((info.get(PDFName.of('ModDate')) as PDFString).asString()).toBe("D:20240703000000+08'00'");
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    expect((info.get(PDFName.of('GTS_PDFXVersion')) as PDFString).asString()).toBe('PDF/X-1:2001');
    expect((info.get(PDFName.of('GTS_PDFXConformance')) as PDFString).asString()).toBe('PDF/X-1a:2001');
    const ois = d.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(ois.size()).toBe(1);
    const oi = ois.lookup(0, PDFDict);
    expect(oi.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect((oi.get(PDFName.of('OutputConditionIdentifier')) as PDFString).asString()).toBe('CGATS TR 002');
    expect((oi.get(PDFName.of('RegistryName')) as PDFString).asString()).toBe('http://www.color.org');
    expect(oi.get(PDFName.of('OutputCondition'))).toBeDefined();
    expect(oi.get(PDFName.of('Info'))).toBeDefined();
    expect(oi.get(PDFName.of('DestOutputProfile'))).toBeUndefined();
    expect(d.context.trailerInfo.ID).toBeDefined();
  });

  test('deterministic: same input, same bytes (x1a, x4 and none)', async () => {
    for (const standard of ['x1a', 'x4', 'none'] as const) {
      const a = await writePdf(sample(), { standard });
      const b = await writePdf(sample(), { standard });
      expect(a.equals(b)).toBe(true);
    }
  });

  test('different pages get different /ID and different subset tags', async () => {
    const a = await writePdf(doc([page([run('第一版', 40, 60)])]));
    const b = await writePdf(doc([page([run('第二版', 40, 60)])]));
    const id = (p: Buffer) => /\/ID \[\s*<([0-9A-F]+)>/.exec(p.toString('latin1'))?.[1];
    const tag = (p: Buffer) => /\/BaseFont \/([A-Z]{6})\+NotoSerifSC/.exec(p.toString('latin1'))?.[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
    expect(tag(a)).toMatch(/^[A-Z]{6}$/);
    expect(tag(a)).not.toBe(tag(b));
    expect(a.toString('latin1')).not.toMatch(/[BC]ZZZZZ\+/);
  });

  test('x4: header 1.6, XMP, labelled PDF/X-4 with the default newsprint profile embedded; passes preflight', async () => {
    const sink = new Sink();
    const pdf = await writePdf(sample(), { standard: 'x4', sink });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
    const s = pdf.toString('latin1');
    expect(s).toContain('/Metadata');
    expect(s).toContain('(PDF/X-4)');
    expect(s).toContain('/DestOutputProfile');
    expect(s).toContain('(CGATS TR 002)');
    expect(sink.errors).toEqual([]);
    const { preflight } = await import('../src/pdf/preflight.js');
    expect((await preflight(pdf)).checks.filter((c) => !c.ok)).toEqual([]);
  });

  test('none: pdfkit output without the PDF/X pass, still CMYK', async () => {
    const pdf = await writePdf(sample(), { standard: 'none' });
    expect(pdf.toString('latin1')).not.toContain('GTS_PDFX');
    expect(await pageContent(pdf)).not.toMatch(/\b(rg|RG)\b/);
  });

  test('font program is the FontFile2 pdfkit wrote (never re-embedded by pdf-lib)', async () => {
    const pdf = await writePdf(doc([page([run('字', 40, 60)])]));
    const d = await LibDoc.load(pdf);
    let found = 0;
    for (const [, o] of d.context.enumerateIndirectObjects()) {
      if (!(o instanceof PDFDict) || o.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const ff = o.lookup(PDFName.of('FontFile2')) as PDFRawStream;
      const ttf = zlib.inflateSync(Buffer.from(ff.contents));
      // fontkit subset with the OpenType sfnt version 0x00010000 (not Apple's 'true', which old RIPs reject).
      expect([...ttf.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      found++;
    }
    expect(found).toBe(1);
  });
});

describe('edge cases', () => {
  test('a glyph with no text of its own keeps the file valid, the other text exact, and is reported', async () => {
    const op = run('日月', 40, 60);
    op.glyphs.push({ ...op.glyphs[1]!, gid: op.glyphs[1]!.gid + 1, dx: op.glyphs[1]!.dx + 10, text: '' });
    const sink = new Sink();
    const pdf = await writePdf(doc([page([op])]), { sink });
    expect(sink.items.map((d) => d.code)).toEqual(['glyph-without-text']);
    const pages = await extractText(pdf);
    // MuPDF shows an unmapped/empty ToUnicode entry as U+FFFD.
    expect(pages[0]!.lines.map((l) => l.text).join('')).toBe('日月\ufffd');
    const { preflight } = await import('../src/pdf/preflight.js');
    expect((await preflight(pdf)).ok).toBe(true);
  });

  test("the shop's own (unregistered) profile is named by the intent and embedded, in X-1a and X-4", async () => {
    const images = { ...defaultImageSettings(), profile: loadOutputProfile(shopProfile()) };
    const { preflight } = await import('../src/pdf/preflight.js');
    for (const standard of ['x1a', 'x4'] as const) {
      const pdf = await writePdf(doc([page([run('字', 40, 60)])]), { standard, images });
      const s = pdf.toString('latin1');
      expect(s).toContain('(Shop newspaper 26 coldset \\(test\\))');
      expect(s).not.toContain('CGATS TR 002');
      expect(s).toContain('/DestOutputProfile');
      expect(s).not.toContain('/RegistryName');
      expect((await preflight(pdf)).checks.filter((c) => !c.ok)).toEqual([]);
    }
  });
});

describe('ink limit of drawn colours', () => {
  test('a colour over the limit is reported once and drawn within it, K kept', async () => {
    const sink = new Sink();
    const over = {
      kind: 'rect' as const,
      x: 30,
      y: 30,
      w: 100,
      h: 40,
      fill: [100, 100, 100, 100] as [number, number, number, number],
    };
    const pdf = await writePdf(doc([page([over, { ...over, y: 100 }, run('字', 40, 200)])]), { sink });
    const d = sink.errors.filter((e) => e.code === 'colour-over-ink-limit');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/100\/100\/100\/100 has 400 % total ink, over the 240 % limit/);
    expect(await pageContent(pdf)).toContain('0.467 0.467 0.467 1 k');
    const { preflight } = await import('../src/pdf/preflight.js');
    expect((await preflight(pdf)).checks.filter((c) => !c.ok)).toEqual([]);
  });
});
