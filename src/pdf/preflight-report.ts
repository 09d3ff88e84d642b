/**
 * The preflight's findings: every finding names its page and object, says what is wrong and what to do, and is
 * counted. Nothing is capped: a check that found 500 problems says 500, and lists them all.
 */
import { CHECK_BY_ID, CHECKS, type CheckSeverity } from './preflight-checks.js';

export interface Finding {
  /** 1-based page, or null for document-level findings. */
  page: number | null;
  /** The object: `image /Im1`, `fill 1 1 1 1`, `font ABCDEF+Noto…`, `catalog`, … */
  object: string;
  message: string;
  /** How many times the same finding occurred (the same colour filled 30 times on a page counts 30). */
  times: number;
}

export interface PreflightCheck {
  id: string;
  /** Passes: no finding for an error check (a warning check always passes, with its findings listed). */
  ok: boolean;
  severity: CheckSeverity;
  what: string;
  rule: string;
  action: string;
  /** Occurrences found (the sum of `times`). */
  count: number;
  findings: Finding[];
  /** One line: what passed, or the findings (every one of them). */
  detail: string;
}

export interface PreflightResult {
  ok: boolean;
  checks: PreflightCheck[];
  /** Findings of error checks, and of warning checks. */
  errors: number;
  warnings: number;
}

export interface PreflightOptions {
  /** Total ink limit, % (default 240: ISO 12647-3 coldset newsprint). */
  inkLimit?: number;
  /** Effective image resolution below which an image fails (default 100 ppi). */
  minPpi?: number;
  /** Effective image resolution below which an image gets a warning (default 200 ppi). */
  warnPpi?: number;
  /** Thinnest stroke allowed, pt (default 0.25). */
  minLineWidth?: number;
}

export const PREFLIGHT_DEFAULTS: Required<PreflightOptions> = {
  inkLimit: 240,
  minPpi: 100,
  warnPpi: 200,
  minLineWidth: 0.25,
};

/** Collects findings per check id; a check that was run and found nothing passes. */
export class Report {
  private readonly run = new Set<string>();
  private readonly okDetail = new Map<string, string>();
  private readonly found = new Map<string, Map<string, Finding>>();

  /** Mark a check as run, with the line it reports when it passes. */
  check(id: string, okDetail: string): void {
    if (!CHECK_BY_ID.has(id)) throw new Error(`unknown preflight check ${id}`);
    this.run.add(id);
    this.okDetail.set(id, okDetail);
  }

  fail(id: string, page: number | null, object: string, message: string): void {
    if (!CHECK_BY_ID.has(id)) throw new Error(`unknown preflight check ${id}`);
    this.run.add(id);
    let list = this.found.get(id);
    if (!list) {
      list = new Map();
      this.found.set(id, list);
    }
    const key = `${page}\u0000${object}\u0000${message}`;
    const f = list.get(key);
    if (f) f.times++;
    else list.set(key, { page, object, message, times: 1 });
  }

  result(): PreflightResult {
    const checks: PreflightCheck[] = [];
    let errors = 0;
    let warnings = 0;
    for (const spec of CHECKS) {
      if (!this.run.has(spec.id)) continue;
      const findings = [...(this.found.get(spec.id)?.values() ?? [])];
      const count = findings.reduce((n, f) => n + f.times, 0);
      if (spec.severity === 'error') errors += count;
      else warnings += count;
      const detail = findings.length
        ? `${count} finding${count === 1 ? '' : 's'}: ${findings.map(describe).join('; ')}`
        : (this.okDetail.get(spec.id) ?? 'ok');
      checks.push({
        id: spec.id,
        ok: spec.severity === 'warning' || count === 0,
        severity: spec.severity,
        what: spec.what,
        rule: spec.rule,
        action: spec.action,
        count,
        findings,
        detail,
      });
    }
    return { ok: checks.every((c) => c.ok), checks, errors, warnings };
  }
}

const describe = (f: Finding): string =>
  `${f.page ? `page ${f.page}: ` : ''}${f.object}: ${f.message}${f.times > 1 ? ` (×${f.times})` : ''}`;
