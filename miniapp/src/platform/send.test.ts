import Taro from '@tarojs/taro';
import { ActionKeys } from '@/lib/idempotency';
import { ApiError } from '@/lib/apiError';
import { postWithLogin, sendJson } from './send';
import { loadSession, saveSession } from './session';

// the shared mock has no storage or page stack: give this file an in-memory one
const store = new Map<string, unknown>();
const extra = {
  getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void store.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void store.delete(key)),
  getCurrentInstance: jest.fn(() => ({ router: { path: '/pages/book/index', params: { item: 'i1', stamp: '3' } } })),
};
Object.assign(Taro, extra);

const request = Taro.request as unknown as jest.Mock;
const redirectTo = Taro.redirectTo as unknown as jest.Mock;

type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };
const sent = (n: number): Sent => (request.mock.calls[n] as [Sent])[0];

function answer(statusCode: number, data: unknown): void {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

beforeEach(() => {
  store.clear();
  request.mockReset();
  redirectTo.mockClear();
  saveSession({ token: 'tok-1', account: { id: 'u1', role: 'resident', displayName: '王秀英' } });
});

describe('sendJson', () => {
  it('POSTs JSON with the bearer token and the Idempotency-Key', async () => {
    answer(201, { id: 'b1' });
    await expect(postWithLogin('/api/bookings', { centerId: 'c1' }, 'key-12345')).resolves.toEqual({ id: 'b1' });
    expect(sent(0)).toMatchObject({
      url: '/api/bookings',
      method: 'POST',
      data: { centerId: 'c1' },
      header: { Authorization: 'Bearer tok-1', 'Idempotency-Key': 'key-12345', 'Content-Type': 'application/json' },
    });
  });

  it('sends no token for the login itself', async () => {
    answer(200, { token: 't' });
    await sendJson('POST', '/api/auth/dev-login', { body: { login: 'resident' }, login: false });
    expect(sent(0).header.Authorization).toBeUndefined();
  });

  it("rejects with the server's own Chinese message", async () => {
    answer(409, { error: { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' } });
    const error = await postWithLogin('/api/bookings', {}, 'key-12345').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段', status: 409 });
  });

  it('on 401 forgets the token and opens the login page, coming back here afterwards', async () => {
    answer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await expect(postWithLogin('/api/bookings', {}, 'key-12345')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(loadSession()).toBeNull();
    expect(redirectTo).toHaveBeenCalledWith({ url: `/pages/login/index?back=${encodeURIComponent('/pages/book/index?item=i1')}` });
  });

  it('on 401 in a background call (the unread badge) forgets the token but stays on the page', async () => {
    answer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await expect(sendJson('GET', '/api/notifications/unread', { background: true })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(loadSession()).toBeNull();
    expect(redirectTo).not.toHaveBeenCalled();
  });
});

describe('a retried action', () => {
  it('sends the same Idempotency-Key after a timeout, and a new one for the next action', async () => {
    let n = 0;
    const keys = new ActionKeys(() => `action-key-${++n}`);
    const book = (slotStart: string) => {
      const body = { centerId: 'c1', itemId: 'i1', slotStart };
      return postWithLogin('/api/bookings', body, keys.keyFor(JSON.stringify(body)));
    };

    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    await expect(book('09:30')).rejects.toMatchObject({ code: 'NETWORK' });
    answer(201, { id: 'b1' }); // the retry: the server answers the first booking again
    await book('09:30');
    keys.finished();
    answer(201, { id: 'b2' });
    await book('09:30');

    expect(sent(0).header['Idempotency-Key']).toBe('action-key-1');
    expect(sent(1).header['Idempotency-Key']).toBe('action-key-1');
    expect(sent(2).header['Idempotency-Key']).toBe('action-key-2');
  });
});
