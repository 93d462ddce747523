// Our own signed tokens (HS256, AUTH_SECRET): who the caller is and their role. What an account
// may do is still decided by the database on every call (deactivation applies at once).
import { jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';

export type AppRole = 'resident' | 'staff' | 'manager' | 'admin' | 'agent';

export interface Account {
  id: string;
  role: AppRole;
  displayName: string;
  centerId: string | null;
  countyCode: string | null;
}

const ISSUER = 'bianmin-fuwu';
export const TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export async function issueToken(secret: string, account: Account, now: Date, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ app_role: account.role, center_id: account.centerId, county_code: account.countyCode })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(account.id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The caller a bearer token stands for; any problem with it is 401 UNAUTHENTICATED. */
export async function callerFromToken(secret: string, token: string, now: Date): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.sub)) throw new Error('bad subject');
    return {
      role: 'authenticated',
      claims: { sub: payload.sub, app_role: payload.app_role, center_id: payload.center_id ?? null, county_code: payload.county_code ?? null },
    };
  } catch {
    throw apiError('UNAUTHENTICATED');
  }
}

/** `Authorization: Bearer <token>` → the token, undefined when absent; a malformed header is 401. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!match) throw apiError('UNAUTHENTICATED');
  return match[1];
}

/** The service role, for server-side operations that act for no user (login, scheduled jobs). */
export const SERVICE: Caller = Object.freeze({ role: 'service_role', claims: {} }) as Caller;
