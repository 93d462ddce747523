// Loads supabase/seed.sql (the demo catalogue) into an empty database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlDatabase } from './database';

export const SEED_FILE = path.resolve(__dirname, '../../supabase/seed.sql');

/** Seed when no county exists yet; returns whether it seeded. */
export async function seedIfEmpty(db: SqlDatabase, file = SEED_FILE): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from public.counties');
  if (row && row.n > 0) return false;
  await db.exec(`begin;\n${readFileSync(file, 'utf8')}\ncommit;`);
  return true;
}
