/** zod schemas shared by story files and edition files, and the mapping of zod issues to diagnostics. */
import { z } from 'zod';
import type { Diagnostic } from '../diag/index.js';
import { lineOf, pathText, type ParsedYaml } from './yamlpos.js';

const int = (min: number) => z.number().int().min(min);

export const OverridesSchema = z.strictObject({
  priority: int(1).optional(),
  pin: z
    .strictObject({
      column: int(1),
      span: int(1),
      row: int(0).optional(),
      lines: int(1).optional(),
    })
    .optional(),
  columns: int(1).optional(),
  hold: z.boolean().optional(),
  continueOn: int(1).optional(),
  headSize: z.number().min(5).max(200).optional(),
});

/** One diagnostic per zod issue, each at the line of the offending YAML node. */
export function zodDiagnostics(
  error: z.ZodError,
  p: ParsedYaml,
  file: string,
  code: string,
  hintFor: (path: string, issue: z.core.$ZodIssue) => string,
): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    const where = pathText(path);
    let message = `${where}: ${issue.message.replace(/^\w/, (c) => c.toLowerCase())}`;
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      message = `${where}: required field is missing`;
    if (issue.code === 'unrecognized_keys')
      message = `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const line = issue.code === 'unrecognized_keys' ? lineOf(p, [...path, issue.keys[0]!]) : lineOf(p, path);
    return { severity: 'error', code, message, at: { file, line }, hint: hintFor(where, issue) };
  });
}
