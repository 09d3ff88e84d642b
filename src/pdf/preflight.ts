/**
 * Structural PDF/X-1a:2001 preflight on the bytes of a finished file (read back with pdf-lib). It checks what a
 * black-box checker can see: file structure and labelling, output intent, page boxes, fonts, colour spaces,
 * transparency, annotations and actions, and, by scanning content streams, that 100% K text overprints and that
 * no text is set in rich black or (below SMALL_TEXT_PT) in several inks. PDF/X-4 files (GTS_PDFXVersion PDF/X-4)
 * get the X-4 variants of the version, object-stream and transparency rules.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
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

export interface PreflightCheck {
  id: string;
  ok: boolean;
  detail: string;
}

export interface PreflightResult {
  ok: boolean;
  checks: PreflightCheck[];
}

/** Text below this effective size must use one ink (newsprint registration). */
export const SMALL_TEXT_PT = 9;

const N = (s: string): PDFName => PDFName.of(s);

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Collects findings per check id; a check with no findings passes. */
class Report {
  private readonly order: string[] = [];
  private readonly found = new Map<string, string[]>();
  private readonly okDetail = new Map<string, string>();
  check(id: string, okDetail: string): void {
    if (!this.found.has(id)) {
      this.order.push(id);
      this.found.set(id, []);
    }
    this.okDetail.set(id, okDetail);
  }
  fail(id: string, detail: string): void {
    if (!this.found.has(id)) this.check(id, '');
    const list = this.found.get(id)!;
    if (list.length < 20 && !list.includes(detail)) list.push(detail);
  }
  result(): PreflightResult {
    const checks = this.order.map((id) => {
      const f = this.found.get(id)!;
      return { id, ok: f.length === 0, detail: f.length ? f.join('; ') : (this.okDetail.get(id) ?? 'ok') };
    });
    return { ok: checks.every((c) => c.ok), checks };
  }
}

function text(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

function numbers(a: PDFObject | undefined): number[] | undefined {
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
function box(a: PDFObject | undefined): [number, number, number, number] | undefined {
  const n = numbers(a);
  if (n?.length !== 4) return undefined;
  const [a0, a1, a2, a3] = n as [number, number, number, number];
  return [Math.min(a0, a2), Math.min(a1, a3), Math.max(a0, a2), Math.max(a1, a3)];
}
const inside = (i: number[], o: number[], eps = 0.01): boolean =>
  i[0]! >= o[0]! - eps && i[1]! >= o[1]! - eps && i[2]! <= o[2]! + eps && i[3]! <= o[3]! + eps;

/** Page attribute with inheritance through /Parent. */
function inherited(page: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    const v = node.lookup(N(key));
    if (v !== undefined) return v;
    const parent: PDFObject | undefined = node.lookup(N('Parent'));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

function streamBytes(s: PDFObject | undefined): Uint8Array | null {
  if (!(s instanceof PDFRawStream)) return null;
  try {
    return decodePDFRawStream(s).decode();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Content stream lexer (enough for operators and their operands; inline image data is skipped).

type Tok =
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'str' }
  | { t: 'arr'; v: Tok[] }
  | { t: 'dict' }
  | { t: 'op'; v: string };

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

function* lex(b: Uint8Array): Generator<Tok> {
  let i = 0;
  const n = b.length;
  const stack: Tok[][] = [];
  const emit = function* (tok: Tok): Generator<Tok> {
    const top = stack[stack.length - 1];
    if (top) top.push(tok);
    else yield tok;
  };
  while (i < n) {
    const c = b[i]!;
    if (WS.has(c)) {
      i++;
    } else if (c === 37 /* % */) {
      while (i < n && b[i] !== 10 && b[i] !== 13) i++;
    } else if (c === 47 /* / */) {
      let j = i + 1;
      while (j < n && !WS.has(b[j]!) && !DELIM.has(b[j]!)) j++;
      yield* emit({ t: 'name', v: Buffer.from(b.subarray(i + 1, j)).toString('latin1') });
      i = j;
    } else if (c === 40 /* ( */) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        if (b[i] === 92) i += 2;
        else {
          if (b[i] === 40) depth++;
          else if (b[i] === 41) depth--;
          i++;
        }
      }
      yield* emit({ t: 'str' });
    } else if (c === 60 /* < */) {
      if (b[i + 1] === 60) {
        // Dictionary (inline image parameters or marked-content properties): skip to the matching >>.
        let depth = 0;
        while (i < n) {
          if (b[i] === 60 && b[i + 1] === 60) {
            depth++;
            i += 2;
          } else if (b[i] === 62 && b[i + 1] === 62) {
            depth--;
            i += 2;
            if (depth === 0) break;
          } else i++;
        }
        yield* emit({ t: 'dict' });
      } else {
        while (i < n && b[i] !== 62) i++;
        i++;
        yield* emit({ t: 'str' });
      }
    } else if (c === 91 /* [ */) {
      stack.push([]);
      i++;
    } else if (c === 93 /* ] */) {
      const arr = stack.pop() ?? [];
      i++;
      yield* emit({ t: 'arr', v: arr });
    } else {
      let j = i;
      while (j < n && !WS.has(b[j]!) && !DELIM.has(b[j]!)) j++;
      if (j === i) j++;
      const word = Buffer.from(b.subarray(i, j)).toString('latin1');
      i = j;
      const v = Number(word);
      if (word !== '' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(v)) yield* emit({ t: 'num', v });
      else if (word === 'true' || word === 'false' || word === 'null') yield* emit({ t: 'num', v: 0 });
      else {
        yield* emit({ t: 'op', v: word });
        if (word === 'ID') {
          // Inline image data up to whitespace + EI + whitespace.
          i++;
          while (
            i < n - 2 &&
            !(WS.has(b[i - 1]!) && b[i] === 69 && b[i + 1] === 73 && (i + 2 >= n || WS.has(b[i + 2]!)))
          )
            i++;
          i += 2;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface GState {
  ctm: Matrix;
  /** Fill colour as inks 0–1 when known (CMYK or gray→K); null for other spaces. */
  fill: number[] | null;
  fillSpace: string;
  op: boolean;
}

const BAD_SPACES_X1A = new Set(['DeviceRGB', 'CalRGB', 'CalGray', 'Lab', 'ICCBased', 'RGB']);

interface Ctx {
  r: Report;
  x4: boolean;
  seenStreams: Set<PDFObject>;
  seenFonts: Set<PDFDict>;
  pageNo: number;
}

/** Name of a colour space object's family, e.g. DeviceRGB, ICCBased, Separation. */
function spaceFamily(cs: PDFObject | undefined): string {
  if (cs instanceof PDFName) return cs.decodeText();
  if (cs instanceof PDFArray) {
    const f = cs.lookup(0);
    if (f instanceof PDFName) return f.decodeText();
  }
  return '?';
}

function checkColorSpace(cs: PDFObject | undefined, where: string, c: Ctx, depth = 0): void {
  if (cs === undefined || depth > 4) return;
  const fam = spaceFamily(cs);
  if (!c.x4 && BAD_SPACES_X1A.has(fam)) c.r.fail('colour-spaces', `${fam} colour space (${where})`);
  if (c.x4 && (fam === 'DeviceRGB' || fam === 'RGB'))
    c.r.fail('colour-spaces', `${fam} colour space with a CMYK output intent (${where})`);
  if (cs instanceof PDFArray) {
    if (fam === 'Indexed') checkColorSpace(cs.lookup(1), `${where} Indexed base`, c, depth + 1);
    if (fam === 'Separation' || fam === 'DeviceN')
      checkColorSpace(cs.lookup(fam === 'Separation' ? 2 : 2), `${where} ${fam} alternate`, c, depth + 1);
    if (fam === 'Pattern' && cs.size() > 1) checkColorSpace(cs.lookup(1), `${where} Pattern base`, c, depth + 1);
  }
}

function checkExtGState(gs: PDFDict, name: string, c: Ctx): void {
  for (const key of ['ca', 'CA', 'SMask', 'BM', 'TK', 'AIS']) {
    const v = gs.lookup(N(key));
    if (v === undefined) continue;
    if (!c.x4) c.r.fail('transparency', `ExtGState /${name} has /${key} (page ${c.pageNo})`);
    else {
      const opaque =
        (key === 'ca' || key === 'CA' ? v instanceof PDFNumber && v.asNumber() === 1 : false) ||
        (key === 'SMask' && v === N('None')) ||
        (key === 'BM' && (v === N('Normal') || v === N('Compatible')));
      if (!opaque)
        c.r.fail(
          'transparency',
          `ExtGState /${name} has /${key} (page ${c.pageNo}); fine in PDF/X-4 but flattened by the RIP`,
        );
    }
  }
  for (const key of ['TR', 'TR2', 'HTP'])
    if (gs.lookup(N(key)) !== undefined && !(c.x4 && key === 'TR2' && gs.lookup(N(key)) === N('Default')))
      c.r.fail('transfer-halftone', `ExtGState /${name} has /${key}`);
}

function checkFont(font: PDFDict, name: string, c: Ctx): void {
  if (c.seenFonts.has(font)) return;
  c.seenFonts.add(font);
  const sub = font.lookup(N('Subtype'));
  const base = font.lookup(N('BaseFont'));
  const label = `${base instanceof PDFName ? base.decodeText() : name}${c.pageNo ? ` (page ${c.pageNo})` : ''}`;
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
  if (!embedded) c.r.fail('fonts-embedded', `font ${label} is not embedded`);
  if (!(font.lookup(N('ToUnicode')) instanceof PDFStream))
    c.r.fail('fonts-tounicode', `font ${label} has no ToUnicode CMap`);
}

/** Check a resource dictionary (fonts, colour spaces, ExtGStates, images, forms) and return it for the scan. */
function checkResources(res: PDFDict | undefined, c: Ctx, where: string): void {
  if (!res) return;
  const fonts = res.lookup(N('Font'));
  if (fonts instanceof PDFDict)
    for (const [k, v] of fonts.entries()) {
      const f = v instanceof PDFRef ? fonts.context.lookup(v) : v;
      if (f instanceof PDFDict) checkFont(f, k.decodeText(), c);
    }
  const spaces = res.lookup(N('ColorSpace'));
  if (spaces instanceof PDFDict)
    for (const [k] of spaces.entries()) checkColorSpace(spaces.lookup(k), `resource /${k.decodeText()} ${where}`, c);
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
          c.r.fail('transparency', `image /${k.decodeText()} has an SMask (${where})`);
        const mask = d.lookup(N('ImageMask'));
        // Stencil masks have no colour space of their own.
        if (!(mask instanceof PDFBool && mask.asBoolean()))
          checkColorSpace(d.lookup(N('ColorSpace')), `image /${k.decodeText()} ${where}`, c);
        const filters = d.lookup(N('Filter'));
        const fl =
          filters instanceof PDFArray
            ? Array.from({ length: filters.size() }, (_, i) => spaceFamily(filters.lookup(i)))
            : filters instanceof PDFName
              ? [filters.decodeText()]
              : [];
        for (const f of fl)
          if (!c.x4 && (f === 'JPXDecode' || f === 'JBIG2Decode'))
            c.r.fail('filters', `image /${k.decodeText()} uses ${f} (PDF 1.5 feature)`);
        const bpc = d.lookup(N('BitsPerComponent'));
        if (!c.x4 && bpc instanceof PDFNumber && bpc.asNumber() === 16)
          c.r.fail('filters', `image /${k.decodeText()} is 16-bit`);
        if (d.lookup(N('OPI')) !== undefined) c.r.fail('forbidden-content', `image /${k.decodeText()} has OPI`);
        if (d.lookup(N('Alternates')) !== undefined)
          c.r.fail('forbidden-content', `image /${k.decodeText()} has Alternates`);
      } else if (st === N('Form')) {
        const g = d.lookup(N('Group'));
        if (g instanceof PDFDict && g.lookup(N('S')) === N('Transparency') && !c.x4)
          c.r.fail('transparency', `form /${k.decodeText()} is a transparency group`);
        if (d.lookup(N('OPI')) !== undefined) c.r.fail('forbidden-content', `form /${k.decodeText()} has OPI`);
        if (!c.seenStreams.has(x)) {
          c.seenStreams.add(x);
          const fr = d.lookup(N('Resources'));
          checkResources(fr instanceof PDFDict ? fr : undefined, c, `form /${k.decodeText()}`);
        }
      } else if (st === N('PS')) c.r.fail('forbidden-content', `PostScript XObject /${k.decodeText()}`);
    }
}

const inkCount = (f: number[]): number => f.filter((v) => v > 0.005).length;

/** Scan one content stream with its resources, tracking CTM, fill colour, overprint and text size. */
function scanContent(bytes: Uint8Array, res: PDFDict | undefined, start: GState, c: Ctx, depth = 0): void {
  let gs: GState = { ...start, fill: start.fill ? [...start.fill] : null };
  const stack: GState[] = [];
  let ops: Tok[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fontSize = 0;
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
  const showText = (): void => {
    const m = mul(mul([fontSize, 0, 0, fontSize, 0, 0], tm), gs.ctm);
    const size = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
    const f = gs.fill;
    if (!f) {
      if (gs.fillSpace !== 'Separation' && gs.fillSpace !== 'DeviceN')
        c.r.fail('colour-spaces', `text in ${gs.fillSpace} (page ${c.pageNo})`);
      return;
    }
    const [cc, mm, yy, kk] = f as [number, number, number, number];
    const soloK = cc <= 0.005 && mm <= 0.005 && yy <= 0.005;
    if (soloK && kk >= 0.995 && !gs.op)
      c.r.fail('black-text-overprint', `100% K text at ${size.toFixed(1)} pt does not overprint (page ${c.pageNo})`);
    if (!soloK && kk >= 0.8)
      c.r.fail(
        'rich-black-text',
        `rich-black text ${f.map((v) => Math.round(v * 100)).join('/')} at ${size.toFixed(1)} pt (page ${c.pageNo})`,
      );
    else if (inkCount(f) > 1 && size < SMALL_TEXT_PT)
      c.r.fail(
        'small-multi-ink-text',
        `${size.toFixed(1)} pt text in ${inkCount(f)} inks ${f.map((v) => Math.round(v * 100)).join('/')} (page ${c.pageNo})`,
      );
  };
  for (const tok of lex(bytes)) {
    if (tok.t !== 'op') {
      ops.push(tok);
      continue;
    }
    const n = nums();
    switch (tok.v) {
      case 'q':
        stack.push({ ...gs, fill: gs.fill ? [...gs.fill] : null });
        break;
      case 'Q':
        gs = stack.pop() ?? gs;
        break;
      case 'cm':
        if (n.length >= 6) gs.ctm = mul(n.slice(-6) as Matrix, gs.ctm);
        break;
      case 'gs': {
        const name = lastName();
        const g = name ? lookupRes('ExtGState', name) : undefined;
        if (g instanceof PDFDict) {
          const OP = g.lookup(N('OP'));
          const op = g.lookup(N('op'));
          if (op instanceof PDFBool) gs.op = op.asBoolean();
          else if (OP instanceof PDFBool) gs.op = OP.asBoolean();
        }
        break;
      }
      case 'rg':
      case 'RG':
        c.r.fail('colour-spaces', `DeviceRGB ${tok.v} operator (page ${c.pageNo})`);
        if (tok.v === 'rg') {
          gs.fill = null;
          gs.fillSpace = 'DeviceRGB';
        }
        break;
      case 'k':
        gs.fill = n.slice(-4);
        gs.fillSpace = 'DeviceCMYK';
        break;
      case 'g':
        gs.fill = [0, 0, 0, 1 - (n[n.length - 1] ?? 0)];
        gs.fillSpace = 'DeviceGray';
        break;
      case 'cs':
      case 'CS': {
        const name = lastName() ?? '';
        let fam = name;
        if (!['DeviceRGB', 'DeviceCMYK', 'DeviceGray', 'Pattern'].includes(name))
          fam = spaceFamily(lookupRes('ColorSpace', name));
        if (fam === 'DeviceRGB' || fam === 'CalRGB' || fam === 'Lab' || fam === 'ICCBased' || fam === 'CalGray') {
          if (!c.x4 || fam === 'DeviceRGB')
            c.r.fail('colour-spaces', `/${name} ${tok.v} selects ${fam} (page ${c.pageNo})`);
        }
        if (tok.v === 'cs') {
          gs.fillSpace = fam;
          gs.fill = fam === 'DeviceCMYK' ? [0, 0, 0, 1] : fam === 'DeviceGray' ? [0, 0, 0, 1] : null;
        }
        break;
      }
      case 'sc':
      case 'scn':
        if (gs.fillSpace === 'DeviceCMYK' && n.length >= 4) gs.fill = n.slice(-4);
        else if (gs.fillSpace === 'DeviceGray' && n.length >= 1) gs.fill = [0, 0, 0, 1 - n[n.length - 1]!];
        else gs.fill = null;
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
        c.r.fail('forbidden-content', `PS operator (page ${c.pageNo})`);
        break;
      case 'Do': {
        const name = lastName();
        const x = name ? lookupRes('XObject', name) : undefined;
        if (x instanceof PDFRawStream && x.dict.lookup(N('Subtype')) === N('Form') && depth < 8) {
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
        }
        break;
      }
      case 'BI':
      case 'ID':
      case 'EI':
        break;
    }
    ops = [];
  }
}

export async function preflight(pdf: Buffer): Promise<PreflightResult> {
  const r = new Report();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    r.fail('parse', `pdf-lib cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
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
  const c: Ctx = { r, x4, seenStreams: new Set(), seenFonts: new Set(), pageNo: 0 };

  // Header and file structure.
  r.check('header', `header ${latin.slice(0, 8)}`);
  const hv = /^%PDF-(\d)\.(\d)/.exec(latin.slice(0, 16));
  if (!hv) r.fail('header', 'no %PDF header');
  else {
    const v = Number(hv[1]) + Number(hv[2]) / 10;
    const max = x4 ? 1.6 : 1.3;
    if (v > max + 1e-9) r.fail('header', `header %PDF-${hv[1]}.${hv[2]} is above ${max.toFixed(1)}`);
  }
  r.check('object-streams', 'no object or cross-reference streams');
  if (!x4 && /\/Type\s*\/ObjStm\b/.test(latin)) r.fail('object-streams', 'object streams (PDF 1.5)');
  if (!x4 && /\/Type\s*\/XRef\b/.test(latin)) r.fail('object-streams', 'cross-reference stream (PDF 1.5)');
  r.check('encryption', 'not encrypted');
  if (trailer.Encrypt) r.fail('encryption', 'file is encrypted');
  r.check('id', 'trailer /ID present');
  if (!(trailer.ID instanceof PDFArray) || trailer.ID.size() !== 2) r.fail('id', 'trailer /ID missing');

  // Info dictionary.
  r.check(
    'info',
    x4 ? 'Title, dates, Trapped, PDF/X-4 version' : 'Title, dates, Trapped, PDF/X-1:2001 + PDF/X-1a:2001',
  );
  if (!info) r.fail('info', 'no Info dictionary');
  else {
    for (const k of ['Title', 'CreationDate', 'ModDate'])
      if (!text(info.lookup(N(k)))) r.fail('info', `Info /${k} missing`);
    const trapped = info.lookup(N('Trapped'));
    if (!(trapped === N('True') || trapped === N('False')))
      r.fail('info', `Info /Trapped must be the name /True or /False${trapped ? ` (is ${trapped.toString()})` : ''}`);
    if (!x4) {
      if (version !== 'PDF/X-1:2001')
        r.fail('info', `GTS_PDFXVersion is ${version ? `"${version}"` : 'missing'}, expected "PDF/X-1:2001"`);
      const conf = text(info.lookup(N('GTS_PDFXConformance')));
      if (conf !== 'PDF/X-1a:2001')
        r.fail('info', `GTS_PDFXConformance is ${conf ? `"${conf}"` : 'missing'}, expected "PDF/X-1a:2001"`);
    } else if (info.lookup(N('GTS_PDFXConformance')) !== undefined)
      r.fail('info', 'GTS_PDFXConformance must not be present in PDF/X-4');
  }
  if (x4) {
    r.check('xmp', 'XMP metadata with pdfxid:GTS_PDFXVersion');
    const meta = streamBytes(doc.catalog.lookup(N('Metadata')));
    if (!meta) r.fail('xmp', 'no XMP metadata stream');
    else if (!/pdfxid:GTS_PDFXVersion/.test(Buffer.from(meta).toString('utf8')))
      r.fail('xmp', 'XMP lacks pdfxid:GTS_PDFXVersion');
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
  if (gts.length !== 1) r.fail('output-intent', `${gts.length} GTS_PDFX output intents (need exactly one)`);
  for (const o of gts) {
    if (!text(o.lookup(N('OutputConditionIdentifier')))) r.fail('output-intent', 'OutputConditionIdentifier missing');
    const prof = o.lookup(N('DestOutputProfile'));
    if (!prof) {
      if (x4) r.fail('output-intent', 'PDF/X-4 needs an embedded DestOutputProfile');
      if (text(o.lookup(N('RegistryName'))) !== 'http://www.color.org')
        r.fail('output-intent', 'no DestOutputProfile and RegistryName is not http://www.color.org');
      if (!text(o.lookup(N('Info')))) r.fail('output-intent', 'output intent /Info missing');
    } else {
      const p = streamBytes(prof);
      if (p && Buffer.from(p.subarray(12, 20)).toString('latin1') !== 'prtrCMYK')
        r.fail('output-intent', 'DestOutputProfile is not a CMYK output (prtr) profile');
    }
  }

  // Actions, JavaScript, forms.
  r.check('actions-annotations', 'no annotations, actions or forms');
  for (const k of ['OpenAction', 'AA', 'AcroForm'])
    if (doc.catalog.lookup(N(k)) !== undefined) r.fail('actions-annotations', `catalog /${k}`);
  const names = doc.catalog.lookup(N('Names'));
  if (names instanceof PDFDict && names.lookup(N('JavaScript')) !== undefined)
    r.fail('actions-annotations', 'document JavaScript');

  // Pages.
  r.check('page-boxes', 'TrimBox on every page, nested in BleedBox/CropBox/MediaBox');
  r.check('fonts-embedded', 'all fonts embedded');
  r.check('fonts-tounicode', 'all fonts have ToUnicode');
  r.check('colour-spaces', x4 ? 'no DeviceRGB' : 'DeviceCMYK/Gray/Separation only');
  r.check('transparency', x4 ? 'no live transparency' : 'no transparency keys, SMasks or groups');
  r.check('black-text-overprint', '100% K text overprints');
  r.check('rich-black-text', 'no rich-black text');
  r.check('small-multi-ink-text', `no multi-ink text below ${SMALL_TEXT_PT} pt`);
  doc.getPages().forEach((page, i) => {
    const node = page.node;
    c.pageNo = i + 1;
    const media = box(inherited(node, 'MediaBox'));
    const crop = box(inherited(node, 'CropBox'));
    const bleed = box(node.lookup(N('BleedBox')));
    const trim = box(node.lookup(N('TrimBox')));
    const art = box(node.lookup(N('ArtBox')));
    if (!media) r.fail('page-boxes', `page ${c.pageNo}: no MediaBox`);
    if (!trim && !art) r.fail('page-boxes', `page ${c.pageNo}: no TrimBox`);
    if (trim && art) r.fail('page-boxes', `page ${c.pageNo}: both TrimBox and ArtBox`);
    const inner = trim ?? art;
    const chain = [inner, bleed, crop, media].filter((b): b is [number, number, number, number] => b !== undefined);
    for (let j = 0; j + 1 < chain.length; j++)
      if (!inside(chain[j]!, chain[j + 1]!))
        r.fail(
          'page-boxes',
          `page ${c.pageNo}: page boxes not nested (${chain[j]!.join(' ')} outside ${chain[j + 1]!.join(' ')})`,
        );
    const uu = node.lookup(N('UserUnit'));
    if (uu !== undefined && !x4) r.fail('page-boxes', `page ${c.pageNo}: /UserUnit (PDF 1.6)`);
    const annots = node.lookup(N('Annots'));
    if (annots instanceof PDFArray && annots.size() > 0)
      r.fail('actions-annotations', `page ${c.pageNo}: ${annots.size()} annotation(s)`);
    if (node.lookup(N('AA')) !== undefined) r.fail('actions-annotations', `page ${c.pageNo}: page actions`);
    const grp = node.lookup(N('Group'));
    if (grp instanceof PDFDict && grp.lookup(N('S')) === N('Transparency') && !x4)
      r.fail('transparency', `page ${c.pageNo}: transparency group`);
    const resObj = inherited(node, 'Resources');
    const res = resObj instanceof PDFDict ? resObj : undefined;
    checkResources(res, c, `page ${c.pageNo}`);
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
    scanContent(
      Buffer.concat(parts),
      res,
      { ctm: IDENTITY, fill: [0, 0, 0, 1], fillSpace: 'DeviceGray', op: false },
      c,
    );
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
  return r.result();
}
