#!/usr/bin/env node
/**
 * Makes profiles/CGATS-TR002-newsprint-240.icc, banmian's default output profile: coldset offset on newsprint,
 * total ink limit 240 %, maximum black generation (strong GCR: neutrals and shadows carried by K).
 *
 * Source data: CGATS TR 002 (ANSI CGATS/SNAP TR 002-2007, "Color Characterization Data for Coldset Printing on
 * Newsprint"), the file TR002.ti3 of Debian's icc-profiles-free package. The data's licence allows derived
 * profiles to be distributed as long as the Technical Report is named as the source; the ICC characterization
 * registry asks for a charTargetTag "ICCHDAT CGATS TR 002" and the reference name in the description. Both are
 * written here.
 *
 * Needs Debian's argyll (colprof) and icc-profiles-free. Usage: node tools/make-newsprint-profile.mjs [OUT.icc]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DATA = '/usr/share/color/icc/TR002.ti3';
const SRGB = '/usr/share/color/icc/sRGB.icc';
const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.resolve(process.argv[2] ?? path.join(here, '..', 'profiles', 'CGATS-TR002-newsprint-240.icc'));
const DESC = 'Coldset newsprint, TAC 240%, max GCR - based on CGATS TR 002';
const COPYRIGHT =
  'Profile: banmian, MIT licence. Data: ANSI CGATS/SNAP TR 002-2007 (NPES), distributed as its licence allows';
/** ICC header creation date, fixed so that the same data makes the same bytes. */
const DATE = [2007, 1, 1, 0, 0, 0];

for (const f of [DATA, SRGB])
  if (!fs.existsSync(f)) throw new Error(`${f} is missing: apt-get install icc-profiles-free argyll`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-'));
try {
  fs.copyFileSync(DATA, path.join(tmp, 'tr002.ti3'));
  // -qm medium quality; -kx maximum black generation; -l240 total ink limit; -L98 black limit; -S sRGB: gamut
  // mapping of the perceptual and saturation tables from the sRGB gamut (photos arrive as sRGB);
  // -cmt/-dpp: viewing conditions of a monitor source and a print destination; -nc: no raw data in 'targ'
  // (the registry's ICCHDAT reference goes there instead); -Z m: matte paper.
  execFileSync(
    'colprof',
    [
      '-qm', '-kx', '-l240', '-L98', '-S', SRGB, '-cmt', '-dpp', '-nc', '-Zm',
      '-A', 'banmian', '-M', 'CGATS TR 002 coldset newsprint', '-D', DESC, '-C', COPYRIGHT,
      '-O', 'out.icc', 'tr002',
    ],
    { cwd: tmp, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const icc = addTextTag(fs.readFileSync(path.join(tmp, 'out.icc')), 'targ', 'ICCHDAT CGATS TR 002');
  DATE.forEach((v, i) => icc.writeUInt16BE(v, 24 + 2 * i));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, icc);
  process.stdout.write(`${out}: ${icc.length} bytes\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Append a `text` type tag (ICC.1 §10.20) to a profile, moving the tag data to make room in the tag table. */
function addTextTag(icc, sig, value) {
  const count = icc.readUInt32BE(128);
  const tags = [];
  for (let i = 0; i < count; i++) {
    const at = 132 + 12 * i;
    const tsig = icc.toString('latin1', at, at + 4);
    if (tsig !== sig) tags.push({ sig: tsig, offset: icc.readUInt32BE(at + 4), size: icc.readUInt32BE(at + 8) });
  }
  const body = Buffer.concat([Buffer.from('text\0\0\0\0', 'latin1'), Buffer.from(`${value}\0`, 'latin1')]);
  tags.push({ sig, data: body });
  const tableEnd = 132 + 12 * tags.length;
  const pad = (n) => (4 - (n % 4)) % 4;
  const parts = [];
  let pos = tableEnd + pad(tableEnd);
  const table = Buffer.alloc(tableEnd - 128 + pad(tableEnd));
  table.writeUInt32BE(tags.length, 0);
  const seen = new Map();
  tags.forEach((t, i) => {
    const data = t.data ?? icc.subarray(t.offset, t.offset + t.size);
    const key = t.data ? null : `${t.offset}:${t.size}`;
    let offset = key ? seen.get(key) : undefined;
    if (offset === undefined) {
      offset = pos;
      parts.push(data, Buffer.alloc(pad(data.length)));
      pos += data.length + pad(data.length);
      if (key) seen.set(key, offset);
    }
    table.writeUInt32BE(0, 4 + 12 * i);
    table.write(t.sig, 4 + 12 * i, 'latin1');
    table.writeUInt32BE(offset, 8 + 12 * i);
    table.writeUInt32BE(data.length, 12 + 12 * i);
  });
  const header = Buffer.from(icc.subarray(0, 128));
  const result = Buffer.concat([header, table, ...parts]);
  result.writeUInt32BE(result.length, 0);
  return result;
}
