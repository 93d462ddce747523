// Opens the backend the configuration names. The only place that knows all three.
import type { Config } from '../config/config';
import type { Database } from './database';

export async function openDatabase(config: Config): Promise<Database> {
  switch (config.backend) {
    case 'pglite': {
      const { openPglite } = await import('./pglite');
      return openPglite(config.pgliteDir);
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
