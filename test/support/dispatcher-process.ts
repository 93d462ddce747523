// A notification dispatcher in a process of its own, for the crash and race tests and the
// benchmark: it opens the database by URL (the pg backend, as `npm run serve` does), wires the
// dispatcher to the channels named in its environment (the fakes of the parent process) with
// dispatchDeps, exactly as the server does, and calls dispatch() in a loop until a run finds
// nothing to do. The parent may SIGKILL it at any moment.
//
//   node --import tsx test/support/dispatcher-process.ts
//
// Environment:
//   DISPATCH_DATABASE_URL   the database
//   DISPATCH_CHANNEL_ENV    JSON: the server environment for the channels (startNotifyChannels().env)
//   DISPATCH_NOW            ISO instant: the clock (fixed)
//   DISPATCH_BATCH, DISPATCH_CONCURRENCY, DISPATCH_LEASE   dispatch() options
//   DISPATCH_WAIT_GO=1      after set-up, print {"type":"ready"} and wait for a line on stdin
//   DISPATCH_RAW_FILE       the benchmark's baseline instead: no database at all; the JSON file holds
//                           ready-made sends (RawSend[]), made straight to the providers with
//                           DISPATCH_CONCURRENCY at a time (WeChat with one access token fetched first,
//                           SMS with the Tencent adapter the dispatcher uses)
//
// Prints one JSON line per dispatch() call ({"type":"run", run}) and, at the end,
// {"type":"done", total, ms} (raw: total.sent = sends accepted).
import { createInterface } from 'node:readline';
import type { DispatchRun } from '../../server/contract/notifications';
import { readFileSync } from 'node:fs';
import { readConfig } from '../../server/config/config';
import { createTencentSms } from '../../server/notifications/sms/tencent-sms';
import { openPg } from '../../server/db/pg';
import { dispatch } from '../../server/notifications/dispatcher';
import { dispatchDeps } from '../../server/notifications/notifier';

const env = process.env;
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);

/** One send of the benchmark's baseline, exactly as the dispatcher would make it. */
export type RawSend =
  | { channel: 'wechat'; touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }
  | { channel: 'sms'; phone: string; templateId: string; params: string[]; sendKey: string };

const emptyTotal = (): DispatchRun => ({ claimed: 0, sent: 0, retrying: 0, fellBack: 0, inboxOnly: 0, deferred: 0, obsolete: 0, dead: 0, recovered: 0 });

async function waitForGo(): Promise<void> {
  if (env.DISPATCH_WAIT_GO !== '1') return;
  console.log(JSON.stringify({ type: 'ready' }));
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
}

async function raw(file: string, channels: Record<string, string>, concurrency: number): Promise<void> {
  const sends = JSON.parse(readFileSync(file, 'utf8')) as RawSend[];
  const config = readConfig({ APP_MODE: 'development', ...channels });
  const sms = createTencentSms(config.notifications.sms!.settings);
  const base = config.wechatApiBase;
  const tokenReply = (await (
    await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: config.wechat!.appid, secret: config.wechat!.secret, force_refresh: false }),
    })
  ).json()) as { access_token: string };
  const token = tokenReply.access_token;
  await waitForGo();
  const started = Date.now();
  const total = emptyTotal();
  let next = 0;
  const worker = async () => {
    while (next < sends.length) {
      const s = sends[next++]!;
      total.claimed++;
      if (s.channel === 'wechat') {
        const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ touser: s.touser, template_id: s.templateId, page: s.page, data: s.data, miniprogram_state: 'formal', lang: 'zh_CN' }),
        });
        const reply = (await res.json()) as { errcode?: number };
        if (reply.errcode === 0) total.sent++;
      } else {
        const outcome = await sms.send({ phone: s.phone, templateId: s.templateId, params: s.params, sendKey: s.sendKey });
        if (outcome.outcome === 'sent') total.sent++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(JSON.stringify({ type: 'done', total, ms: Date.now() - started }));
}

async function main(): Promise<void> {
  if (env.DISPATCH_RAW_FILE) {
    return raw(env.DISPATCH_RAW_FILE, JSON.parse(env.DISPATCH_CHANNEL_ENV ?? '{}') as Record<string, string>, num(env.DISPATCH_CONCURRENCY, 8));
  }
  const url = env.DISPATCH_DATABASE_URL;
  if (!url) throw new Error('DISPATCH_DATABASE_URL is required');
  const channels = JSON.parse(env.DISPATCH_CHANNEL_ENV ?? '{}') as Record<string, string>;
  const now = new Date(env.DISPATCH_NOW ?? Date.now());
  const options = {
    batchSize: num(env.DISPATCH_BATCH, 100),
    concurrency: num(env.DISPATCH_CONCURRENCY, 8),
    leaseSeconds: num(env.DISPATCH_LEASE, 60),
  };
  const config = readConfig({ APP_MODE: 'development', ...channels, NOTIFY_DISPATCH_INTERVAL_SECONDS: '0' });
  const db = openPg(url, options.concurrency + 2);
  const deps = dispatchDeps({ config, db, clock: () => now });
  // connect before the start signal, so a race starts with everyone ready
  await db.query('select 1');
  await waitForGo();
  const started = Date.now();
  const total = emptyTotal();
  for (;;) {
    const run = await dispatch(deps, options);
    console.log(JSON.stringify({ type: 'run', run }));
    for (const k of Object.keys(total) as (keyof DispatchRun)[]) total[k] += run[k];
    const touched = run.claimed + run.inboxOnly + run.deferred + run.obsolete + run.dead + run.recovered;
    if (touched === 0) break;
  }
  console.log(JSON.stringify({ type: 'done', total, ms: Date.now() - started }));
  await db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
