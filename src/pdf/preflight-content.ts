/**
 * The preflight's scan of what a page draws: content streams (and the forms they call) read with the graphics
 * state tracked — CTM, fill and stroke colour, line width, overprint, text size — so that each painting
 * operator is checked where it paints: text overprint, rich-black and small multi-ink text, total ink of fills,
 * strokes and text, line widths, and every image placement (its effective resolution and its pixels' ink).
 */
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import { type Tok, INLINE_NAMES, lex } from './content-lexer.js';
import { type ImageInk, imageInk, type RawImage } from './preflight-images.js';
import {
  N,
  BAD_SPACES_X1A,
  type Ctx,
  isRegistration,
  numbers,
  spaceFamily,
  streamBytes,
} from './preflight-resources.js';

/** Text below this effective size must use one ink (newsprint registration; GWG2015 "small text"). */
export const SMALL_TEXT_PT = 9;
/** Strokes under this width should use one ink (GWG2015 effective line width, multi-ink). */
export const MULTI_INK_LINE_PT = 0.5;

export type Matrix = [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

export interface GState {
  ctm: Matrix;
  /** Fill colour as inks 0–1 when known (CMYK, or grey as K); null for other spaces. */
  fill: number[] | null;
  fillSpace: string;
  stroke: number[] | null;
  strokeSpace: string;
  lineWidth: number;
  op: boolean;
}

export const START_STATE: GState = {
  ctm: IDENTITY,
  fill: [0, 0, 0, 1],
  fillSpace: 'DeviceGray',
  stroke: [0, 0, 0, 1],
  strokeSpace: 'DeviceGray',
  lineWidth: 1,
  op: false,
};

const inkCount = (f: number[]): number => f.filter((v) => v > 0.005).length;
const pct = (f: number[]): string => f.map((v) => Math.round(v * 100)).join('/');
const total = (f: number[]): number => f.reduce((a, b) => a + b, 0) * 100;

/** Inks of a colour given by operands in a colour space family; null when not CMYK or grey. */
function inks(space: string, n: number[]): number[] | null {
  if (space === 'DeviceCMYK' && n.length >= 4) return n.slice(-4);
  if (space === 'DeviceGray' && n.length >= 1) return [0, 0, 0, 1 - n[n.length - 1]!];
  return null;
}

const RGB_FAMILIES = new Set(['DeviceRGB', 'CalRGB', 'Lab', 'ICCBased', 'CalGray']);

/** Scan one content stream with its resources. */
export function scanContent(bytes: Uint8Array, res: PDFDict | undefined, start: GState, c: Ctx, depth = 0): void {
  let gs: GState = { ...start };
  const stack: GState[] = [];
  let ops: Tok[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fontSize = 0;
  const page = c.pageNo || null;
  const { inkLimit, minLineWidth } = c.opts;
  const lookupRes = (cat: string, name: string): PDFObject | undefined => {
    const d = res?.lookup(N(cat));
    return d instanceof PDFDict ? d.lookup(N(name)) : undefined;
  };
  const nums = (): number[] => ops.filter((t): t is { t: 'num'; v: number } => t.t === 'num').map((t) => t.v);
  const lastName = (): string | undefined => {
    for (let i = ops.length - 1; i >= 0; i--) {
      const t = ops[i]!;
      if (t.t === 'name') return t.v;
    }
    return undefined;
  };
  const inkOk = (f: number[] | null, what: string): void => {
    if (f && total(f) > inkLimit + 0.5)
      c.r.fail(
        'ink-limit-vector',
        page,
        `${what} ${pct(f)}`,
        `${Math.round(total(f))} % total ink, over ${inkLimit} %`,
      );
  };
  const fillPaint = (what: string): void => inkOk(gs.fill, what);
  const strokePaint = (): void => {
    inkOk(gs.stroke, 'stroke');
    const m = gs.ctm;
    const w = gs.lineWidth * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
    if (w < minLineWidth - 1e-6)
      c.r.fail(
        'hairlines',
        page,
        `stroke ${gs.stroke ? pct(gs.stroke) : gs.strokeSpace}`,
        `${Number(w.toFixed(3))} pt wide, under ${minLineWidth} pt`,
      );
    else if (w < MULTI_INK_LINE_PT - 1e-6 && gs.stroke && inkCount(gs.stroke) > 1)
      c.r.fail(
        'thin-multi-ink-lines',
        page,
        `stroke ${pct(gs.stroke)}`,
        `${Number(w.toFixed(3))} pt in ${inkCount(gs.stroke)} inks`,
      );
  };
  const showText = (): void => {
    const m = mul(mul([fontSize, 0, 0, fontSize, 0, 0], tm), gs.ctm);
    const size = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
    const f = gs.fill;
    if (!f) {
      if (gs.fillSpace !== 'Separation' && gs.fillSpace !== 'DeviceN')
        c.r.fail('colour-spaces', page, 'text', `text in ${gs.fillSpace}`);
      return;
    }
    inkOk(f, 'text');
    const [cc, mm, yy, kk] = f as [number, number, number, number];
    const soloK = cc <= 0.005 && mm <= 0.005 && yy <= 0.005;
    if (soloK && kk >= 0.995 && !gs.op)
      c.r.fail('black-text-overprint', page, 'text 0/0/0/100', `${size.toFixed(1)} pt text does not overprint`);
    if (!soloK && kk >= 0.8)
      c.r.fail('rich-black-text', page, `text ${pct(f)}`, `rich-black text at ${size.toFixed(1)} pt`);
    else if (inkCount(f) > 1 && size < SMALL_TEXT_PT)
      c.r.fail('small-multi-ink-text', page, `text ${pct(f)}`, `${size.toFixed(1)} pt text in ${inkCount(f)} inks`);
  };
  const setSpace = (name: string, fill: boolean): void => {
    let fam = name;
    let obj: PDFObject | undefined;
    if (!['DeviceRGB', 'DeviceCMYK', 'DeviceGray', 'Pattern'].includes(name)) {
      obj = lookupRes('ColorSpace', name);
      fam = spaceFamily(obj);
    }
    if (RGB_FAMILIES.has(fam) && (!c.x4 || fam === 'DeviceRGB'))
      c.r.fail('colour-spaces', page, `colour space /${name}`, `selects ${fam} for ${fill ? 'fills' : 'strokes'}`);
    if (isRegistration(obj))
      c.r.fail(
        'registration-colour',
        page,
        `colour space /${name}`,
        `registration colour selected for ${fill ? 'fills' : 'strokes'}`,
      );
    const initial = fam === 'DeviceCMYK' || fam === 'DeviceGray' ? [0, 0, 0, 1] : null;
    if (fill) {
      gs.fillSpace = fam;
      gs.fill = initial;
    } else {
      gs.strokeSpace = fam;
      gs.stroke = initial;
    }
  };
  const placeImage = (object: string, img: RawImage | null, ink: Promise<ImageInk | null> | null): void => {
    if (!img) return;
    // the image space's unit square maps to the page through the CTM: its sides are the placed size
    const m = gs.ctm;
    const wIn = Math.hypot(m[0], m[1]) / 72;
    const hIn = Math.hypot(m[2], m[3]) / 72;
    if (wIn > 0 && hIn > 0) {
      const ppi = Math.min(img.width / wIn, img.height / hIn);
      const size = `${img.width}×${img.height} px over ${(wIn * 72).toFixed(0)}×${(hIn * 72).toFixed(0)} pt`;
      if (ppi < c.opts.minPpi - 0.5)
        c.r.fail('image-resolution', page, object, `${Math.round(ppi)} ppi (${size}), under ${c.opts.minPpi} ppi`);
      else if (ppi < c.opts.warnPpi - 0.5)
        c.r.fail('image-resolution-low', page, object, `${Math.round(ppi)} ppi (${size}), under ${c.opts.warnPpi} ppi`);
    }
    if (ink) c.inkChecks.push({ ink, page: c.pageNo, object });
  };
  for (const tok of lex(bytes)) {
    if (tok.t === 'inline') {
      placeImage('inline image', inlineImage(tok.params, tok.data, c, lookupRes), null);
      ops = [];
      continue;
    }
    if (tok.t !== 'op') {
      ops.push(tok);
      continue;
    }
    const n = nums();
    switch (tok.v) {
      case 'q':
        stack.push({ ...gs });
        break;
      case 'Q':
        gs = stack.pop() ?? gs;
        break;
      case 'cm':
        if (n.length >= 6) gs.ctm = mul(n.slice(-6) as Matrix, gs.ctm);
        break;
      case 'w':
        if (n.length >= 1) gs.lineWidth = n[n.length - 1]!;
        break;
      case 'gs': {
        const name = lastName();
        const g = name ? lookupRes('ExtGState', name) : undefined;
        if (g instanceof PDFDict) {
          const OP = g.lookup(N('OP'));
          const op = g.lookup(N('op'));
          if (op instanceof PDFBool) gs.op = op.asBoolean();
          else if (OP instanceof PDFBool) gs.op = OP.asBoolean();
          const lw = g.lookup(N('LW'));
          if (lw instanceof PDFNumber) gs.lineWidth = lw.asNumber();
        }
        break;
      }
      case 'rg':
      case 'RG':
        c.r.fail('colour-spaces', page, `${tok.v} operator`, 'DeviceRGB colour');
        if (tok.v === 'rg') {
          gs.fill = null;
          gs.fillSpace = 'DeviceRGB';
        } else {
          gs.stroke = null;
          gs.strokeSpace = 'DeviceRGB';
        }
        break;
      case 'k':
        gs.fill = n.slice(-4);
        gs.fillSpace = 'DeviceCMYK';
        break;
      case 'K':
        gs.stroke = n.slice(-4);
        gs.strokeSpace = 'DeviceCMYK';
        break;
      case 'g':
        gs.fill = [0, 0, 0, 1 - (n[n.length - 1] ?? 0)];
        gs.fillSpace = 'DeviceGray';
        break;
      case 'G':
        gs.stroke = [0, 0, 0, 1 - (n[n.length - 1] ?? 0)];
        gs.strokeSpace = 'DeviceGray';
        break;
      case 'cs':
      case 'CS':
        setSpace(lastName() ?? '', tok.v === 'cs');
        break;
      case 'sc':
      case 'scn':
        gs.fill = inks(gs.fillSpace, n);
        break;
      case 'SC':
      case 'SCN':
        gs.stroke = inks(gs.strokeSpace, n);
        break;
      case 'f':
      case 'F':
      case 'f*':
        fillPaint('fill');
        break;
      case 'S':
      case 's':
        strokePaint();
        break;
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        fillPaint('fill');
        strokePaint();
        break;
      case 'sh':
        fillPaint('shading');
        break;
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf':
        fontSize = n[n.length - 1] ?? fontSize;
        break;
      case 'Tm':
        if (n.length >= 6) tm = tlm = n.slice(-6) as Matrix;
        break;
      case 'Td':
      case 'TD':
        if (n.length >= 2) tm = tlm = mul([1, 0, 0, 1, n[n.length - 2]!, n[n.length - 1]!], tlm);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        showText();
        break;
      case 'PS':
        c.r.fail('forbidden-content', page, 'PS operator', 'embedded PostScript');
        break;
      case 'Do': {
        const name = lastName();
        const x = name ? lookupRes('XObject', name) : undefined;
        if (!(x instanceof PDFRawStream)) break;
        const sub = x.dict.lookup(N('Subtype'));
        if (sub === N('Form') && depth < 8) {
          const bm = numbers(x.dict.lookup(N('Matrix')));
          const fr = x.dict.lookup(N('Resources'));
          const body = streamBytes(x);
          if (body)
            scanContent(
              body,
              fr instanceof PDFDict ? fr : res,
              { ...gs, ctm: bm && bm.length === 6 ? mul(bm as Matrix, gs.ctm) : gs.ctm },
              c,
              depth + 1,
            );
        } else if (sub === N('Image')) {
          const img = imageObject(x, lookupRes);
          let ink = c.imageInk.get(x) ?? null;
          if (!ink && img) {
            ink = imageInk(img);
            c.imageInk.set(x, ink);
          }
          placeImage(`image /${name}`, img, ink);
        }
        break;
      }
    }
    ops = [];
  }
}

const arrayNames = (o: PDFObject | undefined): string[] =>
  o instanceof PDFArray
    ? Array.from({ length: o.size() }, (_, i) => {
        const v = o.lookup(i);
        return v instanceof PDFName ? v.decodeText() : '?';
      })
    : o instanceof PDFName
      ? [o.decodeText()]
      : [];

/** An image XObject as the ink and resolution checks need it (null for stencil masks). */
function imageObject(
  x: PDFRawStream,
  lookupRes: (cat: string, name: string) => PDFObject | undefined,
): RawImage | null {
  const d = x.dict;
  const mask = d.lookup(N('ImageMask'));
  if (mask instanceof PDFBool && mask.asBoolean()) return null;
  const num = (k: string): number => {
    const v = d.lookup(N(k));
    return v instanceof PDFNumber ? v.asNumber() : 0;
  };
  let cs = d.lookup(N('ColorSpace'));
  if (cs instanceof PDFName && !cs.decodeText().startsWith('Device'))
    cs = lookupRes('ColorSpace', cs.decodeText()) ?? cs;
  return {
    width: num('Width'),
    height: num('Height'),
    bpc: num('BitsPerComponent'),
    space: spaceFamily(cs),
    filters: arrayNames(d.lookup(N('Filter'))),
    decode: numbers(d.lookup(N('Decode'))) ?? null,
    data: x.contents,
  };
}

/** Check an inline image's colour space and filters; return it for the resolution check. */
function inlineImage(
  params: Map<string, Tok>,
  data: Uint8Array,
  c: Ctx,
  lookupRes: (cat: string, name: string) => PDFObject | undefined,
): RawImage | null {
  const page = c.pageNo || null;
  const get = (k: string): Tok | undefined => params.get(k);
  const num = (k: string): number => {
    const v = get(k);
    return v?.t === 'num' ? v.v : 0;
  };
  if (num('ImageMask')) return null;
  const csTok = get('ColorSpace');
  let space = '?';
  if (csTok?.t === 'name') {
    space = INLINE_NAMES[csTok.v] ?? csTok.v;
    if (!space.startsWith('Device') && space !== 'Indexed') space = spaceFamily(lookupRes('ColorSpace', csTok.v));
  } else if (csTok?.t === 'arr' && csTok.v[0]?.t === 'name') space = INLINE_NAMES[csTok.v[0].v] ?? csTok.v[0].v;
  const bad = (!c.x4 && (BAD_SPACES_X1A.has(space) || space === 'DeviceRGB')) || space === 'DeviceRGB';
  if (bad) c.r.fail('inline-images', page, 'inline image', `in ${space}`);
  const filterTok = get('Filter');
  const filters = (
    filterTok?.t === 'arr'
      ? filterTok.v.map((t) => (t.t === 'name' ? t.v : '?'))
      : filterTok?.t === 'name'
        ? [filterTok.v]
        : []
  ).map((f) => INLINE_NAMES[f] ?? f);
  for (const f of filters)
    if (!c.x4 && (f === 'JPXDecode' || f === 'JBIG2Decode'))
      c.r.fail('inline-images', page, 'inline image', `uses ${f} (PDF 1.5)`);
  const decodeTok = get('Decode');
  const decode = decodeTok?.t === 'arr' ? decodeTok.v.map((t) => (t.t === 'num' ? t.v : 0)) : null;
  const img: RawImage = {
    width: num('Width'),
    height: num('Height'),
    bpc: num('BitsPerComponent'),
    space,
    filters,
    decode,
    data,
  };
  const ink = imageInk(img);
  c.inkChecks.push({ ink, page: c.pageNo, object: 'inline image' });
  return img;
}
