// The notification providers against their fakes on 127.0.0.1: WeChat subscribe messages
// (WechatClient.sendSubscribeMessage, the access_token from the test database) and Tencent
// Cloud SMS (createTencentSms through the real SDK, its TC3 signature verified by the fake).
// Every outcome is a SendOutcome; nothing printed carries a phone number, openid, token or secret.
import { createServer } from 'node:http';
import { readConfig } from '../../server/config/config';
import { listen } from '../../server/http/server';
import { smsProvider as appSmsProvider } from '../../server/notifications/sms';
import type { SendOutcome } from '../../server/notifications/send-outcome';
import type { SmsProvider } from '../../server/notifications/sms/sms-provider';
import { createTencentSms, type TencentSmsSettings } from '../../server/notifications/sms/tencent-sms';
import { type SubscribeMessage, WechatClient } from '../../server/wechat/client';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type FakeSms, startFakeSms } from '../support/fake-sms';
import { type FakeWechat, keywordProblem, startFakeWechat } from '../support/fake-wechat';

let t: TestDatabase;
let wx: FakeWechat;
let fakeSms: FakeSms;
let wechat: WechatClient;
let smsProvider: SmsProvider;
const printed: string[] = [];

const WECHAT_TIMEOUT_MS = 500;
const SMS_TIMEOUT_MS = 700;
const SMS_CREDENTIALS = { secretId: 'AKIDfakeSecretId0123456789abcdef', secretKey: 'fakeSecretKey0123456789abcdefgh', sdkAppId: '1400000001', signName: '便民服务' };
const PHONE = '+8613812345678';
const BOOKING_TEMPLATE = 'tpl-booking-status-0001';
const SMS_TEMPLATE = '2000001';
let smsSettings: TencentSmsSettings;

/** a port nothing listens on */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  console.info(`notification providers on ${describeBackend()}`);
  for (const method of ['error', 'log', 'warn'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
  t = await createTestDatabase({ seed: false });
  wx = await startFakeWechat();
  fakeSms = await startFakeSms(SMS_CREDENTIALS);
  wechat = new WechatClient(t.db, { appid: wx.appid, secret: wx.secret, apiBase: wx.url, timeoutMs: WECHAT_TIMEOUT_MS });
  smsSettings = { ...SMS_CREDENTIALS, region: 'ap-guangzhou', endpoint: fakeSms.endpoint, protocol: 'http://', timeoutMs: SMS_TIMEOUT_MS };
  smsProvider = createTencentSms(smsSettings);
});

afterAll(async () => {
  await wx?.close();
  await fakeSms?.close();
  await t?.drop();
  // nothing printed carries the number (with or without +86), an openid, a token or a secret
  const all = printed.join('\n');
  expect(all).not.toContain('13812345678');
  expect(all).not.toContain('13900001111');
  expect(all).not.toMatch(/oFake[A-Za-z0-9_-]{10,}/);
  expect(all).not.toContain('FAKE_ACCESS_TOKEN');
  expect(all).not.toContain(wx.secret);
  expect(all).not.toContain(SMS_CREDENTIALS.secretKey);
  expect(all).not.toContain('access_token=');
  jest.restoreAllMocks();
});

beforeEach(() => {
  wx.reset();
  fakeSms.reset();
});

describe('WeChat subscribe send', () => {
  const NOW = () => new Date();
  let openid: string;
  const message = (overrides: Partial<SubscribeMessage> = {}): SubscribeMessage => ({
    touser: openid,
    templateId: BOOKING_TEMPLATE,
    page: 'pages/booking/detail?id=42',
    data: { thing1: { value: '社保卡补办' }, time2: { value: '2026年3月2日 09:30' }, phrase3: { value: '已确认' } },
    miniprogramState: 'formal',
    ...overrides,
  });

  beforeAll(() => {
    openid = wx.openidOf('alice');
    wx.defineTemplate(BOOKING_TEMPLATE, { thing1: 'thing', time2: 'time', phrase3: 'phrase' });
  });

  it('sends: WeChat accepts it with a msgid, the consent is used', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE);
    const outcome = await wechat.sendSubscribeMessage(NOW(), message());
    expect(outcome).toEqual({ outcome: 'sent', providerId: expect.stringMatching(/^\d+$/) });
    expect(wx.subscribeMessages).toEqual([
      { touser: openid, templateId: BOOKING_TEMPLATE, page: 'pages/booking/detail?id=42', data: message().data, miniprogramState: 'formal', msgid: Number((outcome as { providerId: string }).providerId) },
    ]);
    const sent = wx.requests.find((r) => r.path === '/cgi-bin/message/subscribe/send');
    expect(sent?.body).toEqual({ touser: openid, template_id: BOOKING_TEMPLATE, page: 'pages/booking/detail?id=42', data: message().data, miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(sent?.query.access_token).toBe(wx.tokens.at(-1));
    expect(wx.consentLeft(openid, BOOKING_TEMPLATE)).toBe(0);
  });

  it('43101 once the consent is used up → permanent', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE, 1);
    expect((await wechat.sendSubscribeMessage(NOW(), message())).outcome).toBe('sent');
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'permanent', code: 'wechat:43101' });
    expect(wx.subscribeMessages).toHaveLength(1);
  });

  it('msgids increase', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE, 2);
    const a = (await wechat.sendSubscribeMessage(NOW(), message())) as { providerId: string };
    const b = (await wechat.sendSubscribeMessage(NOW(), message())) as { providerId: string };
    expect(Number(b.providerId)).toBeGreaterThan(Number(a.providerId));
  });

  it('40003 for an openid WeChat never issued → permanent', async () => {
    expect(await wechat.sendSubscribeMessage(NOW(), message({ touser: 'oNeverIssuedOpenid0123456789' }))).toEqual({ outcome: 'permanent', code: 'wechat:40003' });
  });

  it('47003 for a thing over 20 characters → permanent, and the consent is kept', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE);
    const data = { ...message().data, thing1: { value: '社会保障卡补办及信息变更业务一次办好服务' + '啊' } };
    expect(await wechat.sendSubscribeMessage(NOW(), message({ data }))).toEqual({ outcome: 'permanent', code: 'wechat:47003' });
    expect(wx.consentLeft(openid, BOOKING_TEMPLATE)).toBe(1);
    expect(printed.join('\n')).toMatch(/errcode 47003: argument invalid! data\.thing1\.value exceed max length/);
  });

  it('47003 for a missing keyword, a phrase with Latin letters, a malformed time', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE, 3);
    const { thing1, time2 } = message().data;
    expect(await wechat.sendSubscribeMessage(NOW(), message({ data: { thing1: thing1!, time2: time2! } }))).toEqual({ outcome: 'permanent', code: 'wechat:47003' });
    expect(await wechat.sendSubscribeMessage(NOW(), message({ data: { ...message().data, phrase3: { value: 'OK' } } }))).toEqual({ outcome: 'permanent', code: 'wechat:47003' });
    expect(await wechat.sendSubscribeMessage(NOW(), message({ data: { ...message().data, time2: { value: '3月2日上午' } } }))).toEqual({ outcome: 'permanent', code: 'wechat:47003' });
    expect(wx.consentLeft(openid, BOOKING_TEMPLATE)).toBe(3);
  });

  it('40037 for a template the account does not have → permanent', async () => {
    expect(await wechat.sendSubscribeMessage(NOW(), message({ templateId: 'tpl-not-defined' }))).toEqual({ outcome: 'permanent', code: 'wechat:40037' });
  });

  it('42001 (token expired) → one refresh, one retry → sent', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE);
    await wechat.getAccessToken(NOW()); // a cached token …
    wx.expireTokens(); // … that WeChat now calls expired
    const outcome = await wechat.sendSubscribeMessage(NOW(), message());
    expect(outcome.outcome).toBe('sent');
    expect(wx.calls.subscribeSend).toBe(2);
    expect(wx.calls.stableTokenForced).toBe(1);
    expect(wx.subscribeMessages).toHaveLength(1);
  });

  it('40001 twice → transient (no second retry)', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE);
    wx.failNext('subscribeSend', 40001, 40001);
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:40001' });
    expect(wx.calls.subscribeSend).toBe(2);
    expect(wx.consentLeft(openid, BOOKING_TEMPLATE)).toBe(1);
  });

  it('45011 (minute rate limit) → transient, retry after a minute', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE, 3);
    wx.setSubscribeRateLimit(2);
    expect((await wechat.sendSubscribeMessage(NOW(), message())).outcome).toBe('sent');
    expect((await wechat.sendSubscribeMessage(NOW(), message())).outcome).toBe('sent');
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:45011', retryAfterSeconds: 60 });
    expect(wx.consentLeft(openid, BOOKING_TEMPLATE)).toBe(1);
  });

  it('-1 (system busy) and 45009 (daily limit) → transient', async () => {
    wx.failNext('subscribeSend', -1, 45009);
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:-1' });
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:45009', retryAfterSeconds: 3600 });
  });

  it('an answer slower than the timeout → unknown (and WeChat did deliver it: never resend)', async () => {
    wx.grantConsent(openid, BOOKING_TEMPLATE);
    await wechat.getAccessToken(NOW());
    wx.delays.subscribeSend = WECHAT_TIMEOUT_MS + 300;
    expect(await wechat.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'unknown', code: 'wechat:timeout' });
    await new Promise((r) => setTimeout(r, 500));
    expect(wx.subscribeMessages).toHaveLength(1);
  });

  it('connection refused → transient wechat:network; stable_token unreachable → transient wechat:token', async () => {
    await wechat.getAccessToken(NOW()); // the cached token lets the send itself fail
    const port = await closedPort();
    const offline = new WechatClient(t.db, { appid: wx.appid, secret: wx.secret, apiBase: `http://127.0.0.1:${port}`, timeoutMs: WECHAT_TIMEOUT_MS });
    expect(await offline.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:network' });
    wx.expireTokens();
    expect(await offline.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:network' });
    // once the cached token runs out, the send has to refresh it first, and cannot: nothing was sent
    await t.db.query('update wechat_access_tokens set expires_at = now() - interval \'1 minute\' where appid = $1', [wx.appid]);
    expect(await offline.sendSubscribeMessage(NOW(), message())).toEqual({ outcome: 'transient', code: 'wechat:token' });
  });

  it('keyword limits of the fake', () => {
    expect(keywordProblem('time', '2026年3月2日 09:30')).toBeUndefined();
    expect(keywordProblem('time', '2026-03-02 09:30')).toBeUndefined();
    expect(keywordProblem('time', '2026年3月2日 09:30~10:00')).toBeUndefined();
    expect(keywordProblem('time', '2026年2月30日 09:30')).toBeDefined();
    expect(keywordProblem('time', '2026年3月2日 25:30')).toBeDefined();
    expect(keywordProblem('date', '2026年3月2日')).toBeUndefined();
    expect(keywordProblem('date', '2026/03/02')).toBeDefined();
    expect(keywordProblem('thing', '一'.repeat(20))).toBeUndefined();
    expect(keywordProblem('thing', '一'.repeat(21))).toBeDefined();
    expect(keywordProblem('phrase', '已确认')).toBeUndefined();
    expect(keywordProblem('phrase', '预约已被取消了')).toBeDefined();
    expect(keywordProblem('character_string', 'BK-2026-0001')).toBeUndefined();
    expect(keywordProblem('character_string', '预约号1')).toBeDefined();
    expect(keywordProblem('character_string', 'A'.repeat(33))).toBeDefined();
    expect(keywordProblem('name', '欧阳秀英')).toBeUndefined();
    expect(keywordProblem('name', '一'.repeat(11))).toBeDefined();
    expect(keywordProblem('number', '12')).toBeUndefined();
    expect(keywordProblem('number', '12a')).toBeDefined();
    expect(keywordProblem('thing', '')).toBeDefined();
  });
});

describe('Tencent Cloud SMS', () => {
  const send = (overrides: Partial<{ phone: string; templateId: string; params: string[]; sendKey: string }> = {}): Promise<SendOutcome> =>
    smsProvider.send({ phone: PHONE, templateId: SMS_TEMPLATE, params: ['社保卡补办', '3月2日 09:30'], sendKey: 'notif-0001:sms', ...overrides });

  beforeAll(() => {
    fakeSms.defineTemplate(SMS_TEMPLATE, 2, 12);
  });

  it('sends: SerialNo back, the send key travels as SessionContext, the signature checks out', async () => {
    const outcome = await send();
    expect(fakeSms.messages).toEqual([{ phone: PHONE, templateId: SMS_TEMPLATE, params: ['社保卡补办', '3月2日 09:30'], sessionContext: 'notif-0001:sms', serialNo: expect.any(String) }]);
    expect(outcome).toEqual({ outcome: 'sent', providerId: fakeSms.messages[0]!.serialNo });
    const request = fakeSms.requests[0]!;
    expect(request.headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou' });
    expect(request.body).toMatchObject({ PhoneNumberSet: [PHONE], SmsSdkAppId: '1400000001', SignName: '便民服务', TemplateId: SMS_TEMPLATE, SessionContext: 'notif-0001:sms' });
    expect(request.code).toBe('Ok');
  });

  it('a number that is not a mainland mobile → permanent IncorrectPhoneNumber', async () => {
    expect(await send({ phone: '+861234567' })).toEqual({ outcome: 'permanent', code: 'sms:InvalidParameterValue.IncorrectPhoneNumber' });
    expect(await send({ phone: '+8612012345678' })).toEqual({ outcome: 'permanent', code: 'sms:InvalidParameterValue.IncorrectPhoneNumber' });
    expect(fakeSms.messages).toHaveLength(0);
  });

  it('parameters: too long / too few → permanent', async () => {
    expect(await send({ params: ['一个超过十二个字的很长的事项名称啊', '09:30'] })).toEqual({ outcome: 'permanent', code: 'sms:InvalidParameterValue.TemplateParameterLengthLimit' });
    expect(await send({ params: ['社保卡补办'] })).toEqual({ outcome: 'permanent', code: 'sms:InvalidParameterValue.TemplateParameterFormatError' });
  });

  it('a wrong secret key → permanent AuthFailure.SignatureFailure; an unknown template → permanent', async () => {
    const wrong = createTencentSms({ ...smsSettings, secretKey: 'not-the-secret-key-0123456789ab' });
    expect(await wrong.send({ phone: PHONE, templateId: SMS_TEMPLATE, params: ['a', 'b'], sendKey: 'k1' })).toEqual({ outcome: 'permanent', code: 'sms:AuthFailure.SignatureFailure' });
    expect(await send({ templateId: '9999999' })).toEqual({ outcome: 'permanent', code: 'sms:FailedOperation.TemplateIncorrectOrUnapproved' });
    expect(fakeSms.messages).toHaveLength(0);
  });

  it('RequestLimitExceeded, InternalError.Timeout, an empty package → transient', async () => {
    fakeSms.failNext('RequestLimitExceeded', 'InternalError.Timeout', 'FailedOperation.InsufficientBalanceInSmsPackage');
    expect(await send()).toEqual({ outcome: 'transient', code: 'sms:RequestLimitExceeded', retryAfterSeconds: 1 });
    expect(await send()).toEqual({ outcome: 'transient', code: 'sms:InternalError.Timeout' });
    expect(await send()).toEqual({ outcome: 'transient', code: 'sms:FailedOperation.InsufficientBalanceInSmsPackage' });
    expect(fakeSms.messages).toHaveLength(0);
  });

  it('the 30-second limit per number → transient, retry after 30 s', async () => {
    fakeSms.thirtySecondLimit = true;
    expect((await send()).outcome).toBe('sent');
    expect(await send()).toEqual({ outcome: 'transient', code: 'sms:LimitExceeded.PhoneNumberThirtySecondLimit', retryAfterSeconds: 30 });
    expect((await send({ phone: '+8613900001111' })).outcome).toBe('sent');
  });

  it('an answer slower than the timeout → unknown (and Tencent did send it: never resend)', async () => {
    fakeSms.delayMs = SMS_TIMEOUT_MS + 300;
    expect(await send()).toEqual({ outcome: 'unknown', code: 'sms:timeout' });
    await new Promise((r) => setTimeout(r, 500));
    expect(fakeSms.messages).toHaveLength(1);
  });

  it('connection refused → transient sms:network', async () => {
    const offline = createTencentSms({ ...smsSettings, endpoint: `127.0.0.1:${await closedPort()}` });
    expect(await offline.send({ phone: PHONE, templateId: SMS_TEMPLATE, params: ['a', 'b'], sendKey: 'k2' })).toEqual({ outcome: 'transient', code: 'sms:network' });
  });

  it('smsProvider(app): from the configuration, one per configuration; none without SMS_PROVIDER', async () => {
    const config = readConfig({
      APP_MODE: 'development',
      SMS_PROVIDER: 'tencent',
      TENCENT_SMS_SECRET_ID: SMS_CREDENTIALS.secretId,
      TENCENT_SMS_SECRET_KEY: SMS_CREDENTIALS.secretKey,
      TENCENT_SMS_SDK_APP_ID: SMS_CREDENTIALS.sdkAppId,
      TENCENT_SMS_SIGN_NAME: SMS_CREDENTIALS.signName,
      TENCENT_SMS_ENDPOINT: fakeSms.url,
    });
    const app = { config, db: t.db };
    const provider = appSmsProvider(app);
    expect(provider?.name).toBe('tencent');
    expect(appSmsProvider(app)).toBe(provider);
    expect((await provider!.send({ phone: PHONE, templateId: SMS_TEMPLATE, params: ['a', 'b'], sendKey: 'k3' })).outcome).toBe('sent');
    expect(appSmsProvider({ config: readConfig({ APP_MODE: 'development' }), db: t.db })).toBeUndefined();
  });

  it('the phone number is never printed, whatever the outcome', async () => {
    printed.length = 0;
    fakeSms.failNext('InternalError.SendAndRecvFail');
    await send();
    await send({ params: ['x'] });
    await send({ phone: '+8613800' });
    fakeSms.delayMs = SMS_TIMEOUT_MS + 100;
    await send();
    expect(printed.length).toBeGreaterThanOrEqual(4);
    expect(printed.join('\n')).not.toMatch(/1380|13812345678/);
  });
});
