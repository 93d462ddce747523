// A case from acceptance to rating through the supabase-js data path (production on Vercel):
// JSON arrays (missing materials, indicators), dates and the domain errors travel through
// PostgREST's rpc protocol as they do through pg and PGlite.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CaseDetail, RatingResult } from '../../server/contract/cases';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { Database } from '../../server/db/database';
import { openSupabase } from '../../server/db/supabase';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type FakePostgrest, startFakePostgrest } from '../support/fake-postgrest';

const SUPABASE = { anonKey: 'test-anon-key', jwtSecret: 'test-jwt-secret-that-is-at-least-32-chars' };
const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai
let t: TestDatabase;
let postgrest: FakePostgrest;
let supabaseDb: Database;
let api: RunningApi;

beforeAll(async () => {
  t = await createTestDatabase();
  postgrest = await startFakePostgrest(t.db, SUPABASE);
  supabaseDb = openSupabase({ url: postgrest.url, ...SUPABASE });
  api = await startApi(supabaseDb, {}, () => clock);
});

afterAll(async () => {
  await api?.close();
  await supabaseDb?.close();
  await postgrest?.close();
  await t?.drop();
});

it('accepts, asks for materials, completes and takes a rating through supabase-js', async () => {
  let n = 0;
  const key = () => `supabase-case-${++n}`;
  const resident = await api.login('resident');
  const staff = await api.login('staff-shahe');
  const center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
  const item = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=1`)).body.rows[0]!;
  const day = (await api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-01&to=2026-12-01`)).body.days[0]!;
  const slotStart = day.slots.find((s) => s.remaining > 0 && s.start > '2026-12-01T10:00:00+08:00')!.start;
  const booking = (await api.call<Booking>('POST', '/api/bookings', { token: resident, idempotencyKey: key(), body: { centerId: center.id, itemId: item.id, slotStart } })).body;

  expect((await api.call('POST', '/api/bookings/check-in', { token: staff, body: { code: booking.code } })).status).toBe(200);
  const accepted = await api.call<CaseDetail>('POST', '/api/cases', { token: staff, idempotencyKey: key(), body: { bookingId: booking.id } });
  expect(accepted.status).toBe(201);
  expect(accepted.body.promisedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const id = accepted.body.id;

  const supplement = await api.call<CaseDetail>('POST', `/api/cases/${id}/supplement`, { token: staff, idempotencyKey: key(), body: { missing: ['户口簿原件', '近期免冠照片'] } });
  expect(supplement.body).toMatchObject({ status: 'needs_supplement', missingMaterials: ['户口簿原件', '近期免冠照片'] });
  const early = await api.call('POST', `/api/cases/${id}/complete`, { token: staff, idempotencyKey: key() });
  expect(early.status).toBe(409);
  expect(early.body.error).toMatchObject({ code: 'INVALID_CASE_TRANSITION', details: { status: 'needs_supplement', action: 'complete' } });
  await api.call('POST', `/api/cases/${id}/supplemented`, { token: staff, idempotencyKey: key() });
  expect((await api.call<CaseDetail>('POST', `/api/cases/${id}/complete`, { token: staff, idempotencyKey: key(), body: { outcome: '已办好' } })).body.status).toBe('completed');

  const rating = await api.call<RatingResult>('POST', `/api/bookings/${booking.id}/rating`, { token: resident, idempotencyKey: key(), body: { level: 2, indicators: ['efficiency'] } });
  expect(rating.status).toBe(201);
  expect(rating.body).toMatchObject({ level: 2, indicators: ['efficiency'], followUp: true, followUpBy: '2026-12-15' });
  const again = await api.call('POST', `/api/bookings/${booking.id}/rating`, { token: resident, idempotencyKey: key(), body: { level: 5, indicators: [] } });
  expect(again.body.error.code).toBe('ALREADY_RATED');

  const detail = await api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: resident });
  expect(detail.body.case).toMatchObject({ id, status: 'completed', outcome: '已办好' });
  expect(detail.body.rating).toMatchObject({ level: 2, followUp: true });
  expect(detail.body.timeline.map((e) => e.kind)).toEqual(['booked', 'checked_in', 'accepted', 'needs_supplement', 'supplemented', 'completed', 'rated']);
  expect(postgrest.requests.some((r) => r.path.endsWith('/rpc/advance_case'))).toBe(true);
});
