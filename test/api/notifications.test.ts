// Notifications end to end over HTTP, against the fake WeChat and the fake Tencent SMS: for every
// event, the change → its outbox row → the dispatcher (the cron route) → the fake receives the
// right template and data → the inbox shows it. Also the channel order and fallbacks, the
// provider errors (consent used up, bad data, token expiry, rate limits, a bad number), quiet
// hours, reminders that move with the booking, preferences, the admin's report and retry, and
// who may read what.
import type { Availability, Booking } from '../../server/contract/booking';
import type { CaseDetail } from '../../server/contract/cases';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { DeliveryReport, DispatchRun, NotificationItem, NotificationPage, NotificationSettings } from '../../server/contract/notifications';
import { fit } from '../../server/notifications/templates';
import { PHONE_CONTEXT } from '../../server/auth/wechat-login';
import { SERVICE } from '../../server/auth/tokens';
import { getApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import { fieldCipher } from '../../server/privacy/crypto';
import { type RunningApi, startApi } from '../support/api-server';
import { waitUntil } from '../support/wait';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type NotifyChannels, SMS_TEMPLATE_IDS, startNotifyChannels, WECHAT_TEMPLATE_IDS } from '../support/notify-channels';

// Monday 7 December 2026, 09:00 in Shanghai
let clock = new Date('2026-12-07T01:00:00Z');
const shanghai = (local: string) => new Date(`${local}+08:00`);
const CRON_SECRET = 'cron-secret-for-notification-tests';
let t: TestDatabase;
let api: RunningApi;
let ch: NotifyChannels;
let center: CenterSummary;
let items: ItemSummary[];
let keyNo = 0;
const key = () => `notify-key-${++keyNo}-${Date.now()}`;
type ErrorBody = { error: { code: string; message: string } };

const post = <T = any>(token: string | undefined, path: string, body?: unknown) =>
  api.call<T & ErrorBody>('POST', path, { token, body, idempotencyKey: key() });
const get = <T = any>(token: string | undefined, path: string) => api.call<T & ErrorBody>('GET', path, { token });

async function dispatch(): Promise<DispatchRun> {
  const res = await api.call<DispatchRun>('GET', '/api/jobs/notifications', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(res.status).toBe(200);
  return res.body;
}
// tokens expire as the clock moves on: a fresh login for each use
const staffToken = () => api.login('staff-shahe');
const managerToken = () => api.login('manager-shahe');
const adminToken = () => api.login('admin');
const inbox = async (token: string) => (await get<NotificationPage>(token, '/api/notifications?limit=50')).body;
const latest = async (token: string) => (await inbox(token)).items[0]!;

/** The outbox rows of a booking, oldest first (as the database holds them). */
async function outbox(bookingId: string) {
  return t.db.query<{ kind: string; state: string; delivered_by: string | null; user_id: string | null; due_at: Date }>(
    `select kind, state, delivered_by, user_id, due_at from notifications where booking_id = $1 order by created_at, due_at, kind`,
    [bookingId],
  );
}

/** A resident who logged in with WeChat (so has an openid), optionally with a phone on file. */
async function wechatResident(name: string, phone?: string): Promise<{ token: string; openid: string; userId: string }> {
  const res = await api.call<{ token: string; account: { id: string } }>('POST', '/api/auth/wechat', { body: { code: ch.wechat.loginCode(name), displayName: name } });
  expect(res.status).toBe(200);
  const openid = ch.wechat.openidOf(name);
  if (phone) {
    const cipher = fieldCipher(readConfig({ APP_MODE: 'development' }).dataEncryptionKey);
    const e164 = `+86${phone}`;
    await t.db.rpc(
      'save_person_phone',
      {
        p_user: res.body.account.id,
        p_ciphertext: cipher.encrypt(e164, PHONE_CONTEXT),
        p_hmac: cipher.lookupHash(e164, PHONE_CONTEXT),
        p_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        p_country_code: '86',
        p_now: clock,
      },
      SERVICE,
    );
  }
  return { token: res.body.token, openid, userId: res.body.account.id };
}

/** A fresh token of a resident who logged in with WeChat before. */
async function wechatLogin(name: string): Promise<string> {
  return (await api.call<{ token: string }>('POST', '/api/auth/wechat', { body: { code: ch.wechat.loginCode(name) } })).body.token;
}

/** Accept all three resident templates for a booking, as the mini-program reports it (and WeChat records it). */
async function subscribe(token: string, openid: string, bookingId: string, times = 1) {
  const ids = [WECHAT_TEMPLATE_IDS.booking_status, WECHAT_TEMPLATE_IDS.reminder, WECHAT_TEMPLATE_IDS.case_progress];
  for (let i = 0; i < times; i++) {
    const res = await post(token, `/api/bookings/${bookingId}/reminders`, { templateIds: ids, accepted: ids });
    expect(res.status).toBe(200);
    for (const id of ids) ch.wechat.grantConsent(openid, id, 1);
  }
}

async function openSlot(itemId: string, date: string, skip = 0): Promise<string> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${date}&to=${date}`);
  const slot = body.days[0]!.slots.filter((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)[skip];
  if (!slot) throw new Error(`no open slot on ${date}`);
  return slot.start;
}

async function book(token: string, itemId: string, date: string, skip = 0): Promise<Booking> {
  const res = await post<Booking>(token, '/api/bookings', { centerId: center.id, itemId, slotStart: await openSlot(itemId, date, skip) });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const wechatSent = (openid: string) => ch.wechat.subscribeMessages.filter((m) => m.touser === openid);
const smsSent = (phone: string) => ch.sms.messages.filter((m) => m.phone === `+86${phone}`);

beforeAll(async () => {
  console.info(`notification tests on ${describeBackend()}`);
  t = await createTestDatabase();
  ch = await startNotifyChannels();
  api = await startApi(t.db, { ...ch.env, CRON_SECRET, NOTIFY_DISPATCH_AFTER_CHANGE: '0', NOTIFY_DISPATCH_INTERVAL_SECONDS: '0' }, () => clock);
  const centers = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers;
  center = centers.find((c) => c.name.includes('沙河镇'))!;
  items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=40`)).body.rows;
  await dispatch(); // nothing yet
}, 120_000);

afterAll(async () => {
  await api?.close();
  await ch?.close();
  await t?.drop();
});

describe('a booking journey, every step told', () => {
  let villager: { token: string; openid: string; userId: string };
  let booking: Booking;
  let item: ItemSummary;

  it('booked: the resident by WeChat (booking_status template), the staff in their inbox, two reminders waiting', async () => {
    villager = await wechatResident('wang-xiuying', '13812345678');
    item = items.find((i) => i.promisedDays >= 3)!;
    booking = await book(villager.token, item.id, '2026-12-08');
    await subscribe(villager.token, villager.openid, booking.id, 2);

    const rows = await outbox(booking.id);
    expect(rows.map((r) => [r.kind, r.state])).toEqual(
      expect.arrayContaining([
        ['booking_booked', 'pending'],
        ['staff_booking_waiting', 'pending'],
        ['reminder_day_before', 'pending'],
        ['reminder_two_hours', 'pending'],
      ]),
    );
    // 18:00 the day before, and two hours before the slot
    const start = new Date(booking.slotStart);
    expect(rows.find((r) => r.kind === 'reminder_day_before')!.due_at.toISOString()).toBe(shanghai('2026-12-07T18:00:00').toISOString());
    expect(rows.find((r) => r.kind === 'reminder_two_hours')!.due_at.getTime()).toBe(start.getTime() - 2 * 3600_000);

    const run = await dispatch();
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const sent = wechatSent(villager.openid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: WECHAT_TEMPLATE_IDS.booking_status,
      page: `pages/booking/index?id=${booking.id}`,
      miniprogramState: 'formal',
      data: { thing1: { value: fit(item.name, 20) }, phrase4: { value: '预约成功' }, thing3: { value: center.name } },
    });
    expect(sent[0]!.data.time2!.value).toMatch(/^2026年12月8日 \d{2}:\d{2}$/);

    const box = await inbox(villager.token);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({ kind: 'booking_booked', title: '预约成功', read: false, bookingId: booking.id, deliveredBy: 'wechat', link: `/pages/booking/index?id=${booking.id}` });
    expect(box.items[0]!.body).toContain(booking.code);

    const staffBox = await inbox((await staffToken()));
    expect(staffBox.items.find((n) => n.bookingId === booking.id)).toMatchObject({ kind: 'staff_booking_waiting', title: '新预约待确认', link: `/work/pages/booking/index?id=${booking.id}` });
    // a reminder is not in the inbox before it is due
    expect(box.items.some((n) => n.kind.startsWith('reminder'))).toBe(false);
  });

  it('confirmed: WeChat while accepts last', async () => {
    expect((await post((await staffToken()), `/api/bookings/${booking.id}/confirm`)).status).toBe(200);
    await dispatch();
    expect(wechatSent(villager.openid).at(-1)).toMatchObject({ templateId: WECHAT_TEMPLATE_IDS.booking_status, data: { phrase4: { value: '已确认' } } });
    expect(await latest(villager.token)).toMatchObject({ kind: 'booking_confirmed', title: '预约已确认', deliveredBy: 'wechat' });
  });

  it('the day-before reminder at 18:00 by the reminder template, with the booking code', async () => {
    clock = shanghai('2026-12-07T18:00:30');
    await dispatch();
    expect(wechatSent(villager.openid).at(-1)).toMatchObject({
      templateId: WECHAT_TEMPLATE_IDS.reminder,
      data: { character_string4: { value: booking.code }, thing1: { value: fit(item.name, 20) } },
    });
    expect(await latest(villager.token)).toMatchObject({ kind: 'reminder_day_before', title: '明天有预约' });
  });

  it('two hours before: the second reminder; then at the centre: checked in, called, accepted, 补正, done', async () => {
    clock = new Date(new Date(booking.slotStart).getTime() - 2 * 3600_000 + 30_000);
    await dispatch();
    expect(wechatSent(villager.openid).at(-1)).toMatchObject({ templateId: WECHAT_TEMPLATE_IDS.reminder });
    expect(await latest(villager.token)).toMatchObject({ kind: 'reminder_two_hours', title: '两小时后办理' });

    clock = new Date(new Date(booking.slotStart).getTime() - 10 * 60_000);
    expect((await api.call('POST', '/api/bookings/check-in', { token: (await staffToken()), body: { code: booking.code } })).status).toBe(200);
    await dispatch();
    expect(await latest(villager.token)).toMatchObject({ kind: 'booking_checked_in', title: '已签到' });

    const windows = (await get<{ windows: { id: string }[] }>((await staffToken()), '/api/queue')).body.windows;
    let called = false;
    for (const w of windows) {
      const res = await post((await staffToken()), '/api/queue/call-next', { windowId: w.id });
      if (res.status === 200 && res.body.called?.bookingId === booking.id) {
        called = true;
        break;
      }
    }
    expect(called).toBe(true);
    await dispatch();
    const call = await latest(villager.token);
    expect(call).toMatchObject({ kind: 'ticket_called', title: '叫到您了' });
    expect(call.body).toMatch(/号到.+办理/);

    const accepted = await post<CaseDetail>((await staffToken()), '/api/cases', { bookingId: booking.id });
    expect(accepted.status).toBe(201);
    await dispatch();
    expect(await latest(villager.token)).toMatchObject({ kind: 'case_accepted', title: '已受理', caseId: accepted.body.id });

    expect((await post((await staffToken()), `/api/cases/${accepted.body.id}/supplement`, { missing: ['户口簿原件', '近期一寸免冠照片'] })).status).toBe(200);
    await dispatch();
    const supplement = await latest(villager.token);
    expect(supplement).toMatchObject({ kind: 'case_needs_supplement', title: '需要补材料' });
    expect(supplement.body).toContain('户口簿原件、近期一寸免冠照片');

    expect((await post((await staffToken()), `/api/cases/${accepted.body.id}/supplemented`)).status).toBe(200);
    expect((await post((await staffToken()), `/api/cases/${accepted.body.id}/forward`, { note: '报县民政局审批' })).status).toBe(200);
    await dispatch();
    expect(await latest(villager.token)).toMatchObject({ kind: 'case_forwarded', title: '已报县里办理' });
    expect((await post((await staffToken()), `/api/cases/${accepted.body.id}/complete`, { outcome: '证件已办好，请到窗口领取' })).status).toBe(200);
    await dispatch();
    const done = await latest(villager.token);
    expect(done).toMatchObject({ kind: 'case_completed', title: '已经办好了' });
    expect(done.body).toContain('证件已办好，请到窗口领取');
  });

  it('the WeChat accepts ran out on the way: the rest went by SMS to the phone on file; every one is in the inbox', async () => {
    const box = await inbox(villager.token);
    const kinds = box.items.map((n) => n.kind).reverse();
    expect(kinds).toEqual([
      'booking_booked', 'booking_confirmed', 'reminder_day_before', 'reminder_two_hours', 'booking_checked_in',
      'ticket_called', 'case_accepted', 'case_needs_supplement', 'case_forwarded', 'case_completed',
    ]);
    const byWechat = box.items.filter((n) => n.deliveredBy === 'wechat').length;
    const bySms = box.items.filter((n) => n.deliveredBy === 'sms').length;
    // two accepts of each of the three templates: booking_status ×2, reminder ×2, case_progress ×2
    expect(byWechat).toBe(6);
    expect(bySms).toBe(4);
    expect(wechatSent(villager.openid)).toHaveLength(6);
    const texts = smsSent('13812345678');
    expect(texts).toHaveLength(4);
    expect(texts[0]).toMatchObject({ templateId: SMS_TEMPLATE_IDS.case_progress });
    expect(texts.every((m) => m.params.every((p) => Array.from(p).length <= 12))).toBe(true);
    // the send key travels as SessionContext, and the provider's SerialNo is kept
    const rows = await t.db.query<{ send_key: string; provider_id: string }>(
      `select d.send_key, d.provider_id from notification_deliveries d join notifications n on n.id = d.notification_id
       where n.user_id = $1 and d.channel = 'sms' and d.status = 'sent' order by d.id`,
      [villager.userId],
    );
    expect(rows.map((r) => r.send_key)).toEqual(texts.map((m) => m.sessionContext));
    expect(rows.map((r) => r.provider_id)).toEqual(texts.map((m) => m.serialNo));
    expect(box.unread).toBe(10);
  });

  it('read one, read all', async () => {
    const box = await inbox(villager.token);
    const one = await post<{ unread: number }>(villager.token, `/api/notifications/${box.items[0]!.id}/read`);
    expect(one.body.unread).toBe(9);
    expect((await post<{ unread: number }>(villager.token, `/api/notifications/${box.items[0]!.id}/read`)).body.unread).toBe(9);
    expect((await get(villager.token, '/api/notifications/unread')).body).toEqual({ unread: 9 });
    expect((await post(villager.token, '/api/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await inbox(villager.token)).items.every((n) => n.read)).toBe(true);
  });
});

describe('changes by the centre, with their reasons', () => {
  it('declined: the reason reaches the resident (inbox only when neither WeChat nor SMS can)', async () => {
    clock = shanghai('2026-12-07T09:30:00');
    const token = await api.login('no-wechat-resident');
    const b = await book(token, items[1]!.id, '2026-12-09');
    expect((await post((await staffToken()), `/api/bookings/${b.id}/decline`, { reason: '当天该事项窗口停办，请改约其他日期' })).status).toBe(200);
    await dispatch();
    const n = await latest(token);
    expect(n).toMatchObject({ kind: 'booking_declined', title: '预约未通过', deliveredBy: 'inbox' });
    expect(n.body).toContain('当天该事项窗口停办，请改约其他日期');
    // the declined booking's reminders will never go out
    clock = shanghai('2026-12-09T17:00:00');
    await dispatch();
    expect((await outbox(b.id)).filter((r) => r.kind.startsWith('reminder')).map((r) => r.state)).toEqual(['obsolete', 'obsolete']);
    expect((await inbox(token)).items.some((i) => i.kind.startsWith('reminder'))).toBe(false);
  });

  it('rescheduled: told, the old reminders dropped, new ones at the new time', async () => {
    clock = shanghai('2026-12-07T10:00:00');
    const v = await wechatResident('li-moving', '13900001111');
    const b = await book(v.token, items[2]!.id, '2026-12-10');
    const to = await openSlot(items[2]!.id, '2026-12-11', 1);
    expect((await post(v.token, `/api/bookings/${b.id}/reschedule`, { slotStart: to })).status).toBe(200);
    await dispatch();
    const n = await latest(v.token);
    expect(n).toMatchObject({ kind: 'booking_rescheduled', title: '预约时间已改', deliveredBy: 'sms' });
    expect(smsSent('13900001111').at(-1)).toMatchObject({ templateId: SMS_TEMPLATE_IDS.booking_status });
    clock = shanghai('2026-12-09T18:00:30');
    await dispatch();
    clock = shanghai('2026-12-10T18:00:30');
    await dispatch();
    const reminders = (await outbox(b.id)).filter((r) => r.kind.startsWith('reminder'));
    expect(reminders.filter((r) => r.state === 'obsolete')).toHaveLength(2);
    expect(reminders.filter((r) => r.state === 'delivered' && r.kind === 'reminder_day_before')).toHaveLength(1);
    expect((await latest(v.token)).body).toContain('明天');
  });

  it('cancelled by the centre (a closure): the reason, even in quiet hours when it is about today', async () => {
    clock = shanghai('2026-12-14T08:00:00');
    const v = await wechatResident('zhao-closure', '13700002222');
    await book(v.token, items[3]!.id, '2026-12-16');
    await dispatch();
    clock = shanghai('2026-12-14T09:00:00');
    const closed = await post((await managerToken()), `/api/manage/centers/${center.id}/closures`, {
      from: '2026-12-16', to: '2026-12-16', reason: '停电检修', cancelAffected: true,
    });
    expect(closed.status).toBe(200);
    await dispatch();
    const n = await latest(v.token);
    expect(n).toMatchObject({ kind: 'booking_cancelled_by_center', title: '中心取消了您的预约' });
    expect(n.body).toContain('停电检修');
    expect(smsSent('13700002222').at(-1)!.params).toContain('已取消');
  });
});

describe('quiet hours', () => {
  it('a change at 23:00 about another day waits until 07:00 (the inbox has it at once); quiet hours off sends at once', async () => {
    clock = shanghai('2026-12-14T21:50:00');
    const v = await wechatResident('night-owl', '13600003333');
    const b = await book(v.token, items[4]!.id, '2026-12-17');
    clock = shanghai('2026-12-14T23:00:00');
    expect((await post((await staffToken()), `/api/bookings/${b.id}/confirm`)).status).toBe(200);
    const before = smsSent('13600003333').length;
    const run = await dispatch();
    expect(run.deferred).toBeGreaterThanOrEqual(2);
    expect(smsSent('13600003333')).toHaveLength(before);
    expect((await inbox(v.token)).items.map((i) => i.kind)).toEqual(['booking_confirmed', 'booking_booked']);
    clock = shanghai('2026-12-15T07:00:10');
    await dispatch();
    expect(smsSent('13600003333').length).toBe(before + 2);

    const off = await api.call<NotificationSettings>('PUT', '/api/me/notification-settings', { token: v.token, body: { quietHours: false } });
    expect(off.body.quietHours).toBe(false);
    clock = shanghai('2026-12-15T23:30:00');
    expect((await post(v.token, `/api/bookings/${b.id}/cancel`, {})).status).toBe(200);
    // the resident cancelled it themselves: nothing to tell; a centre decline would go at once
  });
});

describe('provider errors', () => {
  it('an expired access_token is refreshed once and the message goes out', async () => {
    clock = shanghai('2026-12-21T09:00:00');
    const v = await wechatResident('token-expiry');
    const b = await book(v.token, items[5]!.id, '2026-12-23');
    await subscribe(v.token, v.openid, b.id, 2);
    await dispatch();
    ch.wechat.expireTokens();
    expect((await post((await staffToken()), `/api/bookings/${b.id}/confirm`)).status).toBe(200);
    await dispatch();
    expect(wechatSent(v.openid).map((m) => m.data.phrase4?.value)).toEqual(['预约成功', '已确认']);
  });

  it('43101 (accept used up) and 47003 (bad data) fall back to SMS at once; a rate limit retries later', async () => {
    clock = shanghai('2026-12-21T09:10:00');
    const v = await wechatResident('fallbacks', '13500004444');
    const b = await book(v.token, items[6]!.id, '2026-12-24');
    await subscribe(v.token, v.openid, b.id, 3);
    ch.wechat.failNext('subscribeSend', 43101);
    await dispatch();
    expect(await latest(v.token)).toMatchObject({ kind: 'booking_booked', deliveredBy: 'sms' });

    ch.wechat.failNext('subscribeSend', 47003);
    expect((await post((await staffToken()), `/api/bookings/${b.id}/confirm`)).status).toBe(200);
    await dispatch();
    expect(await latest(v.token)).toMatchObject({ kind: 'booking_confirmed', deliveredBy: 'sms' });

    ch.wechat.failNext('subscribeSend', 45011);
    expect((await post((await staffToken()), `/api/bookings/${b.id}/decline`, { reason: '材料不全请改约' })).status).toBe(200);
    const run = await dispatch();
    expect(run.retrying).toBe(1);
    expect((await latest(v.token)).deliveredBy).toBeNull();
    clock = new Date(clock.getTime() + 3600_000);
    await dispatch();
    expect(await latest(v.token)).toMatchObject({ kind: 'booking_declined', deliveredBy: 'wechat' });
  });

  it('a number the SMS provider refuses, and no WeChat: a dead letter; the admin sees it and sends it again', async () => {
    clock = shanghai('2026-12-21T11:00:00');
    const v = await wechatResident('bad-number', '19912345678');
    const b = await book(v.token, items[7]!.id, '2026-12-24');
    ch.sms.failNext('InvalidParameterValue.IncorrectPhoneNumber');
    await dispatch();
    const dead = (await outbox(b.id)).find((r) => r.kind === 'booking_booked')!;
    expect(dead.state).toBe('dead');
    expect(await latest(v.token)).toMatchObject({ kind: 'booking_booked', deliveredBy: 'inbox' });

    const report = await get<DeliveryReport>((await adminToken()), '/api/admin/notifications?days=30');
    expect(report.status).toBe(200);
    const letter = report.body.deadLetters.find((d) => d.kind === 'booking_booked' && d.recipient.startsWith('b'))!;
    expect(letter).toMatchObject({ state: 'dead', title: '预约成功', channelsTried: ['sms'], lastError: 'sms:InvalidParameterValue.IncorrectPhoneNumber' });
    expect(JSON.stringify(report.body)).not.toContain('19912345678');
    const sms = report.body.channels.find((c) => c.channel === 'sms')!;
    expect(sms.failed).toBeGreaterThanOrEqual(1);
    expect(sms.rate).toBeGreaterThan(0);
    expect(report.body.channels.find((c) => c.channel === 'wechat')!.sent).toBeGreaterThan(0);

    expect((await post((await managerToken()), `/api/admin/notifications/${letter.id}/retry`)).status).toBe(403);
    const retried = await post((await adminToken()), `/api/admin/notifications/${letter.id}/retry`);
    expect(retried.body).toEqual({ id: letter.id, state: 'pending' });
    await dispatch();
    expect(await latest(v.token)).toMatchObject({ kind: 'booking_booked', deliveredBy: 'sms' });
    expect((await post((await adminToken()), `/api/admin/notifications/${letter.id}/retry`)).body.error.code).toBe('NOTIFICATION_NOT_RETRYABLE');
  });
});

describe('rejected, no-show restriction, bad ratings and their follow-up', () => {
  it('rejected with the reason', async () => {
    clock = shanghai('2026-12-22T09:00:00');
    const { token } = await wechatResident('rejected-resident', '13200007777');
    const b = await book(token, items[8]!.id, '2026-12-22');
    expect((await api.call('POST', '/api/bookings/check-in', { token: (await staffToken()), body: { code: b.code } })).status).toBe(200);
    const c = await post<CaseDetail>((await staffToken()), '/api/cases', { bookingId: b.id });
    expect((await post((await staffToken()), `/api/cases/${c.body.id}/reject`, { reason: '不属于本中心办理范围' })).status).toBe(200);
    await dispatch();
    const n = await latest(token);
    expect(n).toMatchObject({ kind: 'case_rejected', title: '不予受理' });
    expect(n.body).toContain('不属于本中心办理范围');
    expect(n.deliveredBy).toBe('sms');
    // sent side by side with the check-in and acceptance notices: found by its words, not by its place
    expect(smsSent('13200007777').find((m) => m.params.includes('不予受理'))).toMatchObject({
      templateId: SMS_TEMPLATE_IDS.case_progress,
      params: expect.arrayContaining(['原因：不属于本中心办理…']),
    });
  });

  it('no-shows suspend online booking, and the person is told until when', async () => {
    clock = shanghai('2026-12-22T09:00:00');
    await t.db.exec(`insert into booking_rules (center_id, no_show_limit) values ('${center.id}', 1)
                     on conflict (center_id) do update set no_show_limit = 1`);
    const v = await wechatResident('no-show-resident', '13100008888');
    const b = await book(v.token, items[9]!.id, '2026-12-22');
    clock = new Date(new Date(b.slotEnd).getTime() + 20 * 60_000);
    const job = await api.call<{ restricted: number }>('GET', '/api/jobs/no-shows', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
    expect(job.body.restricted).toBeGreaterThanOrEqual(1);
    await dispatch();
    const n = (await inbox(await wechatLogin('no-show-resident'))).items.find((i) => i.kind === 'restriction_started')!;
    expect(n).toMatchObject({ title: '暂停网上预约', deliveredBy: 'sms' });
    expect(smsSent('13100008888').find((m) => m.params.includes('暂停预约'))).toMatchObject({ templateId: SMS_TEMPLATE_IDS.booking_status });
    expect(n.body).toMatch(/1月\d+日前不能在网上预约/);
    await t.db.exec(`update booking_rules set no_show_limit = 3 where center_id = '${center.id}'`);
  });

  it('a bad rating: the manager now, again when overdue; closing it tells the resident what was done', async () => {
    clock = shanghai('2026-12-23T09:00:00');
    const { token } = await wechatResident('unhappy-resident', '13000009999');
    const item = items.find((i) => i.promisedDays === 0) ?? items[0]!;
    const b = await book(token, item.id, '2026-12-23');
    expect((await api.call('POST', '/api/bookings/check-in', { token: (await staffToken()), body: { code: b.code } })).status).toBe(200);
    const c = await post<CaseDetail>((await staffToken()), '/api/cases', { bookingId: b.id });
    expect((await post((await staffToken()), `/api/cases/${c.body.id}/complete`, { outcome: '已办好' })).status).toBe(200);
    // the manager allowed the staff template twice on 通知方式: the bad rating and the overdue notice reach WeChat
    const managerOpenid = ch.wechat.openidOf('liu-jun-manager');
    await t.db.exec(`update users set wechat_openid = '${managerOpenid}' where dev_login = 'manager-shahe'`);
    const staffTemplate = [WECHAT_TEMPLATE_IDS.staff_task];
    for (let i = 0; i < 2; i++) {
      expect((await api.call('POST', '/api/me/subscriptions', { token: await managerToken(), body: { templateIds: staffTemplate, accepted: staffTemplate } })).status).toBe(200);
      ch.wechat.grantConsent(managerOpenid, WECHAT_TEMPLATE_IDS.staff_task, 1);
    }
    const rated = await post<{ followUpBy: string }>(token, `/api/bookings/${b.id}/rating`, { level: 1, indicators: ['attitude'], comment: '等了很久没人理' });
    expect(rated.status).toBe(201);
    await dispatch();
    const bad = (await inbox((await managerToken()))).items.find((i) => i.kind === 'manager_bad_rating' && i.bookingId === b.id)!;
    expect(bad).toMatchObject({ title: '收到差评，请整改', link: `/manage/pages/ratings/index?id=${center.id}`, deliveredBy: 'wechat' });
    expect(bad.body).toContain('等了很久没人理');
    expect(wechatSent(managerOpenid).find((m) => m.data.thing1?.value === '收到差评，请整改')).toMatchObject({
      templateId: WECHAT_TEMPLATE_IDS.staff_task,
      page: `manage/pages/ratings/index?id=${center.id}`,
    });

    // the day after the due date: overdue
    const due = rated.body.followUpBy;
    clock = new Date(`${due}T00:00:30+08:00`);
    clock = new Date(clock.getTime() + 24 * 3600_000);
    await dispatch();
    expect((await inbox((await managerToken()))).items.find((i) => i.kind === 'manager_follow_up_overdue' && i.bookingId === b.id)).toMatchObject({ title: '整改已逾期' });
    // overdue at midnight: held by quiet hours like any notice about another day, then sent at 07:00
    clock = new Date(clock.getTime() + 7 * 3600_000);
    await dispatch();
    expect(wechatSent(managerOpenid).find((m) => m.data.thing1?.value === '整改已逾期')).toMatchObject({ templateId: WECHAT_TEMPLATE_IDS.staff_task });
    await t.db.exec(`update users set wechat_openid = null where dev_login = 'manager-shahe'`);

    const list = await get<{ rows: { bookingId: string; followUp: { id: string } }[] }>((await managerToken()), '/api/manage/ratings?bad=true&limit=100');
    const followUp = list.body.rows.find((r) => r.bookingId === b.id)!.followUp;
    expect((await post((await managerToken()), `/api/manage/rectifications/${followUp.id}/close`, { resolution: '已对窗口人员批评教育，增设引导员' })).status).toBe(200);
    await dispatch();
    const closed = await latest(await wechatLogin('unhappy-resident'));
    expect(closed).toMatchObject({ kind: 'rectification_closed', title: '您的意见已处理', deliveredBy: 'sms' });
    expect(closed.body).toContain('增设引导员');
    expect(smsSent('13000009999').at(-1)).toMatchObject({ templateId: SMS_TEMPLATE_IDS.case_progress });
    expect(smsSent('13000009999').at(-1)!.params).toContain('已整改');
  });

  it('a follow-up closed before its due date is never reported overdue', async () => {
    clock = shanghai('2026-12-28T09:00:00');
    const token = await api.login('unhappy-resident-2');
    const item = items.find((i) => i.promisedDays === 0) ?? items[0]!;
    const b = await book(token, item.id, '2026-12-28');
    expect((await api.call('POST', '/api/bookings/check-in', { token: (await staffToken()), body: { code: b.code } })).status).toBe(200);
    const c = await post<CaseDetail>((await staffToken()), '/api/cases', { bookingId: b.id });
    expect((await post((await staffToken()), `/api/cases/${c.body.id}/complete`, { outcome: '已办好' })).status).toBe(200);
    const rated = await post<{ followUpBy: string }>(token, `/api/bookings/${b.id}/rating`, { level: 2, indicators: ['efficiency'] });
    expect(rated.status).toBe(201);
    const list = await get<{ rows: { bookingId: string; followUp: { id: string } }[] }>((await managerToken()), '/api/manage/ratings?bad=true&limit=100');
    const followUp = list.body.rows.find((r) => r.bookingId === b.id)!.followUp;
    expect((await post((await managerToken()), `/api/manage/rectifications/${followUp.id}/close`, { resolution: '调整窗口排班，高峰加开窗口' })).status).toBe(200);
    clock = new Date(new Date(`${rated.body.followUpBy}T00:00:00+08:00`).getTime() + 24 * 3600_000 + 30_000);
    await dispatch();
    const overdue = await t.db.query<{ state: string }>(
      `select state from notifications where booking_id = $1 and kind = 'manager_follow_up_overdue'`,
      [b.id],
    );
    expect(overdue.map((r) => r.state)).toEqual(['obsolete']);
    expect((await inbox((await managerToken()))).items.some((i) => i.kind === 'manager_follow_up_overdue' && i.bookingId === b.id)).toBe(false);
  });
});

describe('withdrawn and sent at once', () => {
  it('an undone case step withdraws what it would have told, if it has not gone out yet', async () => {
    clock = shanghai('2026-12-29T09:00:00');
    const token = await api.login('undo-resident');
    const b = await book(token, items[10]!.id, '2026-12-29');
    expect((await api.call('POST', '/api/bookings/check-in', { token: await staffToken(), body: { code: b.code } })).status).toBe(200);
    const c = await post<CaseDetail>(await staffToken(), '/api/cases', { bookingId: b.id });
    expect(c.status).toBe(201);
    expect((await post(await staffToken(), `/api/cases/${c.body.id}/undo`)).status).toBe(200);
    await dispatch();
    expect((await outbox(b.id)).find((r) => r.kind === 'case_accepted')!.state).toBe('obsolete');
    expect((await inbox(token)).items.some((i) => i.kind === 'case_accepted')).toBe(false);
  });

  it('right after a change, without waiting for the scheduler', async () => {
    const app = await getApp();
    app.config.notifications.dispatchAfterChange = true;
    try {
      clock = shanghai('2026-12-29T10:00:00');
      const v = await wechatResident('kicked', '13300006666');
      const before = smsSent('13300006666').length;
      await book(v.token, items[11]!.id, '2026-12-30');
      await waitUntil(async () => (await latest(v.token)).deliveredBy === 'sms', { what: 'the booking SMS sent right after booking' });
      expect(smsSent('13300006666').length).toBe(before + 1);
      expect(await latest(v.token)).toMatchObject({ kind: 'booking_booked', deliveredBy: 'sms' });
    } finally {
      app.config.notifications.dispatchAfterChange = false;
    }
  });
});

describe('accepts given on the settings page', () => {
  it('staff allow the staff template once and the next booking waiting reaches them on WeChat', async () => {
    clock = shanghai('2026-12-30T09:00:00');
    const staffOpenid = ch.wechat.openidOf('zhou-min-staff');
    await t.db.exec(`update users set wechat_openid = '${staffOpenid}' where dev_login = 'staff-shahe'`);
    const staff = await staffToken();
    const settings = (await get<NotificationSettings>(staff, '/api/me/notification-settings')).body;
    expect(settings.templates.map((x) => x.key)).toEqual(['staff_task']);
    const ids = [WECHAT_TEMPLATE_IDS.staff_task];
    const k = key();
    const first = await api.call('POST', '/api/me/subscriptions', { token: staff, idempotencyKey: k, body: { templateIds: ids, accepted: ids } });
    expect(first.body).toEqual({ recorded: 1, pending: [{ templateId: WECHAT_TEMPLATE_IDS.staff_task, count: 1 }] });
    // a retry of the same tap records nothing more
    expect((await api.call('POST', '/api/me/subscriptions', { token: staff, idempotencyKey: k, body: { templateIds: ids, accepted: ids } })).body).toEqual(first.body);
    ch.wechat.grantConsent(staffOpenid, WECHAT_TEMPLATE_IDS.staff_task, 1);
    expect((await get<NotificationSettings>(staff, '/api/me/notification-settings')).body.reach.wechat).toMatchObject({ ready: true, consentsLeft: 1 });

    const resident = await api.login('staff-wechat-resident');
    const b = await book(resident, items[12]!.id, '2026-12-31');
    await dispatch();
    expect(wechatSent(staffOpenid)).toHaveLength(1);
    expect(wechatSent(staffOpenid)[0]).toMatchObject({ templateId: WECHAT_TEMPLATE_IDS.staff_task, page: `work/pages/booking/index?id=${b.id}`, data: { thing1: { value: '新预约待确认' } } });
    // one accept, one message: the next goes to the inbox alone
    await book(await api.login('staff-wechat-resident-2'), items[12]!.id, '2026-12-31', 1);
    await dispatch();
    expect(wechatSent(staffOpenid)).toHaveLength(1);
    await t.db.exec(`update users set wechat_openid = null where dev_login = 'staff-shahe'`);
  });

  it('nothing accepted records nothing; a template not asked for is refused', async () => {
    const token = await api.login('subscription-resident');
    const ids = [WECHAT_TEMPLATE_IDS.booking_status, WECHAT_TEMPLATE_IDS.reminder];
    expect((await api.call('POST', '/api/me/subscriptions', { token, body: { templateIds: ids, accepted: [] } })).body).toEqual({ recorded: 0, pending: [] });
    expect((await api.call('POST', '/api/me/subscriptions', { token, body: { templateIds: ids, accepted: ['tplOther'] } })).status).toBe(422);
    expect((await api.call('POST', '/api/me/subscriptions', { token, body: { templateIds: [], accepted: [] } })).status).toBe(422);
  });
});

describe('settings and who may read what', () => {
  it('the settings say which channel reaches the person and offer the three resident templates', async () => {
    const v = await wechatResident('settings-person', '13400005555');
    const s = (await get<NotificationSettings>(v.token, '/api/me/notification-settings')).body;
    expect(s.templates.map((x) => x.templateId)).toEqual([WECHAT_TEMPLATE_IDS.booking_status, WECHAT_TEMPLATE_IDS.reminder, WECHAT_TEMPLATE_IDS.case_progress]);
    expect(s.reach.sms).toEqual({ ready: true, why: null, phone: '134****5555' });
    expect(s.reach.wechat).toMatchObject({ ready: false, consentsLeft: 0 });
    expect(s.reach.summary).toBe('我们会发短信到 134****5555，“消息”里也都会留一份。');
    const off = await api.call<NotificationSettings>('PUT', '/api/me/notification-settings', { token: v.token, body: { sms: false } });
    expect(off.body).toMatchObject({ sms: false, wechat: true, quietHours: true });
    expect(off.body.reach.summary).toContain('只能在小程序的“消息”里');
    expect((await api.call('PUT', '/api/me/notification-settings', { token: v.token, body: { sms: 'no' } })).status).toBe(422);
    expect((await api.call('PUT', '/api/me/notification-settings', { token: v.token, body: { email: true } })).status).toBe(422);
  });

  it('nobody reads or marks another person\'s notifications; the admin report is for county admins', async () => {
    const someone = await api.login('nosy-resident');
    const staffItem = (await inbox((await staffToken()))).items[0]!;
    expect((await post(someone, `/api/notifications/${staffItem.id}/read`)).body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await inbox(someone)).items).toEqual([]);
    expect((await get(undefined, '/api/notifications')).status).toBe(401);
    expect((await get(someone, '/api/admin/notifications')).status).toBe(403);
    expect((await get((await managerToken()), '/api/admin/notifications')).status).toBe(403);
    expect((await get(someone, '/api/notifications?before=garbage')).status).toBe(422);
    expect((await get(someone, '/api/notifications?limit=500')).status).toBe(422);
    const rls = await t.db.query<{ n: number }>(`select count(*)::int as n from notifications where user_id is not null`);
    expect(rls[0]!.n).toBeGreaterThan(0);
  });

  it('pages go back in time without gaps or repeats', async () => {
    const staff = (await staffToken());
    const all = (await inbox(staff)).items;
    const seen: NotificationItem[] = [];
    let next: string | null = null;
    do {
      const page: NotificationPage = (await get<NotificationPage>(staff, `/api/notifications?limit=3${next ? `&before=${next}` : ''}`)).body;
      seen.push(...page.items);
      next = page.next;
    } while (next);
    expect(seen.map((n) => n.id)).toEqual(all.map((n) => n.id));
  });

  it('the cron route needs its secret', async () => {
    expect((await api.call('GET', '/api/jobs/notifications')).status).toBe(403);
  });
});
