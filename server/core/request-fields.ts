// Field schemas every domain's requests are made of, with the plain Chinese message a resident
// or a staff member sees when a field is wrong. Domain rules (how far ahead, which years) are
// added by the domain on top of these.
import { z } from 'zod';
import { isDateString } from '../calendar/shanghai-time';

// any 8-4-4-4-12 hex id: the demo data and imported rows are not all RFC 4122 version 4
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id of a row (centre, item, booking, case …). */
export const id = z.string().regex(UUID_PATTERN, '编号格式不对');

/** A calendar day written YYYY-MM-DD that exists ('2026-02-30' does not). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isDateString, '没有这一天');
