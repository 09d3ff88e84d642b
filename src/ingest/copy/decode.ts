/**
 * Pass 1, decode: the bytes of a copy file → text, in whatever encoding the newsroom saved it.
 *
 * - A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (UTF-32 is refused with a hint).
 * - Without one: NUL bytes in a UTF-16 pattern are read as UTF-16 (info); other NUL or control bytes, and the
 *   signatures of PDF, Word/WPS, ZIP and image files, are binary data, refused with the byte offset.
 * - Valid UTF-8 is UTF-8. Invalid UTF-8 that is mostly valid multi-byte UTF-8 is a damaged or truncated UTF-8
 *   file, refused with the byte offset and line; otherwise GB18030 (a superset of GBK and GB2312, what Chinese
 *   Windows saves as "ANSI") is tried, with an info diagnostic naming the encoding assumed.
 * - Files over COPY_LIMIT_BYTES are refused before anything is decoded.
 *
 * Node's TextDecoder does the decoding (it knows gb18030, utf-16le and utf-16be); this file only decides which.
 */
import { type CodeOf, DiagnosticError, type Diagnostic, diagnostic, type Sink } from '../../diag/index.js';

/**
 * The largest copy file imported: 1 MiB. A broadsheet page holds about 13,000 characters (some 40 KB of UTF-8),
 * so this is some 25 pages of text; a bigger file is a whole edition or an archive dump, not one page's copy.
 */
export const COPY_LIMIT_BYTES = 1024 * 1024;

export type CopyEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Binary file signatures, with what to tell the editor. */
const SIGNATURES: Array<{ magic: number[]; what: string; hint: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file', hint: 'give the page copy as plain text (.txt), not the PDF' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'a Word or WPS document (.doc/.wps)',
    hint: 'open it in Word or WPS and save it as plain text (.txt, encoding UTF-8)',
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive or a .docx/.wps document',
    hint: 'unpack it, or open the document and save it as plain text (.txt, encoding UTF-8)',
  },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', hint: 'give the page copy as text; images go under images:' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', hint: 'give the page copy as text; images go under images:' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', hint: 'give the page copy as text' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive', hint: 'unpack it first and give the text file' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document', hint: 'open it and save it as plain text (.txt)' },
];

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function refuse(
  code: CodeOf<'error'>,
  message: string,
  file: string,
  hint: string,
  line?: number,
  offset?: number,
): never {
  const at: Diagnostic['at'] = { file };
  if (line !== undefined) at.line = line;
  if (offset !== undefined) at.offset = offset;
  throw new DiagnosticError([diagnostic(code, message, at, hint)]);
}

/** 1-based line of a byte offset in an ASCII-compatible encoding (LF, CRLF and CR count as line ends). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

interface Utf8Scan {
  /** Offset of the first invalid byte, or -1. */
  firstBad: number;
  /** The first invalid sequence is an incomplete character at the very end of the file. */
  truncated: boolean;
  /** Valid multi-byte sequences and invalid bytes seen. */
  valid: number;
  invalid: number;
}

/** Scan UTF-8 (RFC 3629 §4: no overlongs, no surrogates, nothing above U+10FFFF). */
function scanUtf8(b: Uint8Array, start: number): Utf8Scan {
  let firstBad = -1;
  let truncated = false;
  let valid = 0;
  let invalid = 0;
  let i = start;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = n > 0;
    let k = 1;
    for (; ok && k <= n; k++) {
      const d = b[i + k];
      if (d === undefined) {
        ok = false;
        truncated = firstBad < 0;
        break;
      }
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      valid++;
      i += n + 1;
    } else if (truncated && firstBad < 0) {
      // an incomplete character at the very end of the file
      invalid++;
      firstBad = i;
      break;
    } else {
      invalid++;
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, truncated: truncated && invalid === 1, valid, invalid };
}

/** Characters text is made of: ASCII, Latin-1, general and CJK punctuation, Han, full-width forms. */
const PLAUSIBLE =
  /[\t\n\r\u0020-\u007E\u00A0-\u00FF\u2010-\u206F\u2100-\u218F\u2460-\u24FF\u2500-\u25FF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFFEF]/u;

/** The share of a text's characters that are PLAUSIBLE (a text read in the wrong encoding scores low). */
function plausibility(text: string): number {
  let ok = 0;
  let n = 0;
  for (const ch of text.length > 100_000 ? text.slice(0, 100_000) : text) {
    n++;
    if (PLAUSIBLE.test(ch)) ok++;
  }
  return n === 0 ? 0 : ok / n;
}

/** Control bytes that never occur in text (NUL aside): 0x01–0x08, 0x0E–0x1A, 0x1C–0x1F. ESC (ANSI) is text. */
const isBinaryControl = (c: number): boolean =>
  (c >= 0x01 && c <= 0x08) || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f);

function decodeWith(encoding: CopyEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Offset (in bytes, from the start of the file) of the first bad UTF-16 code unit: odd length or a lone surrogate. */
function utf16Bad(bytes: Uint8Array, le: boolean): number {
  const unit = (i: number): number => (le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const v = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (v < 0xdc00 || v > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return bytes.length % 2 ? bytes.length - 1 : -1;
}

function decodeUtf16(bytes: Uint8Array, le: boolean, file: string, hasBom: boolean): string {
  const enc: CopyEncoding = le ? 'utf-16le' : 'utf-16be';
  const text = decodeWith(enc, bytes);
  if (text === null) {
    const at = utf16Bad(bytes, le);
    const line = (new TextDecoder(enc).decode(bytes.subarray(0, Math.max(0, at))).match(/\n/g)?.length ?? 0) + 1;
    refuse(
      at === bytes.length - 1 ? 'input-truncated' : 'input-encoding',
      at === bytes.length - 1
        ? `the ${enc.toUpperCase()} file ends in the middle of a character (byte offset ${at}, line ${line}): it was cut short`
        : `the ${enc.toUpperCase()} text is damaged at byte offset ${at} (line ${line}): a character there cannot be read`,
      file,
      'copy the file again from the newsroom system, or save it again as UTF-8 and import that',
      line,
      at,
    );
  }
  return hasBom ? text.replace(/^\uFEFF/u, '') : text;
}

/** Refuse a copy file over the limit (callers that can stat a file check before reading it). */
export function checkCopySize(size: number, file: string, limit = COPY_LIMIT_BYTES): void {
  if (size <= limit) return;
  refuse(
    'input-too-large',
    `the copy file is ${mib(size)} (${size} bytes); the limit for one page's copy is ${mib(limit)} (a broadsheet page holds about 13,000 characters, some 40 KB)`,
    file,
    'split the file into one copy file per page, or check that this is the page copy and not an archive or a whole edition',
  );
}

/**
 * Decode a copy file's bytes. Returns the text (without a byte-order mark); `sink` gets an info diagnostic when
 * the encoding was assumed. Refused files throw a DiagnosticError with the file, line and byte offset.
 */
export function decodeCopy(bytes: Uint8Array, file: string, sink: Sink, limit = COPY_LIMIT_BYTES): string {
  // 1. size: refused before anything is read into text
  checkCopySize(bytes.length, file, limit);
  // 2. byte-order marks
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe)) {
    refuse(
      'input-encoding',
      'the copy is UTF-32 text, which is not read',
      file,
      'save the copy as UTF-8 and import it again',
      1,
      0,
    );
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, true, file, true);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, false, file, true);
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // 3. binary data: known file signatures, NUL bytes that are not UTF-16, control bytes
  if (bom === 0) {
    for (const s of SIGNATURES) {
      if (s.magic.every((m, k) => bytes[k] === m))
        refuse('input-binary', `the copy is ${s.what} (its signature at byte offset 0), not text`, file, s.hint, 1, 0);
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && bom === 0) {
    // UTF-16 without a byte-order mark: NUL bytes are the high halves of ASCII code units; the endianness that
    // reads as text is the one
    const tries = (['utf-16le', 'utf-16be'] as const)
      .map((enc) => ({ enc, text: decodeWith(enc, bytes) }))
      .filter((t): t is { enc: 'utf-16le' | 'utf-16be'; text: string } => t.text !== null)
      .map((t) => ({ ...t, score: plausibility(t.text) }))
      .sort((a, b) => b.score - a.score);
    const best = tries[0];
    if (best && best.score >= 0.9) {
      sink.info(
        'input-encoding-assumed',
        `the copy has no byte-order mark but reads as ${best.enc === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text; it was decoded as such`,
        { file, line: 1 },
        'nothing to do if the text reads right; otherwise save the copy as UTF-8 and import it again',
      );
      return best.text;
    }
  }
  if (nul >= 0) {
    refuse(
      'input-binary',
      `the copy contains binary data (a NUL byte at byte offset ${nul}, line ${lineAt(bytes, nul)}); it is not a text file`,
      file,
      'check that this is the page copy; save it from the newsroom system as plain text (.txt, UTF-8)',
      lineAt(bytes, nul),
      nul,
    );
  }
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (isBinaryControl(bytes[i]!)) {
      controls++;
      if (firstControl < 0) firstControl = i;
    }
  }
  if (controls > 8 && controls > bytes.length / 100) {
    refuse(
      'input-binary',
      `the copy contains binary data (${controls} control bytes, the first at byte offset ${firstControl}, line ${lineAt(bytes, firstControl)}); it is not a text file`,
      file,
      'check that this is the page copy; save it from the newsroom system as plain text (.txt, UTF-8)',
      lineAt(bytes, firstControl),
      firstControl,
    );
  }
  // 4. UTF-8, or else GB18030
  const scan = scanUtf8(bytes, bom);
  if (scan.firstBad < 0) return new TextDecoder('utf-8').decode(bytes.subarray(bom));
  const line = lineAt(bytes, scan.firstBad);
  if (scan.truncated) {
    refuse(
      'input-truncated',
      `the file ends in the middle of a UTF-8 character (byte offset ${scan.firstBad}, line ${line}): it was cut short`,
      file,
      'copy the file again from the newsroom system; if it is complete, delete the broken last character',
      line,
      scan.firstBad,
    );
  }
  if (bom > 0 || scan.valid >= 4 * scan.invalid) {
    refuse(
      'input-encoding',
      `the copy is UTF-8 but damaged: ${scan.invalid} byte${scan.invalid > 1 ? 's' : ''} cannot be read, the first at byte offset ${scan.firstBad} (line ${line})`,
      file,
      `export the copy again, or retype the damaged character at line ${line} and save as UTF-8`,
      line,
      scan.firstBad,
    );
  }
  const gb = decodeWith('gb18030', bytes);
  if (gb !== null && plausibility(gb) >= 0.9) {
    sink.info(
      'input-encoding-assumed',
      'the copy is not UTF-8; it was read as GB18030 (the Chinese encoding that includes GBK and GB2312)',
      { file, line: 1 },
      'nothing to do if the text reads right; otherwise save the copy as UTF-8 and import it again',
    );
    return gb;
  }
  return refuse(
    'input-encoding',
    `the copy is neither UTF-8 nor GB18030 text: the first unreadable byte is at byte offset ${scan.firstBad} (line ${line})`,
    file,
    'save the copy as UTF-8 (in Notepad or WPS: Save As, encoding UTF-8) and import it again',
    line,
    scan.firstBad,
  );
}
