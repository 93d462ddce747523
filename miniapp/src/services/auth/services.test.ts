import Taro from '@tarojs/taro';
import { devLogin } from './devLogin';
import { fetchMe } from './fetchMe';
import { wechatLogin } from './wechatLogin';

const store = new Map<string, unknown>();
Object.assign(Taro, {
  getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void store.set(key, value),
  removeStorageSync: (key: string) => void store.delete(key),
  getCurrentInstance: () => ({ router: null }),
});

const request = Taro.request as unknown as jest.Mock;
type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };
const last = (): Sent => (request.mock.calls.at(-1) as [Sent])[0];
const answer = (statusCode: number, data: unknown) =>
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });

afterEach(() => request.mockReset());

describe('auth services', () => {
  const session = { token: 't', account: { id: 'u', role: 'resident', displayName: '王秀英' } };

  it('devLogin posts the demo login without a token', async () => {
    store.set('bmfw:session', { token: 'old', account: {} });
    answer(200, session);
    await expect(devLogin('resident')).resolves.toEqual(session);
    expect(last()).toMatchObject({ url: '/api/auth/dev-login', method: 'POST', data: { login: 'resident' } });
    expect(last().header.Authorization).toBeUndefined();
  });

  it('wechatLogin posts the wx.login code', async () => {
    answer(200, session);
    await wechatLogin('code-1');
    expect(last()).toMatchObject({ url: '/api/auth/wechat', data: { code: 'code-1' } });
  });

  it('fetchMe answers the people list even when the server leaves it out', async () => {
    store.set('bmfw:session', session);
    answer(200, { id: 'u', role: 'resident', displayName: '王秀英' });
    await expect(fetchMe()).resolves.toMatchObject({ people: [] });
    expect(last().header.Authorization).toBe('Bearer t');
  });
});
