// Exactly once under crashes and races, against the real PostgreSQL server: a dispatcher in a
// child process (test/support/dispatcher-process.ts, the pg backend by URL, the fakes of this
// process as its providers) is SIGKILLed while its sends are in flight, and a fresh dispatcher
// finishes the outbox, also once the killed one's lease has run out (a short lease and a clock
// moved forward, not a wait). Then several dispatchers at once over the same outbox. Every
// notification must end final, no message may reach the fakes twice, an attempt the killed
// dispatcher left unfinished becomes unknown and is never sent again, and everything else is
// received exactly once.
//
// Only meaningful there (PGlite is one in-process database that a second process cannot open,
// and it runs one statement at a time, so it proves nothing about races): without
// TEST_DATABASE_URL these tests are skipped, and say so.
import { readConfig } from '../../server/config/config';
import type { DispatchRun } from '../../server/contract/notifications';
import { openPg } from '../../server/db/pg';
import { dispatch, type DispatchDeps } from '../../server/notifications/dispatcher';
import { dispatchDeps } from '../../server/notifications/notifier';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/database';
import { anchorBooking, audit, LOAD_NOW, seedNotifications, spawnDispatcher } from '../support/notify-load';
import { type NotifyChannels, startNotifyChannels } from '../support/notify-channels';
import { waitUntil } from '../support/wait';

const onServer = serverUrl ? describe : describe.skip;
if (!serverUrl) {
  console.warn('SKIPPED: notification crash and race tests need a PostgreSQL server (set TEST_DATABASE_URL); CI runs them.');
}

const LEASE = 5; // seconds: the minimum claim_notifications accepts
const CHILD_CONCURRENCY = 8;
let t: TestDatabase;
let ch: NotifyChannels;
let bookingId: string;

const received = () => ch.wechat.subscribeMessages.length + ch.sms.messages.length;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The dispatcher wired as the server wires it, on `db`, with the clock at `now`. */
function depsAt(now: Date, db = t.db): DispatchDeps {
  return dispatchDeps({ config: readConfig({ APP_MODE: 'development', ...ch.env }), db, clock: () => now });
}

async function statesOf(ids: string[]): Promise<Record<string, number>> {
  const rows = await t.db.query<{ state: string; n: number }>(
    `select state, count(*)::int as n from public.notifications where id = any($1::uuid[]) group by state`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Notifications of `ids` with more than one attempt, or more than one that succeeded. */
async function attemptsOf(ids: string[]) {
  const [row] = await t.db.query<{ multi: number; multi_sent: number; sent: number; unknown: number }>(
    `select count(*) filter (where n > 1)::int as multi, count(*) filter (where s > 1)::int as multi_sent,
            coalesce(sum(s), 0)::int as sent, coalesce(sum(u), 0)::int as unknown
     from (select d.notification_id, count(*) as n, count(*) filter (where d.status = 'sent') as s,
                  count(*) filter (where d.status = 'unknown') as u
           from public.notification_deliveries d where d.notification_id = any($1::uuid[]) group by d.notification_id) x`,
    [ids],
  );
  return row!;
}

onServer('notification dispatcher crash and race (real PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    ch = await startNotifyChannels();
    bookingId = await anchorBooking(t.db);
  }, 120_000);

  afterAll(async () => {
    await ch?.close();
    await t?.drop();
  });

  beforeEach(() => {
    ch.wechat.reset();
    ch.sms.reset();
  });

  // batch 100 is dispatch()'s default: it once claimed all 100 at once with 8 sending, so a kill
  // left up to 92 attempts that had never left unknown for good; a claim now asks only for the
  // free send slots
  describe.each([
    { tag: 'k1', count: 300, killAfter: 10, batch: 8 },
    { tag: 'k2', count: 300, killAfter: 120, batch: 8 },
    { tag: 'k3', count: 300, killAfter: 260, batch: 8 },
    { tag: 'k4', count: 300, killAfter: 50, batch: 100 },
  ])('a dispatcher process SIGKILLed mid-batch ($tag: batch $batch, after $killAfter of $count messages)', ({ tag, count, killAfter, batch }) => {
    it('every notification ends final, none twice, only the attempts in flight at the kill are unknown', async () => {
      // slow providers: sends are in flight when the kill comes
      ch.wechat.delays.subscribeSend = 30;
      ch.sms.delayMs = 30;
      const seeded = await seedNotifications(t.db, ch, { tag, count, bookingId });
      const ids = seeded.map((s) => s.id);
      expect(seeded.filter((s) => s.channel === 'wechat')).toHaveLength(count / 2);

      const child = spawnDispatcher({
        databaseUrl: t.url!,
        channelEnv: ch.env,
        now: LOAD_NOW,
        batchSize: batch,
        concurrency: CHILD_CONCURRENCY,
        leaseSeconds: LEASE,
      });
      let finished = false;
      void child.exited.then(() => (finished = true));
      await waitUntil(() => finished || received() >= killAfter, { timeout: 30_000, what: `${killAfter} messages at the fakes`, interval: 2 });
      expect(finished).toBe(false);
      child.kill();
      await child.exited;
      const receivedAtKill = received();
      // the attempts the killed process had claimed and not recorded
      const leftInFlight = (await statesOf(ids)).sending ?? 0;
      // a request that had reached a fake is still answered there (and counts as received)
      await pause(200);

      // a fresh dispatcher at the same instant: sends the rest, leaves the leased attempts alone
      const fresh = await dispatch(depsAt(LOAD_NOW), { leaseSeconds: LEASE, batchSize: 50, concurrency: 8 });
      expect(fresh.recovered).toBe(0);
      expect((await statesOf(ids)).sending ?? 0).toBe(leftInFlight);
      // past the lease (and past the default 60 s as well): the leftovers become unknown, not resent
      const afterLease = await dispatch(depsAt(new Date(LOAD_NOW.getTime() + 61_000)), { leaseSeconds: LEASE });
      expect(afterLease.recovered).toBe(leftInFlight);
      expect(afterLease.claimed).toBe(0);

      const a = await audit(t.db, ch, seeded);
      const attempts = await attemptsOf(ids);
      console.info(
        `${tag}: killed after ${receivedAtKill} of ${count} received; ${leftInFlight} attempts in flight at the kill ` +
          `(${a.unknownReceived} of them had reached a fake, ${a.unknownNotReceived} had not); states ${JSON.stringify(a.states)}; ` +
          `fresh run sent ${fresh.sent}`,
      );
      expect(a.notFinal).toEqual([]);
      expect(a.duplicated).toEqual([]);
      expect(a.lost).toEqual([]);
      expect(a.receivedNotRecorded).toEqual([]);
      expect(a.strangers).toBe(0);
      expect(leftInFlight).toBeGreaterThan(0);
      expect(leftInFlight).toBeLessThanOrEqual(CHILD_CONCURRENCY);
      expect(a.states.unknown ?? 0).toBe(leftInFlight);
      expect((a.states.delivered ?? 0) + (a.states.unknown ?? 0)).toBe(count);
      // the database agrees: one success at most, and an unknown attempt was never followed by another
      expect(attempts.multi).toBe(0);
      expect(attempts.multi_sent).toBe(0);
      expect(attempts.sent).toBe(a.states.delivered);
      expect(attempts.unknown).toBe(leftInFlight);
      expect(a.received).toBe(a.states.delivered! + a.unknownReceived);
    }, 60_000);
  });

  it('four dispatchers at once (two processes, two in this one) over 600 notifications: none lost, none twice', async () => {
    ch.wechat.delays.subscribeSend = 5;
    ch.sms.delayMs = 5;
    const count = 600;
    const seeded = await seedNotifications(t.db, ch, { tag: 'r1', count, bookingId });
    const ids = seeded.map((s) => s.id);
    const children = [0, 1].map(() =>
      spawnDispatcher({ databaseUrl: t.url!, channelEnv: ch.env, now: LOAD_NOW, batchSize: 20, concurrency: 8, waitForGo: true }),
    );
    await Promise.all(children.map((c) => c.ready));
    // the in-process ones on pools of their own, as separate servers would be
    const pools = [openPg(t.url!, 10), openPg(t.url!, 10)];
    try {
      for (const c of children) c.go();
      const runs: DispatchRun[] = await Promise.all([
        ...children.map((c) => c.done.then((r) => r.total)),
        ...pools.map((db) => dispatch(depsAt(LOAD_NOW, db), { batchSize: 20, concurrency: 8 })),
      ]);
      const a = await audit(t.db, ch, seeded);
      const attempts = await attemptsOf(ids);
      const sent = runs.reduce((n, r) => n + r.sent, 0);
      console.info(`race: sent per dispatcher ${runs.map((r) => r.sent).join(' + ')} = ${sent}; received ${a.received}; states ${JSON.stringify(a.states)}`);
      expect(a.notFinal).toEqual([]);
      expect(a.duplicated).toEqual([]);
      expect(a.lost).toEqual([]);
      expect(a.strangers).toBe(0);
      expect(a.states).toEqual({ delivered: count });
      expect(sent).toBe(count);
      expect(a.received).toBe(sent);
      expect(runs.reduce((n, r) => n + r.claimed, 0)).toBe(count);
      expect(attempts).toEqual({ multi: 0, multi_sent: 0, sent: count, unknown: 0 });
    } finally {
      for (const c of children) c.kill();
      await Promise.all(pools.map((p) => p.close()));
    }
  }, 60_000);
});
