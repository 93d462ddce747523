// The window staff's workbench over HTTP against a real database, the server's clock fixed and
// moved by hand: day lists with masked names, the queue's order, call next that never drops the
// current person, recall (3 at most), 过号, put back, undo within 2 minutes, handling time, what
// the resident sees, idempotency, and every denial. Concurrency runs on the real server only.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CaseDetail } from '../../server/contract/cases';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { CallNextResult, QueueBoard, QueueTicket, StaffBooking, StaffDay } from '../../server/contract/queue';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, serverUrl, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
let clock = new Date('2026-12-01T01:00:00Z');
const at = (hhmmss: string, day = '01') => new Date(`2026-12-${day}T${hhmmss}+08:00`);
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let otherCenter: CenterSummary;
let items: ItemSummary[];
let tokens: Record<string, string>;
let windows: { id: string; number: number; name: string }[];
let otherWindow: string;
let keyNo = 0;
const key = () => `queue-key-${++keyNo}-${Date.now()}`;
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown>; fields?: Record<string, string> } };

const staff = () => tokens['staff-shahe']!;
const get = <T>(token: string | undefined, path: string) => api.call<T & ErrorBody>('GET', path, { token });
const post = <T = QueueBoard>(token: string | undefined, path: string, body?: unknown, idempotencyKey: string | null = key()) =>
  api.call<T & ErrorBody>('POST', path, { token, body, idempotencyKey: idempotencyKey ?? undefined });
const callNext = (windowId: string, finishCurrent?: boolean, k: string | null = key(), token = staff()) =>
  post<CallNextResult>(token, '/api/queue/call-next', finishCurrent === undefined ? { windowId } : { windowId, finishCurrent }, k);
const act = (ticketId: string, action: string, token = staff()) => post<QueueBoard & { ticket: QueueTicket }>(token, `/api/tickets/${ticketId}/${action}`);
const board = async (windowId: string) => (await get<QueueBoard>(staff(), `/api/queue?window=${windowId}`)).body;

beforeAll(async () => {
  console.info(`staff queue API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  const centers = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers;
  center = centers.find((c) => c.name.includes('沙河镇'))!;
  otherCenter = centers.find((c) => c.id !== center.id)!;
  items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=40`)).body.rows;
  tokens = {};
  for (const login of ['resident', 'family', 'staff-shahe', 'manager-shahe', 'admin']) tokens[login] = await api.login(login);
  await api.login('staff-other');
  await t.db.exec(`update users set app_role = 'staff', center_id = '${otherCenter.id}' where dev_login = 'staff-other'`);
  tokens['staff-other'] = await api.login('staff-other');
  windows = (await get<QueueBoard>(staff(), '/api/queue')).body.windows;
  otherWindow = (await get<QueueBoard>(tokens['staff-other'], '/api/queue')).body.windows[0]!.id;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

async function book(token: string, itemId: string, date = '2026-12-01', skip = 0): Promise<Booking> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${date}&to=${date}`);
  const slot = body.days[0]!.slots.filter((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)[skip];
  if (!slot) throw new Error(`no open slot on ${date}`);
  const res = await api.call<Booking>('POST', '/api/bookings', { token, idempotencyKey: key(), body: { centerId: center.id, itemId, slotStart: slot.start } });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('who may use the workbench', () => {
  it('residents, admins and anonymous callers are refused; another centre\'s window is not found', async () => {
    for (const path of ['/api/queue', '/api/staff/day']) {
      expect((await get(undefined, path)).status).toBe(401);
      const resident = await get(tokens.resident, path);
      expect(resident.status).toBe(403);
      expect(resident.body.error.code).toBe('FORBIDDEN');
      expect((await get(tokens.admin, path)).status).toBe(403);
    }
    const foreign = await get(staff(), `/api/queue?window=${otherWindow}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toEqual({ code: 'WINDOW_NOT_FOUND', message: '没有找到这个窗口，请刷新后重试' });
    const foreignCall = await callNext(otherWindow);
    expect(foreignCall.status).toBe(404);
    expect((await callNext(windows[0]!.id, undefined, key(), tokens.resident)).status).toBe(403);
    expect((await callNext(windows[0]!.id, undefined, key(), tokens.admin)).status).toBe(403);
    expect((await callNext(windows[0]!.id, undefined, null)).body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect((await post(staff(), '/api/queue/call-next', { windowId: 'x' })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('lists the centre\'s windows', async () => {
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(windows.map((w) => w.number)).toEqual(windows.map((_, i) => i + 1));
    expect(windows[0]!.name).toBe('1号综合窗口');
  });
});

describe('day lists (今日 / 明日)', () => {
  let today: Booking;
  let tomorrow: Booking;

  it('today: by slot, pending counted, the applicant masked, materials once per item', async () => {
    today = await book(tokens.resident!, items[0]!.id);
    tomorrow = await book(tokens.family!, items[1]!.id, '2026-12-02');
    const res = await get<StaffDay>(staff(), '/api/staff/day');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: '2026-12-01', today: '2026-12-01', centerId: center.id, centerName: center.name });
    expect(res.body.counts).toMatchObject({ pending: 1, active: 1 });
    expect(res.body.bookings).toHaveLength(1);
    expect(res.body.bookings[0]).toMatchObject({
      id: today.id,
      status: 'booked',
      itemName: items[0]!.name,
      applicantName: '王*英',
      ticket: null,
      case: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('王秀英');
    expect(res.body.materials[items[0]!.id]!.length).toBeGreaterThan(0);
    expect(Object.keys(res.body.materials[items[0]!.id]![0]!).sort()).toEqual(['condition', 'copies', 'form', 'name', 'requirement']);
    expect(res.body.materials[items[0]!.id]![0]).toMatchObject({
      name: expect.any(String),
      form: expect.any(String),
      copies: expect.any(Number),
      requirement: expect.stringMatching(/^(required|conditional)$/),
    });
  });

  it('tomorrow, and refuses days out of range or malformed', async () => {
    const res = await get<StaffDay>(staff(), '/api/staff/day?date=2026-12-02');
    expect(res.body.bookings.map((b) => b.id)).toEqual([tomorrow.id]);
    expect(res.body.bookings[0]!.applicantName).toBe('李*');
    expect((await get(staff(), '/api/staff/day?date=2026-12-20')).body.error.code).toBe('INVALID_DATE_RANGE');
    expect((await get(staff(), '/api/staff/day?date=2026-13-01')).body.error.code).toBe('VALIDATION_FAILED');
    // another centre's staff do not see it
    const other = await get<StaffDay>(tokens['staff-other'], '/api/staff/day?date=2026-12-02');
    expect(other.body.bookings).toEqual([]);
  });

  it('one booking for the workbench: masked, with materials; another centre gets 404', async () => {
    const res = await get<StaffBooking>(staff(), `/api/staff/bookings/${today.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: today.id, applicant: { name: '王*英' }, ticket: null, case: null });
    expect(res.body.materials.length).toBeGreaterThan(0);
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['booked']);
    expect(res.body).not.toHaveProperty('qrPayload');
    expect((await get(tokens['staff-other'], `/api/staff/bookings/${today.id}`)).status).toBe(404);
    expect((await get(tokens.resident, `/api/staff/bookings/${today.id}`)).status).toBe(403);
  });
});

describe('the queue at a window', () => {
  let booking: Booking;
  let walkIn: number;
  let walkInId: string;
  let bookingTicketId: string;
  const w1 = () => windows[0]!.id;
  const w2 = () => windows[1]!.id;

  it('a walk-in ticket with a key: a retry answers the same number', async () => {
    clock = at('09:00:00');
    const k = key();
    const first = await post<{ number: number }>(staff(), '/api/tickets', { itemId: items[2]!.id }, k);
    expect(first.status).toBe(201);
    const again = await post<{ number: number }>(staff(), '/api/tickets', { itemId: items[2]!.id }, k);
    expect(again.body.number).toBe(first.body.number);
    walkIn = first.body.number;
    expect((await post(staff(), '/api/tickets', { itemId: items[3]!.id }, k)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post(tokens.resident, '/api/tickets', {})).status).toBe(403);
  });

  it('orders a booked person by slot time: the walk-in who came at 9:00 goes first', async () => {
    booking = await book(tokens.resident!, items[4]!.id);
    const checked = await api.call<{ ticket: { number: number } }>('POST', '/api/bookings/check-in', { token: staff(), body: { code: booking.code } });
    expect(checked.status).toBe(200);
    const b = await board(w1());
    expect(b.waiting.map((x) => x.number)).toEqual([walkIn, checked.body.ticket.number]);
    expect(b.waiting[1]).toMatchObject({ kind: 'booking', applicantName: '王*英', queueAt: booking.slotStart, bookingId: booking.id });
    expect(b.current).toBeNull();
    expect(b.counts).toEqual({ waiting: 2, atWindows: 0, done: 0, missed: 0 });
  });

  it('calls the walk-in; a second call next does not lose them (WINDOW_BUSY)', async () => {
    const k = key();
    const res = await callNext(w1(), undefined, k);
    expect(res.status).toBe(200);
    expect(res.body.called).toMatchObject({ number: walkIn, status: 'called', callCount: 1, windowName: '1号综合窗口', calledAt: '2026-12-01T09:00:00+08:00' });
    walkInId = res.body.called!.id;
    expect(res.body.current!.id).toBe(walkInId);
    expect(res.body.lastAction).toEqual({ action: 'call', at: '2026-12-01T09:00:00+08:00', number: walkIn, undoUntil: '2026-12-01T09:02:00+08:00' });
    // the same tap retried: the same answer, nobody else called
    expect((await callNext(w1(), undefined, k)).body.called!.id).toBe(walkInId);
    const again = await callNext(w1());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WINDOW_BUSY');
    expect(again.body.error.message).toBe(`${walkIn}号叫了还没来，请先选：再叫一次、过号，或放回排队`);
    expect(again.body.error.details).toEqual({ number: walkIn, status: 'called', ticketId: walkInId });
    // finishCurrent does not finish someone who was only called
    expect((await callNext(w1(), true)).body.error.code).toBe('WINDOW_BUSY');
    expect((await board(w1())).current!.id).toBe(walkInId);
  });

  it('recalls up to 3 calls, then only 过号', async () => {
    clock = at('09:01:00');
    expect((await act(walkInId, 'recall')).body.ticket.callCount).toBe(2);
    expect((await act(walkInId, 'recall')).body.ticket).toMatchObject({ callCount: 3, lastCalledAt: '2026-12-01T09:01:00+08:00' });
    const fourth = await act(walkInId, 'recall');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toMatchObject({ code: 'RECALL_LIMIT_REACHED', message: '已经叫了3次，不能再叫了。人没来请点“过号”' });
    const missed = await act(walkInId, 'missed');
    expect(missed.status).toBe(200);
    expect(missed.body.ticket).toMatchObject({ status: 'missed', missedAt: '2026-12-01T09:01:00+08:00' });
    expect(missed.body.current).toBeNull();
    expect(missed.body.missed.map((x) => x.id)).toEqual([walkInId]);
  });

  it('calls the booked person next; the resident sees 已叫号 with the window', async () => {
    clock = at('09:02:00');
    const res = await callNext(w1());
    expect(res.body.called).toMatchObject({ kind: 'booking', bookingId: booking.id });
    bookingTicketId = res.body.called!.id;
    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(seen.body.timeline.at(-1)).toEqual({
      at: '2026-12-01T09:02:00+08:00',
      kind: 'called',
      data: { ticket: res.body.called!.number, window: '1号综合窗口', count: 1 },
    });
  });

  it('undo: a mis-tapped call goes back; the resident no longer sees it; only mine, only for 2 minutes', async () => {
    // the manager did not make the call: nothing for them to undo at this window
    const byManager = await post(tokens['manager-shahe'], '/api/queue/undo', { windowId: w1() });
    expect(byManager.body.error.code).toBe('NOTHING_TO_UNDO');
    clock = at('09:03:00');
    const undone = await post<QueueBoard & { undone: { action: string } }>(staff(), '/api/queue/undo', { windowId: w1() });
    expect(undone.status).toBe(200);
    expect(undone.body.undone).toEqual({ action: 'call', at: '2026-12-01T09:02:00+08:00' });
    expect(undone.body.current).toBeNull();
    expect(undone.body.waiting.map((x) => x.id)).toEqual([bookingTicketId]);
    expect(undone.body.waiting[0]).toMatchObject({ status: 'waiting', callCount: 0, calledAt: null, windowId: null });
    const seen = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: tokens.resident });
    expect(seen.body.timeline.map((e) => e.kind)).not.toContain('called');
    // the previous action (过号 at 09:01) is now the latest, and more than 2 minutes… not yet: 2 minutes exactly
    clock = at('09:04:00');
    const late = await post(staff(), '/api/queue/undo', { windowId: w1() });
    expect(late.body.error).toMatchObject({ code: 'UNDO_EXPIRED' });
  });

  it('serve, then call next only with 办完了: handling time from call to finish', async () => {
    clock = at('09:10:00');
    const called = await callNext(w1());
    expect(called.body.called!.id).toBe(bookingTicketId);
    // finish before serve is refused with a plain reason
    const early = await act(bookingTicketId, 'finish');
    expect(early.body.error.code).toBe('INVALID_TICKET_TRANSITION');
    expect(early.body.error.message).toMatch(/^这一步现在不能做：\d+号刚叫号，人到了请先点“开始办理”$/);
    clock = at('09:11:00');
    expect((await act(bookingTicketId, 'serve')).body.ticket).toMatchObject({ status: 'serving', servingAt: '2026-12-01T09:11:00+08:00' });
    // the case accepted now counts its handling time from the call
    const accepted = await post<CaseDetail>(staff(), '/api/cases', { bookingId: booking.id });
    expect(accepted.status).toBe(201);
    const busy = await callNext(w1());
    expect(busy.body.error.code).toBe('WINDOW_BUSY');
    expect(busy.body.error.message).toMatch(/还在办理，请先点“办完了”，再叫下一位$/);
    clock = at('09:25:00');
    const done = await post<CaseDetail>(staff(), `/api/cases/${accepted.body.id}/complete`, {});
    expect(done.body.handlingSeconds).toBe(15 * 60);
    const next = await callNext(w1(), true);
    expect(next.status).toBe(200);
    expect(next.body.called).toBeNull(); // nobody waiting (the walk-in missed their turn)
    expect(next.body.current).toBeNull();
    const [row] = await t.db.query<{ status: string; handling_seconds: number }>(`select status, handling_seconds from tickets where id = $1`, [bookingTicketId]);
    expect(row).toEqual({ status: 'done', handling_seconds: 15 * 60 });
    expect(next.body.counts).toMatchObject({ done: 1, missed: 1, waiting: 0 });
  });

  it('a missed person who turns up is put back and called again', async () => {
    clock = at('09:30:00');
    const back = await act(walkInId, 'requeue');
    expect(back.body.ticket).toMatchObject({ status: 'waiting', queueAt: '2026-12-01T09:30:00+08:00', callCount: 0 });
    expect((await callNext(w2())).body.called!.id).toBe(walkInId);
    expect((await board(w1())).atOtherWindows.map((x) => x.id)).toEqual([walkInId]);
  });

  it('refuses actions on tickets of other centres, unknown tickets, and bad transitions', async () => {
    expect((await act(walkInId, 'serve', tokens['staff-other'])).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await act(walkInId, 'serve', tokens.resident)).status).toBe(403);
    expect((await act('00000000-0000-4000-8000-000000000000', 'serve')).status).toBe(404);
    expect((await act('nope', 'serve')).body.error.code).toBe('INVALID_ID');
    expect((await act(bookingTicketId, 'requeue')).body.error.code).toBe('INVALID_TICKET_TRANSITION');
    expect((await act(bookingTicketId, 'missed')).body.error.message).toMatch(/已经办完了$/);
  });

  it('writes the audit log (numbers and windows, no names)', async () => {
    const rows = await t.db.query<{ action: string; detail: Record<string, unknown> }>(
      `select action, detail from audit_log where action like 'queue.%' order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['queue.issue', 'queue.call', 'queue.recall', 'queue.missed', 'queue.undo', 'queue.serve', 'queue.finish', 'queue.requeue']));
    expect(JSON.stringify(rows)).not.toContain('王');
  });
});

const onServer = serverUrl ? describe : describe.skip;
if (!serverUrl) console.warn('SKIPPED: queue concurrency tests need a PostgreSQL server (set TEST_DATABASE_URL).');

onServer('call next under concurrency (real PostgreSQL)', () => {
  it('every window calling at once never get the same person; taps at one window never call two', async () => {
    clock = at('10:00:00', '02');
    const ids = windows.map((w) => w.id);
    const numbers: number[] = [];
    for (let i = 0; i < ids.length * 3; i += 1) numbers.push((await post<{ number: number }>(staff(), '/api/tickets', {})).body.number);
    const calledIds: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      // every window at once, three taps each
      const results = await Promise.all(ids.flatMap((w) => [0, 1, 2].map(() => callNext(w, round > 0))));
      const ok = results.filter((r) => r.status === 200 && r.body.called);
      expect(ok).toHaveLength(ids.length);
      expect(results.filter((r) => r.status !== 200).every((r) => r.body.error.code === 'WINDOW_BUSY')).toBe(true);
      for (const r of ok) calledIds.push(r.body.called!.id);
      for (const r of ok) expect((await act(r.body.called!.id, 'serve')).status).toBe(200);
    }
    expect(new Set(calledIds).size).toBe(ids.length * 3);
    const [row] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from queue_events where action = 'call' and undone_at is null and service_date = '2026-12-02'`,
    );
    expect(row!.n).toBe(ids.length * 3);
  }, 60_000);
});
