/** zod schemas shared by story files and edition files. */
import { z } from 'zod';

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
