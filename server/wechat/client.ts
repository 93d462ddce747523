// A small client for the WeChat server API the mini-program needs:
//   jscode2session(code)      GET  /sns/jscode2session                      → openid (+ unionid)
//   getAccessToken(now)       POST /cgi-bin/stable_token, cached in ONE database row per AppID
//   getPhoneNumber(code, now) POST /wxa/business/getuserphonenumber?access_token=…
//   sendSubscribeMessage(now, msg) POST /cgi-bin/message/subscribe/send?access_token=…
//
// sendSubscribeMessage never throws for what WeChat answers (or fails to answer): it returns a
// SendOutcome (../notifications/send-outcome) for the notification dispatcher; the errcode
// table is SUBSCRIBE_SEND_ERRCODES in ./errors and docs/notifications.md#providers.
//
// Every call goes through fetch with a timeout. WeChat errcodes become our error codes
// (./errors). session_key is dropped the moment it arrives: the code-based phone flow does not
// need it, so it is never stored, logged or answered. Tokens and secrets are never logged (the
// URLs that carry them are never logged either).
import type { App } from '../app';
import { SERVICE } from '../auth/tokens';
import type { Database } from '../db/database';
import { ApiError, apiError } from '../core/errors';
import { logError } from '../core/log';
import { NOT_SENT_NETWORK_CODES, type SendOutcome } from '../notifications/send-outcome';
import { subscribeSendOutcome, TOKEN_REJECTED_ERRCODES, type WechatEndpoint, wechatError, wechatUnreachable } from './errors';

export interface WechatSettings {
  appid: string;
  secret: string;
  /** e.g. https://api.weixin.qq.com (no trailing slash) */
  apiBase: string;
  /** per WeChat call */
  timeoutMs: number;
}

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatPhone {
  /** without the country code, e.g. 13812345678 */
  purePhoneNumber: string;
  /** e.g. 86 */
  countryCode: string;
}

type Reply = Record<string, unknown> & { errcode?: number; errmsg?: string };

/** One subscribe message (订阅消息), as `sendSubscribeMessage` takes it. */
export interface SubscribeMessage {
  /** the recipient's openid */
  touser: string;
  templateId: string;
  /** the mini-program page the card opens, e.g. pages/booking/detail?id=… */
  page?: string;
  /** the template's keywords, e.g. { thing1: { value: '社保卡补办' }, time2: { value: '2026年3月2日 09:30' } } */
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

/** What one HTTP call came to, before anything is thrown or mapped. */
type Attempt =
  | { kind: 'reply'; reply: Reply }
  /** no answer: `timeout` (AbortSignal.timeout fired), else a network error with Node's cause code */
  | { kind: 'no-answer'; timeout: boolean; cause: string }
  /** an answer that is not a JSON object, or an HTTP error status */
  | { kind: 'bad-answer'; status: number; json: boolean };

type TokenClaim =
  | { status: 'fresh'; accessToken: string; expiresAt: string }
  | { status: 'refresh'; lease: string; forceRefresh: boolean }
  | { status: 'wait' };

/** A cached token needs more than this left to be used (WeChat also renews in its last 5 minutes). */
export const TOKEN_MARGIN_SECONDS = 300;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WechatClient {
  constructor(
    private readonly db: Database,
    private readonly settings: WechatSettings,
  ) {}

  /** wx.login code → the user's openid (and unionid when the app is bound to an open platform account). */
  async jscode2session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.settings.appid,
      secret: this.settings.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const reply = await this.call('jscode2session', `/sns/jscode2session?${query}`, { method: 'GET' });
    if (reply.errcode) throw wechatError('jscode2session', reply.errcode, reply.errmsg);
    const { openid, unionid } = reply;
    if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(openid)) {
      throw wechatUnreachable('jscode2session', 'answer without a usable openid');
    }
    // reply.session_key is deliberately not read any further
    return typeof unionid === 'string' && unionid !== '' ? { openid, unionid } : { openid };
  }

  /**
   * The mini-program's access_token, shared by every instance through one database row:
   * the cached one while more than 5 minutes are left, else one instance refreshes it (row lock +
   * lease in `claim_wechat_token_refresh`) while the others wait for its result.
   * `rejected`: the token WeChat just refused (40001/42001); it is never answered again and the
   * refresh is forced.
   */
  async getAccessToken(now: Date, rejected?: string): Promise<string> {
    const deadline = Date.now() + this.settings.timeoutMs + 3000;
    for (;;) {
      const claim = await this.db.rpc<TokenClaim>(
        'claim_wechat_token_refresh',
        { p_appid: this.settings.appid, p_now: now, p_rejected_token: rejected ?? null },
        SERVICE,
      );
      if (claim.status === 'fresh') return claim.accessToken;
      if (claim.status === 'refresh') return this.refreshToken(now, claim.lease, claim.forceRefresh);
      if (Date.now() > deadline) throw wechatUnreachable('stable_token', 'gave up waiting for another instance to refresh the access_token');
      await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
    }
  }

  /** The phone number the user agreed to share (code from `<Button openType="getPhoneNumber">`). */
  async getPhoneNumber(code: string, now: Date): Promise<WechatPhone> {
    let token = await this.getAccessToken(now);
    let reply = await this.phoneCall(token, code);
    if (reply.errcode && TOKEN_REJECTED_ERRCODES.has(reply.errcode)) {
      // one refresh and one retry; a second refusal is WECHAT_UNAVAILABLE
      token = await this.getAccessToken(now, token);
      reply = await this.phoneCall(token, code);
    }
    if (reply.errcode) throw wechatError('getuserphonenumber', reply.errcode, reply.errmsg);
    const info = reply.phone_info as Record<string, unknown> | undefined;
    const pure = String(info?.purePhoneNumber ?? '');
    const countryCode = String(info?.countryCode ?? '');
    const watermark = info?.watermark as { appid?: unknown } | undefined;
    if (!/^[0-9]{5,20}$/.test(pure) || !/^[0-9]{1,4}$/.test(countryCode)) {
      throw wechatUnreachable('getuserphonenumber', 'answer without a usable phone_info');
    }
    if (watermark?.appid !== this.settings.appid) {
      throw wechatUnreachable('getuserphonenumber', 'phone_info watermark is for another appid');
    }
    return { purePhoneNumber: pure, countryCode };
  }

  /**
   * Sends one subscribe message (uses one of the user's consents when WeChat accepts it).
   * 40001/42001: the token is refreshed and the message sent once more. Never throws for
   * WeChat's answer or a failed connection; a database error while reading the token does throw.
   */
  async sendSubscribeMessage(now: Date, msg: SubscribeMessage): Promise<SendOutcome> {
    const body = JSON.stringify({
      touser: msg.touser,
      template_id: msg.templateId,
      ...(msg.page !== undefined ? { page: msg.page } : {}),
      data: msg.data,
      miniprogram_state: msg.miniprogramState,
      lang: 'zh_CN',
    });
    try {
      let token = await this.getAccessToken(now);
      let attempt = await this.subscribeCall(token, body);
      if (attempt.kind === 'reply' && attempt.reply.errcode && TOKEN_REJECTED_ERRCODES.has(attempt.reply.errcode)) {
        // one refresh and one retry: WeChat refused the token, so nothing was delivered
        token = await this.getAccessToken(now, token);
        attempt = await this.subscribeCall(token, body);
      }
      return this.subscribeOutcome(attempt);
    } catch (error) {
      // getAccessToken: stable_token unreachable or refused (already logged by wechatUnreachable / wechatError)
      if (error instanceof ApiError) return { outcome: 'transient', code: 'wechat:token' };
      throw error;
    }
  }

  private subscribeCall(token: string, body: string): Promise<Attempt> {
    return this.attempt(`/cgi-bin/message/subscribe/send?${new URLSearchParams({ access_token: token })}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
  }

  private subscribeOutcome(attempt: Attempt): SendOutcome {
    if (attempt.kind === 'no-answer') {
      if (attempt.timeout) {
        logError('wechat subscribe_send', `timed out after ${this.settings.timeoutMs} ms; the message may have been delivered`);
        return { outcome: 'unknown', code: 'wechat:timeout' };
      }
      if (NOT_SENT_NETWORK_CODES.has(attempt.cause)) {
        logError('wechat subscribe_send', `network error ${attempt.cause}`.trim());
        return { outcome: 'transient', code: 'wechat:network' };
      }
      // reset / hang-up: the request may have reached WeChat
      logError('wechat subscribe_send', `connection lost ${attempt.cause}`.trim());
      return { outcome: 'unknown', code: 'wechat:connection-lost' };
    }
    if (attempt.kind === 'bad-answer') {
      logError('wechat subscribe_send', `HTTP ${attempt.status}${attempt.json ? '' : ', not JSON'}`);
      return { outcome: 'transient', code: attempt.json ? `wechat:http-${attempt.status}` : 'wechat:not-json' };
    }
    const { errcode, errmsg, msgid } = attempt.reply;
    if (!errcode) {
      if ((typeof msgid === 'number' || typeof msgid === 'string') && String(msgid) !== '') return { outcome: 'sent', providerId: String(msgid) };
      // errcode 0 without a msgid: WeChat took it, but the answer is not what it should be
      logError('wechat subscribe_send', 'errcode 0 without a msgid');
      return { outcome: 'sent', providerId: '' };
    }
    const outcome = subscribeSendOutcome(errcode);
    if (outcome.outcome !== 'permanent' || errcode === 47003 || errcode === 40037 || errcode === 41030) {
      // the errcodes a person did not cause (limits, system busy, our template or data) are logged;
      // WeChat's errmsg names a field, never the openid or the token
      logError('wechat subscribe_send', `errcode ${errcode}: ${String(errmsg ?? '').slice(0, 200)}`);
    }
    return outcome;
  }

  private phoneCall(token: string, code: string): Promise<Reply> {
    return this.call('getuserphonenumber', `/wxa/business/getuserphonenumber?${new URLSearchParams({ access_token: token })}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  }

  private async refreshToken(now: Date, lease: string, forceRefresh: boolean): Promise<string> {
    let stored = false;
    try {
      const reply = await this.call('stable_token', '/cgi-bin/stable_token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: this.settings.appid,
          secret: this.settings.secret,
          force_refresh: forceRefresh,
        }),
      });
      if (reply.errcode) throw wechatError('stable_token', reply.errcode, reply.errmsg);
      const token = reply.access_token;
      const expiresIn = Number(reply.expires_in);
      if (typeof token !== 'string' || token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
        throw wechatUnreachable('stable_token', 'answer without a usable access_token');
      }
      await this.db.rpc(
        'store_wechat_token',
        {
          p_appid: this.settings.appid,
          p_lease: lease,
          p_access_token: token,
          p_expires_at: new Date(now.getTime() + expiresIn * 1000),
          p_now: now,
        },
        SERVICE,
      );
      stored = true;
      return token;
    } finally {
      if (!stored) {
        // give the lease back so the next caller tries at once (best effort: it also expires)
        await this.db
          .rpc('store_wechat_token', { p_appid: this.settings.appid, p_lease: lease, p_access_token: null, p_expires_at: null, p_now: now }, SERVICE)
          .catch(() => undefined);
      }
    }
  }

  /** One HTTP call; anything but a JSON object from WeChat is WECHAT_UNAVAILABLE. */
  private async call(endpoint: WechatEndpoint, pathAndQuery: string, init: RequestInit): Promise<Reply> {
    const attempt = await this.attempt(pathAndQuery, init);
    if (attempt.kind === 'no-answer') {
      const name = attempt.timeout ? `timed out after ${this.settings.timeoutMs} ms` : 'network error';
      throw wechatUnreachable(endpoint, `${name} ${attempt.cause}`.trim());
    }
    if (attempt.kind === 'bad-answer') throw wechatUnreachable(endpoint, attempt.json ? `HTTP ${attempt.status}` : `HTTP ${attempt.status}, not JSON`);
    return attempt.reply;
  }

  /** One HTTP call with the timeout, never throwing; the URL (it may carry a token) is never logged. */
  private async attempt(pathAndQuery: string, init: RequestInit): Promise<Attempt> {
    let res: Response;
    try {
      res = await fetch(this.settings.apiBase + pathAndQuery, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs) });
    } catch (error) {
      const timeout = (error as Error)?.name === 'TimeoutError';
      const cause = ((error as { cause?: { code?: unknown } })?.cause?.code as string | undefined) ?? '';
      return { kind: 'no-answer', timeout, cause: String(cause) };
    }
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch (error) {
      // the body itself can time out or break after the headers came
      if ((error as Error)?.name === 'TimeoutError') return { kind: 'no-answer', timeout: true, cause: '' };
      return { kind: 'bad-answer', status: res.status, json: false };
    }
    if (!res.ok || typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { kind: 'bad-answer', status: res.status, json: true };
    }
    const reply = body as Reply;
    if (reply.errcode !== undefined) reply.errcode = Number(reply.errcode);
    return { kind: 'reply', reply };
  }
}

/** The WeChat client of this app; 503 WECHAT_NOT_CONFIGURED without WECHAT_APPID and WECHAT_SECRET. */
export function wechatClient(app: App): WechatClient {
  const w = app.config.wechat;
  if (!w) throw apiError('WECHAT_NOT_CONFIGURED');
  return new WechatClient(app.db, { appid: w.appid, secret: w.secret, apiBase: app.config.wechatApiBase, timeoutMs: app.config.wechatTimeoutMs });
}
