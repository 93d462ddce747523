// 好差评 for managers and admins over HTTP: the ratings of their centre or county with a summary,
// the follow-up (整改) of bad ratings closed with what was done (which the resident then reads),
// and every denial: window staff, residents, another centre's manager, another county.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CaseDetail, RatingList, Rectification } from '../../server/contract/cases';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
let clock = new Date('2026-12-01T01:00:00Z');
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let otherCenter: CenterSummary;
let item: ItemSummary;
const tokens: Record<string, string> = {};
const bookings: Record<number, Booking> = {};
let keyNo = 0;
const key = () => `follow-up-${++keyNo}-${Date.now()}`;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const post = <T>(token: string | undefined, path: string, body?: unknown) =>
  api.call<T & ErrorBody>('POST', path, { token, body, idempotencyKey: key() });
const get = <T>(token: string | undefined, path: string) => api.call<T & ErrorBody>('GET', path, { token });

/** A resident books today, is served, and rates the finished matter at `level`. */
async function ratedVisit(login: string, level: number, skip: number): Promise<Booking> {
  const token = await api.login(login);
  const { body: availability } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-01&to=2026-12-01`);
  const slot = availability.days[0]!.slots.filter((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)[skip]!;
  const booked = await post<Booking>(token, '/api/bookings', { centerId: center.id, itemId: item.id, slotStart: slot.start });
  expect(booked.status).toBe(201);
  expect((await api.call('POST', '/api/bookings/check-in', { token: tokens.staff, body: { code: booked.body.code } })).status).toBe(200);
  const accepted = await post<CaseDetail>(tokens.staff, '/api/cases', { bookingId: booked.body.id });
  expect(accepted.status).toBe(201);
  expect((await post(tokens.staff, `/api/cases/${accepted.body.id}/complete`, { outcome: '已办好' })).status).toBe(200);
  const rated = await post(token, `/api/bookings/${booked.body.id}/rating`, { level, indicators: level <= 2 ? ['attitude'] : [], comment: level <= 2 ? '态度不好' : undefined });
  expect(rated.status).toBe(201);
  tokens[login] = token;
  return booked.body;
}

beforeAll(async () => {
  console.info(`rating follow-up tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  const centers = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers;
  center = centers.find((c) => c.name.includes('沙河镇'))!;
  otherCenter = centers.find((c) => c.id !== center.id)!;
  item = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=40`)).body.rows.find((i) => i.promisedDays === 0)!;
  for (const [name, login] of [['staff', 'staff-shahe'], ['manager', 'manager-shahe'], ['admin', 'admin'], ['resident', 'resident']] as const) {
    tokens[name] = await api.login(login);
  }
  // another centre's manager, and an admin of another county
  await api.login('manager-other');
  await t.db.exec(`update users set app_role = 'manager', center_id = '${otherCenter.id}' where dev_login = 'manager-other'`);
  tokens.managerOther = await api.login('manager-other');
  await api.login('admin-other');
  await t.db.exec(`insert into counties values ('511921', '通江县', '巴中市', '四川省') on conflict do nothing;
    update users set app_role = 'admin', county_code = '511921' where dev_login = 'admin-other'`);
  tokens.adminOther = await api.login('admin-other');

  bookings[1] = await ratedVisit('rater-1', 1, 0);
  bookings[2] = await ratedVisit('rater-2', 2, 1);
  bookings[5] = await ratedVisit('rater-5', 5, 2);
});

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('the ratings list', () => {
  it('gives the manager their centre, newest first, with a summary', async () => {
    const { status, body } = await get<RatingList>(tokens.manager, '/api/manage/ratings');
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({
      total: 3, satisfied: 1, satisfactionRate: 1 / 3, byLevel: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 1 },
      indicators: { attitude: 2 }, openFollowUps: 2, overdueFollowUps: 0,
    });
    expect(body.rows).toHaveLength(3);
    const worst = body.rows.find((r) => r.level === 1)!;
    expect(worst).toMatchObject({
      itemName: item.name, center: { id: center.id }, comment: '态度不好', bookingCode: bookings[1]!.code,
      followUp: { status: 'open', overdue: false, resolution: null },
    });
    expect(body.rows.find((r) => r.level === 5)!.followUp).toBeNull();
  });

  it('lists only the bad ones when asked, the summary still over all', async () => {
    const { body } = await get<RatingList>(tokens.manager, '/api/manage/ratings?bad=true');
    expect(body.rows.map((r) => r.level).sort()).toEqual([1, 2]);
    expect(body.total).toBe(2);
    expect(body.summary.total).toBe(3);
  });

  it('gives the county admin every centre of the county, or one', async () => {
    expect((await get<RatingList>(tokens.admin, '/api/manage/ratings')).body.summary.total).toBe(3);
    expect((await get<RatingList>(tokens.admin, `/api/manage/ratings?center=${center.id}`)).body.rows).toHaveLength(3);
    expect((await get<RatingList>(tokens.admin, `/api/manage/ratings?center=${otherCenter.id}`)).body.summary).toMatchObject({ total: 0, satisfactionRate: null });
  });

  it('filters by the day of the rating', async () => {
    expect((await get<RatingList>(tokens.manager, '/api/manage/ratings?from=2026-12-01&to=2026-12-01')).body.summary.total).toBe(3);
    expect((await get<RatingList>(tokens.manager, '/api/manage/ratings?from=2026-12-02')).body.summary.total).toBe(0);
    const wrong = await get(tokens.manager, '/api/manage/ratings?from=2026-12-05&to=2026-12-01');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields).toHaveProperty('to');
  });

  it.each([
    ['window staff', 'staff', 403, 'FORBIDDEN'],
    ['a resident', 'resident', 403, 'FORBIDDEN'],
    ['nobody logged in', '', 401, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, who, status, code) => {
    const res = await get(tokens[who], '/api/manage/ratings');
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it("shows another centre's manager and another county's admin nothing of this centre", async () => {
    expect((await get<RatingList>(tokens.managerOther, '/api/manage/ratings')).body.summary.total).toBe(0);
    const asked = await get(tokens.managerOther, `/api/manage/ratings?center=${center.id}`);
    expect(asked.status).toBe(404);
    expect(asked.body.error.code).toBe('CENTER_NOT_FOUND');
    expect((await get<RatingList>(tokens.adminOther, '/api/manage/ratings')).body.summary.total).toBe(0);
  });
});

describe('closing a follow-up (整改)', () => {
  let followUp: Rectification;
  beforeAll(async () => {
    followUp = (await get<RatingList>(tokens.manager, '/api/manage/ratings?bad=true')).body.rows.find((r) => r.level === 1)!.followUp!;
  });
  const close = (who: string, resolution: unknown, id = followUp.id) => post<Rectification>(tokens[who], `/api/manage/rectifications/${id}/close`, { resolution });

  it('refuses empty words, other roles and other scopes', async () => {
    const short = await close('manager', '好');
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toHaveProperty('resolution');
    expect((await close('staff', '已电话联系群众并致歉')).body.error.code).toBe('FORBIDDEN');
    expect((await close('resident', '已电话联系群众并致歉')).body.error.code).toBe('FORBIDDEN');
    expect((await close('managerOther', '已电话联系群众并致歉')).body.error.code).toBe('RECTIFICATION_NOT_FOUND');
    expect((await close('adminOther', '已电话联系群众并致歉')).body.error.code).toBe('RECTIFICATION_NOT_FOUND');
    expect((await close('manager', '已电话联系群众并致歉', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('is closed by the manager with what was done, which the resident then reads', async () => {
    clock = new Date('2026-12-03T02:00:00Z');
    const res = await close('manager', '已电话联系群众致歉，并对窗口人员批评教育');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closedAt: '2026-12-03T10:00:00+08:00', closedByName: '刘军', overdue: false });
    // the same words again answer the same; other words are refused
    expect((await close('manager', '已电话联系群众致歉，并对窗口人员批评教育')).status).toBe(200);
    expect((await close('manager', '改个说法')).body.error.code).toBe('RECTIFICATION_CLOSED');

    const mine = await get<BookingDetail>(tokens['rater-1'], `/api/bookings/${bookings[1]!.id}`);
    expect(mine.body.rating).toMatchObject({ followUp: true, followUpResult: { status: 'closed', resolution: '已电话联系群众致歉，并对窗口人员批评教育' } });

    const log = await t.db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where target_id = '${followUp.id}'`);
    expect(log).toEqual([{ action: 'rating.follow_up_close', actor_name: '刘军' }]);
  });

  it('counts a follow-up past its due date as overdue', async () => {
    clock = new Date('2026-12-31T02:00:00Z');
    tokens.manager = await api.login('manager-shahe'); // tokens last 7 days
    const { body } = await get<RatingList>(tokens.manager, '/api/manage/ratings?bad=true');
    expect(body.summary).toMatchObject({ openFollowUps: 1, overdueFollowUps: 1 });
    expect(body.rows.find((r) => r.level === 2)!.followUp).toMatchObject({ status: 'open', overdue: true });
  });
});
