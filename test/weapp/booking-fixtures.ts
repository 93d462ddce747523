// Sample answers of the booking, account and login API (shapes from server/contract), for the
// weapp smoke test of the booking pages. Invented data, like the demo seed; the catalogue answers
// (items, centres) come from ./fixtures.
import type { Availability, AvailabilityDay, Booking, BookingDetail } from '@contract/booking';
import type { RatingResult } from '@contract/cases';
import type { NotificationSettings } from '@contract/notifications';

const DAY_MS = 24 * 3600_000;

/** 14 days from `from`: weekends closed (周末休息), the first Friday full, other days open. */
export function fixtureAvailability(centerId: string, itemId: string, from: string, to: string): Availability {
  const days: AvailabilityDay[] = [];
  let firstFriday = true;
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    const slot = (hhmm: string, remaining: number) => {
      const [h = 0, m = 0] = hhmm.split(':').map(Number);
      const end = h * 60 + m + 30;
      const pad = (n: number) => String(n).padStart(2, '0');
      return { start: `${date}T${hhmm}:00+08:00`, end: `${date}T${pad(Math.floor(end / 60))}:${pad(end % 60)}:00+08:00`, remaining, capacity: 4 };
    };
    if (weekday >= 6) {
      days.push({ date, weekday, open: false, reason: { code: 'WEEKEND', text: '周末休息' }, slots: [] });
    } else if (weekday === 5 && firstFriday) {
      firstFriday = false;
      days.push({ date, weekday, open: false, reason: { code: 'FULL', text: '已约满' }, slots: [slot('09:00', 0)] });
    } else {
      days.push({ date, weekday, open: true, reason: null, slots: [slot('09:00', 4), slot('09:30', 3), slot('14:00', 0)] });
    }
  }
  return { centerId, itemId, from, to, scheduleKnown: true, days };
}

export const fixtureMe = {
  id: 'acc-wang',
  role: 'resident',
  displayName: '王秀英',
  centerId: null,
  countyCode: null,
  phone: null,
  people: [{ id: 'person-wang', name: '王秀英', relation: 'self', consented: true }],
};

export const fixtureSession = {
  token: 'fixture-token',
  account: { id: 'acc-wang', role: 'resident', displayName: '王秀英', centerId: null, countyCode: null },
};

export const fixtureBooking: Booking = {
  id: 'bk-1',
  code: '7K3MQ2XP',
  qrPayload: 'BMFW1.7K3MQ2XP.AbCdEfGhIjKlMnOp',
  status: 'booked',
  // far ahead (a Wednesday, 12月2日, as the assertions read): the page compares with the real clock, and this fixture had passed on 2026-12-02
  slotStart: '2037-12-02T09:30:00+08:00',
  slotEnd: '2037-12-02T10:00:00+08:00',
  centerId: 'ctr-changchi',
  centerName: '长赤镇便民服务中心',
  itemId: 'itm-dibao',
  itemName: '最低生活保障申请',
  windowName: '1号综合窗口',
  applicant: { id: 'person-wang', name: '王秀英' },
  bookedVia: 'self',
  statusReason: null,
  createdAt: '2026-12-01T09:00:00+08:00',
  cancelledAt: null,
  checkedInAt: null,
};

export const fixtureBookingDetail: BookingDetail = {
  ...fixtureBooking,
  timeline: [{ at: '2026-12-01T09:00:00+08:00', kind: 'booked', data: {} }],
  case: null,
  rating: null,
};

/** A past booking whose matter was completed, not rated yet. */
export const fixtureCompletedDetail: BookingDetail = {
  ...fixtureBooking,
  id: 'bk-done',
  code: 'H4KZP8RW',
  status: 'completed',
  slotStart: '2026-11-20T10:00:00+08:00',
  slotEnd: '2026-11-20T10:30:00+08:00',
  checkedInAt: '2026-11-20T09:52:00+08:00',
  timeline: [
    { at: '2026-11-18T08:00:00+08:00', kind: 'booked', data: {} },
    { at: '2026-11-20T09:52:00+08:00', kind: 'checked_in', data: { ticket: 7 } },
    { at: '2026-11-20T10:05:00+08:00', kind: 'accepted', data: { promisedBy: '2026-11-27' } },
    { at: '2026-11-20T10:10:00+08:00', kind: 'needs_supplement', data: { missing: ['户口簿复印件'] } },
    { at: '2026-11-23T09:00:00+08:00', kind: 'supplemented', data: { missing: ['户口簿复印件'] } },
    { at: '2026-11-26T16:00:00+08:00', kind: 'completed', data: { outcome: '低保待遇已核定，下月起按月发放' } },
  ],
  case: {
    id: 'case-1',
    status: 'completed',
    acceptedAt: '2026-11-20T10:05:00+08:00',
    promisedBy: '2026-11-27',
    missingMaterials: [],
    rejectReason: null,
    outcome: '低保待遇已核定，下月起按月发放',
    completedAt: '2026-11-26T16:00:00+08:00',
  },
  rating: null,
};

export const fixtureRatingResult: RatingResult = {
  level: 2,
  indicators: ['efficiency'],
  comment: null,
  createdAt: '2026-11-27T10:00:00+08:00',
  followUp: true,
  followUpResult: { status: 'open', dueBy: '2026-12-11', closedAt: null, resolution: null },
  followUpBy: '2026-12-11',
  followUpMessage: '很抱歉这次没有让您满意。中心负责人会在12月11日前联系您了解情况并整改。',
};

/** 通知方式 of a resident who has not allowed WeChat yet and left no phone (the booking's 提醒 section reads it). */
export const fixtureNotificationSettings: NotificationSettings = {
  wechat: true,
  sms: true,
  quietHours: true,
  reach: {
    wechat: { ready: false, why: '预约时还没有同意微信通知', consentsLeft: 0 },
    sms: { ready: false, why: '还没有手机号', phone: null },
    summary: '现在只能在“消息”里看到通知。',
  },
  templates: [{ key: 'booking_status', templateId: 'tpl-status', title: '预约状态通知' }],
  why: '允许后，预约确认、提醒和办理进度会通过微信通知您。',
};

export interface SentRequest {
  method: string;
  url: string;
  data: unknown;
  header: Record<string, string>;
}

/** Answers the booking journey's calls like the real API would, or undefined for the catalogue. */
export function answerBookingCall(request: SentRequest): { statusCode: number; data: unknown } | undefined {
  const { pathname, searchParams } = new URL(request.url, 'http://fixtures.invalid');
  const authed = (request.header.Authorization ?? '') === `Bearer ${fixtureSession.token}`;
  const unauthenticated = { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } };
  if (pathname === '/api/auth/wechat') return { statusCode: 200, data: fixtureSession };
  if (pathname === '/api/availability') {
    return {
      statusCode: 200,
      data: fixtureAvailability(searchParams.get('center') ?? '', searchParams.get('item') ?? '', searchParams.get('from') ?? '', searchParams.get('to') ?? ''),
    };
  }
  if (pathname === '/api/auth/wechat/phone') {
    if (!authed) return unauthenticated;
    const { code } = (request.data ?? {}) as { code?: string };
    return code ? { statusCode: 200, data: { phone: '138****5678' } } : { statusCode: 400, data: { error: { code: 'INVALID_INPUT', message: '缺少code' } } };
  }
  if (!pathname.startsWith('/api/me') && !pathname.startsWith('/api/bookings')) return undefined;
  if (!authed) return unauthenticated;
  if (pathname === '/api/me') return { statusCode: 200, data: fixtureMe };
  if (pathname === '/api/me/notification-settings') return { statusCode: 200, data: fixtureNotificationSettings };
  if (pathname === '/api/bookings' && request.method === 'GET') {
    return { statusCode: 200, data: { bookings: [fixtureBooking, fixtureCompletedDetail] } };
  }
  if (pathname === '/api/bookings' && request.method === 'POST') {
    const body = request.data as { slotStart: string };
    return { statusCode: 201, data: { ...fixtureBooking, slotStart: body.slotStart } };
  }
  if (pathname === '/api/bookings/bk-1') return { statusCode: 200, data: fixtureBookingDetail };
  if (pathname === '/api/bookings/bk-done') return { statusCode: 200, data: fixtureCompletedDetail };
  if (pathname === '/api/bookings/bk-done/rating') return { statusCode: 201, data: fixtureRatingResult };
  return { statusCode: 404, data: { error: { code: 'BOOKING_NOT_FOUND', message: '没有找到这个预约' } } };
}
