// WeChat login, phone number and reminder consents over HTTP, against a fake WeChat server on
// 127.0.0.1 that speaks the real endpoints and errcodes, with the server's clock fixed.
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import { setApp } from '../../server/app';
import { PHONE_CONTEXT } from '../../server/auth/wechat-login';
import { ConfigError, readConfig } from '../../server/config/config';
import { fieldCipher } from '../../server/privacy/crypto';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat';

// Tuesday 1 December 2026, 09:00 in Shanghai
const START = new Date('2026-12-01T01:00:00Z');
let clock = START;
let t: TestDatabase;
let api: RunningApi;
let wx: FakeWechat;
let env: Record<string, string>;
const DATA_KEY = Buffer.from('test-data-encryption-key-32bytes').toString('base64');

// everything the server prints, to check that no secret or phone number is ever logged
const printed: string[] = [];
// every response body, to check that no session_key is ever answered
const answered: string[] = [];

type ErrorBody = { error: { code: string; message: string } };
type LoginResult = { token: string; account: { id: string; role: string; displayName: string; centerId: null; countyCode: null } };

beforeAll(async () => {
  console.info(`WeChat API tests on ${describeBackend()}`);
  for (const method of ['error', 'log', 'warn'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
  t = await createTestDatabase();
  wx = await startFakeWechat();
  env = { WECHAT_APPID: wx.appid, WECHAT_SECRET: wx.secret, WECHAT_API_BASE: wx.url, WECHAT_TIMEOUT_MS: '1000', DATA_ENCRYPTION_KEY: DATA_KEY };
  api = await startApi(t.db, env, () => clock);
  const call = api.call;
  api.call = async (...args) => {
    const res = await call(...args);
    answered.push(JSON.stringify(res.body));
    return res;
  };
});

afterAll(async () => {
  await api?.close();
  await wx?.close();
  await t?.drop();
  jest.restoreAllMocks();
});

const login = (code: string, displayName?: string) =>
  api.call<LoginResult & ErrorBody>('POST', '/api/auth/wechat', { body: displayName ? { code, displayName } : { code } });
const phone = (token: string | undefined, code: string) =>
  api.call<{ phone: string } & ErrorBody>('POST', '/api/auth/wechat/phone', { token, body: { code } });
async function loginAs(user: string): Promise<LoginResult> {
  const res = await login(wx.loginCode(user));
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const tokenRow = async () =>
  (await t.db.query<{ access_token: string; expires_at: Date; refresh_count: number; refresh_lease: string | null }>(
    'select access_token, expires_at, refresh_count, refresh_lease from wechat_access_tokens where appid = $1',
    [wx.appid],
  ))[0];

describe('login', () => {
  it('creates a resident on the first login and finds the same account on the next one', async () => {
    const first = await login(wx.loginCode('alice'), '李桂兰');
    expect(first.status).toBe(200);
    expect(first.body.account).toEqual({ id: expect.any(String), role: 'resident', displayName: '李桂兰', centerId: null, countyCode: null });
    expect(first.body.token.split('.')).toHaveLength(3);
    expect(Object.keys(first.body).sort()).toEqual(['account', 'token']);

    const me = await api.call('GET', '/api/me', { token: first.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: first.body.account.id, displayName: '李桂兰', phone: null, people: [{ name: '李桂兰', relation: 'self', consented: true }] });

    // a new wx.login code of the same WeChat user: the same account (the display name stays)
    const again = await login(wx.loginCode('alice'), '另一个名字');
    expect(again.status).toBe(200);
    expect(again.body.account.id).toBe(first.body.account.id);
    expect(again.body.account.displayName).toBe('李桂兰');

    const rows = await t.db.query<{ n: number; openid: string }>(
      'select count(*)::int as n, min(wechat_openid) as openid from users where wechat_openid = $1',
      [wx.openidOf('alice')],
    );
    expect(rows[0]).toEqual({ n: 1, openid: wx.openidOf('alice') });

    // another WeChat user is another account, named 微信用户 by default
    const bob = await login(wx.loginCode('bob'));
    expect(bob.body.account.id).not.toBe(first.body.account.id);
    expect(bob.body.account.displayName).toBe('微信用户');
  });

  it('sends WeChat the AppID, the secret and the code, the way jscode2session wants them', () => {
    const req = wx.requests.find((r) => r.path === '/sns/jscode2session')!;
    expect(req.query).toEqual({ appid: wx.appid, secret: wx.secret, js_code: expect.any(String), grant_type: 'authorization_code' });
  });

  it('works whatever old token the client still sends', async () => {
    const res = await api.call<LoginResult>('POST', '/api/auth/wechat', { token: 'old.expired.token', body: { code: wx.loginCode('alice') } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['bad-code', 400, 'WECHAT_CODE_INVALID', '登录凭证已失效，请重新打开小程序'],
    ['busy', 429, 'WECHAT_RATE_LIMITED', '操作太频繁，请稍等一分钟再试'],
    ['blocked', 403, 'WECHAT_USER_BLOCKED', '该微信账号暂时无法登录，请联系微信客服'],
    ['down', 503, 'WECHAT_UNAVAILABLE', '微信服务暂时连不上，请稍后再试'],
  ])('answers WeChat’s errcode for %s as %d %s with a plain message', async (code, status, errorCode, message) => {
    const res = await login(code);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code: errorCode, message } });
  });

  it('refuses a code used twice (40163) like an invalid one', async () => {
    const code = wx.loginCode('carol');
    expect((await login(code)).status).toBe(200);
    const reused = await login(code);
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('validates the body before calling WeChat', async () => {
    const before = wx.calls.jscode2session;
    const missing = await api.call<ErrorBody & { error: { fields: Record<string, string> } }>('POST', '/api/auth/wechat', { body: {} });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.error.fields)).toEqual(['code']);
    expect((await api.call('POST', '/api/auth/wechat', { body: { code: 'has space' } })).status).toBe(422);
    expect((await api.call('POST', '/api/auth/wechat', { body: { code: wx.loginCode('x'), displayName: 'x'.repeat(41) } })).status).toBe(422);
    expect((await api.call('GET', '/api/auth/wechat')).status).toBe(405);
    expect(wx.calls.jscode2session).toBe(before);
  });

  it('answers 503 when WeChat does not answer in time', async () => {
    wx.delays.jscode2session = 1500;
    try {
      const res = await login(wx.loginCode('slow'));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      wx.delays = {};
    }
    expect(printed.some((line) => line.includes('wechat jscode2session') && line.includes('timed out'))).toBe(true);
  });
});

describe('phone number', () => {
  let alice: LoginResult;
  beforeAll(async () => {
    alice = await loginAs('alice');
  });

  it('needs a login', async () => {
    const res = await phone(undefined, wx.phoneCode('13812345678'));
    expect(res.status).toBe(401);
  });

  it('stores the number encrypted and answers it masked, here and in /api/me', async () => {
    const res = await phone(alice.token, wx.phoneCode('13812345678'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: '138****5678' });
    const me = await api.call('GET', '/api/me', { token: alice.token });
    expect(me.body.phone).toBe('138****5678');

    const rows = await t.db.query<Record<string, unknown>>(
      `select pp.* from person_phones pp join person_links l on l.person_id = pp.person_id and l.relation = 'self' where l.user_id = $1`,
      [alice.account.id],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain('12345678');
    expect(String(row.phone_ciphertext)).not.toMatch(/[0-9]{5}/);
    expect(row).toMatchObject({ phone_masked: '138****5678', country_code: '86', source: 'wechat', verified_by: alice.account.id });
    // only the server's key opens it, and the lookup hash finds it
    const cipher = fieldCipher(Buffer.from(DATA_KEY, 'base64'));
    expect(cipher.decrypt(String(row.phone_ciphertext), PHONE_CONTEXT)).toBe('+8613812345678');
    expect(row.phone_hmac).toBe(cipher.lookupHash('+8613812345678', PHONE_CONTEXT));

    // a new number replaces the old one
    expect((await phone(alice.token, wx.phoneCode('13900001111'))).body).toEqual({ phone: '139****1111' });
    expect((await api.call('GET', '/api/me', { token: alice.token })).body.phone).toBe('139****1111');
  });

  it('keeps ciphertext and hash away from the API roles', async () => {
    await expect(t.db.exec('begin; set local role authenticated; select phone_ciphertext from person_phones; commit;')).rejects.toMatchObject({ sqlState: '42501' });
    await expect(t.db.exec('begin; set local role anon; select phone_masked from person_phones; commit;')).rejects.toMatchObject({ sqlState: '42501' });
    await expect(t.db.exec('begin; set local role authenticated; select * from wechat_access_tokens; commit;')).rejects.toMatchObject({ sqlState: '42501' });
  });

  it('answers an invalid phone code with its own message', async () => {
    const res = await phone(alice.token, 'bad-code');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WECHAT_PHONE_CODE_INVALID');
    expect(res.body.error.message).toMatch(/手机号/);
    expect((await phone(alice.token, 'busy')).body.error.code).toBe('WECHAT_RATE_LIMITED');
  });
});

describe('access_token', () => {
  const people: LoginResult[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) people.push(await loginAs(`neighbour-${i}`));
  });

  beforeEach(() => {
    clock = START;
  });
  afterAll(() => {
    clock = START;
  });

  it('is fetched once for many concurrent requests, then reused from the database row', async () => {
    await t.db.exec('delete from wechat_access_tokens');
    wx.reset();
    wx.delays.stableToken = 300;
    const results = await Promise.all(people.map((p, i) => phone(p.token, wx.phoneCode(`1370000000${i}`))));
    expect(results.map((r) => r.status)).toEqual(people.map(() => 200));
    expect(results.map((r) => r.body.phone)).toEqual(people.map((_, i) => `137****000${i}`));
    expect(wx.calls.stableToken).toBe(1);
    expect(wx.calls.stableTokenForced).toBe(0);
    expect(wx.calls.getPhoneNumber).toBe(people.length);
    const req = wx.requests.find((r) => r.path === '/cgi-bin/stable_token')!;
    expect(req.body).toEqual({ grant_type: 'client_credential', appid: wx.appid, secret: wx.secret, force_refresh: false });
    expect(wx.requests.filter((r) => r.path === '/wxa/business/getuserphonenumber').every((r) => r.query.access_token === wx.tokens.at(-1))).toBe(true);

    const row = await tokenRow();
    expect(row).toMatchObject({ access_token: wx.tokens.at(-1), refresh_count: 1, refresh_lease: null });
    // expires_in as WeChat gave it (normal mode answers the current token with what it has left)
    expect(new Date(row!.expires_at).getTime()).toBeGreaterThan(START.getTime() + 7100_000);
    expect(new Date(row!.expires_at).getTime()).toBeLessThanOrEqual(START.getTime() + 7200_000);

    wx.delays = {};
    await phone(people[0]!.token, wx.phoneCode('13700000009'));
    expect(wx.calls.stableToken).toBe(1);
  });

  it('is refreshed once less than 5 minutes are left, and after it expired', async () => {
    wx.reset();
    // 1 h 54 min later: about 6 minutes left, still the cached token
    clock = new Date(START.getTime() + 114 * 60_000);
    expect((await phone(people[1]!.token, wx.phoneCode('13711110001'))).status).toBe(200);
    expect(wx.calls.stableToken).toBe(0);

    // 1 h 56 min later: about 4 minutes left → one instance renews it before it runs out
    clock = new Date(START.getTime() + 116 * 60_000);
    wx.expireTokens(); // the platform has moved on as well
    const renewed = await Promise.all([0, 1, 2].map((i) => phone(people[i]!.token, wx.phoneCode(`1371111000${i}`))));
    expect(renewed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(wx.calls.stableToken).toBe(1);
    const renewedAt = clock.getTime();
    expect(new Date((await tokenRow())!.expires_at).getTime()).toBe(renewedAt + 7200_000);

    // three hours after that: long expired, refreshed again (not forced)
    clock = new Date(renewedAt + 3 * 3600_000);
    wx.expireTokens();
    expect((await phone(people[3]!.token, wx.phoneCode('13711110003'))).status).toBe(200);
    expect(wx.calls.stableToken).toBe(2);
    expect(wx.calls.stableTokenForced).toBe(0);
  });

  it('on 40001 refreshes once (forced) and retries the call', async () => {
    wx.reset();
    const before = (await tokenRow())!.access_token;
    wx.invalidateTokens();
    const res = await phone(people[4]!.token, wx.phoneCode('13722220004'));
    expect(res.status).toBe(200);
    expect(wx.calls.getPhoneNumber).toBe(2);
    expect(wx.calls.stableToken).toBe(1);
    expect(wx.calls.stableTokenForced).toBe(1);
    const after = (await tokenRow())!.access_token;
    expect(after).not.toBe(before);
    expect(after).toBe(wx.tokens.at(-1));
  });

  it('on 42001 refreshes once and retries the call', async () => {
    wx.reset();
    wx.expireTokens(); // WeChat says expired while our row still thinks it fresh
    const res = await phone(people[5]!.token, wx.phoneCode('13722220005'));
    expect(res.status).toBe(200);
    expect(wx.calls).toMatchObject({ getPhoneNumber: 2, stableToken: 1 });
  });

  it('refreshes only once when many calls see the same token refused', async () => {
    wx.reset();
    wx.invalidateTokens();
    wx.delays.stableToken = 200;
    const results = await Promise.all(people.slice(0, 6).map((p, i) => phone(p.token, wx.phoneCode(`1373333000${i}`))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(wx.calls.stableToken).toBe(1);
    // every call is refused at most once and retried at most once; a call that starts after the
    // refresh (timing on a loaded machine) uses the new token straight away
    expect(wx.calls.getPhoneNumber).toBeGreaterThanOrEqual(7);
    expect(wx.calls.getPhoneNumber).toBeLessThanOrEqual(12);
  });

  it('retries only once: a second refusal is 503', async () => {
    wx.reset();
    wx.failNext('getPhoneNumber', 40001, 40001);
    const res = await phone(people[6]!.token, wx.phoneCode('13744440006'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    expect(wx.calls).toMatchObject({ getPhoneNumber: 2, stableToken: 1 });
    // the next request works with the token that refresh stored
    wx.reset();
    expect((await phone(people[6]!.token, wx.phoneCode('13744440006'))).status).toBe(200);
    expect(wx.calls.stableToken).toBe(0);
  });

  it('gives the lease back when stable_token fails, so the next request tries again', async () => {
    await t.db.exec('delete from wechat_access_tokens');
    wx.reset();
    wx.failNext('stableToken', -1);
    const failed = await phone(people[7]!.token, wx.phoneCode('13755550007'));
    expect(failed.status).toBe(503);
    expect((await tokenRow())!.refresh_lease).toBeNull();
    expect((await phone(people[7]!.token, wx.phoneCode('13755550007'))).status).toBe(200);
    expect(wx.calls.stableToken).toBe(2);
  });
});

describe('reminder consents', () => {
  let center: CenterSummary;
  let items: ItemSummary[];
  let dora: LoginResult;
  let booking: Booking;
  let keyCounter = 0;
  const key = () => `wechat-test-${++keyCounter}-${Date.now()}`;
  const remind = (token: string | undefined, id: string, body: unknown) =>
    api.call<{ bookingId: string; recorded: number; pending: { templateId: string; count: number }[] } & ErrorBody>('POST', `/api/bookings/${id}/reminders`, { token, body });
  const T1 = 'k6T9yVq2n3Z8-xW_aBcDeFgHiJkLmNoPqRsTuVwXyZ0';
  const T2 = 'Q1w2E3r4T5y6U7i8O9p0-AsDfGhJkL_zXcVbNm12345';
  const T3 = 'Z9x8C7v6B5n4M3_l2K1j-HgFdSaPoIuYtReWq098765';

  beforeAll(async () => {
    clock = START;
    center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=5`)).body.rows;
    dora = await loginAs('dora');
    const day = (await api.get<Availability>(`/api/availability?center=${center.id}&item=${items[0]!.id}&from=2026-12-02&to=2026-12-02`)).body.days[0]!;
    const slotStart = day.slots.find((s) => s.remaining > 0)!.start;
    const made = await api.call<Booking>('POST', '/api/bookings', {
      token: dora.token,
      idempotencyKey: key(),
      body: { centerId: center.id, itemId: items[0]!.id, slotStart },
    });
    expect(made.status).toBe(201);
    booking = made.body;
  });

  it('records one row per accepted template, for the booking’s owner', async () => {
    const res = await remind(dora.token, booking.id, { templateIds: [T1, T2, T3], accepted: [T1, T3] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ bookingId: booking.id, recorded: 2, pending: expect.any(Array) });
    expect(res.body.pending).toHaveLength(2);
    expect(res.body.pending).toEqual(expect.arrayContaining([{ templateId: T1, count: 1 }, { templateId: T3, count: 1 }]));
    // each accept allows one send: accepting again adds one more
    const again = await remind(dora.token, booking.id, { templateIds: [T1], accepted: [T1] });
    expect(again.body.recorded).toBe(1);
    expect(again.body.pending.find((p) => p.templateId === T1)!.count).toBe(2);
    // nothing accepted is fine and records nothing
    expect((await remind(dora.token, booking.id, { templateIds: [T2], accepted: [] })).body.recorded).toBe(0);

    // what the sender will need: the user's openid, the template, the booking, and the accept
    const rows = await t.db.query<{ openid: string; template_id: string; booking_id: string; sent_at: null }>(
      `select u.wechat_openid as openid, r.template_id, r.booking_id, r.sent_at
       from reminder_consents r join users u on u.id = r.user_id where r.booking_id = $1 order by r.id`,
      [booking.id],
    );
    expect(rows.map((r) => r.template_id).sort()).toEqual([T1, T1, T3].sort());
    expect(rows.every((r) => r.openid === wx.openidOf('dora') && r.sent_at === null)).toBe(true);
  });

  it('with an Idempotency-Key, records a retried request once', async () => {
    const k = key();
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reminder_consents where booking_id = $1', [booking.id]))[0]!.n;
    const before = await count();
    const first = await api.call('POST', `/api/bookings/${booking.id}/reminders`, { token: dora.token, idempotencyKey: k, body: { templateIds: [T2], accepted: [T2] } });
    expect(first.status).toBe(200);
    expect(first.body.recorded).toBe(1);
    const retry = await api.call('POST', `/api/bookings/${booking.id}/reminders`, { token: dora.token, idempotencyKey: k, body: { templateIds: [T2], accepted: [T2] } });
    expect(retry.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const reused = await api.call('POST', `/api/bookings/${booking.id}/reminders`, { token: dora.token, idempotencyKey: k, body: { templateIds: [T1], accepted: [T1] } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const malformed = await api.call('POST', `/api/bookings/${booking.id}/reminders`, { token: dora.token, idempotencyKey: 'short', body: { templateIds: [T1], accepted: [T1] } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('refuses anyone else, bad bodies and ended bookings', async () => {
    expect((await remind(undefined, booking.id, { templateIds: [T1], accepted: [T1] })).status).toBe(401);
    const stranger = await loginAs('stranger');
    const notMine = await remind(stranger.token, booking.id, { templateIds: [T1], accepted: [T1] });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await remind(dora.token, 'not-a-uuid', { templateIds: [T1], accepted: [T1] })).status).toBe(400);
    for (const body of [
      { templateIds: [], accepted: [] },
      { templateIds: [T1, T2, T3, 'four'], accepted: [] },
      { templateIds: [T1], accepted: [T2] },
      { templateIds: [T1, T1], accepted: [T1] },
      { templateIds: [T1], accepted: [T1], extra: true },
      { templateIds: ['has space'], accepted: [] },
    ]) {
      const res = await remind(dora.token, booking.id, body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
    }
    const cancelled = await api.call('POST', `/api/bookings/${booking.id}/cancel`, { token: dora.token, idempotencyKey: key() });
    expect(cancelled.status).toBe(200);
    const ended = await remind(dora.token, booking.id, { templateIds: [T1], accepted: [T1] });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('BOOKING_NOT_ACTIVE');
  });
});

describe('configuration', () => {
  it('answers 503 WECHAT_NOT_CONFIGURED without an AppID and secret', async () => {
    const token = (await loginAs('erin')).token;
    setApp({ config: readConfig({ APP_MODE: 'development', WECHAT_API_BASE: wx.url }), db: t.db, clock: () => clock });
    try {
      const res = await login(wx.loginCode('erin'));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('WECHAT_NOT_CONFIGURED');
      expect(res.body.error.message).toMatch(/微信登录暂未开通/);
      expect((await phone(token, wx.phoneCode('13800000000'))).body.error.code).toBe('WECHAT_NOT_CONFIGURED');
    } finally {
      setApp({ config: readConfig({ APP_MODE: 'development', ...env }), db: t.db, clock: () => clock });
    }
  });

  it('refuses to start in production without DATA_ENCRYPTION_KEY, or with a bad one', () => {
    const production = { APP_MODE: 'production', DATABASE_URL: 'postgres://app@127.0.0.1:5432/bianmin', AUTH_SECRET: 'a'.repeat(32) };
    expect(() => readConfig(production)).toThrow(ConfigError);
    expect(() => readConfig(production)).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => readConfig({ ...production, DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => readConfig({ ...production, DATA_ENCRYPTION_KEY: 'not base64 at all!' })).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => readConfig({ ...production, DATA_ENCRYPTION_KEY: DATA_KEY, WECHAT_API_BASE: 'http://api.weixin.qq.com' })).toThrow(/https/);
    const config = readConfig({ ...production, DATA_ENCRYPTION_KEY: DATA_KEY });
    expect(config.dataEncryptionKey.length).toBe(32);
    expect(config.wechat).toBeUndefined();
    expect(config.wechatApiBase).toBe('https://api.weixin.qq.com');
    // development has a fixed key, like AUTH_SECRET
    expect(readConfig({ APP_MODE: 'development' }).dataEncryptionKey.length).toBe(32);
  });
});

describe('secrets', () => {
  it('never answers a session_key, and never logs one, a token, the secret or a phone number', () => {
    expect(wx.sessionKeys.length).toBeGreaterThan(3);
    const responses = answered.join('\n');
    expect(responses).not.toMatch(/session_?key/i);
    for (const key of wx.sessionKeys) expect(responses).not.toContain(key);
    for (const token of wx.tokens) expect(responses).not.toContain(token);

    const logs = printed.join('\n');
    expect(logs).toContain('wechat'); // something was logged (the timeout, the -1 errors)
    for (const key of wx.sessionKeys) expect(logs).not.toContain(key);
    for (const token of wx.tokens) expect(logs).not.toContain(token);
    expect(logs).not.toContain(wx.secret);
    expect(logs).not.toMatch(/1[3-9][0-9]{9}/);
  });
});
