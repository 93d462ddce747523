// 好差评 for managers and admins: the ratings of their centre or county with a summary, and
// closing the follow-up (整改) of a bad one with what was done. Scope is checked in the database.
import { z } from 'zod';
import { calendarDate as date, id as uuid } from '../core/request-fields';
import { shanghaiDate } from '../calendar/shanghai-time';
import type { Rectification, RatingList } from '../contract/follow-up';
import type { Caller, Database } from '../db/database';


export const ratingsQuery = z
  .object({
    center: uuid.optional(),
    from: date.optional(),
    to: date.optional(),
    bad: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const closeRectificationBody = z
  .object({ resolution: z.string().trim().min(4, '请写清楚怎么整改的（至少4个字）').max(500, '最多500字') })
  .strict();

export async function listRatings(db: Database, caller: Caller, q: z.infer<typeof ratingsQuery>, now: Date): Promise<RatingList> {
  const raw = await db.rpc<Omit<RatingList, 'summary'> & { summary: Omit<RatingList['summary'], 'satisfactionRate'> }>(
    'list_ratings',
    {
      p_today: shanghaiDate(now),
      p_center: q.center,
      p_from: q.from,
      p_to: q.to,
      p_only_bad: q.bad === 'true',
      p_limit: q.limit,
      p_offset: q.offset,
    },
    caller,
  );
  const { total, satisfied } = raw.summary;
  return { ...raw, summary: { ...raw.summary, satisfactionRate: total > 0 ? satisfied / total : null } };
}

export async function closeRectification(db: Database, caller: Caller, id: string, resolution: string, now: Date): Promise<Rectification> {
  return db.rpc<Rectification>('close_rectification', { p_id: id, p_resolution: resolution, p_now: now, p_today: shanghaiDate(now) }, caller);
}
