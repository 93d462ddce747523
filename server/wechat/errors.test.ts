import { subscribeSendOutcome, TOKEN_REJECTED_ERRCODES, wechatError, wechatErrorCode, wechatUnreachable } from './errors';

let logged: string[];
beforeEach(() => {
  logged = [];
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
});
afterEach(() => jest.restoreAllMocks());

describe('WeChat errcode mapping', () => {
  it.each([
    ['jscode2session', 40029, 'WECHAT_CODE_INVALID', 400, '登录凭证已失效，请重新打开小程序'],
    ['jscode2session', 40163, 'WECHAT_CODE_INVALID', 400, '登录凭证已失效，请重新打开小程序'],
    ['jscode2session', 45011, 'WECHAT_RATE_LIMITED', 429, '操作太频繁，请稍等一分钟再试'],
    ['jscode2session', 40226, 'WECHAT_USER_BLOCKED', 403, '该微信账号暂时无法登录，请联系微信客服'],
    ['getuserphonenumber', 40029, 'WECHAT_PHONE_CODE_INVALID', 400, undefined],
    ['getuserphonenumber', 45011, 'WECHAT_RATE_LIMITED', 429, undefined],
    ['jscode2session', -1, 'WECHAT_UNAVAILABLE', 503, undefined],
    ['stable_token', 40013, 'WECHAT_UNAVAILABLE', 503, undefined],
    ['stable_token', 40125, 'WECHAT_UNAVAILABLE', 503, undefined],
    ['getuserphonenumber', 40001, 'WECHAT_UNAVAILABLE', 503, undefined],
    ['getuserphonenumber', 42001, 'WECHAT_UNAVAILABLE', 503, undefined],
    ['getuserphonenumber', 99999, 'WECHAT_UNAVAILABLE', 503, undefined],
  ] as const)('%s %d → %s (%d)', (endpoint, errcode, code, status, message) => {
    expect(wechatErrorCode(endpoint, errcode)).toBe(code);
    const e = wechatError(endpoint, errcode, 'errmsg from wechat');
    expect(e).toMatchObject({ status, code });
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    if (message) expect(e.message).toBe(message);
  });

  it('logs what the resident cannot act on, with the errcode, and nothing else', () => {
    wechatError('jscode2session', 40029, 'invalid code');
    wechatError('jscode2session', 45011, 'minute-quota');
    expect(logged).toEqual([]);
    wechatError('stable_token', 40125, 'invalid appsecret rid: 1-2');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('wechat stable_token');
    expect(logged[0]).toContain('errcode 40125');
    expect(logged[0]).toContain('WECHAT_SECRET');
  });

  it('treats only 40001 and 42001 as a rejected access_token', () => {
    expect([...TOKEN_REJECTED_ERRCODES].sort()).toEqual([40001, 42001]);
  });

  it('answers 503 when WeChat cannot be reached', () => {
    expect(wechatUnreachable('jscode2session', 'timed out after 5000 ms')).toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
    expect(logged[0]).toContain('timed out');
  });
});

describe('subscribe/send errcode → SendOutcome', () => {
  it.each([
    [43101, { outcome: 'permanent', code: 'wechat:43101' }],
    [40003, { outcome: 'permanent', code: 'wechat:40003' }],
    [47003, { outcome: 'permanent', code: 'wechat:47003' }],
    [40037, { outcome: 'permanent', code: 'wechat:40037' }],
    [41030, { outcome: 'permanent', code: 'wechat:41030' }],
    [-1, { outcome: 'transient', code: 'wechat:-1' }],
    [45009, { outcome: 'transient', code: 'wechat:45009', retryAfterSeconds: 3600 }],
    [45011, { outcome: 'transient', code: 'wechat:45011', retryAfterSeconds: 60 }],
    [42001, { outcome: 'transient', code: 'wechat:42001' }],
    [99999, { outcome: 'transient', code: 'wechat:99999' }],
  ] as const)('%d → %o', (errcode, outcome) => {
    expect(subscribeSendOutcome(errcode)).toEqual(outcome);
  });
});
