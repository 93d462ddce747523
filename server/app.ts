// The running application: configuration and database, created once per process (once per
// warm serverless instance on Vercel) and shared by every handler.
import { type Config, readConfig } from './config/config';
import type { Database } from './db/database';
import { openDatabase } from './db/open';

export interface App {
  config: Config;
  db: Database;
  /** the one clock: read once per request; tests install a fixed one */
  clock?: () => Date;
}

let current: Promise<App> | undefined;

/** The process's app; opened from the environment on first use. */
export function getApp(): Promise<App> {
  current ??= (async () => {
    const config = readConfig();
    return { config, db: await openDatabase(config) };
  })();
  // a failed start (bad config, database down) must be retried on the next request
  current.catch(() => {
    current = undefined;
  });
  return current;
}

/** Install an app that was opened elsewhere (local server, tests). */
export function setApp(app: App): void {
  current = Promise.resolve(app);
}
