// What a client may send to the booking endpoints.
import { z } from 'zod';
import { calendarDate, id as uuid } from '../core/request-fields';

// booking happens days ahead: anything outside these years is a typing error, not a date to compute
const inBookableYears = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  return year >= 2020 && year <= 2099;
};
const date = calendarDate
  .refine((d) => inBookableYears(`${d}T00:00:00Z`), '日期超出可预约的范围');
const instant = z
  .string()
  .datetime({ offset: true, message: '时间格式应为 ISO 8601，例如 2026-12-01T09:30:00+08:00' })
  .refine(inBookableYears, '时间超出可预约的范围');

export const availabilityQuery = z
  .object({ center: uuid, item: uuid, from: date, to: date })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const bookingBody = z
  .object({
    centerId: uuid,
    itemId: uuid,
    slotStart: instant,
    applicantId: uuid.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const cancelBody = z.object({ reason: z.string().trim().max(200).optional() }).strict();
export const rescheduleBody = z.object({ slotStart: instant }).strict();
export const codeQuery = z.object({ code: z.string().trim().min(1, '请输入预约码').max(200) });
