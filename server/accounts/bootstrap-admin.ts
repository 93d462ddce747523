// The first county admin, made from the command line (`npm run admin:create -- --county 511922
// --username … --name …`): nobody can log in to make them through the API. Prints the
// temporary password once; the admin must change it at the first login.
import { z } from 'zod';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import { SERVICE } from '../auth/tokens';
import type { Database } from '../db/database';
import { username } from './account-requests';

export const bootstrapAdminArgs = z.object({
  county: z.string().regex(/^[0-9]{6}$/, '--county: the 6-digit county division code, e.g. 511922'),
  username,
  name: z.string().trim().min(1, '--name: the admin\'s name').max(40),
  // only for a county not in the database yet (a fresh installation): all three
  'county-name': z.string().trim().min(2).max(20).optional(),
  city: z.string().trim().min(1).max(20).optional(),
  province: z.string().trim().min(1).max(20).optional(),
});

export interface BootstrappedAdmin {
  id: string;
  username: string;
  countyCode: string;
  temporaryPassword: string;
}

/** `--county 511922 --username x --name 张三` (also `--county=511922`) → an object. */
export function parseFlags(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) throw new Error(`unexpected argument: ${argv[i]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out[m[1]!] = value;
  }
  return out;
}

export async function createFirstAdmin(db: Database, input: Record<string, string | undefined>, now: Date): Promise<BootstrappedAdmin> {
  const parsed = bootstrapAdminArgs.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const { county, username: name, name: displayName, 'county-name': countyName, city, province } = parsed.data;
  const password = temporaryPassword();
  const account = await db.rpc<{ id: string; username: string; countyCode: string }>(
    'bootstrap_admin',
    { p_county: county, p_username: name, p_display_name: displayName, p_password_hash: await hashPassword(password), p_now: now.toISOString(),
      p_county_name: countyName ?? null, p_city: city ?? null, p_province: province ?? null },
    SERVICE,
  );
  return { id: account.id, username: account.username, countyCode: account.countyCode, temporaryPassword: password };
}
