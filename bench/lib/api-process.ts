// The API server for benchmarks, in its own Node process as `npm run serve` runs it: the
// router mounted by server/http/server.ts, the pg backend with a pool of
// DATABASE_POOL_SIZE connections; the clock fixed at BENCH_NOW (as test/support/api-server.ts
// does) so results do not depend on today's date. Started by ./api.ts; reports its port over
// IPC and exits when the parent goes away or after BENCH_API_MAX_SECONDS.
import { setApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import { openDatabase } from '../../server/db/open';
import { openPglite } from '../../server/db/pglite';
import { createAppServer, listen } from '../../server/http/server';

async function main(): Promise<void> {
  const now = new Date(process.env.BENCH_NOW ?? '');
  if (Number.isNaN(now.getTime())) throw new Error('BENCH_NOW must be an ISO instant');
  const config = readConfig({
    APP_MODE: 'development', // the development login makes the users
    DATA_BACKEND: 'pg',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  });
  const db = await openDatabase(config, openPglite);
  setApp({ config, db, clock: () => now });
  const server = createAppServer({ maxBodyBytes: config.maxBodyBytes });
  const port = await listen(server, 0, '127.0.0.1');
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await db.close().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  process.on('disconnect', () => void stop(0));
  const maxSeconds = Number(process.env.BENCH_API_MAX_SECONDS ?? 600);
  setTimeout(() => {
    console.error(`[bench api] still running after ${maxSeconds} s: stopping`);
    void stop(1);
  }, maxSeconds * 1000).unref();
  process.send?.({ port, backend: db.backend, poolSize: config.poolSize });
}

main().catch((error) => {
  console.error(`[bench api] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
