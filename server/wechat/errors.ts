// WeChat's errcodes → our stable error codes (server/http/errors.ts), each with a plain
// Chinese message. Only what the resident can act on gets its own code; everything else is
// WECHAT_UNAVAILABLE (503) and is logged with WeChat's errcode and errmsg (never a secret,
// a session_key or a token: WeChat's errmsg carries none).
import type { ApiError } from '../core/errors';
import { apiError } from '../core/errors';
import { logError } from '../core/log';

export type WechatEndpoint = 'jscode2session' | 'stable_token' | 'getuserphonenumber';

/** access_token invalid (40001) or expired (42001): refresh it once and retry. */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 42001]);

/** Our error code for a WeChat errcode answered by `endpoint`. */
export function wechatErrorCode(endpoint: WechatEndpoint, errcode: number): string {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
      return endpoint === 'getuserphonenumber' ? 'WECHAT_PHONE_CODE_INVALID' : 'WECHAT_CODE_INVALID';
    case 45011: // api minute-quota reach limit
      return 'WECHAT_RATE_LIMITED';
    case 40226: // high-risk user, login blocked
      return 'WECHAT_USER_BLOCKED';
    default:
      // -1 system busy, 40013 invalid appid, 40125 invalid secret, 40001/42001 after the retry, …
      return 'WECHAT_UNAVAILABLE';
  }
}

/** The ApiError for a WeChat error answer; the ones the resident cannot act on are logged. */
export function wechatError(endpoint: WechatEndpoint, errcode: number, errmsg: unknown): ApiError {
  const code = wechatErrorCode(endpoint, errcode);
  if (code === 'WECHAT_UNAVAILABLE') {
    const hint = errcode === 40013 || errcode === 40125 ? ' (check WECHAT_APPID / WECHAT_SECRET)' : '';
    logError(`wechat ${endpoint}`, `errcode ${errcode}: ${String(errmsg ?? '').slice(0, 200)}${hint}`);
  }
  return apiError(code);
}

/** A call that never got a WeChat answer (network, timeout, not JSON): 503, logged without the URL. */
export function wechatUnreachable(endpoint: WechatEndpoint, why: string): ApiError {
  logError(`wechat ${endpoint}`, why);
  return apiError('WECHAT_UNAVAILABLE');
}
