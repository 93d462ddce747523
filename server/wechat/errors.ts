// WeChat's errcodes → our stable error codes (server/http/errors.ts), each with a plain
// Chinese message. Only what the resident can act on gets its own code; everything else is
// WECHAT_UNAVAILABLE (503) and is logged with WeChat's errcode and errmsg (never a secret,
// a session_key or a token: WeChat's errmsg carries none).
import type { ApiError } from '../core/errors';
import { apiError } from '../core/errors';
import { logError } from '../core/log';
import type { SendOutcome } from '../notifications/send-outcome';

export type WechatEndpoint = 'jscode2session' | 'stable_token' | 'getuserphonenumber' | 'subscribe_send';

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

/**
 * subscribe/send errcodes that mean this message will never be delivered on WeChat: resending
 * cannot help (the person has to accept again, or our template or data must change).
 */
export const SUBSCRIBE_SEND_PERMANENT_ERRCODES: ReadonlyMap<number, string> = new Map([
  [43101, 'user refused to accept the message, or the consent is used up'],
  [40003, 'invalid openid'],
  [47003, 'template data invalid (a keyword missing, too long or of the wrong kind)'],
  [40037, 'invalid template_id'],
  [41030, 'invalid page'],
]);

/** subscribe/send errcodes that mean "not now": nothing was delivered, try again later. */
export const SUBSCRIBE_SEND_TRANSIENT_ERRCODES: ReadonlyMap<number, { why: string; retryAfterSeconds?: number }> = new Map([
  [-1, { why: 'system busy' }],
  [45009, { why: 'daily api quota reached', retryAfterSeconds: 3600 }],
  [45011, { why: 'api minute quota reached', retryAfterSeconds: 60 }],
  [40001, { why: 'access_token refused again after a refresh' }],
  [42001, { why: 'access_token expired again after a refresh' }],
]);

/**
 * The SendOutcome of a subscribe/send error answer (errcode ≠ 0). An errcode that is in neither
 * table is transient: WeChat answered, so it did not deliver, and an unknown answer should not
 * lose the message for good.
 */
export function subscribeSendOutcome(errcode: number): SendOutcome {
  const code = `wechat:${errcode}`;
  if (SUBSCRIBE_SEND_PERMANENT_ERRCODES.has(errcode)) return { outcome: 'permanent', code };
  const transient = SUBSCRIBE_SEND_TRANSIENT_ERRCODES.get(errcode);
  return transient?.retryAfterSeconds !== undefined ? { outcome: 'transient', code, retryAfterSeconds: transient.retryAfterSeconds } : { outcome: 'transient', code };
}
