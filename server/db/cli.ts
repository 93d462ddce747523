// `npm run db:migrate` / `tsx server/db/cli.ts seed`: run migrations or load the demo data on
// the configured database (DATABASE_URL for PostgreSQL, else the embedded one).
// `npm run admin:create -- --county 511922 --username … --name …`: the first county admin.
import { readConfig } from '../config/config';
import { createFirstAdmin, parseFlags } from '../accounts/bootstrap-admin';
import { DbError, type SqlDatabase } from './database';
import { migrate } from './migrations';
import { openDatabase } from './open';
import { openPglite } from './pglite';
import { seedIfEmpty } from './seed';

async function main(command: string | undefined): Promise<void> {
  const config = readConfig();
  if (config.backend === 'supabase') throw new Error('on Supabase use the Supabase CLI: npx supabase db push --db-url …');
  const db = (await openDatabase(config, openPglite)) as SqlDatabase;
  try {
    if (command === 'migrate') {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } else if (command === 'seed') {
      console.log((await seedIfEmpty(db)) ? 'demo data loaded' : 'database already has data: not seeded');
    } else if (command === 'admin:create') {
      await migrate(db);
      const admin = await createFirstAdmin(db, parseFlags(process.argv.slice(3)), new Date()).catch((error: unknown) => {
        // USERNAME_TAKEN, COUNTY_NOT_FOUND: say it plainly
        throw error instanceof DbError ? new Error(`refused: ${error.message}`) : error;
      });
      console.log(`county admin created for ${admin.countyCode}
  username:           ${admin.username}
  temporary password: ${admin.temporaryPassword}
Shown once, not stored: give it to the admin in person. They must change it at the first login.`);
    } else {
      throw new Error('usage: tsx server/db/cli.ts migrate | seed | admin:create --county <code> --username <name> --name <姓名>');
    }
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
