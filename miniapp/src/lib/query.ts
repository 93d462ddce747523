/** Values a query string may carry; empty ones are left out. */
export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** "a=1&b=%E4%BD%8F" (no leading "?"); skips null, undefined and blank strings, keeps 0 and false. */
export function buildQueryString(params: QueryParams): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === null || raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim() : String(raw);
    if (value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/** Appends the query to a path, joining with "?" or "&" as needed. */
export function withQuery(path: string, params: QueryParams): string {
  const query = buildQueryString(params);
  if (query === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Reads one page parameter as plain text.
 * WeChat hands page query values over still percent-encoded, H5 already decoded:
 * decoding is attempted once and a malformed sequence is kept as it is.
 */
export function readParam(params: Readonly<Partial<Record<string, string>>>, key: string): string {
  const raw = params[key];
  if (raw === undefined || raw === null) return '';
  let value = String(raw);
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // a literal "%" typed by the user: keep it
    }
  }
  return value.trim();
}
