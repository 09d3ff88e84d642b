/**
 * Preflight of any PDF (read back with pdf-lib): a table of checks (preflight-checks.ts: id, what, the rule of
 * ISO 15930 or GWG2015 it follows, severity), run over the file's structure and labelling, its output intent
 * and output condition, every page's boxes and resources, and everything its content streams draw (fills,
 * strokes, text, images, inline images: colour, ink, line width, resolution). Every finding names page and
 * object and is counted; PDF/X-4 files (GTS_PDFXVersion PDF/X-4) get the X-4 variants of the rules.
 */
import { PDFArray, PDFDict, PDFDocument } from 'pdf-lib';
import { COATED_WORDS, ICC_REGISTRY, registeredCondition } from './conditions.js';
import { parseIcc } from './icc.js';
import { IDENTITY, START_STATE, scanContent } from './preflight-content.js';
import { PREFLIGHT_DEFAULTS, type PreflightOptions, type PreflightResult, Report } from './preflight-report.js';
import {
  box,
  checkFont,
  checkResources,
  type Ctx,
  inherited,
  inside,
  N,
  streamBytes,
  text,
} from './preflight-resources.js';

export { CHECKS, type CheckSpec } from './preflight-checks.js';
export { SMALL_TEXT_PT } from './preflight-content.js';
export type { Finding, PreflightCheck, PreflightOptions, PreflightResult } from './preflight-report.js';
export { PREFLIGHT_DEFAULTS } from './preflight-report.js';

export async function preflight(pdf: Buffer, options: PreflightOptions = {}): Promise<PreflightResult> {
  const opts = { ...PREFLIGHT_DEFAULTS, ...options };
  const r = new Report();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    r.fail('parse', null, 'file', `cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    return r.result();
  }
  const ctx = doc.context;
  const latin = pdf.toString('latin1');

  // Labelling: which variant does the file claim?
  const trailer = ctx.trailerInfo;
  const infoObj = trailer.Info ? ctx.lookup(trailer.Info) : undefined;
  const info = infoObj instanceof PDFDict ? infoObj : undefined;
  const version = text(info?.lookup(N('GTS_PDFXVersion')));
  const x4 = version === 'PDF/X-4';
  const c: Ctx = {
    r,
    x4,
    opts,
    seenStreams: new Set(),
    seenFonts: new Set(),
    pageNo: 0,
    imageInk: new Map(),
    inkChecks: [],
  };

  // Header and file structure.
  r.check('header', `header ${latin.slice(0, 8)}`);
  const hv = /^%PDF-(\d)\.(\d)/.exec(latin.slice(0, 16));
  if (!hv) r.fail('header', null, 'header', 'no %PDF header');
  else {
    const v = Number(hv[1]) + Number(hv[2]) / 10;
    const max = x4 ? 1.6 : 1.3;
    if (v > max + 1e-9) r.fail('header', null, 'header', `%PDF-${hv[1]}.${hv[2]} is above ${max.toFixed(1)}`);
  }
  r.check('object-streams', 'no object or cross-reference streams');
  if (!x4 && /\/Type\s*\/ObjStm\b/.test(latin)) r.fail('object-streams', null, 'file', 'object streams (PDF 1.5)');
  if (!x4 && /\/Type\s*\/XRef\b/.test(latin))
    r.fail('object-streams', null, 'file', 'cross-reference stream (PDF 1.5)');
  r.check('encryption', 'not encrypted');
  if (trailer.Encrypt) r.fail('encryption', null, 'trailer', 'the file is encrypted');
  r.check('id', 'trailer /ID present');
  if (!(trailer.ID instanceof PDFArray) || trailer.ID.size() !== 2) r.fail('id', null, 'trailer', '/ID missing');

  // Info dictionary.
  r.check(
    'info',
    x4 ? 'Title, dates, Trapped, PDF/X-4 version' : 'Title, dates, Trapped, PDF/X-1:2001 + PDF/X-1a:2001',
  );
  if (!info) r.fail('info', null, 'Info', 'no Info dictionary');
  else {
    for (const k of ['Title', 'CreationDate', 'ModDate'])
      if (!text(info.lookup(N(k)))) r.fail('info', null, 'Info', `/${k} missing`);
    const trapped = info.lookup(N('Trapped'));
    if (!(trapped === N('True') || trapped === N('False')))
      r.fail(
        'info',
        null,
        'Info',
        `/Trapped must be the name /True or /False${trapped ? ` (is ${trapped.toString()})` : ''}`,
      );
    if (!x4) {
      if (version !== 'PDF/X-1:2001')
        r.fail(
          'info',
          null,
          'Info',
          `GTS_PDFXVersion is ${version ? `"${version}"` : 'missing'}, expected "PDF/X-1:2001"`,
        );
      const conf = text(info.lookup(N('GTS_PDFXConformance')));
      if (conf !== 'PDF/X-1a:2001')
        r.fail(
          'info',
          null,
          'Info',
          `GTS_PDFXConformance is ${conf ? `"${conf}"` : 'missing'}, expected "PDF/X-1a:2001"`,
        );
    } else if (info.lookup(N('GTS_PDFXConformance')) !== undefined)
      r.fail('info', null, 'Info', 'GTS_PDFXConformance must not be present in PDF/X-4');
  }
  if (x4) {
    r.check('xmp', 'XMP metadata with pdfxid:GTS_PDFXVersion');
    const meta = streamBytes(doc.catalog.lookup(N('Metadata')));
    if (!meta) r.fail('xmp', null, 'catalog', 'no XMP metadata stream');
    else if (!/pdfxid:GTS_PDFXVersion/.test(Buffer.from(meta).toString('utf8')))
      r.fail('xmp', null, 'XMP', 'no pdfxid:GTS_PDFXVersion');
  }

  // Output intent.
  r.check('output-intent', 'one GTS_PDFX output intent');
  const ois = doc.catalog.lookup(N('OutputIntents'));
  const gts: PDFDict[] = [];
  if (ois instanceof PDFArray)
    for (let i = 0; i < ois.size(); i++) {
      const o = ois.lookup(i);
      if (o instanceof PDFDict && o.lookup(N('S')) === N('GTS_PDFX')) gts.push(o);
    }
  if (gts.length !== 1)
    r.fail('output-intent', null, 'catalog', `${gts.length} GTS_PDFX output intents (need exactly one)`);
  for (const o of gts) {
    if (!text(o.lookup(N('OutputConditionIdentifier'))))
      r.fail('output-intent', null, 'output intent', 'OutputConditionIdentifier missing');
    const prof = o.lookup(N('DestOutputProfile'));
    if (!prof) {
      if (x4) r.fail('output-intent', null, 'output intent', 'PDF/X-4 needs an embedded DestOutputProfile');
      if (text(o.lookup(N('RegistryName'))) !== ICC_REGISTRY)
        r.fail('output-intent', null, 'output intent', `no DestOutputProfile and RegistryName is not ${ICC_REGISTRY}`);
      if (!text(o.lookup(N('Info')))) r.fail('output-intent', null, 'output intent', '/Info missing');
    } else {
      const p = streamBytes(prof);
      if (p && Buffer.from(p.subarray(12, 20)).toString('latin1') !== 'prtrCMYK')
        r.fail('output-intent', null, 'output intent', 'DestOutputProfile is not a CMYK output (prtr) profile');
    }
  }
  checkOutputCondition(gts, r);

  // Actions, JavaScript, forms.
  r.check('actions-annotations', 'no annotations, actions or forms');
  for (const k of ['OpenAction', 'AA', 'AcroForm'])
    if (doc.catalog.lookup(N(k)) !== undefined) r.fail('actions-annotations', null, 'catalog', `/${k}`);
  const names = doc.catalog.lookup(N('Names'));
  if (names instanceof PDFDict && names.lookup(N('JavaScript')) !== undefined)
    r.fail('actions-annotations', null, 'catalog', 'document JavaScript');

  // Pages.
  r.check('page-boxes', 'TrimBox on every page, nested in BleedBox/CropBox/MediaBox');
  r.check('fonts-embedded', 'all fonts embedded');
  r.check('fonts-tounicode', 'all fonts have ToUnicode');
  r.check('colour-spaces', x4 ? 'no DeviceRGB' : 'DeviceCMYK/Gray/Separation only');
  r.check('transparency', x4 ? 'no live transparency' : 'no transparency keys, SMasks or groups');
  r.check('black-text-overprint', '100% K text overprints');
  r.check('rich-black-text', 'no rich-black text');
  r.check('small-multi-ink-text', 'no multi-ink text below 9 pt');
  r.check('registration-colour', 'no registration colour');
  r.check('inline-images', 'no inline image in a forbidden colour space or filter');
  r.check('ink-limit-vector', `fills, strokes and text within ${opts.inkLimit} % total ink`);
  r.check('ink-limit-image', `image pixels within ${opts.inkLimit} % total ink`);
  r.check('image-resolution', `every image at ${opts.minPpi} ppi or more at its placed size`);
  r.check('image-resolution-low', `every image at ${opts.warnPpi} ppi or more at its placed size`);
  r.check('hairlines', `no stroke under ${opts.minLineWidth} pt`);
  r.check('thin-multi-ink-lines', 'no multi-ink stroke under 0.5 pt');
  doc.getPages().forEach((page, i) => {
    const node = page.node;
    c.pageNo = i + 1;
    const media = box(inherited(node, 'MediaBox'));
    const crop = box(inherited(node, 'CropBox'));
    const bleed = box(node.lookup(N('BleedBox')));
    const trim = box(node.lookup(N('TrimBox')));
    const art = box(node.lookup(N('ArtBox')));
    if (!media) r.fail('page-boxes', c.pageNo, 'page', 'no MediaBox');
    if (!trim && !art) r.fail('page-boxes', c.pageNo, 'page', 'no TrimBox');
    if (trim && art) r.fail('page-boxes', c.pageNo, 'page', 'both TrimBox and ArtBox');
    const inner = trim ?? art;
    const chain = [inner, bleed, crop, media].filter((b): b is [number, number, number, number] => b !== undefined);
    for (let j = 0; j + 1 < chain.length; j++)
      if (!inside(chain[j]!, chain[j + 1]!))
        r.fail(
          'page-boxes',
          c.pageNo,
          'page',
          `page boxes not nested (${chain[j]!.join(' ')} outside ${chain[j + 1]!.join(' ')})`,
        );
    const uu = node.lookup(N('UserUnit'));
    if (uu !== undefined && !x4) r.fail('page-boxes', c.pageNo, 'page', '/UserUnit (PDF 1.6)');
    const annots = node.lookup(N('Annots'));
    if (annots instanceof PDFArray && annots.size() > 0)
      r.fail('actions-annotations', c.pageNo, 'page', `${annots.size()} annotation(s)`);
    if (node.lookup(N('AA')) !== undefined) r.fail('actions-annotations', c.pageNo, 'page', 'page actions');
    const grp = node.lookup(N('Group'));
    if (grp instanceof PDFDict && grp.lookup(N('S')) === N('Transparency') && !x4)
      r.fail('transparency', c.pageNo, 'page', 'transparency group');
    const resObj = inherited(node, 'Resources');
    const res = resObj instanceof PDFDict ? resObj : undefined;
    checkResources(res, c);
    const contents = node.lookup(N('Contents'));
    const parts: Uint8Array[] = [];
    if (contents instanceof PDFArray) {
      for (let j = 0; j < contents.size(); j++) {
        const b = streamBytes(contents.lookup(j));
        if (b) parts.push(b, new Uint8Array([10]));
      }
    } else {
      const b = streamBytes(contents);
      if (b) parts.push(b);
    }
    scanContent(Buffer.concat(parts), res, { ...START_STATE, ctm: IDENTITY }, c);
  });

  // Every font object in the file, including ones not reached through page resources.
  c.pageNo = 0;
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (
      obj instanceof PDFDict &&
      obj.lookup(N('Type')) === N('Font') &&
      obj.lookup(N('Subtype')) !== N('CIDFontType2') &&
      obj.lookup(N('Subtype')) !== N('CIDFontType0')
    ) {
      checkFont(obj, 'unused font', c);
    }
  }
  // Image pixels, measured once per image object.
  for (const { ink, page, object } of c.inkChecks) {
    const v = await ink;
    if (v && v.p999 > opts.inkLimit + 0.5)
      r.fail(
        'ink-limit-image',
        page || null,
        object,
        `${Math.round(v.p999)} % total ink (99.9th percentile; largest ${Math.round(v.max)} %), over ${opts.inkLimit} %`,
      );
  }
  return r.result();
}

/**
 * The output condition must be newsprint: a registered newsprint reference name, or an unregistered one with the
 * shop's profile embedded. A coated-paper condition (FOGRA39, SWOP, …) fails whether or not a profile is embedded.
 */
function checkOutputCondition(intents: PDFDict[], r: Report): void {
  r.check('output-condition', 'a newsprint output condition');
  for (const o of intents) {
    const id = text(o.lookup(N('OutputConditionIdentifier'))) ?? '';
    const words = `${id} ${text(o.lookup(N('OutputCondition'))) ?? ''} ${text(o.lookup(N('Info'))) ?? ''}`;
    const bytes = streamBytes(o.lookup(N('DestOutputProfile')));
    let desc: string | null = null;
    if (bytes)
      try {
        desc = parseIcc(Buffer.from(bytes)).description;
      } catch {
        desc = null;
      }
    const reg = registeredCondition(id);
    const where = `output intent "${id}"`;
    if (reg && !reg.newsprint)
      r.fail('output-condition', null, where, `a registered condition for ${reg.what}, not newsprint`);
    else if (!reg && !bytes)
      r.fail('output-condition', null, where, 'not a registered reference name, and no profile is embedded');
    else if (COATED_WORDS.test(words) || (desc !== null && COATED_WORDS.test(desc)))
      r.fail('output-condition', null, where, `describes coated paper (${desc ?? words.trim()})`);
    else if (bytes && desc === null)
      r.fail('output-condition', null, where, 'the embedded DestOutputProfile is not a readable ICC profile');
  }
}
