// Notifications through the supabase-js data path (production on Vercel): the triggers write the
// rows, the dispatcher claims and finishes them through PostgREST's rpc protocol (jsonb channel
// plans, bigint delivery ids, the jobs array), and the inbox pages back with its cursor.
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { DispatchRun, NotificationPage } from '../../server/contract/notifications';
import type { Database } from '../../server/db/database';
import { openSupabase } from '../../server/db/supabase';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type FakePostgrest, startFakePostgrest } from '../support/fake-postgrest';
import { type NotifyChannels, startNotifyChannels, WECHAT_TEMPLATE_IDS } from '../support/notify-channels';

const SUPABASE = { anonKey: 'test-anon-key', jwtSecret: 'test-jwt-secret-that-is-at-least-32-chars' };
const CRON_SECRET = 'cron-secret-for-supabase-notifications';
const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai
let t: TestDatabase;
let postgrest: FakePostgrest;
let supabaseDb: Database;
let ch: NotifyChannels;
let api: RunningApi;

beforeAll(async () => {
  t = await createTestDatabase();
  postgrest = await startFakePostgrest(t.db, SUPABASE);
  supabaseDb = openSupabase({ url: postgrest.url, ...SUPABASE });
  ch = await startNotifyChannels();
  api = await startApi(supabaseDb, { ...ch.env, CRON_SECRET, NOTIFY_DISPATCH_AFTER_CHANGE: '0', NOTIFY_DISPATCH_INTERVAL_SECONDS: '0' }, () => clock);
});

afterAll(async () => {
  await api?.close();
  await supabaseDb?.close();
  await postgrest?.close();
  await ch?.close();
  await t?.drop();
});

it('books, dispatches by WeChat and shows the inbox through supabase-js', async () => {
  const login = await api.call<{ token: string }>('POST', '/api/auth/wechat', { body: { code: ch.wechat.loginCode('supabase-villager') } });
  const token = login.body.token;
  const openid = ch.wechat.openidOf('supabase-villager');
  const center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
  const item = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=1`)).body.rows[0]!;
  const day = (await api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-01&to=2026-12-01`)).body.days[0]!;
  const slotStart = day.slots.find((s) => s.remaining > 0 && s.start > '2026-12-01T12:00:00+08:00')!.start;
  const booking = (await api.call<Booking>('POST', '/api/bookings', { token, idempotencyKey: 'supabase-notify-1', body: { centerId: center.id, itemId: item.id, slotStart } })).body;
  const ids = [WECHAT_TEMPLATE_IDS.booking_status];
  expect((await api.call('POST', `/api/bookings/${booking.id}/reminders`, { token, body: { templateIds: ids, accepted: ids } })).status).toBe(200);
  ch.wechat.grantConsent(openid, WECHAT_TEMPLATE_IDS.booking_status, 1);

  const run = await api.call<DispatchRun>('GET', '/api/jobs/notifications', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status).toBe(200);
  expect(run.body.sent).toBe(1);
  expect(ch.wechat.subscribeMessages).toHaveLength(1);
  expect(ch.wechat.subscribeMessages[0]).toMatchObject({ touser: openid, templateId: WECHAT_TEMPLATE_IDS.booking_status });

  const page = (await api.call<NotificationPage>('GET', '/api/notifications?limit=1', { token })).body;
  expect(page.items[0]).toMatchObject({ kind: 'booking_booked', deliveredBy: 'wechat', bookingId: booking.id });
  expect(page.unread).toBe(1);
  expect((await api.call('POST', `/api/notifications/${page.items[0]!.id}/read`, { token })).body).toEqual({ unread: 0 });
});
