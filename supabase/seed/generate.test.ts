import { readFileSync } from 'node:fs';
import { generateSeedSql, SEED_SQL, stableId } from './generate';

describe('demo seed', () => {
  it('derives stable, well-formed UUIDs', () => {
    expect(stableId('center:shahe')).toBe(stableId('center:shahe'));
    expect(stableId('center:shahe')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId('a')).not.toBe(stableId('b'));
  });

  it('supabase/seed.sql is generated from the current data (npm run seed:generate)', () => {
    expect(readFileSync(SEED_SQL, 'utf8') === generateSeedSql()).toBe(true);
  });
});
