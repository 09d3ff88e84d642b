/**
 * The pdf-lib pass that turns pdfkit's output into a labelled print file (PDF/X-1a:2001 by default). It never
 * embeds or touches font programs (pdf-lib's fontkit fork corrupts CJK subsets); it only edits dictionaries.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { DisplayDocument } from '../paint/display.js';
import { fail } from '../diag/index.js';
import { ICC_REGISTRY } from './conditions.js';
import type { OutputProfile } from './profile.js';

export interface EditionDate {
  js: Date;
  /** `D:20240703000000+08'00'` */
  pdf: string;
  /** `2024-07-03T00:00:00+08:00` (XMP) */
  iso: string;
}

/** The edition date as fixed timestamps (midnight Beijing time unless the string carries a time and offset). */
export function editionDate(date: string): EditionDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(date.trim());
  if (!m)
    return fail(
      'bad-edition-date',
      `edition date "${date}" is not an ISO date`,
      {},
      'write the date as YYYY-MM-DD, e.g. 2024-07-03',
    );
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', zone = '+08:00'] = m;
  const off = zone === 'Z' ? '+00:00' : zone;
  const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss}${off}`;
  const js = new Date(iso);
  if (Number.isNaN(js.getTime()))
    return fail(
      'bad-edition-date',
      `edition date "${date}" is not a valid date`,
      {},
      'write the date as YYYY-MM-DD, e.g. 2024-07-03',
    );
  const pdf = `D:${y}${mo}${d}${hh}${mi}${ss}${off === '+00:00' && zone === 'Z' ? 'Z' : `${off.slice(0, 3)}'${off.slice(4)}'`}`;
  return { js, pdf, iso };
}

/** A PDF text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE hex with BOM. */
const textString = (s: string): PDFObject =>
  /^[\x20-\x7e]*$/.test(s) ? PDFString.of(s.replace(/([()\\])/g, '\\$1')) : PDFHexString.fromText(s);

const sha256 = (b: Uint8Array | string): Buffer => createHash('sha256').update(b).digest();

/** Six upper-case letters from a hash (subset tag). */
const tagFrom = (h: Buffer): string => Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Label pdfkit's output: page boxes, subset tags, Info, one GTS_PDFX output intent naming the condition of
 * `profile` (the one the photos were separated with), the trailer ID and, for PDF/X-4, XMP metadata. The profile
 * is embedded as DestOutputProfile when the variant needs it: always in PDF/X-4 (ISO 15930-7 §6.2.4), in
 * PDF/X-1a when its condition is not a registered reference name (ISO 15930-1 §6.4).
 */
export async function postProcess(
  raw: Buffer,
  display: DisplayDocument,
  standard: 'x1a' | 'x4',
  profile: OutputProfile,
): Promise<Buffer> {
  const date = editionDate(display.date);
  const pdf = await PDFDocument.load(raw, { updateMetadata: false });
  const ctx = pdf.context;

  // Page boxes; pdfkit's /UserUnit (PDF 1.6) goes.
  pdf.getPages().forEach((page, i) => {
    const dp = display.pages[i];
    page.node.delete(PDFName.of('UserUnit'));
    if (!dp) return;
    const H = dp.height;
    const t = dp.trim;
    page.setTrimBox(t.x, H - t.y - t.h, t.w, t.h);
    const x0 = Math.max(0, t.x - dp.bleed);
    const y0 = Math.max(0, H - t.y - t.h - dp.bleed);
    const x1 = Math.min(dp.width, t.x + t.w + dp.bleed);
    const y1 = Math.min(H, H - t.y + dp.bleed);
    page.setBleedBox(x0, y0, x1 - x0, y1 - y0);
  });

  // Unique subset tags: a hash of each embedded font program.
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const desc = obj.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const fd = desc.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const ff =
      fd.lookup(PDFName.of('FontFile2')) ?? fd.lookup(PDFName.of('FontFile3')) ?? fd.lookup(PDFName.of('FontFile'));
    if (!(ff instanceof PDFRawStream)) continue;
    const base = (desc.lookup(PDFName.of('BaseFont'), PDFName).decodeText() ?? '').replace(/^[A-Z]{6}\+/, '');
    const name = PDFName.of(`${tagFrom(sha256(ff.contents))}+${base}`);
    obj.set(PDFName.of('BaseFont'), name);
    desc.set(PDFName.of('BaseFont'), name);
    fd.set(PDFName.of('FontName'), name);
  }

  // Info: direct values, dates pinned to the edition, Trapped as a name, the PDF/X keys.
  const trailer = ctx.trailerInfo;
  const oldInfo = trailer.Info;
  if (oldInfo instanceof PDFRef) {
    const d = ctx.lookup(oldInfo);
    if (d instanceof PDFDict) for (const [, v] of d.entries()) if (v instanceof PDFRef) ctx.delete(v);
    ctx.delete(oldInfo);
  }
  const info: Record<string, PDFObject> = {
    Title: textString(display.title),
    Creator: PDFString.of('banmian'),
    Producer: PDFString.of('banmian (pdfkit, pdf-lib)'),
    CreationDate: PDFString.of(date.pdf),
    ModDate: PDFString.of(date.pdf),
    Trapped: PDFName.of('False'),
  };
  if (standard === 'x1a') {
    info.GTS_PDFXVersion = PDFString.of('PDF/X-1:2001');
    info.GTS_PDFXConformance = PDFString.of('PDF/X-1a:2001');
  } else info.GTS_PDFXVersion = PDFString.of('PDF/X-4');
  trailer.Info = ctx.register(ctx.obj(info));

  // One GTS_PDFX output intent, for the profile the photos were separated with.
  const oi: Record<string, PDFObject> = {
    Type: PDFName.of('OutputIntent'),
    S: PDFName.of('GTS_PDFX'),
    OutputConditionIdentifier: textString(profile.identifier),
    OutputCondition: textString(profile.condition),
    Info: textString(profile.info),
  };
  if (profile.registered) oi.RegistryName = PDFString.of(ICC_REGISTRY);
  if (standard === 'x4' || !profile.registered)
    oi.DestOutputProfile = ctx.register(ctx.flateStream(profile.icc.bytes, { N: 4 }));
  pdf.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(ctx.obj(oi))]));

  // ID from the content (pdfkit's is a hash of Info only, equal across pages).
  const id = sha256(raw).subarray(0, 16).toString('hex').toUpperCase();
  trailer.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  if (standard === 'x4') {
    const xmp = xmpPacket(display.title, date.iso, id, 'PDF/X-4');
    pdf.catalog.set(
      PDFName.of('Metadata'),
      ctx.register(ctx.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' })),
    );
  }

  const out = Buffer.from(
    await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }),
  );
  // pdf-lib always writes %PDF-1.7; same length, so offsets stay valid.
  out[7] = (standard === 'x1a' ? '3' : '6').charCodeAt(0);
  return out;
}

function xmpPacket(title: string, iso: string, id: string, pdfx: string | null): string {
  const uuid =
    `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`.toLowerCase();
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${pdfx ? '\n    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"' : ''}>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
   <xmp:CreatorTool>banmian</xmp:CreatorTool>
   <xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdf:Producer>banmian (pdfkit, pdf-lib)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>${pdfx ? `\n   <pdfxid:GTS_PDFXVersion>${pdfx}</pdfxid:GTS_PDFXVersion>` : ''}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
