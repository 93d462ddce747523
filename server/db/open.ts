// Opens the backend the configuration names. The deployed function (api/index.ts) knows only
// PostgreSQL and Supabase: the embedded database (PGlite, 18 MB of WASM) is handed in by the
// processes that may use it (`npm start`, `npm run serve`, the CLI), so the bundler that traces
// the function's imports never reaches it.
import type { Config } from '../config/config';
import type { Database } from './database';

export type EmbeddedOpener = (dir: string) => Promise<Database>;

export async function openDatabase(config: Config, embedded?: EmbeddedOpener): Promise<Database> {
  switch (config.backend) {
    case 'pglite': {
      if (!embedded) throw new Error('the embedded database (PGlite) runs only with npm start, npm run serve or the CLI: set DATABASE_URL or SUPABASE_URL');
      return embedded(config.pgliteDir);
    }
    case 'pg': {
      const { openPg } = await import('./pg');
      return openPg(config.databaseUrl!, config.poolSize);
    }
    case 'supabase': {
      const { openSupabase } = await import('./supabase');
      return openSupabase(config.supabase!);
    }
  }
}
