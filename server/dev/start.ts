// `npm start`: the whole product on this machine. Embedded PostgreSQL (persisted under
// .data/), migrated and seeded with demo data; the api/ handlers and the H5 build served on
// localhost. Ctrl-C stops it cleanly.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setApp } from '../app';
import { readConfig } from '../config/config';
import type { SqlDatabase } from '../db/database';
import { migrate, UnknownMigrationsError } from '../db/migrations';
import { openDatabase } from '../db/open';
import { openPglite } from '../db/pglite';
import { seedIfEmpty } from '../db/seed';
import { createAppServer, listen } from '../http/server';
import { dispatchSettled, startDispatchTimer } from '../notifications/notifier';
import { DEMO_STAFF_PASSWORD } from '../../supabase/seed/data/accounts';
import { ensureH5Build, H5_DIR } from './h5-build';

const DEMO_ACCOUNTS = [
  { login: 'resident', who: '王秀英, resident (居民)' },
  { login: 'family', who: '李强, her son in the city: books for her (亲友代办)' },
  { login: 'agent', who: '赵红梅, village agent (代办员) for 王秀英 and 陈德福' },
  { login: 'staff-shahe', who: '周敏, window staff at 沙河镇便民服务中心' },
  { login: 'manager-shahe', who: '刘军, manager of 沙河镇便民服务中心' },
  { login: 'admin', who: 'county administrator, 南江县' },
];

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const log = (line: string) => console.log(`[start] ${line}`);

  const built = process.env.SKIP_H5_BUILD === '1' ? false : ensureH5Build(log);
  let db = await openDatabase(config, openPglite);
  if (db.backend !== 'supabase') {
    let applied: string[];
    try {
      applied = await migrate(db as SqlDatabase);
    } catch (error) {
      // A .data/ built from the migration history before the baseline (or from another branch):
      // it holds demo data only, so rebuild it rather than refuse to start.
      if (!(error instanceof UnknownMigrationsError) || db.backend !== 'pglite') throw error;
      log(`${config.pgliteDir} was built from an older migration history (${error.unknown.length} unknown migrations): deleting it and rebuilding the demo database`);
      await db.close();
      rmSync(config.pgliteDir, { recursive: true, force: true });
      db = await openDatabase(config, openPglite);
      applied = await migrate(db as SqlDatabase);
    }
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    if (await seedIfEmpty(db as SqlDatabase)) log('loaded demo data (supabase/seed.sql)');
  }
  const app = { config, db };
  setApp(app);
  // reminders come due with no request: the local server sends them itself
  const stopDispatch = startDispatchTimer(app);

  const server = createAppServer({ staticDir: H5_DIR, maxBodyBytes: config.maxBodyBytes });
  const port = await listenFrom(server, config.port, config.host);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/`;
  console.log(`
  便民服务 is running (${seconds} s${built ? ', H5 rebuilt' : ''}; data: ${db.backend}${db.backend === 'pglite' ? ` in ${config.pgliteDir}` : ''})

    Open in a browser:  ${url}
    API:                ${url}api/health

  Demo data: 32 township centres and 16 stations of Nanjiang County (sample records),
  the service catalogue with materials. Browsing needs no account.
  Demo accounts (development login, POST /api/auth/dev-login {"login": "…"}):
${DEMO_ACCOUNTS.map((a) => `    ${a.login.padEnd(14)} ${a.who}`).join('\n')}
  Staff password login (设置 → 工作人员登录, POST /api/auth/login): zhoumin, liujun, admin,
  password ${DEMO_STAFF_PASSWORD}.
  Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    stopDispatch();
    await dispatchSettled(app);
    server.close();
    server.closeAllConnections();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Try the configured port, then the next few, so a second checkout can run beside the first.
async function listenFrom(server: ReturnType<typeof createAppServer>, port: number, host: string): Promise<number> {
  for (let p = port; p < port + 10; p++) {
    try {
      return await listen(server, p, host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error(`ports ${port}–${port + 9} are all in use: set PORT`);
}

main().catch((error) => {
  console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
