// A stand-in for the WeChat server API on 127.0.0.1 that speaks the endpoints the server uses,
// with WeChat's JSON shapes and errcodes:
//   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
//        → { openid, session_key, unionid? } | { errcode, errmsg }
//   POST /cgi-bin/stable_token { grant_type: 'client_credential', appid, secret, force_refresh }
//        → { access_token, expires_in } | { errcode, errmsg }
//   POST /wxa/business/getuserphonenumber?access_token=… { code }
//        → { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } }
//
// Scriptable: login and phone codes are issued like wx.login / the getPhoneNumber button does
// (single use); the codes 'bad-code' → 40029, 'busy' → 45011, 'blocked' → 40226 and 'down' → -1;
// tokens can be expired (42001) or invalidated (40001); delays per endpoint; every call counted.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from '../../server/http/server';

export const FAKE_APPID = 'wx0123456789abcdef';
export const FAKE_SECRET = 'fake-app-secret-0123456789abcdef';

type Endpoint = 'jscode2session' | 'stableToken' | 'getPhoneNumber';

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
  openidOf(user: string): string;
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
  reset(): void;
  close(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41002: 'appid missing',
  42001: 'access_token expired',
  44002: 'empty post data',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
};
const rid = () => `rid: ${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
const error = (errcode: number) => ({ errcode, errmsg: `${ERRMSG[errcode] ?? 'error'} ${rid()}` });
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

  const fake: FakeWechat = {
    url: '',
    appid: FAKE_APPID,
    secret: FAKE_SECRET,
    calls: { jscode2session: 0, stableToken: 0, stableTokenForced: 0, getPhoneNumber: 0 },
    requests: [],
    sessionKeys: [],
    tokens: [],
    delays: {},
    loginCode(user, options = {}) {
      const code = `0${randomBytes(15).toString('hex')}`;
      loginCodes.set(code, { user, unionid: options.unionid });
      return code;
    },
    openidOf: (user) => `oFake${createHash('sha256').update(user).digest('base64url').slice(0, 23)}`,
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
      return { session_key: sessionKey, openid: fake.openidOf(entry.user), ...(entry.unionid ? { unionid: entry.unionid } : {}) };
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
  const endpointOf: Record<string, Endpoint> = {
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
      if (endpoint === 'getPhoneNumber') fake.calls.getPhoneNumber++;
      else if (endpoint === 'stableToken') fake.calls.stableToken++;
      else fake.calls.jscode2session++;
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
