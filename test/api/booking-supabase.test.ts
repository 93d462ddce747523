// The booking flow through the supabase-js data path (production on Vercel): supabase-js →
// PostgREST stand-in on 127.0.0.1 → the same database, with per-call JWTs carrying the
// caller's role and claims, so row-level security and every error mapping are exercised.
import type { Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { Availability } from '../../server/contract/booking';
import type { Database } from '../../server/db/database';
import { openSupabase } from '../../server/db/supabase';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type FakePostgrest, startFakePostgrest } from '../support/fake-postgrest';

const SUPABASE = { anonKey: 'test-anon-key', jwtSecret: 'test-jwt-secret-that-is-at-least-32-chars' };
const clock = new Date('2026-12-01T01:00:00Z');
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

it('logs in, books, replays, refuses and cancels through supabase-js', async () => {
  const token = await api.login('resident');
  const center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
  const item = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=1`)).body.rows[0]!;
  const days = (await api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-02&to=2026-12-02`)).body.days;
  const slotStart = days[0]!.slots[0]!.start;
  const body = { centerId: center.id, itemId: item.id, slotStart };

  const first = await api.call<Booking>('POST', '/api/bookings', { token, body, idempotencyKey: 'supabase-path-1' });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 'booked', slotStart, applicant: { name: '王秀英' } });
  const retry = await api.call<Booking>('POST', '/api/bookings', { token, body, idempotencyKey: 'supabase-path-1' });
  expect(retry.body.id).toBe(first.body.id);

  const twice = await api.call('POST', '/api/bookings', { token, body, idempotencyKey: 'supabase-path-2' });
  expect(twice.status).toBe(409);
  expect(twice.body.error.code).toBe('ALREADY_BOOKED');

  const stranger = await api.login('supabase-stranger');
  expect((await api.call('GET', `/api/bookings/${first.body.id}`, { token: stranger })).status).toBe(404);

  const cancelled = await api.call<Booking>('POST', `/api/bookings/${first.body.id}/cancel`, { token, idempotencyKey: 'supabase-path-3' });
  expect(cancelled.body.status).toBe('cancelled');

  // every call carried a JWT for the right role: the service role only for the login
  const roles = postgrest.requests.map((r) => JSON.parse(Buffer.from(String(r.headers.authorization).split('.')[1]!, 'base64url').toString()).role);
  expect(new Set(roles)).toEqual(new Set(['service_role', 'anon', 'authenticated']));
  const logins = postgrest.requests.filter((r) => r.path.endsWith('/login_user'));
  expect(logins.every((r) => String(r.headers.authorization).length > 20)).toBe(true);
});
