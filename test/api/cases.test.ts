// Cases (办件) and ratings (好差评) over HTTP against a real database, with the server's clock
// fixed and moved by hand: the whole journey from booking to rating, staff confirm / decline,
// walk-in cases, the state machine, undo within 2 minutes, and every denial.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CaseDetail, RatingResult } from '../../server/contract/cases';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import { addWorkingDays } from '../../server/calendar/add-working-days';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
const NINE = new Date('2026-12-01T01:00:00Z');
let clock = NINE;
const at = (hhmmss: string) => new Date(`2026-12-01T${hhmmss}+08:00`);
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let otherCenter: CenterSummary;
let items: ItemSummary[];
let tokens: Record<string, string>;
let keyCounter = 0;
const key = () => `case-key-${++keyCounter}-${Date.now()}`;
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown>; fields?: Record<string, string> } };

beforeAll(async () => {
  console.info(`case API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  const centers = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers;
  center = centers.find((c) => c.name.includes('沙河镇'))!;
  otherCenter = centers.find((c) => c.id !== center.id)!;
  items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=40`)).body.rows;
  tokens = {};
  for (const login of ['resident', 'family', 'agent', 'staff-shahe', 'manager-shahe', 'admin']) tokens[login] = await api.login(login);
  // a staff member of another centre
  await api.login('staff-other');
  await t.db.exec(`update users set app_role = 'staff', center_id = '${otherCenter.id}' where dev_login = 'staff-other'`);
  tokens['staff-other'] = await api.login('staff-other');
});

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const staff = () => tokens['staff-shahe']!;

async function firstOpenSlot(itemId: string, skip = 0): Promise<string> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=2026-12-01&to=2026-12-01`);
  // strictly more than the 1-hour cut-off ahead (see the report: book() refuses a slot exactly at the cut-off)
  const slot = body.days[0]!.slots.filter((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)[skip];
  if (!slot) throw new Error(`no open slot today: ${JSON.stringify(body.days[0]!.reason)}`);
  return slot.start;
}

async function remainingAt(itemId: string, start: string): Promise<number> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=2026-12-01&to=2026-12-01`);
  return body.days[0]!.slots.find((s) => s.start === start)!.remaining;
}

async function book(token: string, itemId: string, extra: Record<string, unknown> = {}, skip = 0): Promise<Booking> {
  const res = await api.call<Booking>('POST', '/api/bookings', {
    token,
    idempotencyKey: key(),
    body: { centerId: center.id, itemId, slotStart: await firstOpenSlot(itemId, skip), ...extra },
  });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** a POST with a fresh Idempotency-Key (null: without one) */
const post = <T = CaseDetail>(token: string | undefined, path: string, body?: unknown, idempotencyKey: string | null = key()) =>
  api.call<T & ErrorBody>('POST', path, { token, body, idempotencyKey: idempotencyKey ?? undefined });

async function checkIn(code: string) {
  const res = await api.call('POST', '/api/bookings/check-in', { token: staff(), body: { code } });
  expect(res.status).toBe(200);
}

/** A fresh resident with a booking for today, checked in and accepted. */
async function acceptedCase(login: string, itemId: string): Promise<{ token: string; booking: Booking; case: CaseDetail }> {
  const token = await api.login(login);
  const booking = await book(token, itemId);
  await checkIn(booking.code);
  const accepted = await post(staff(), '/api/cases', { bookingId: booking.id });
  expect(accepted.status).toBe(201);
  return { token, booking, case: accepted.body };
}

describe('the whole journey: book → confirm → check in → accept → 补正 → 办结 → rate', () => {
  let item: ItemSummary;
  let booking: Booking;
  let caseId: string;
  let acceptKey: string;

  it('the resident books and the centre confirms', async () => {
    item = items.find((i) => i.promisedDays >= 3)!;
    expect(item).toBeDefined();
    booking = await book(tokens.resident!, item.id);
    expect(booking.status).toBe('booked');

    const k = key();
    const confirmed = await post<Booking>(staff(), `/api/bookings/${booking.id}/confirm`, undefined, k);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: booking.id, status: 'confirmed', applicant: { name: '王*英' } });
    // a retry, and confirming a confirmed booking, answer it again
    expect((await post<Booking>(staff(), `/api/bookings/${booking.id}/confirm`, undefined, k)).body.status).toBe('confirmed');
    expect((await post<Booking>(staff(), `/api/bookings/${booking.id}/confirm`)).status).toBe(200);
  });

  it('cannot be accepted before check-in', async () => {
    const res = await post(staff(), '/api/cases', { bookingId: booking.id });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'NOT_CHECKED_IN', message: '请先签到再受理' });
  });

  it('is checked in, called, and accepted with the promised date in working days', async () => {
    await checkIn(booking.code);
    // the queue called the ticket at 08:55: handling time counts from the call
    // (a called ticket is at a window: the queue's constraint)
    await t.db.exec(
      `update tickets set called_at = '2026-12-01T08:55:00+08:00', status = 'called', window_id = (select window_id from bookings where id = '${booking.id}') where booking_id = '${booking.id}'`,
    );
    acceptKey = key();
    const res = await post(staff(), '/api/cases', { bookingId: booking.id }, acceptKey);
    expect(res.status).toBe(201);
    caseId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'accepted',
      acceptedAt: '2026-12-01T09:00:00+08:00',
      promisedBy: addWorkingDays('2026-12-01', item.promisedDays),
      promisedDays: item.promisedDays,
      bookingId: booking.id,
      itemId: item.id,
      itemName: item.name,
      ticketNumber: expect.any(Number),
      missingMaterials: [],
      rejectReason: null,
      outcome: null,
      completedAt: null,
      handlingSeconds: null,
      voided: false,
      steps: [{ at: '2026-12-01T09:00:00+08:00', kind: 'accepted', data: { promisedBy: expect.any(String) }, undone: false }],
      undo: { kind: 'accepted', until: '2026-12-01T09:02:00+08:00' },
    });
    // a retry answers the same case; another accept is refused
    const retry = await post(staff(), '/api/cases', { bookingId: booking.id }, acceptKey);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(caseId);
    const twice = await post(staff(), '/api/cases', { bookingId: booking.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_ACCEPTED');
    expect(twice.body.error.details).toEqual({ caseId });
  });

  it('asks for two named materials (补正), and cannot complete while they are missing', async () => {
    clock = at('09:05:00');
    const res = await post(staff(), `/api/cases/${caseId}/supplement`, { missing: ['户口簿原件', '近期一寸免冠照片'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'needs_supplement', missingMaterials: ['户口簿原件', '近期一寸免冠照片'] });

    const early = await post(staff(), `/api/cases/${caseId}/complete`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_CASE_TRANSITION');
    expect(early.body.error.message).toMatch(/^这一步现在不能做：/);
    expect(early.body.error.details).toEqual({ status: 'needs_supplement', action: 'complete' });

    // the resident sees exactly what to bring
    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(seen.body.case).toMatchObject({ id: caseId, status: 'needs_supplement', missingMaterials: ['户口簿原件', '近期一寸免冠照片'] });
  });

  it('the materials are brought, the case goes back to accepted and is completed', async () => {
    clock = at('09:20:00');
    const back = await post(staff(), `/api/cases/${caseId}/supplemented`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'accepted', missingMaterials: [] });

    clock = at('09:30:00');
    const done = await post(staff(), `/api/cases/${caseId}/complete`, { outcome: '证件已办好，请带身份证到窗口领取' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      outcome: '证件已办好，请带身份证到窗口领取',
      completedAt: '2026-12-01T09:30:00+08:00',
      handlingSeconds: 35 * 60, // 08:55 call → 09:30
    });
    const after = await post(staff(), `/api/cases/${caseId}/reject`, { reason: '材料不全' });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toBe('这一步现在不能做：这件事已经办结了');
  });

  it('the resident sees every step in the booking timeline, the case and no rating yet', async () => {
    const res = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('completed');
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['booked', 'confirmed', 'checked_in', 'accepted', 'needs_supplement', 'supplemented', 'completed']);
    expect(res.body.timeline.find((e) => e.kind === 'needs_supplement')).toEqual({
      at: '2026-12-01T09:05:00+08:00',
      kind: 'needs_supplement',
      data: { missing: ['户口簿原件', '近期一寸免冠照片'] },
    });
    expect(res.body.timeline.find((e) => e.kind === 'completed')!.data).toEqual({ outcome: '证件已办好，请带身份证到窗口领取' });
    expect(res.body.case).toEqual({
      id: caseId,
      status: 'completed',
      acceptedAt: '2026-12-01T09:00:00+08:00',
      promisedBy: addWorkingDays('2026-12-01', item.promisedDays),
      missingMaterials: [],
      rejectReason: null,
      outcome: '证件已办好，请带身份证到窗口领取',
      completedAt: '2026-12-01T09:30:00+08:00',
    });
    expect(res.body.rating).toBeNull();
  });

  it('a village agent cannot rate for the resident; strangers do not see the booking', async () => {
    const byAgent = await post<RatingResult>(tokens.agent, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(byAgent.status).toBe(403);
    const stranger = await api.login('case-stranger');
    const byStranger = await post<RatingResult>(stranger, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(byStranger.status).toBe(404);
    expect(byStranger.body.error.code).toBe('BOOKING_NOT_FOUND');
    const byStaff = await post<RatingResult>(staff(), `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(byStaff.status).toBe(403);
  });

  it('rates 2 (不满意): followed up within 10 working days by the manager; a second rating is 409', async () => {
    clock = at('09:40:00');
    const k = key();
    const body = { level: 2, indicators: ['efficiency', 'one_visit'], comment: '跑了两趟才办好' };
    const res = await post<RatingResult>(tokens.resident, `/api/bookings/${booking.id}/rating`, body, k);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      level: 2,
      indicators: ['efficiency', 'one_visit'],
      comment: '跑了两趟才办好',
      createdAt: '2026-12-01T09:40:00+08:00',
      followUp: true,
      followUpBy: '2026-12-15',
      followUpMessage: expect.stringContaining('12月15日前'),
      followUpResult: { status: 'open', dueBy: '2026-12-15', closedAt: null, resolution: null },
    });
    const rows = await t.db.query<{ status: string; due_by: string; assigned: string; level: number }>(`
      select r.status, to_char(r.due_by, 'YYYY-MM-DD') as due_by, u.dev_login as assigned, g.level
      from rectifications r join ratings g on g.id = r.rating_id left join users u on u.id = r.assigned_to
      where r.booking_id = '${booking.id}'`);
    expect(rows).toEqual([{ status: 'open', due_by: '2026-12-15', assigned: 'manager-shahe', level: 2 }]);

    // the same request again answers the first rating; another rating is refused
    expect((await post<RatingResult>(tokens.resident, `/api/bookings/${booking.id}/rating`, body, k)).status).toBe(201);
    const second = await post<RatingResult>(tokens.resident, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ALREADY_RATED');
    const byFamily = await post<RatingResult>(tokens.family, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(byFamily.body.error.code).toBe('ALREADY_RATED');

    const detail = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(detail.body.rating).toEqual({
      level: 2, indicators: ['efficiency', 'one_visit'], comment: '跑了两趟才办好', createdAt: '2026-12-01T09:40:00+08:00', followUp: true,
      followUpResult: { status: 'open', dueBy: '2026-12-15', closedAt: null, resolution: null },
    });
    expect(detail.body.timeline.at(-1)).toEqual({ at: '2026-12-01T09:40:00+08:00', kind: 'rated', data: { level: 2 } });
  });

  it('the completion cannot be undone once rated', async () => {
    clock = at('09:31:00'); // within two minutes of the completion
    try {
      const res = await post(staff(), `/api/cases/${caseId}/undo`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('UNDO_NOT_POSSIBLE');
    } finally {
      clock = NINE;
    }
  });

  it('staff, the manager and the county admin can open the case; another centre cannot', async () => {
    for (const who of ['staff-shahe', 'manager-shahe', 'admin', 'resident']) {
      const res = await api.call<CaseDetail>('GET', `/api/cases/${caseId}`, { token: tokens[who] });
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
      expect(res.body.steps.map((s) => s.kind)).toEqual(['accepted', 'needs_supplement', 'supplemented', 'completed', 'rated']);
    }
    const other = await api.call<ErrorBody>('GET', `/api/cases/${caseId}`, { token: tokens['staff-other'] });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await api.call('GET', `/api/cases/${caseId}`)).status).toBe(401);
    expect((await api.call('GET', '/api/cases/not-a-case', { token: staff() })).status).toBe(400);
  });
});

describe('confirm and decline', () => {
  it('decline frees the seat and tells the resident why', async () => {
    const token = await api.login('decline-resident');
    const item = items[1]!;
    const booking = await book(token, item.id);
    const before = await remainingAt(item.id, booking.slotStart);

    const noReason = await post<Booking>(staff(), `/api/bookings/${booking.id}/decline`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields).toHaveProperty('reason');

    const res = await post<Booking>(staff(), `/api/bookings/${booking.id}/decline`, { reason: '当天该事项窗口停办，请改约其他日期' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'declined', statusReason: '当天该事项窗口停办，请改约其他日期' });
    expect(await remainingAt(item.id, booking.slotStart)).toBe(before + 1);
    // declining again answers it again, without freeing another seat
    expect((await post<Booking>(staff(), `/api/bookings/${booking.id}/decline`, { reason: '重复' })).body.status).toBe('declined');
    expect(await remainingAt(item.id, booking.slotStart)).toBe(before + 1);

    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token });
    expect(seen.body.timeline.at(-1)).toEqual({ at: '2026-12-01T09:00:00+08:00', kind: 'declined', data: { reason: '当天该事项窗口停办，请改约其他日期' } });
    expect(seen.body.case).toBeNull();

    const confirm = await post<Booking>(staff(), `/api/bookings/${booking.id}/confirm`);
    expect(confirm.status).toBe(409);
    expect(confirm.body.error.code).toBe('BOOKING_NOT_PENDING');
  });

  it('a confirmed booking can still be declined before check-in; a checked-in one cannot', async () => {
    const token = await api.login('decline-resident-2');
    const booking = await book(token, items[2]!.id);
    expect((await post<Booking>(staff(), `/api/bookings/${booking.id}/confirm`)).status).toBe(200);
    expect((await post<Booking>(staff(), `/api/bookings/${booking.id}/decline`, { reason: '窗口临时停办' })).body.status).toBe('declined');

    const other = await book(token, items[3]!.id);
    await checkIn(other.code);
    const late = await post<Booking>(staff(), `/api/bookings/${other.id}/decline`, { reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('BOOKING_NOT_PENDING');
  });

  it('only staff of the booking\'s centre; residents and admins are refused', async () => {
    const token = await api.login('confirm-resident');
    const booking = await book(token, items[4]!.id);
    const path = `/api/bookings/${booking.id}/confirm`;
    expect((await post<Booking>(token, path)).status).toBe(403);
    expect((await post<Booking>(tokens.resident, path)).status).toBe(403);
    expect((await post<Booking>(tokens.admin, path)).status).toBe(403);
    const other = await post<Booking>(tokens['staff-other'], path);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await post<Booking>(tokens['staff-other'], `/api/bookings/${booking.id}/decline`, { reason: '无' })).status).toBe(404);
    expect((await post<Booking>(undefined, path)).status).toBe(401);
    const noKey = await post<Booking>(staff(), path, undefined, null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    // nothing changed
    expect((await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token })).body.status).toBe('booked');
  });
});

describe('state machine and permissions on case steps', () => {
  let c: CaseDetail;
  let token: string;
  let booking: Booking;

  beforeAll(async () => {
    ({ case: c, token, booking } = await acceptedCase('machine-resident', items[5]!.id));
  });

  it('residents, admins and other centres cannot take case steps', async () => {
    const steps: [string, unknown][] = [
      ['supplement', { missing: ['身份证'] }],
      ['supplemented', undefined],
      ['forward', undefined],
      ['complete', undefined],
      ['reject', { reason: '不符合条件' }],
      ['undo', undefined],
    ];
    for (const [step, body] of steps) {
      const path = `/api/cases/${c.id}/${step}`;
      expect({ step, resident: (await post(token, path, body)).status }).toEqual({ step, resident: 403 });
      expect({ step, admin: (await post(tokens.admin, path, body)).status }).toEqual({ step, admin: 403 });
      const other = await post(tokens['staff-other'], path, body);
      expect({ step, other: other.status, code: other.body.error.code }).toEqual({ step, other: 404, code: 'CASE_NOT_FOUND' });
      expect({ step, noKey: (await post(staff(), path, body, null)).status }).toEqual({ step, noKey: 400 });
    }
    expect((await post(token, '/api/cases', { bookingId: booking.id })).status).toBe(403);
    const other = await post(tokens['staff-other'], '/api/cases', { bookingId: booking.id });
    expect(other.body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await post(staff(), '/api/cases/00000000-0000-4000-8000-000000000000/complete')).body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('refuses bad bodies', async () => {
    const cases: [string, unknown][] = [
      ['supplement', { missing: [] }],
      ['supplement', { missing: ['身份证', '身份证'] }],
      ['supplement', { missing: ['x'.repeat(101)] }],
      ['supplement', { missing: Array.from({ length: 21 }, (_, i) => `材料${i}`) }],
      ['reject', {}],
      ['reject', { reason: '   ' }],
      ['complete', { outcome: 'x'.repeat(201) }],
      ['forward', { note: 1 }],
    ];
    for (const [step, body] of cases) {
      const res = await post(staff(), `/api/cases/${c.id}/${step}`, body);
      expect({ step, body, status: res.status }).toEqual({ step, body, status: 422 });
    }
    expect((await post(staff(), '/api/cases', {})).status).toBe(422);
    expect((await post(staff(), '/api/cases', { bookingId: booking.id, ticketNumber: 1 })).status).toBe(422);
  });

  it('forward, then only supplement, complete or reject; rejected is final', async () => {
    const wrong = await post(staff(), `/api/cases/${c.id}/supplemented`);
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toBe('这一步现在不能做：这件事没有在等补正材料');

    const forwarded = await post(staff(), `/api/cases/${c.id}/forward`, { note: '需县民政局审批' });
    expect(forwarded.body).toMatchObject({ status: 'forwarded', forwardNote: '需县民政局审批' });
    expect((await post(staff(), `/api/cases/${c.id}/forward`)).status).toBe(409);
    expect((await post(staff(), `/api/cases/${c.id}/supplemented`)).status).toBe(409);

    const rated = await post<RatingResult>(token, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] });
    expect(rated.status).toBe(409);
    expect(rated.body.error).toEqual({ code: 'RATING_NOT_YET', message: '办结后才能评价' });

    const rejected = await post(tokens['manager-shahe'], `/api/cases/${c.id}/reject`, { reason: '经县民政局审核，家庭收入超过低保标准' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '经县民政局审核，家庭收入超过低保标准', completedAt: '2026-12-01T09:00:00+08:00' });
    for (const step of ['complete', 'forward', 'supplemented']) {
      expect((await post(staff(), `/api/cases/${c.id}/${step}`)).status).toBe(409);
    }
    expect((await post(staff(), `/api/cases/${c.id}/supplement`, { missing: ['户口簿'] })).status).toBe(409);
    expect((await post(staff(), `/api/cases/${c.id}/reject`, { reason: '再拒绝一次' })).body.error.message).toBe('这一步现在不能做：这件事已经不予受理了');

    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token });
    expect(seen.body.status).toBe('completed');
    expect(seen.body.case).toMatchObject({ status: 'rejected', rejectReason: '经县民政局审核，家庭收入超过低保标准', outcome: null });
    expect(seen.body.timeline.slice(-2)).toEqual([
      { at: '2026-12-01T09:00:00+08:00', kind: 'forwarded', data: { note: '需县民政局审批' } },
      { at: '2026-12-01T09:00:00+08:00', kind: 'rejected', data: { reason: '经县民政局审核，家庭收入超过低保标准' } },
    ]);
  });

  it('a rejected case can be rated; a good rating opens no follow-up', async () => {
    const res = await post<RatingResult>(token, `/api/bookings/${booking.id}/rating`, {
      level: 4,
      indicators: ['attitude', 'efficiency', 'guidance', 'one_visit', 'environment', 'fairness'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 4, comment: null, followUp: false, followUpBy: null, followUpMessage: null });
    const rows = await t.db.query(`select 1 from rectifications where booking_id = '${booking.id}'`);
    expect(rows).toEqual([]);
    const bad = await post<RatingResult>(token, `/api/bookings/${booking.id}/rating`, { level: 4, indicators: ['speed'] });
    expect(bad.status).toBe(422);
  });
});

describe('family members rate for their parent', () => {
  it('the family member who booked rates 1 (非常不满意) and gets the follow-up message', async () => {
    const me = await api.call<{ people: { id: string; relation: string }[] }>('GET', '/api/me', { token: tokens.family });
    const parent = me.body.people.find((p) => p.relation === 'family')!;
    const booking = await book(tokens.family!, items[6]!.id, { applicantId: parent.id });
    await checkIn(booking.code);
    const c = await post(staff(), '/api/cases', { bookingId: booking.id });
    expect((await post(staff(), `/api/cases/${c.body.id}/complete`)).body).toMatchObject({ status: 'completed', outcome: null });
    const res = await post<RatingResult>(tokens.family, `/api/bookings/${booking.id}/rating`, { level: 1, indicators: ['attitude'], comment: '窗口人员态度差' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 1, followUp: true, followUpBy: '2026-12-15' });
    expect(res.body.followUpMessage).toMatch(/整改/);
    // the parent sees the rating on her booking
    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(seen.body.rating).toMatchObject({ level: 1, followUp: true });
  });
});

describe('walk-in cases (现场取号)', () => {
  it('accepts a walk-in ticket of today by its number, with the item', async () => {
    const item = items.find((i) => i.promisedDays === 0) ?? items[7]!;
    const ticket = await api.call<{ number: number }>('POST', '/api/tickets', { token: staff(), body: { itemId: item.id } });
    expect(ticket.status).toBe(201);
    const res = await post(staff(), '/api/cases', { ticketNumber: ticket.body.number });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'accepted', bookingId: null, ticketNumber: ticket.body.number, itemId: item.id, promisedBy: addWorkingDays('2026-12-01', item.promisedDays) });
    const done = await post(staff(), `/api/cases/${res.body.id}/complete`, { outcome: '当场办结' });
    expect(done.body).toMatchObject({ status: 'completed', handlingSeconds: 0 });
    expect((await post(staff(), '/api/cases', { ticketNumber: ticket.body.number })).body.error.code).toBe('ALREADY_ACCEPTED');
    // other centres do not have this number today
    expect((await post(tokens['staff-other'], '/api/cases', { ticketNumber: ticket.body.number })).body.error.code).toBe('TICKET_NOT_FOUND');
  });

  it('needs the item when the ticket has none; refuses unknown numbers and items the centre does not offer', async () => {
    const ticket = await api.call<{ number: number }>('POST', '/api/tickets', { token: staff(), body: {} });
    const none = await post(staff(), '/api/cases', { ticketNumber: ticket.body.number });
    expect(none.status).toBe(422);
    expect(none.body.error).toEqual({ code: 'ITEM_REQUIRED', message: '请选择要办理的事项' });
    expect((await post(staff(), '/api/cases', { ticketNumber: 9999 })).body.error.code).toBe('TICKET_NOT_FOUND');
    const otherItems = (await api.get<Page<ItemSummary>>(`/api/items?limit=100`)).body.rows;
    const offered = new Set(items.map((i) => i.id));
    const notOffered = (await Promise.all(
      otherItems.filter((i) => !offered.has(i.id)).slice(0, 20).map(async (i) => ({ i, centers: (await api.get<{ centers: { id: string }[] }>(`/api/items/${i.id}`)).body.centers })),
    )).find(({ centers }) => !centers.some((x) => x.id === center.id));
    if (notOffered) {
      expect((await post(staff(), '/api/cases', { ticketNumber: ticket.body.number, itemId: notOffered.i.id })).body.error.code).toBe('ITEM_NOT_OFFERED');
    }
    const ok = await post(staff(), '/api/cases', { ticketNumber: ticket.body.number, itemId: items[8]!.id });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ itemId: items[8]!.id, bookingId: null });
  });

  it('a checked-in booking can be accepted by its queue number too', async () => {
    const token = await api.login('queue-number-resident');
    const booking = await book(token, items[9]!.id);
    const checked = await api.call<{ ticket: { number: number } }>('POST', '/api/bookings/check-in', { token: staff(), body: { code: booking.code } });
    const res = await post(staff(), '/api/cases', { ticketNumber: checked.body.ticket.number });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bookingId: booking.id, itemId: items[9]!.id, ticketNumber: checked.body.ticket.number });
  });
});

describe('undo within 2 minutes', () => {
  afterEach(() => {
    clock = NINE;
  });

  it('takes back the staff member\'s own last step; the history keeps it, marked; the resident no longer sees it', async () => {
    const { case: c, token, booking } = await acceptedCase('undo-resident-1', items[10]!.id);
    clock = at('09:00:30');
    await post(staff(), `/api/cases/${c.id}/supplement`, { missing: ['结婚证'] });
    clock = at('09:02:29'); // 1 min 59 s later
    const undone = await post<CaseDetail & { undone: { kind: string } }>(staff(), `/api/cases/${c.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'accepted', missingMaterials: [], undone: { kind: 'needs_supplement', at: '2026-12-01T09:00:30+08:00' } });
    expect(undone.body.steps.map((s) => [s.kind, s.undone])).toEqual([['accepted', false], ['needs_supplement', true]]);

    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token });
    expect(seen.body.timeline.map((e) => e.kind)).toEqual(['booked', 'checked_in', 'accepted']);
    expect(seen.body.case).toMatchObject({ status: 'accepted', missingMaterials: [] });
    const rows = await t.db.query<{ kind: string; undone: boolean }>(
      `select kind, undone_at is not null as undone from booking_events where case_id = '${c.id}' order by id`,
    );
    expect(rows).toEqual([{ kind: 'accepted', undone: false }, { kind: 'needs_supplement', undone: true }]);

    // the step before is the acceptance at 09:00:00, more than two minutes ago now
    const expired = await post(staff(), `/api/cases/${c.id}/undo`);
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('UNDO_EXPIRED');
    expect(expired.body.error.message).toContain('2分钟');
  });

  it('is refused after 2 minutes', async () => {
    const { case: c } = await acceptedCase('undo-resident-2', items[11]!.id);
    clock = at('09:01:00');
    const done = await post(staff(), `/api/cases/${c.id}/complete`);
    expect(done.body.undo).toEqual({ kind: 'completed', until: '2026-12-01T09:03:00+08:00' });
    clock = at('09:03:01');
    const res = await post(staff(), `/api/cases/${c.id}/undo`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('UNDO_EXPIRED');
    expect((await api.call<CaseDetail>('GET', `/api/cases/${c.id}`, { token: staff() })).body).toMatchObject({ status: 'completed', undo: null });
  });

  it('only the one who took the step can undo it; undoing a completion reopens the booking', async () => {
    const { case: c, token, booking } = await acceptedCase('undo-resident-3', items[12]!.id);
    clock = at('09:00:40');
    const done = await post(tokens['manager-shahe'], `/api/cases/${c.id}/complete`, { outcome: '已办好' });
    expect(done.body.status).toBe('completed');
    const notMine = await post(staff(), `/api/cases/${c.id}/undo`);
    expect(notMine.status).toBe(409);
    expect(notMine.body.error.code).toBe('NOTHING_TO_UNDO');
    expect((await api.call<CaseDetail>('GET', `/api/cases/${c.id}`, { token: staff() })).body.undo).toBeNull();

    clock = at('09:01:10');
    const undone = await post(tokens['manager-shahe'], `/api/cases/${c.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'accepted', outcome: null, completedAt: null, handlingSeconds: null });
    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token });
    expect(seen.body.status).toBe('checked_in');
    expect(seen.body.case).toMatchObject({ status: 'accepted', completedAt: null });
    // no rating until it is completed again
    expect((await post<RatingResult>(token, `/api/bookings/${booking.id}/rating`, { level: 5, indicators: [] })).body.error.code).toBe('RATING_NOT_YET');
    expect((await post(tokens['manager-shahe'], `/api/cases/${c.id}/complete`, { outcome: '已办好' })).body.status).toBe('completed');
  });

  it('undoing the acceptance voids the case, and it can be accepted again', async () => {
    const ticket = await api.call<{ number: number }>('POST', '/api/tickets', { token: staff(), body: { itemId: items[13]!.id } });
    const first = await post(staff(), '/api/cases', { ticketNumber: ticket.body.number });
    clock = at('09:00:10');
    const undone = await post(staff(), `/api/cases/${first.body.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ id: first.body.id, voided: true, undone: { kind: 'accepted' } });
    expect((await api.call('GET', `/api/cases/${first.body.id}`, { token: staff() })).status).toBe(404);
    expect((await post(staff(), `/api/cases/${first.body.id}/undo`)).body.error.code).toBe('CASE_NOT_FOUND');
    const again = await post(staff(), '/api/cases', { ticketNumber: ticket.body.number });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    const rows = await t.db.query<{ voided: boolean }>(`select voided_at is not null as voided from cases where ticket_id = (select ticket_id from cases where id = '${first.body.id}') order by accepted_at, voided_at nulls last`);
    expect(rows.map((r) => r.voided).sort()).toEqual([false, true]);
  });

  it('nothing to undo for a step nobody at this window took', async () => {
    const { case: c } = await acceptedCase('undo-resident-4', items[14]!.id);
    const res = await post(tokens['manager-shahe'], `/api/cases/${c.id}/undo`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOTHING_TO_UNDO');
  });
});
