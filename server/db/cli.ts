// `npm run db:migrate` / `tsx server/db/cli.ts seed`: run migrations or load the demo data on
// the configured database (DATABASE_URL for PostgreSQL, else the embedded one).
import { readConfig } from '../config/config';
import type { SqlDatabase } from './database';
import { migrate } from './migrations';
import { openDatabase } from './open';
import { seedIfEmpty } from './seed';

async function main(command: string | undefined): Promise<void> {
  const config = readConfig();
  if (config.backend === 'supabase') throw new Error('on Supabase use the Supabase CLI: npx supabase db push --db-url …');
  const db = (await openDatabase(config)) as SqlDatabase;
  try {
    if (command === 'migrate') {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } else if (command === 'seed') {
      console.log((await seedIfEmpty(db)) ? 'demo data loaded' : 'database already has data: not seeded');
    } else {
      throw new Error('usage: tsx server/db/cli.ts migrate|seed');
    }
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
