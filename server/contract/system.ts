// Shapes of the system routes: the scheduled job's report.
import { z } from 'zod';
import { named } from './registry';

export const noShowRun = named(
  'NoShowRun',
  z.object({
    markedNoShow: z.int().meta({ description: 'bookings marked no_show by this run' }),
    restricted: z.int().meta({ description: 'people whose online booking was suspended by this run' }),
    purgedIdempotencyKeys: z.int().meta({ description: 'stored idempotent answers older than their retention, deleted by this run' }),
  }),
);
export type NoShowRun = z.infer<typeof noShowRun>;
