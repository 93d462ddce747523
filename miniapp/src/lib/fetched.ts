/**
 * An answer from the API, or the copy saved on the phone when the network failed:
 * `savedAt` (ms since epoch) says how old the copy is; null = fresh from the server.
 */
export interface Fetched<T> {
  data: T;
  savedAt: number | null;
}

export function fresh<T>(data: T): Fetched<T> {
  return { data, savedAt: null };
}

/** Transforms the data, keeping where it came from. */
export function mapFetched<T, U>(fetched: Fetched<T>, transform: (data: T) => U): Fetched<U> {
  return { data: transform(fetched.data), savedAt: fetched.savedAt };
}

/** Of two answers shown together, the older saved copy (null when both are fresh). */
export function olderSavedAt(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
