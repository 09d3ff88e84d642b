/**
 * The preflight's view of a page's resources: fonts (embedded, ToUnicode), colour spaces (allowed families,
 * registration colour), graphics states (transparency, transfer functions), image and form XObjects (filters,
 * masks, OPI), plus the small PDF object helpers the other preflight files share.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import type { ImageInk } from './preflight-images.js';
import type { PreflightOptions, Report } from './preflight-report.js';

export const N = (s: string): PDFName => PDFName.of(s);

export function text(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

export function numbers(a: PDFObject | undefined): number[] | undefined {
  if (!(a instanceof PDFArray)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < a.size(); i++) {
    const v = a.lookup(i);
    if (!(v instanceof PDFNumber)) return undefined;
    out.push(v.asNumber());
  }
  return out;
}

/** Normalised box [llx, lly, urx, ury]. */
export function box(a: PDFObject | undefined): [number, number, number, number] | undefined {
  const n = numbers(a);
  if (n?.length !== 4) return undefined;
  const [a0, a1, a2, a3] = n as [number, number, number, number];
  return [Math.min(a0, a2), Math.min(a1, a3), Math.max(a0, a2), Math.max(a1, a3)];
}
export const inside = (i: number[], o: number[], eps = 0.01): boolean =>
  i[0]! >= o[0]! - eps && i[1]! >= o[1]! - eps && i[2]! <= o[2]! + eps && i[3]! <= o[3]! + eps;

/** Page attribute with inheritance through /Parent. */
export function inherited(page: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    const v = node.lookup(N(key));
    if (v !== undefined) return v;
    const parent: PDFObject | undefined = node.lookup(N('Parent'));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

export function streamBytes(s: PDFObject | undefined): Uint8Array | null {
  if (!(s instanceof PDFRawStream)) return null;
  try {
    return decodePDFRawStream(s).decode();
  } catch {
    return null;
  }
}

export const BAD_SPACES_X1A = new Set(['DeviceRGB', 'CalRGB', 'CalGray', 'Lab', 'ICCBased', 'RGB']);

export interface Ctx {
  r: Report;
  x4: boolean;
  opts: Required<PreflightOptions>;
  seenStreams: Set<PDFObject>;
  seenFonts: Set<PDFDict>;
  pageNo: number;
  /** Ink of each image object measured (once per object, however often it is placed). */
  imageInk: Map<PDFObject, Promise<ImageInk | null>>;
  /** Image placements whose ink is checked once measured. */
  inkChecks: Array<{ ink: Promise<ImageInk | null>; page: number; object: string }>;
}

/** Name of a colour space object's family, e.g. DeviceRGB, ICCBased, Separation. */
export function spaceFamily(cs: PDFObject | undefined): string {
  if (cs instanceof PDFName) return cs.decodeText();
  if (cs instanceof PDFArray) {
    const f = cs.lookup(0);
    if (f instanceof PDFName) return f.decodeText();
  }
  return '?';
}

export function checkColorSpace(cs: PDFObject | undefined, where: string, c: Ctx, depth = 0): void {
  if (cs === undefined || depth > 4) return;
  const fam = spaceFamily(cs);
  const page = c.pageNo || null;
  if (!c.x4 && BAD_SPACES_X1A.has(fam)) c.r.fail('colour-spaces', page, where, `${fam} colour space`);
  if (c.x4 && (fam === 'DeviceRGB' || fam === 'RGB'))
    c.r.fail('colour-spaces', page, where, `${fam} colour space with a CMYK output intent`);
  if (cs instanceof PDFArray) {
    if (fam === 'Indexed') checkColorSpace(cs.lookup(1), `${where} Indexed base`, c, depth + 1);
    if (fam === 'Separation' || fam === 'DeviceN') {
      if (isRegistration(cs)) c.r.fail('registration-colour', page, where, `${fam} colour space /All (registration)`);
      checkColorSpace(cs.lookup(2), `${where} ${fam} alternate`, c, depth + 1);
    }
    if (fam === 'Pattern' && cs.size() > 1) checkColorSpace(cs.lookup(1), `${where} Pattern base`, c, depth + 1);
  }
}

/** A Separation /All or a DeviceN naming All: the registration colour, printed on every plate. */
export function isRegistration(cs: PDFObject | undefined): boolean {
  if (!(cs instanceof PDFArray)) return false;
  const fam = spaceFamily(cs);
  const names = cs.lookup(1);
  if (fam === 'Separation') return names === N('All');
  if (fam === 'DeviceN' && names instanceof PDFArray)
    for (let i = 0; i < names.size(); i++) if (names.lookup(i) === N('All')) return true;
  return false;
}

function checkExtGState(gs: PDFDict, name: string, c: Ctx): void {
  for (const key of ['ca', 'CA', 'SMask', 'BM', 'TK', 'AIS']) {
    const v = gs.lookup(N(key));
    if (v === undefined) continue;
    if (!c.x4) c.r.fail('transparency', c.pageNo || null, `ExtGState /${name}`, `has /${key}`);
    else {
      const opaque =
        (key === 'ca' || key === 'CA' ? v instanceof PDFNumber && v.asNumber() === 1 : false) ||
        (key === 'SMask' && v === N('None')) ||
        (key === 'BM' && (v === N('Normal') || v === N('Compatible')));
      if (!opaque)
        c.r.fail(
          'transparency',
          c.pageNo || null,
          `ExtGState /${name}`,
          `has /${key}: live transparency (fine in PDF/X-4, but flattened by the RIP)`,
        );
    }
  }
  for (const key of ['TR', 'TR2', 'HTP'])
    if (gs.lookup(N(key)) !== undefined && !(c.x4 && key === 'TR2' && gs.lookup(N(key)) === N('Default')))
      c.r.fail('transfer-halftone', c.pageNo || null, `ExtGState /${name}`, `has /${key}`);
}

export function checkFont(font: PDFDict, name: string, c: Ctx): void {
  if (c.seenFonts.has(font)) return;
  c.seenFonts.add(font);
  const sub = font.lookup(N('Subtype'));
  const base = font.lookup(N('BaseFont'));
  const label = `font ${base instanceof PDFName ? base.decodeText() : name}`;
  if (sub === N('Type3')) return;
  let fd: PDFObject | undefined;
  if (sub === N('Type0')) {
    const desc = font.lookup(N('DescendantFonts'));
    const d0 = desc instanceof PDFArray ? desc.lookup(0) : undefined;
    fd = d0 instanceof PDFDict ? d0.lookup(N('FontDescriptor')) : undefined;
  } else fd = font.lookup(N('FontDescriptor'));
  const embedded =
    fd instanceof PDFDict &&
    ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd instanceof PDFDict && fd.lookup(N(k)) instanceof PDFStream);
  if (!embedded) c.r.fail('fonts-embedded', c.pageNo || null, label, 'not embedded');
  if (!(font.lookup(N('ToUnicode')) instanceof PDFStream))
    c.r.fail('fonts-tounicode', c.pageNo || null, label, 'no ToUnicode CMap');
}

/** Check a resource dictionary (fonts, colour spaces, ExtGStates, images, forms) and return it for the scan. */
export function checkResources(res: PDFDict | undefined, c: Ctx): void {
  if (!res) return;
  const fonts = res.lookup(N('Font'));
  if (fonts instanceof PDFDict)
    for (const [k, v] of fonts.entries()) {
      const f = v instanceof PDFRef ? fonts.context.lookup(v) : v;
      if (f instanceof PDFDict) checkFont(f, k.decodeText(), c);
    }
  const spaces = res.lookup(N('ColorSpace'));
  if (spaces instanceof PDFDict)
    for (const [k] of spaces.entries()) checkColorSpace(spaces.lookup(k), `colour space /${k.decodeText()}`, c);
  const gss = res.lookup(N('ExtGState'));
  if (gss instanceof PDFDict)
    for (const [k] of gss.entries()) {
      const g = gss.lookup(k);
      if (g instanceof PDFDict) checkExtGState(g, k.decodeText(), c);
    }
  const xo = res.lookup(N('XObject'));
  if (xo instanceof PDFDict)
    for (const [k] of xo.entries()) {
      const x = xo.lookup(k);
      if (!(x instanceof PDFStream)) continue;
      const d = x.dict;
      const st = d.lookup(N('Subtype'));
      if (st === N('Image')) {
        if (d.lookup(N('SMask')) !== undefined && !c.x4)
          c.r.fail('transparency', c.pageNo || null, `image /${k.decodeText()}`, 'has an SMask (soft mask)');
        const mask = d.lookup(N('ImageMask'));
        // Stencil masks have no colour space of their own.
        if (!(mask instanceof PDFBool && mask.asBoolean()))
          checkColorSpace(d.lookup(N('ColorSpace')), `image /${k.decodeText()}`, c);
        const filters = d.lookup(N('Filter'));
        const fl =
          filters instanceof PDFArray
            ? Array.from({ length: filters.size() }, (_, i) => spaceFamily(filters.lookup(i)))
            : filters instanceof PDFName
              ? [filters.decodeText()]
              : [];
        for (const f of fl)
          if (!c.x4 && (f === 'JPXDecode' || f === 'JBIG2Decode'))
            c.r.fail('filters', c.pageNo || null, `image /${k.decodeText()}`, `uses ${f} (PDF 1.5)`);
        const bpc = d.lookup(N('BitsPerComponent'));
        if (!c.x4 && bpc instanceof PDFNumber && bpc.asNumber() === 16)
          c.r.fail('filters', c.pageNo || null, `image /${k.decodeText()}`, '16 bits per component');
        if (d.lookup(N('OPI')) !== undefined)
          c.r.fail('forbidden-content', c.pageNo || null, `image /${k.decodeText()}`, 'OPI');
        if (d.lookup(N('Alternates')) !== undefined)
          c.r.fail('forbidden-content', c.pageNo || null, `image /${k.decodeText()}`, 'Alternates');
      } else if (st === N('Form')) {
        const g = d.lookup(N('Group'));
        if (g instanceof PDFDict && g.lookup(N('S')) === N('Transparency') && !c.x4)
          c.r.fail('transparency', c.pageNo || null, `form /${k.decodeText()}`, 'transparency group');
        if (d.lookup(N('OPI')) !== undefined)
          c.r.fail('forbidden-content', c.pageNo || null, `form /${k.decodeText()}`, 'OPI');
        if (!c.seenStreams.has(x)) {
          c.seenStreams.add(x);
          const fr = d.lookup(N('Resources'));
          checkResources(fr instanceof PDFDict ? fr : undefined, c);
        }
      } else if (st === N('PS'))
        c.r.fail('forbidden-content', c.pageNo || null, `XObject /${k.decodeText()}`, 'PostScript');
    }
}
