// What this phone remembers for the person (through ./storage): the login token, whether the
// privacy notice was agreed to, and the last centre booked at. Storage can fail (full, private
// mode): every read falls back to "nothing remembered".
import { readStored, removeStored, writeStored } from './storage';

const SESSION_KEY = 'session';
const PRIVACY_KEY = 'privacy';
const LAST_CENTER_KEY = 'last-center';

/** The logged-in account, as the login answered it. */
export interface SessionAccount {
  id: string;
  role: string;
  displayName: string;
}

export interface Session {
  token: string;
  account: SessionAccount;
}

const read = (key: string): unknown => readStored(key) ?? null;

export function loadSession(): Session | null {
  const value = read(SESSION_KEY) as Partial<Session> | null;
  if (!value || typeof value.token !== 'string' || value.token === '' || typeof value.account !== 'object' || value.account === null) {
    return null;
  }
  return { token: value.token, account: value.account };
}

export function saveSession(session: Session): void {
  writeStored(SESSION_KEY, session);
}

/** After a 401 or on logout. */
export function clearSession(): void {
  removeStored(SESSION_KEY);
}

export function bearerToken(): string {
  return loadSession()?.token ?? '';
}

/** The privacy notice version the person agreed to ('' = not yet). */
export function agreedPrivacyVersion(): string {
  const value = read(PRIVACY_KEY) as { version?: unknown; agreed?: unknown } | null;
  return value && value.agreed === true && typeof value.version === 'string' ? value.version : '';
}

export function rememberPrivacyAgreed(version: string, at: Date): void {
  writeStored(PRIVACY_KEY, { version, agreed: true, at: at.toISOString() });
}

export function lastCenterId(): string {
  const value = read(LAST_CENTER_KEY);
  return typeof value === 'string' ? value : '';
}

export function rememberLastCenter(centerId: string): void {
  if (centerId !== '') writeStored(LAST_CENTER_KEY, centerId);
}
