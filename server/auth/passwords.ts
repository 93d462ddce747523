// Passwords of staff accounts: scrypt (Node's crypto) with a per-account random salt; the cost
// parameters are stored inside the hash, so they can be raised later without breaking old
// hashes. Comparison is timing-safe. Passwords are never logged or stored in clear.
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two */
  N: number;
  r: number;
  p: number;
}

/** ≈ 32 MB and ~50–100 ms per hash on one core: slow for a guesser, fine for a login. */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes, with headroom
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url), the format public.staff_credentials accepts. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const HASH = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Whether the password matches the stored hash. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = HASH.exec(stored);
  if (!m) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // refuse absurd parameters rather than let a bad row exhaust memory
  if (params.N < 2 || params.N > 2 ** 20 || (params.N & (params.N - 1)) !== 0 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await scrypt(password, Buffer.from(m[4]!, 'base64url'), params);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** A hash of nothing anyone knows: checked for unknown usernames so the answer takes as long. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummy;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letters_and_digits' | 'contains_username' | 'too_common' | 'same_as_current';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

// the few that pass the rules and still top every leaked-password list
const COMMON = new Set([
  'password1', 'password123', 'passw0rd', 'abc12345', 'abcd1234', 'a1234567', 'a12345678', 'qwerty123', 'qwe12345',
  '1qaz2wsx', 'aa123456', 'a123456789', 'abc123456', 'woaini1314', 'zxcvbnm123', '12345678a', '123456789a', 'asd12345',
]);

/**
 * What is wrong with a new password, or null when it is acceptable: 8–64 characters, letters
 * and digits, not the username (nor containing it), not one of the most common passwords.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letters_and_digits';
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return 'contains_username';
  if (COMMON.has(lower)) return 'too_common';
  return null;
}

// no 0/o, 1/l/i: read aloud or copied from a screen by a tired person
const TEMP_LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const TEMP_DIGITS = '23456789';

/**
 * A temporary password shown once to the admin: 10 characters, lower-case letters and digits
 * (at least 3 of each), easy to read out and type on a phone. ≈ 50 bits.
 */
export function temporaryPassword(): string {
  const chars: string[] = [];
  for (let i = 0; i < 3; i++) chars.push(TEMP_DIGITS[randomInt(TEMP_DIGITS.length)]!);
  for (let i = 0; i < 3; i++) chars.push(TEMP_LETTERS[randomInt(TEMP_LETTERS.length)]!);
  const all = TEMP_LETTERS + TEMP_DIGITS;
  for (let i = 0; i < 4; i++) chars.push(all[randomInt(all.length)]!);
  // Fisher–Yates with a cryptographic source
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
