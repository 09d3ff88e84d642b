/**
 * The output profile photos are separated with, and the output intent a file declares for it. The default is
 * the project's coldset newsprint profile built from CGATS TR 002 (profiles/README.md); a print shop's own
 * profile (WAN-IFRAnewspaper26v5.icc, ISOnewspaper26v4.icc, …) replaces it from the edition file or the command
 * line. The intent always names the condition of the profile actually used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../diag/index.js';
import { ICC_REGISTRY, NEWSPRINT_WORDS, registeredCondition } from './conditions.js';
import { type IccProfile, kOnlyLightness, parseIcc } from './icc.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** profiles/ of the project (src/pdf or dist/pdf → two levels up). */
export const PROFILES_DIR = path.resolve(here, '..', '..', 'profiles');
export const DEFAULT_PROFILE = path.join(PROFILES_DIR, 'CGATS-TR002-newsprint-240.icc');

export interface OutputProfile {
  file: string;
  icc: IccProfile;
  /** OutputConditionIdentifier: the registered reference name when the profile is made from registered data. */
  identifier: string;
  /** OutputCondition: a readable description of the printing condition. */
  condition: string;
  /** Info of the output intent. */
  info: string;
  /** The identifier is a registered reference name (a PDF/X-1a file may then leave the profile out). */
  registered: boolean;
  /** The condition is newsprint (registered as such, or so described). */
  newsprint: boolean;
  /** L* of K-only tints 0…255 (relative colorimetric), for greyscale photos; null if the profile cannot tell. */
  kLightness: Float64Array | null;
}

const cache = new Map<string, OutputProfile>();

/**
 * Read a CMYK output profile. Throws a `profile-invalid` diagnostic for a missing file or one that is not a CMYK
 * output (prtr) profile.
 */
export function loadOutputProfile(file: string = DEFAULT_PROFILE): OutputProfile {
  const abs = path.resolve(file);
  const hit = cache.get(abs);
  if (hit) return hit;
  if (!fs.existsSync(abs))
    return fail(
      'profile-missing',
      `output profile ${abs} does not exist`,
      { file: abs },
      'give the path of the print shop’s CMYK output profile (.icc), or leave it out to use the default',
    );
  let icc: IccProfile;
  try {
    icc = parseIcc(fs.readFileSync(abs));
  } catch (e) {
    return fail(
      'profile-invalid',
      `${abs} is not an ICC profile (${e instanceof Error ? e.message : String(e)})`,
      { file: abs },
      'give the print shop’s CMYK output profile (.icc)',
    );
  }
  if (icc.deviceClass !== 'prtr' || icc.colourSpace !== 'CMYK')
    return fail(
      'profile-invalid',
      `${abs} is a ${icc.colourSpace.trim()} ${icc.deviceClass} profile, not a CMYK output (prtr) profile`,
      { file: abs },
      'give the print shop’s CMYK output profile (.icc), not a display or input profile',
    );
  const ref = /^ICCHDAT\s+(.+)$/i.exec(icc.charTarget ?? '')?.[1]?.trim();
  const reg = registeredCondition(ref ?? '') ?? registeredCondition(icc.description);
  const identifier = reg?.id ?? ref ?? (icc.description || path.basename(abs, path.extname(abs)));
  const newsprint = reg ? reg.newsprint : NEWSPRINT_WORDS.test(`${identifier} ${icc.description}`);
  const out: OutputProfile = {
    file: abs,
    icc,
    identifier,
    condition: reg ? `${reg.what}` : icc.description || identifier,
    info: icc.description || identifier,
    registered: reg !== null,
    newsprint,
    kLightness: kOnlyLightness(icc),
  };
  cache.set(abs, out);
  return out;
}

export { ICC_REGISTRY };
