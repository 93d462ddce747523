// What a client may send to the case, staff-booking and rating endpoints (zod). The database
// checks the same limits again: these give the plain per-field messages.
import { z } from 'zod';
import { id as uuid } from '../core/request-fields';
import type { RatingLevel } from '../contract/cases';
import { RATING_INDICATOR_CODES } from './rating-indicators';

const unique = (values: string[]) => new Set(values).size === values.length;

/** 拒绝预约: the reason the resident will read. */
export const declineBody = z
  .object({ reason: z.string().trim().min(1, '请填写不能预约的原因，群众会看到').max(200, '原因最多200字') })
  .strict();

/** 受理: a checked-in booking, or a number of today's queue (a walk-in: `itemId` when its ticket has none). */
export const acceptCaseBody = z
  .object({
    bookingId: uuid.optional(),
    ticketNumber: z.number().int('号码应为整数').min(1, '号码应为正整数').max(99999, '号码太大').optional(),
    itemId: uuid.optional(),
  })
  .strict()
  .refine((b) => (b.bookingId === undefined) !== (b.ticketNumber === undefined), { message: '请扫描预约码，或填写今天的取号号码（二选一）' })
  .refine((b) => b.itemId === undefined || b.ticketNumber !== undefined, { message: '预约已有事项，不能另选', path: ['itemId'] });

/** 补正: exactly which materials are missing, by name. */
export const supplementBody = z
  .object({
    missing: z
      .array(z.string().trim().min(1, '材料名称不能为空').max(100, '材料名称最多100字'))
      .min(1, '请写明缺少哪些材料')
      .max(20, '一次最多20项材料')
      .refine(unique, '材料名称有重复'),
  })
  .strict();

/** 上报: an optional note for the county department. */
export const forwardBody = z.object({ note: z.string().trim().max(200, '说明最多200字').optional() }).strict();

/** 办结: optionally what the resident gets and how. */
export const completeBody = z.object({ outcome: z.string().trim().max(200, '办结结果最多200字').optional() }).strict();

/** 已补齐: no fields (the body may be left out). */
export const supplementedBody = z.object({}).strict().meta({ description: 'no fields (the body may be left out)' });

/** 不予受理: the reason, in plain words (required). */
export const rejectBody = z
  .object({ reason: z.string().trim().min(1, '请写明不予受理的原因，群众会看到').max(200, '原因最多200字') })
  .strict();

/** 好差评 */
export const ratingBody = z
  .object({
    level: z
      .number()
      .int('请选择1到5星')
      .min(1, '请选择1到5星')
      .max(5, '请选择1到5星')
      .transform((n) => n as RatingLevel),
    indicators: z.array(z.enum(RATING_INDICATOR_CODES, '没有这个评价项')).max(RATING_INDICATOR_CODES.length).refine(unique, '评价项有重复'),
    comment: z.string().trim().max(300, '留言最多300字').optional(),
  })
  .strict();
