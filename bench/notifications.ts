// Notification throughput: 10 000 notifications (half WeChat, half SMS) through the whole
// pipeline — claim_notifications, the send to the fake provider, finish_delivery — with one
// dispatcher process and with four in parallel, against the raw round-trip rate of the same
// fakes for the same sends without the database (the baseline, measured in the same run with
// the same number of processes and sends in flight). Then every notification is checked
// against what the fakes received: lost (not final, or not received) and duplicated messages.
//
//   npx tsx bench/notifications.ts        (needs PostgreSQL at 127.0.0.1:5432)
//
// Dispatchers and baseline senders are child processes (test/support/dispatcher-process.ts);
// the fakes (test/support/notify-channels.ts) run in this process. Exits non-zero when a
// notification was lost or a message duplicated.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DispatchRun } from '../server/contract/notifications';
import { linkOf, smsParams, wechatData } from '../server/notifications/templates';
import type { RawSend } from '../test/support/dispatcher-process';
import { type NotifyChannels, SMS_TEMPLATE_IDS, startNotifyChannels, WECHAT_TEMPLATE_IDS } from '../test/support/notify-channels';
import { anchorBooking, type Audit, audit, LOAD_NOW, seedNotifications, spawnDispatcher } from '../test/support/notify-load';
import { type BenchDatabase, createBenchDatabase, serverSettings } from './lib/db';
import { machine, ratio, watchdog, writeResults } from './lib/load';

// BENCH_NOTIFY_COUNT, BENCH_NOTIFY_BATCH and BENCH_NOTIFY_PROCESSES (e.g. "1,4") change the run
const COUNT = Number(process.env.BENCH_NOTIFY_COUNT ?? 10_000);
const CONCURRENCY = 8; // dispatch()'s default sends in flight per dispatcher
const BATCH = Number(process.env.BENCH_NOTIFY_BATCH ?? 100); // dispatch()'s default claim size
const PROCESSES = (process.env.BENCH_NOTIFY_PROCESSES ?? '1,4').split(',').map(Number);

let bench: BenchDatabase | undefined;
let ch: NotifyChannels | undefined;
let tmp: string | undefined;

async function cleanup(): Promise<void> {
  await ch?.close().catch(() => undefined);
  await bench?.drop().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** The sends the dispatcher makes for COUNT notifications, ready-made (what the baseline sends). */
function rawSends(c: NotifyChannels, tag: string): RawSend[] {
  const d = { centerName: '沙河镇便民服务中心', startsAt: '2026-12-08T09:30:00+08:00', bookingCode: 'ABCDEFGH' };
  const at = '2026-12-07T09:00:00+08:00';
  const page = linkOf('booking_confirmed', { bookingId: null, centerId: null }) ?? undefined;
  const sends: RawSend[] = [];
  for (let i = 0; i < COUNT; i++) {
    const data = { ...d, itemName: `${tag}-${String(i).padStart(5, '0')}` };
    if (i % 2 === 0) {
      const touser = c.wechat.openidOf(`${tag}-w${i}`);
      c.wechat.grantConsent(touser, WECHAT_TEMPLATE_IDS.booking_status, 1);
      sends.push({ channel: 'wechat', touser, templateId: WECHAT_TEMPLATE_IDS.booking_status, page, data: wechatData('booking_confirmed', data, at) });
    } else {
      const phone = `+86137${String(i).padStart(8, '0')}`;
      sends.push({ channel: 'sms', phone, templateId: SMS_TEMPLATE_IDS.booking_status, params: smsParams('booking_confirmed', data, at), sendKey: `${tag}-${i}:s1` });
    }
  }
  return sends;
}

interface Phase {
  mode: 'baseline' | 'pipeline';
  processes: number;
  notifications: number;
  sent: number;
  wallMs: number;
  perSecond: number;
  received: number;
  audit?: Pick<Audit, 'states' | 'unknownReceived' | 'unknownNotReceived'> & { lost: number; duplicated: number; notFinal: number };
}

/** Start `n` children, wait until all are ready, let them go at once, and time until the last is done. */
async function race(children: ReturnType<typeof spawnDispatcher>[]): Promise<{ totals: DispatchRun[]; wallMs: number }> {
  await Promise.all(children.map((c) => c.ready));
  const started = performance.now();
  for (const c of children) c.go();
  const results = await Promise.all(children.map((c) => c.done));
  return { totals: results.map((r) => r.total), wallMs: performance.now() - started };
}

async function main(): Promise<void> {
  const started = Date.now();
  watchdog(330, cleanup);
  console.log(`notifications: ${COUNT} per phase (half WeChat, half SMS), dispatcher batch ${BATCH}, ${CONCURRENCY} sends in flight per process; processes ${PROCESSES.join(', ')}`);
  bench = await createBenchDatabase('notifications', 10);
  const b = bench;
  ch = await startNotifyChannels();
  const c = ch;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-notifications-'));
  const bookingId = await anchorBooking(b.db);
  console.log(`set-up: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const phases: Phase[] = [];
  for (const processes of PROCESSES) {
    // baseline: the same sends straight to the fakes, split over the same number of processes
    c.wechat.reset();
    c.sms.reset();
    const sends = rawSends(c, `raw${processes}`);
    const files = Array.from({ length: processes }, (_, p) => {
      const file = path.join(tmp!, `raw-${processes}-${p}.json`);
      writeFileSync(file, JSON.stringify(sends.filter((_, i) => i % processes === p)));
      return file;
    });
    const raw = await race(files.map((rawFile) => spawnDispatcher({ channelEnv: c.env, now: LOAD_NOW, concurrency: CONCURRENCY, rawFile, waitForGo: true })));
    const rawSent = raw.totals.reduce((n, t) => n + t.sent, 0);
    phases.push({
      mode: 'baseline',
      processes,
      notifications: COUNT,
      sent: rawSent,
      wallMs: Math.round(raw.wallMs),
      perSecond: Math.round((rawSent / raw.wallMs) * 1000),
      received: c.wechat.subscribeMessages.length + c.sms.messages.length,
    });
    console.log(`  baseline, ${processes} process(es): ${rawSent} sends in ${(raw.wallMs / 1000).toFixed(1)} s`);

    // the pipeline: COUNT notifications in the outbox, `processes` dispatchers at once
    c.wechat.reset();
    c.sms.reset();
    const seeded = await seedNotifications(b.db, c, { tag: `pipe${processes}`, count: COUNT, bookingId });
    await b.admin.query('analyze public.notifications; analyze public.notification_deliveries; analyze public.reminder_consents; checkpoint');
    const run = await race(
      Array.from({ length: processes }, () =>
        spawnDispatcher({ databaseUrl: b.url, channelEnv: c.env, now: LOAD_NOW, batchSize: BATCH, concurrency: CONCURRENCY, waitForGo: true }),
      ),
    );
    const sent = run.totals.reduce((n, t) => n + t.sent, 0);
    const a = await audit(b.db, c, seeded);
    phases.push({
      mode: 'pipeline',
      processes,
      notifications: COUNT,
      sent,
      wallMs: Math.round(run.wallMs),
      perSecond: Math.round((COUNT / run.wallMs) * 1000),
      received: a.received,
      audit: {
        states: a.states,
        lost: a.lost.length + a.notFinal.length,
        duplicated: a.duplicated.length,
        notFinal: a.notFinal.length,
        unknownReceived: a.unknownReceived,
        unknownNotReceived: a.unknownNotReceived,
      },
    });
    console.log(`  pipeline, ${processes} dispatcher(s): ${COUNT} notifications in ${(run.wallMs / 1000).toFixed(1)} s (sent per dispatcher: ${run.totals.map((t) => t.sent).join(', ')})`);
  }

  const lost = phases.reduce((n, p) => n + (p.audit?.lost ?? 0) + (p.mode === 'baseline' ? p.notifications - p.sent : 0), 0);
  const duplicated = phases.reduce((n, p) => n + (p.audit?.duplicated ?? 0), 0);
  const unknown = phases.reduce((n, p) => n + (p.audit?.states.unknown ?? 0), 0);
  const rows = PROCESSES.map((processes) => {
    const base = phases.find((p) => p.mode === 'baseline' && p.processes === processes)!;
    const pipe = phases.find((p) => p.mode === 'pipeline' && p.processes === processes)!;
    return { processes, baselinePerSecond: base.perSecond, pipelinePerSecond: pipe.perSecond, ratio: ratio(pipe.perSecond, base.perSecond) };
  });
  const file = writeResults('notifications', {
    benchmark: 'notifications',
    at: new Date().toISOString(),
    machine: machine(),
    postgres: await serverSettings(b.admin),
    settings: { count: COUNT, batch: BATCH, concurrency: CONCURRENCY, wechatShare: 0.5, fakeDelayMs: 0 },
    phases,
    ratios: rows,
    lost,
    duplicated,
    unknown,
  });

  console.log('\nthroughput (notifications/s; ratio = pipeline / baseline of the same run)');
  console.log('  processes  baseline (fakes alone)  pipeline (database + fakes)  ratio');
  for (const r of rows) {
    console.log(`  ${String(r.processes).padStart(9)}  ${String(r.baselinePerSecond).padStart(22)}  ${String(r.pipelinePerSecond).padStart(27)}  ${r.ratio.toFixed(2).padStart(5)}`);
  }
  for (const p of phases.filter((x) => x.audit)) console.log(`  ${p.processes} dispatcher(s): states ${JSON.stringify(p.audit!.states)}`);
  console.log(`lost: ${lost}`);
  console.log(`duplicated: ${duplicated}`);
  console.log(`unknown: ${unknown}`);
  console.log(`results: ${file}`);
  console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await cleanup();
  process.exit(lost > 0 || duplicated > 0 || unknown > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
