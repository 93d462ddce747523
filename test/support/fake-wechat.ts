// A stand-in for the WeChat server API on 127.0.0.1 that speaks the endpoints the server uses,
// with WeChat's JSON shapes and errcodes:
//   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
//        → { openid, session_key, unionid? } | { errcode, errmsg }
//   POST /cgi-bin/stable_token { grant_type: 'client_credential', appid, secret, force_refresh }
//        → { access_token, expires_in } | { errcode, errmsg }
//   POST /wxa/business/getuserphonenumber?access_token=… { code }
//        → { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } }
//   POST /cgi-bin/message/subscribe/send?access_token=… { touser, template_id, page, data, miniprogram_state, lang }
//        → { errcode: 0, errmsg: 'ok', msgid } | { errcode, errmsg }
//
// Subscribe messages: `touser` must be an openid the fake issued (jscode2session or openidOf,
// else 40003), `template_id` one defined with defineTemplate (else 40037), every keyword of the
// definition present and within WeChat's limits for its kind, no other keyword (else 47003, the
// errmsg names the field), then one consent of (openid, template) is used (none left: 43101).
// A minute rate limit (45011) is optional. Accepted messages are kept in subscribeMessages.
//
// Scriptable: login and phone codes are issued like wx.login / the getPhoneNumber button does
// (single use); the codes 'bad-code' → 40029, 'busy' → 45011, 'blocked' → 40226 and 'down' → -1;
// tokens can be expired (42001) or invalidated (40001); delays per endpoint; every call counted.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from '../../server/http/server';

export const FAKE_APPID = 'wx0123456789abcdef';
export const FAKE_SECRET = 'fake-app-secret-0123456789abcdef';

type Endpoint = 'jscode2session' | 'stableToken' | 'getPhoneNumber' | 'subscribeSend';

/** The keyword kinds of WeChat subscribe-message templates (模板消息关键词类型) the fake checks. */
export type KeywordKind =
  | 'thing'
  | 'short_thing'
  | 'phrase'
  | 'character_string'
  | 'name'
  | 'time'
  | 'date'
  | 'number'
  | 'amount'
  | 'letter'
  | 'phone_number';

/** A template's keywords, e.g. { thing1: 'thing', time2: 'time', phrase3: 'phrase' }. */
export type TemplateDefinition = Record<string, KeywordKind>;

export interface FakeSubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  msgid: number;
}

export interface FakeWechat {
  url: string;
  appid: string;
  secret: string;
  /** calls per endpoint (stableTokenForced: those with force_refresh: true) */
  calls: Record<Endpoint | 'stableTokenForced', number>;
  /** every request as received, secrets included (for asserting what the server sent) */
  requests: { path: string; query: Record<string, string>; body: unknown }[];
  /** session_key values handed out, to check none leaks */
  sessionKeys: string[];
  /** access tokens handed out, newest last */
  tokens: string[];
  /** a fresh wx.login code for this user (one openid per user name) */
  loginCode(user: string, options?: { unionid?: string }): string;
  /** the user's openid; from then on the fake knows it as issued (as after jscode2session) */
  openidOf(user: string): string;
  /** a subscribe-message template of the mini-program's account, with its keywords and their kinds */
  defineTemplate(templateId: string, keywords: TemplateDefinition): void;
  /** the user accepted the template `count` more times (wx.requestSubscribeMessage: one send each) */
  grantConsent(openid: string, templateId: string, count?: number): void;
  /** consents left for (openid, template) */
  consentLeft(openid: string, templateId: string): number;
  /** more than n subscribe sends within 60 seconds answer 45011; undefined: no limit (the default) */
  setSubscribeRateLimit(n: number | undefined): void;
  /** every subscribe message WeChat accepted, oldest first */
  subscribeMessages: FakeSubscribeMessage[];
  /** a fresh getPhoneNumber code for this number */
  phoneCode(purePhoneNumber: string, countryCode?: string): string;
  /** the token's validity in seconds for the next ones issued (default 7200) */
  setExpiresIn(seconds: number): void;
  /** every token issued so far answers 42001 (expired) */
  expireTokens(): void;
  /** every token issued so far answers 40001 (invalid) */
  invalidateTokens(): void;
  /** wait this long before answering an endpoint */
  delays: Partial<Record<Endpoint, number>>;
  /** answer the next calls of an endpoint with these errcodes, in order */
  failNext(endpoint: Endpoint, ...errcodes: number[]): void;
  /**
   * Counters, recorded requests, delays, scripted failures; consents, accepted subscribe messages
   * and the rate limit. Kept: issued codes, openids and tokens, template definitions, the msgid sequence.
   */
  reset(): void;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41002: 'appid missing',
  41030: 'invalid page',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};
const rid = () => `rid: ${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
const error = (errcode: number, detail?: string) => ({ errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}${detail ? ` ${detail}` : ''} ${rid()}` });

const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const chars = (v: string) => [...v].length;
const validDate = (y: string, m: string, d: string) => {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
};
const validClock = (h: string, m: string) => Number(h) <= 23 && Number(m) <= 59;
const DATE = /^(?:(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{2})-(\d{2}))$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
function dateOk(v: string): boolean {
  const m = DATE.exec(v);
  return !!m && (m[1] ? validDate(m[1], m[2]!, m[3]!) : validDate(m[4]!, m[5]!, m[6]!));
}
function clockOk(v: string): boolean {
  const m = CLOCK.exec(v);
  return !!m && validClock(m[1]!, m[2]!) && (m[3] === undefined || Number(m[3]) <= 59);
}
/** `2026年3月2日 09:30`, `2026-03-02 09:30`, `09:30`, a date alone, or a range `… 09:30~10:00` */
function timeOk(v: string): boolean {
  const [from, to, ...more] = v.split('~');
  if (more.length > 0 || from === undefined) return false;
  const parts = from.trim().split(' ');
  const datePart = parts.length === 2 ? parts[0]! : parts.length === 1 && !parts[0]!.includes(':') ? parts[0]! : undefined;
  const clockPart = parts.length === 2 ? parts[1]! : parts.length === 1 && parts[0]!.includes(':') ? parts[0]! : undefined;
  if (parts.length > 2 || (datePart !== undefined && !dateOk(datePart)) || (clockPart !== undefined && !clockOk(clockPart))) return false;
  if (to === undefined) return true;
  const end = to.trim();
  return clockPart !== undefined && (clockOk(end) || timeOk(end));
}

/** WeChat's limit for a keyword kind; undefined when the value is fine, else why not. */
export function keywordProblem(kind: KeywordKind, value: string): string | undefined {
  if (value === '') return 'is empty';
  const n = chars(value);
  switch (kind) {
    case 'thing':
      return n <= 20 ? undefined : 'exceed max length (thing: 20)';
    case 'short_thing':
      return n <= 5 ? undefined : 'exceed max length (short_thing: 5)';
    case 'phrase':
      if (!ONLY_HAN.test(value)) return 'invalid (phrase: Chinese characters only)';
      return n <= 5 ? undefined : 'exceed max length (phrase: 5)';
    case 'character_string':
      if (!/^[A-Za-z0-9_\-.:/ ]+$/.test(value)) return 'invalid (character_string: letters, digits, _-.:/ and space)';
      return n <= 32 ? undefined : 'exceed max length (character_string: 32)';
    case 'name':
      // 10 Chinese characters, or 20 letters when there is no Chinese character
      if (HAN.test(value)) return n <= 10 ? undefined : 'exceed max length (name: 10 Chinese characters)';
      return /^[A-Za-z .·-]+$/.test(value) && n <= 20 ? undefined : 'invalid (name: 10 Chinese characters or 20 letters)';
    case 'time':
      return timeOk(value) ? undefined : 'invalid time format (like 2026年3月2日 09:30 or 2026-03-02 09:30)';
    case 'date':
      return dateOk(value) ? undefined : 'invalid date format (like 2026年3月2日)';
    case 'number':
      if (!/^\d+(?:\.\d+)?$/.test(value)) return 'invalid (number: digits only)';
      return n <= 32 ? undefined : 'exceed max length (number: 32)';
    case 'amount':
      return /^¥?\d+(?:\.\d{1,2})?元?$/.test(value) && n <= 16 ? undefined : 'invalid (amount)';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? undefined : 'invalid (letter: 32 letters)';
    case 'phone_number':
      return /^[0-9+\- ]{1,17}$/.test(value) ? undefined : 'invalid (phone_number: 17 digits or + -)';
  }
}
const SCRIPTED: Record<string, number> = { 'bad-code': 40029, busy: 45011, blocked: 40226, down: -1 };

interface TokenState {
  expiresAt: number;
  state: 'valid' | 'expired' | 'invalid';
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const loginCodes = new Map<string, { user: string; unionid?: string } | 'used'>();
  const phoneCodes = new Map<string, { pure: string; country: string } | 'used'>();
  const tokenState = new Map<string, TokenState>();
  const failures: Partial<Record<Endpoint, number[]>> = {};
  let current: string | undefined;
  let expiresIn = 7200;
  const issuedOpenids = new Set<string>();
  const templates = new Map<string, TemplateDefinition>();
  const consents = new Map<string, number>();
  const consentKey = (openid: string, templateId: string) => `${openid}\u0000${templateId}`;
  let subscribeRateLimit: number | undefined;
  let subscribeCallTimes: number[] = [];
  let lastMsgid = 2_000_000_000;
  const openidOf = (user: string) => `oFake${createHash('sha256').update(user).digest('base64url').slice(0, 23)}`;

  const fake: FakeWechat = {
    url: '',
    appid: FAKE_APPID,
    secret: FAKE_SECRET,
    calls: { jscode2session: 0, stableToken: 0, stableTokenForced: 0, getPhoneNumber: 0, subscribeSend: 0 },
    requests: [],
    sessionKeys: [],
    tokens: [],
    subscribeMessages: [],
    delays: {},
    loginCode(user, options = {}) {
      const code = `0${randomBytes(15).toString('hex')}`;
      loginCodes.set(code, { user, unionid: options.unionid });
      return code;
    },
    openidOf(user) {
      const openid = openidOf(user);
      issuedOpenids.add(openid);
      return openid;
    },
    defineTemplate(templateId, keywords) {
      templates.set(templateId, { ...keywords });
    },
    grantConsent(openid, templateId, count = 1) {
      const key = consentKey(openid, templateId);
      consents.set(key, (consents.get(key) ?? 0) + count);
    },
    consentLeft: (openid, templateId) => consents.get(consentKey(openid, templateId)) ?? 0,
    setSubscribeRateLimit(n) {
      subscribeRateLimit = n;
      subscribeCallTimes = [];
    },
    phoneCode(pure, country = '86') {
      const code = `p${randomBytes(20).toString('hex')}`;
      phoneCodes.set(code, { pure, country });
      return code;
    },
    setExpiresIn(seconds) {
      expiresIn = seconds;
    },
    expireTokens() {
      for (const s of tokenState.values()) if (s.state === 'valid') s.state = 'expired';
    },
    invalidateTokens() {
      for (const s of tokenState.values()) if (s.state === 'valid') s.state = 'invalid';
    },
    failNext(endpoint, ...errcodes) {
      (failures[endpoint] ??= []).push(...errcodes);
    },
    reset() {
      for (const k of Object.keys(fake.calls) as (keyof FakeWechat['calls'])[]) fake.calls[k] = 0;
      fake.requests.length = 0;
      fake.delays = {};
      for (const k of Object.keys(failures) as Endpoint[]) delete failures[k];
      consents.clear();
      fake.subscribeMessages.length = 0;
      subscribeRateLimit = undefined;
      subscribeCallTimes = [];
    },
    close: async () => undefined,
  };

  function issueToken(): { access_token: string; expires_in: number } {
    current = `FAKE_ACCESS_TOKEN_${randomBytes(24).toString('base64url')}`;
    tokenState.set(current, { expiresAt: Date.now() + expiresIn * 1000, state: 'valid' });
    fake.tokens.push(current);
    return { access_token: current, expires_in: expiresIn };
  }

  function tokenProblem(token: string | undefined): number | undefined {
    const s = token ? tokenState.get(token) : undefined;
    if (!s || s.state === 'invalid') return 40001;
    if (s.state === 'expired' || s.expiresAt <= Date.now()) return 42001;
    return undefined;
  }

  function credentialsProblem(appid: unknown, secret: unknown): number | undefined {
    if (!appid) return 41002;
    if (appid !== FAKE_APPID) return 40013;
    if (secret !== FAKE_SECRET) return 40125;
    return undefined;
  }

  const handlers: Record<string, (query: Record<string, string>, body: Record<string, unknown>, method: string) => unknown> = {
    '/sns/jscode2session': (q) => {
      fake.calls.jscode2session++;
      const bad = credentialsProblem(q.appid, q.secret);
      if (bad) return error(bad);
      if (q.grant_type !== 'authorization_code') return error(40002);
      const code = q.js_code ?? '';
      if (SCRIPTED[code] !== undefined) return error(SCRIPTED[code]!);
      const entry = loginCodes.get(code);
      if (entry === undefined) return error(40029);
      if (entry === 'used') return error(40163);
      loginCodes.set(code, 'used');
      const sessionKey = randomBytes(16).toString('base64');
      fake.sessionKeys.push(sessionKey);
      const openid = openidOf(entry.user);
      issuedOpenids.add(openid);
      return { session_key: sessionKey, openid, ...(entry.unionid ? { unionid: entry.unionid } : {}) };
    },
    '/cgi-bin/stable_token': (_q, b, method) => {
      fake.calls.stableToken++;
      if (b.force_refresh === true) fake.calls.stableTokenForced++;
      if (method !== 'POST') return error(44002);
      const bad = credentialsProblem(b.appid, b.secret);
      if (bad) return error(bad);
      if (b.grant_type !== 'client_credential') return error(40002);
      // normal mode: the current token while it is valid and has more than 5 minutes left
      // (WeChat renews in the last 5 minutes); force mode: always a new one
      const s = current ? tokenState.get(current) : undefined;
      if (b.force_refresh !== true && current && s && s.state === 'valid' && s.expiresAt - Date.now() > 300_000) {
        return { access_token: current, expires_in: Math.floor((s.expiresAt - Date.now()) / 1000) };
      }
      if (b.force_refresh === true && current && s && s.state === 'valid') s.state = 'invalid';
      return issueToken();
    },
    '/wxa/business/getuserphonenumber': (q, b, method) => {
      fake.calls.getPhoneNumber++;
      if (method !== 'POST') return error(44002);
      const problem = tokenProblem(q.access_token);
      if (problem) return error(problem);
      const code = typeof b.code === 'string' ? b.code : '';
      if (SCRIPTED[code] !== undefined) return error(SCRIPTED[code]!);
      const entry = phoneCodes.get(code);
      if (entry === undefined || entry === 'used') return error(40029);
      phoneCodes.set(code, 'used');
      return {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: entry.country === '86' ? entry.pure : `+${entry.country}${entry.pure}`,
          purePhoneNumber: entry.pure,
          countryCode: entry.country,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: FAKE_APPID },
        },
      };
    },
  };
  handlers['/cgi-bin/message/subscribe/send'] = (q, b, method) => {
    fake.calls.subscribeSend++;
    if (method !== 'POST') return error(44002);
    const problem = tokenProblem(q.access_token);
    if (problem) return error(problem);
    if (subscribeRateLimit !== undefined) {
      const now = Date.now();
      subscribeCallTimes = subscribeCallTimes.filter((t) => now - t < 60_000);
      if (subscribeCallTimes.length >= subscribeRateLimit) return error(45011);
      subscribeCallTimes.push(now);
    }
    const touser = typeof b.touser === 'string' ? b.touser : '';
    if (!issuedOpenids.has(touser)) return error(40003);
    const templateId = typeof b.template_id === 'string' ? b.template_id : '';
    const definition = templates.get(templateId);
    if (!definition) return error(40037);
    // a page of this mini-program (pages/…?id=…), not a web address
    if (b.page !== undefined && (typeof b.page !== 'string' || b.page.length > 1024 || b.page.includes('://'))) return error(41030);
    const state = b.miniprogram_state ?? 'formal';
    if (state !== 'formal' && state !== 'trial' && state !== 'developer') return error(47003, 'miniprogram_state invalid');
    const data = b.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return error(47003, 'data invalid');
    const given = data as Record<string, unknown>;
    for (const [keyword, kind] of Object.entries(definition)) {
      const field = given[keyword] as { value?: unknown } | undefined;
      if (field === undefined) return error(47003, `data.${keyword} is missing`);
      if (typeof field !== 'object' || field === null || typeof field.value !== 'string') return error(47003, `data.${keyword}.value invalid`);
      const why = keywordProblem(kind, field.value);
      if (why) return error(47003, `data.${keyword}.value ${why}`);
    }
    for (const keyword of Object.keys(given)) {
      if (!(keyword in definition)) return error(47003, `data.${keyword} is not a keyword of the template`);
    }
    const key = consentKey(touser, templateId);
    const left = consents.get(key) ?? 0;
    if (left <= 0) return error(43101);
    consents.set(key, left - 1);
    const msgid = ++lastMsgid;
    fake.subscribeMessages.push({
      touser,
      templateId,
      ...(typeof b.page === 'string' ? { page: b.page } : {}),
      data: given as Record<string, { value: string }>,
      miniprogramState: state,
      msgid,
    });
    return { errcode: 0, errmsg: 'ok', msgid };
  };
  const endpointOf: Record<string, Endpoint> = {
    '/cgi-bin/message/subscribe/send': 'subscribeSend',
    '/sns/jscode2session': 'jscode2session',
    '/cgi-bin/stable_token': 'stableToken',
    '/wxa/business/getuserphonenumber': 'getPhoneNumber',
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const send = (body: unknown) => {
      // WeChat answers 200 with a JSON body (jscode2session says text/plain)
      res.writeHead(200, { 'Content-Type': url.pathname === '/sns/jscode2session' ? 'text/plain' : 'application/json; encoding=utf-8' });
      res.end(JSON.stringify(body));
    };
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(error(47001));
      }
    }
    fake.requests.push({ path: url.pathname, query, body });
    const handler = handlers[url.pathname];
    if (!handler) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<html><body>404 Not Found</body></html>');
    }
    const endpoint = endpointOf[url.pathname]!;
    const delay = fake.delays[endpoint];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const scripted = failures[endpoint]?.shift();
    if (scripted !== undefined) {
      fake.calls[endpoint]++;
      return send(error(scripted));
    }
    send(handler(query, body, req.method ?? 'GET'));
  });
  const port = await listen(server, 0, '127.0.0.1');
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
