// `npm run serve`: the production server for self-hosting (a mainland server with its own
// PostgreSQL): the same api/ handlers as on Vercel, plus the H5 build when present.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setApp } from '../app';
import { readConfig } from '../config/config';
import type { SqlDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { openDatabase } from '../db/open';
import { openPglite } from '../db/pglite';
import { logInfo } from '../core/log';
import { dispatchSettled, startDispatchTimer } from '../notifications/notifier';
import { createAppServer, listen } from './server';

async function main(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase(config, openPglite);
  if (process.env.MIGRATE_ON_START === '1' && db.backend !== 'supabase') {
    const applied = await migrate(db as SqlDatabase);
    logInfo(`applied migrations: ${applied.join(', ') || 'none'}`);
  }
  const app = { config, db };
  setApp(app);
  const h5 = path.resolve(__dirname, '../../dist-h5');
  const server = createAppServer({
    staticDir: existsSync(h5) ? h5 : undefined,
    maxBodyBytes: config.maxBodyBytes,
  });
  const port = await listen(server, config.port, config.host);
  logInfo(`listening on http://${config.host}:${port} (${config.mode}, ${db.backend})`);
  // reminders come due with no request: the server sends them itself (a cron line may call the job too)
  const stopDispatch = startDispatchTimer(app);
  const stop = async () => {
    stopDispatch();
    await dispatchSettled(app);
    server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`[serve] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
