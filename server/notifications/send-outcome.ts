// What one attempt to deliver a notification on one channel (WeChat subscribe message, SMS)
// came to, as the dispatcher needs it: resend later, give this channel up, or never resend.
// `code` names the provider's answer (`wechat:43101`, `sms:LimitExceeded.PhoneNumberDailyLimit`,
// `wechat:timeout`) and never carries a phone number, openid, token or secret.
export type SendOutcome =
  /** the provider accepted it; its message id (WeChat msgid, Tencent SerialNo) */
  | { outcome: 'sent'; providerId: string }
  /** nothing was delivered; try again later (rate limit, system busy, connection refused) */
  | { outcome: 'transient'; code: string; retryAfterSeconds?: number }
  /** this channel will never deliver this message (bad openid, consent used up, bad number, bad template data) */
  | { outcome: 'permanent'; code: string }
  /** we cannot know whether it was delivered (timeout after the request went out): never resend */
  | { outcome: 'unknown'; code: string };

/**
 * Network error codes (Node's `error.cause.code` / `err.code`) that mean the request never
 * left this machine or never reached the provider: connection refused, DNS failure, no route,
 * TLS refused. Anything else that breaks a connection (reset, hang up) may happen after the
 * request went out, so it counts as unknown.
 */
export const NOT_SENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
