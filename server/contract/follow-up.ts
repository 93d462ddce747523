// JSON shapes of 好差评 for managers and admins: the ratings of their centre or county with a
// summary, and the follow-ups (整改) of bad ones. Declared once as zod schemas (the operations
// answer with them, the OpenAPI document is generated from them, the API tests validate every
// answer against them); the mini-program imports the inferred types.
import { z } from 'zod';
import { centerRef } from './catalogue';
import { instant, isoDate, named, uuid } from './registry';

/** A follow-up of a bad rating, due 10 working days after it. */
export const rectification = named(
  'Rectification',
  z.object({
    id: uuid,
    status: z.enum(['open', 'closed']),
    openedAt: instant,
    dueBy: isoDate,
    overdue: z.boolean().meta({ description: 'open and past its due date (Shanghai)' }),
    closedAt: instant.nullable(),
    closedByName: z.string().nullable(),
    resolution: z.string().nullable().meta({ description: 'what was done, shown to the resident' }),
  }),
  'a follow-up (整改) of a bad rating, due 10 working days after it',
);
export type Rectification = z.infer<typeof rectification>;

const level = z.int().min(1).max(5).meta({ description: '5 = 非常满意 … 1 = 非常不满意' });

export const ratingRow = named(
  'RatingRow',
  z.object({
    id: uuid,
    level,
    indicators: z.array(z.string()).meta({ description: 'the standard indicators the resident ticked' }),
    comment: z.string().nullable(),
    createdAt: instant,
    itemName: z.string(),
    center: centerRef,
    staffName: z.string().nullable().meta({ description: 'who finished the case' }),
    bookingId: uuid,
    bookingCode: z.string(),
    followUp: rectification.nullable(),
  }),
);
export type RatingRow = z.infer<typeof ratingRow>;

export const ratingSummary = named(
  'RatingSummary',
  z.object({
    total: z.int(),
    satisfied: z.int().meta({ description: 'levels 4 and 5' }),
    satisfactionRate: z.number().min(0).max(1).nullable().meta({ description: '满意率: satisfied / total (0–1); null with no ratings' }),
    byLevel: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int(), '5': z.int() }),
    indicators: z.record(z.string(), z.int()).meta({ description: 'how often each indicator was ticked' }),
    openFollowUps: z.int(),
    overdueFollowUps: z.int(),
  }),
);
export type RatingSummary = z.infer<typeof ratingSummary>;

export const ratingList = named(
  'RatingList',
  z.object({
    summary: ratingSummary,
    total: z.int().meta({ description: 'rows matching the filter' }),
    rows: z.array(ratingRow),
  }),
);
export type RatingList = z.infer<typeof ratingList>;
