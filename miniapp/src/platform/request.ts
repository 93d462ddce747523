// The one door to the network: pages and services never call Taro.request themselves.
import Taro from '@tarojs/taro';
import { badResponseError, errorFromResponse, networkError, toApiError } from '@/lib/apiError';
import type { Fetched } from '@/lib/fetched';
import { withQuery, type QueryParams } from '@/lib/query';
import { canUseSavedCopy, isCacheablePath } from '@/lib/responseCache';
import { readSavedResponse, saveResponse } from './cache';

export { ApiError, NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE, toApiError } from '@/lib/apiError';
export type { Fetched } from '@/lib/fetched';

/** Rural mobile networks are slow: wait long enough, but not WeChat's default minute. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * API origin without a trailing slash. '' = same origin, which is right for the H5 build
 * served by our own server; the weapp build must set TARO_APP_API_BASE (see config/index.ts).
 */
export function apiBaseUrl(): string {
  return (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
}

async function requestJson<T>(url: string): Promise<T> {
  // only the two fields we read, with the body as `unknown` until checked
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url,
      method: 'GET',
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }
  const { statusCode, data } = response;
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data);
  // a string here means the body was not JSON (e.g. a Wi-Fi login page)
  if (typeof data !== 'object' || data === null) throw badResponseError(statusCode);
  return data as T;
}

/**
 * GET a JSON resource, with the phone's saved copy as a fallback. Public catalogue, centre and
 * availability answers (lib/responseCache.ts) are saved on success; when the network fails
 * (no answer, a captive Wi-Fi page, a gateway or database outage) the saved copy is returned
 * with `savedAt` set, so the page can say "网络不好，显示的是X分钟前保存的内容".
 * Anything else rejects with an ApiError, as getJson does.
 */
export async function getJsonOrSaved<T>(path: string, query: QueryParams = {}): Promise<Fetched<T>> {
  return load<T>(path, query, true);
}

/**
 * GET a JSON resource. Resolves with the body of a 2xx answer; otherwise rejects with an
 * ApiError: the server's { error: { code, message } } for non-2xx answers, NETWORK when
 * no answer came. Public answers are saved for getJsonOrSaved, but never served from the saved
 * copy here: a caller that cannot say "this is old" (choosing a booking slot) gets fresh data
 * or an error.
 */
export async function getJson<T>(path: string, query: QueryParams = {}): Promise<T> {
  return (await load<T>(path, query, false)).data;
}

async function load<T>(path: string, query: QueryParams, useSaved: boolean): Promise<Fetched<T>> {
  const relative = withQuery(path, query);
  const cacheable = isCacheablePath(path);
  try {
    const data = await requestJson<T>(`${apiBaseUrl()}${relative}`);
    if (cacheable) saveResponse(relative, data, Date.now());
    return { data, savedAt: null };
  } catch (thrown) {
    const error = toApiError(thrown);
    if (useSaved && cacheable && canUseSavedCopy(error)) {
      const saved = readSavedResponse<T>(relative);
      if (saved) return saved;
    }
    throw error;
  }
}
