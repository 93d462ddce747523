// What a manager or county admin may send to the centre configuration endpoints. The database
// checks the same things again (and the caller's scope); these give a plain message per field.
import { z } from 'zod';
import { calendarDate, id as uuid } from '../core/request-fields';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，例如 08:30');
const date = calendarDate
  .refine((d) => d >= '2020-01-01' && d <= '2099-12-31', '日期超出范围');
const weekday = z.number().int().min(1, '星期应为 1（周一）到 7（周日）').max(7, '星期应为 1（周一）到 7（周日）');

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const overlaps = <T>(rows: T[], key: (r: T) => string, from: (r: T) => string, to: (r: T) => string) =>
  rows.some((a, i) => rows.some((b, j) => j > i && key(a) === key(b) && minutes(from(a)) < minutes(to(b)) && minutes(from(b)) < minutes(to(a))));

export const hoursBody = z
  .object({
    hours: z
      .array(z.object({ weekday, opens: hhmm, closes: hhmm }).strict().refine((h) => h.opens < h.closes, { message: '开门时间要早于关门时间', path: ['closes'] }))
      .max(21, '每周最多21段'),
  })
  .strict()
  .refine((b) => !overlaps(b.hours, (h) => String(h.weekday), (h) => h.opens, (h) => h.closes), { message: '同一天的时间段不能重叠', path: ['hours'] });

export const sessionSchema = z
  .object({
    starts: hhmm,
    ends: hhmm,
    slotMinutes: z.number().int().min(10, '每段至少10分钟').max(240, '每段最多240分钟'),
    seats: z.number().int().min(0).max(500, '每段最多500个号'),
    walkInSeats: z.number().int().min(0).max(500),
  })
  .strict()
  .refine((s) => s.starts < s.ends, { message: '开始时间要早于结束时间', path: ['ends'] })
  .refine((s) => s.walkInSeats <= s.seats, { message: '现场号不能多于总号数', path: ['walkInSeats'] });

const sessions = z
  .array(sessionSchema)
  .max(12, '每天最多12段')
  .refine((rows) => !overlaps(rows, () => '', (s) => s.starts, (s) => s.ends), '时间段不能重叠');

export const templatesBody = z
  .object({ windowId: uuid, weekdays: z.array(weekday).min(1, '请至少选一天').max(7), sessions })
  .strict();

export const overrideBody = z.object({ windowId: uuid, date, sessions }).strict();

export const closureBody = z
  .object({
    from: date,
    to: date,
    reason: z.string().trim().min(2, '请写明原因，例如“国庆节放假”').max(100, '原因最多100个字'),
    windowId: uuid.nullable().optional(),
    cancelAffected: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.from <= b.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const removeClosureBody = z.object({ closureId: uuid }).strict();

export const createWindowBody = z
  .object({
    number: z.number().int().min(1, '窗口号为1到99').max(99, '窗口号为1到99'),
    name: z.string().trim().min(1, '请填写窗口名称').max(40, '名称最多40个字'),
    itemIds: z.array(uuid).max(1000).default([]),
  })
  .strict();

export const updateWindowBody = z
  .object({
    name: z.string().trim().min(1, '请填写窗口名称').max(40, '名称最多40个字').optional(),
    active: z.boolean().optional(),
    itemIds: z.array(uuid).max(1000).optional(),
  })
  .strict();

export const centerItemBody = z.object({ itemId: uuid, enabled: z.boolean() }).strict();

const int = (min: number, max: number) => z.number().int().min(min, `最小为${min}`).max(max, `最大为${max}`);
export const rulesBody = z
  .object({
    openDaysAhead: int(1, 90).optional(),
    closeHoursBefore: int(0, 72).optional(),
    cancelHoursBefore: int(0, 72).optional(),
    weeklyCap: int(1, 50).optional(),
    monthlyCap: int(1, 200).optional(),
    rebookBlockMinutes: int(0, 10080).optional(),
    noShowGraceMinutes: int(0, 240).optional(),
    noShowLimit: int(1, 20).optional(),
    noShowWindowDays: int(1, 365).optional(),
    restrictionDays: int(1, 365).optional(),
  })
  .strict()
  .refine((r) => r.weeklyCap === undefined || r.monthlyCap === undefined || r.weeklyCap <= r.monthlyCap, {
    message: '每月上限不能小于每周上限',
    path: ['monthlyCap'],
  });

const staffName = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多20个字');
const post = z.string().trim().min(2, '请填写岗位，例如“民政窗口”').max(30, '岗位最多30个字');
export const createStaffBody = z
  .object({ name: staffName, post, dutyWeekdays: z.array(weekday).max(7).default([]), sortOrder: z.number().int().min(0).max(999).optional() })
  .strict();

export const updateStaffBody = z
  .object({
    name: staffName.optional(),
    post: post.optional(),
    dutyWeekdays: z.array(weekday).max(7).optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(999).optional(),
    /** recorded with the time it was given; false withdraws it at once */
    consent: z.boolean().optional(),
    /** on or off duty today only (null = back to the weekly days) */
    today: z.boolean().nullable().optional(),
  })
  .strict();

export const photoBody = z
  .object({
    contentType: z.enum(['image/jpeg', 'image/png'], { message: '照片只能是 JPG 或 PNG' }),
    /** base64 of the image, at most 200 KB */
    data: z.string().max(280_000, '照片太大，请小于200KB').regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片数据格式不对'),
  })
  .strict();

export const rulesColumns: Record<string, string> = {
  openDaysAhead: 'open_days_ahead',
  closeHoursBefore: 'close_hours_before',
  cancelHoursBefore: 'cancel_hours_before',
  weeklyCap: 'weekly_cap',
  monthlyCap: 'monthly_cap',
  rebookBlockMinutes: 'rebook_block_minutes',
  noShowGraceMinutes: 'no_show_grace_minutes',
  noShowLimit: 'no_show_limit',
  noShowWindowDays: 'no_show_window_days',
  restrictionDays: 'restriction_days',
};
