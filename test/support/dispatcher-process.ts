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
//
// Prints one JSON line per dispatch() call ({"type":"run", run}) and, at the end,
// {"type":"done", total, ms}.
import { createInterface } from 'node:readline';
import type { DispatchRun } from '../../server/contract/notifications';
import { readConfig } from '../../server/config/config';
import { openPg } from '../../server/db/pg';
import { dispatch } from '../../server/notifications/dispatcher';
import { dispatchDeps } from '../../server/notifications/notifier';

const env = process.env;
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);

async function main(): Promise<void> {
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
  if (env.DISPATCH_WAIT_GO === '1') {
    console.log(JSON.stringify({ type: 'ready' }));
    await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  }
  const started = Date.now();
  const total: DispatchRun = { claimed: 0, sent: 0, retrying: 0, fellBack: 0, inboxOnly: 0, deferred: 0, obsolete: 0, dead: 0, recovered: 0 };
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
