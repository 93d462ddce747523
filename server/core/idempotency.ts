// The Idempotency-Key a client sends with a change (a fresh random key per user action, reused
// on its retries): the database remembers the first answer per user and key.

/** 8–100 characters of A–Z a–z 0–9 _ - (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** The key as sent, trimmed; undefined when it is missing or not of the accepted form. */
export function validIdempotencyKey(value: string | undefined): string | undefined {
  const key = value?.trim();
  return key && IDEMPOTENCY_KEY_PATTERN.test(key) ? key : undefined;
}
