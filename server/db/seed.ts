// Loads supabase/seed.sql (the demo catalogue) into an empty database, and brings the
// working-day calendar table up to date (server/calendar/calendar-table.ts) every time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { refreshCalendar } from '../calendar/calendar-table';
import type { SqlDatabase } from './database';

export const SEED_FILE = path.resolve(__dirname, '../../supabase/seed.sql');

/**
 * Refresh the calendar (app.calendar_days: the baseline migration loads it once, this keeps it in step
 * with the installed chinese-days), then seed when no county exists yet; returns whether it seeded.
 */
export async function seedIfEmpty(db: SqlDatabase, file = SEED_FILE): Promise<boolean> {
  await refreshCalendar(db);
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from public.counties');
  if (row && row.n > 0) return false;
  await db.exec(`begin;\n${readFileSync(file, 'utf8')}\ncommit;`);
  return true;
}
