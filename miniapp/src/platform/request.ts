// The one door to the network: pages and services never call Taro.request themselves.
import Taro from '@tarojs/taro';
import { badResponseError, errorFromResponse, networkError } from '@/lib/apiError';
import { withQuery, type QueryParams } from '@/lib/query';

export { ApiError, NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE, toApiError } from '@/lib/apiError';

/** Rural mobile networks are slow: wait long enough, but not WeChat's default minute. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * API origin without a trailing slash. '' = same origin, which is right for the H5 build
 * served by our own server; the weapp build must set TARO_APP_API_BASE (see config/index.ts).
 */
export function apiBaseUrl(): string {
  return (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
}

/**
 * GET a JSON resource. Resolves with the body of a 2xx answer; otherwise rejects with an
 * ApiError: the server's { error: { code, message } } for non-2xx answers, NETWORK when
 * no answer came.
 */
export async function getJson<T>(path: string, query: QueryParams = {}): Promise<T> {
  const url = `${apiBaseUrl()}${withQuery(path, query)}`;
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
