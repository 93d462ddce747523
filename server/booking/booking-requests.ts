// What a client may send to the booking endpoints.
import { z } from 'zod';
import { apiError } from '../core/errors';
import { type ApiRequest, headerValue } from '../http/handler';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '编号格式不对');
// booking happens days ahead: anything outside these years is a typing error, not a date to compute
const inBookableYears = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  return year >= 2020 && year <= 2099;
};
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '没有这一天')
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

/** The Idempotency-Key header, required on every POST that creates or changes a booking. */
export function idempotencyKey(req: ApiRequest): string {
  const key = headerValue(req, 'idempotency-key')?.trim();
  if (!key || !/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw apiError('IDEMPOTENCY_KEY_REQUIRED');
  return key;
}
