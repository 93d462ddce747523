// The one error shape every route answers with.
import { z } from 'zod';
import { named } from './registry';

export const errorBody = named(
  'ErrorBody',
  z.object({
    error: z.object({
      code: z.string().meta({ description: 'stable machine code (see each operation)' }),
      message: z.string().meta({ description: 'plain Chinese, for the resident' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'VALIDATION_FAILED: a message per field (`_` = the whole body)' }),
      details: z.record(z.string(), z.unknown()).optional().meta({ description: 'machine-readable context, e.g. `{ until }` of BOOKING_RESTRICTED, `{ limit }` of a cap' }),
    }),
  }),
  'Every error: a stable machine code and one plain Chinese sentence that can be shown as is.',
);

export type ErrorBody = z.infer<typeof errorBody>;
