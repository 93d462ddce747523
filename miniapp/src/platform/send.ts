// Calls that need the person's login: GET their bookings, POST a booking, a cancellation, a
// rating… with the bearer token, and an Idempotency-Key on the POSTs that change bookings.
// A 401 forgets the token and opens the login page, which comes back here afterwards.
import Taro from '@tarojs/taro';
import { badResponseError, errorFromResponse, networkError } from '@/lib/apiError';
import { withQuery, type QueryParams } from '@/lib/query';
import { goToLogin } from './auth';
import { apiBaseUrl } from './request';
import { bearerToken, clearSession } from './session';

/** Posting can take a while on a weak signal; the key makes a retry after a timeout safe. */
const SEND_TIMEOUT_MS = 20_000;

export interface SendOptions {
  query?: QueryParams;
  /** JSON body (POST) */
  body?: unknown;
  /** the action's key (see lib/idempotency): the same on every retry of one action */
  idempotencyKey?: string;
  /** false for calls that work without a login (the login itself): no redirect on 401 */
  login?: boolean;
  /** a call the person did not ask for (the unread badge): a 401 forgets the token but does not open the login page */
  background?: boolean;
}

/**
 * One JSON request. Resolves with the body of a 2xx answer; rejects with an ApiError carrying
 * the server's plain Chinese message, or NETWORK when no answer came.
 */
export async function sendJson<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: SendOptions = {}): Promise<T> {
  const { query = {}, body, idempotencyKey, login = true, background = false } = options;
  const header: Record<string, string> = { Accept: 'application/json' };
  const token = login ? bearerToken() : '';
  if (token !== '') header.Authorization = `Bearer ${token}`;
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;
  if (body !== undefined) header['Content-Type'] = 'application/json';

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${apiBaseUrl()}${withQuery(path, query)}`,
      method,
      data: body === undefined ? undefined : (body as Record<string, unknown>),
      header,
      dataType: 'json',
      timeout: SEND_TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }
  const { statusCode, data } = response;
  if (statusCode === 401 && login) {
    clearSession();
    if (!background) void goToLogin();
  }
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data);
  if (typeof data !== 'object' || data === null) throw badResponseError(statusCode);
  return data as T;
}

/** GET with the login (the person's own data: never served from an offline copy). */
export function getWithLogin<T>(path: string, query: QueryParams = {}): Promise<T> {
  return sendJson<T>('GET', path, { query });
}

/** POST JSON with the login and, for booking changes, the action's Idempotency-Key. */
export function postWithLogin<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  return sendJson<T>('POST', path, { body, idempotencyKey });
}
