import Taro from '@tarojs/taro';
import { clearSavedResponses } from './cache';
import { ApiError, getJson, getJsonOrSaved } from './request';

const request = Taro.request as unknown as jest.Mock;

function answer(statusCode: number, data: unknown): void {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

afterEach(() => request.mockReset());

describe('getJson', () => {
  it('GETs the same-origin path with the query and resolves with the body', async () => {
    answer(200, { centers: [] });
    await expect(getJson('/api/centers', { kind: 'center', q: '' })).resolves.toEqual({
      centers: [],
    });
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/centers?kind=center', method: 'GET' }),
    );
  });

  it("turns a non-2xx answer into an ApiError with the server's message", async () => {
    answer(404, { error: { code: 'NOT_FOUND', message: '没有找到该事项' } });
    const error: unknown = await getJson('/api/items/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到该事项', status: 404 });
  });

  it('turns a failed request into NETWORK with a plain message', async () => {
    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    await expect(getJson('/api/centers')).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络不给力，请检查网络后重试',
    });
  });

  it('rejects a 2xx answer that is not JSON', async () => {
    answer(200, '<html>请登录 Wi-Fi</html>');
    await expect(getJson('/api/centers')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('saved copies for weak networks', () => {
  // an in-memory phone storage for these tests (the shared mock has none)
  const store = new Map<string, unknown>();
  const storage = {
    getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void store.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => void store.delete(key),
    getStorageInfoSync: () => ({ keys: [...store.keys()], currentSize: 0, limitSize: 10240 }),
  };
  const original: Record<string, unknown> = {};

  beforeAll(() => {
    for (const key of Object.keys(storage)) original[key] = (Taro as unknown as Record<string, unknown>)[key];
    Object.assign(Taro, storage);
  });
  afterAll(() => Object.assign(Taro, original));
  beforeEach(() => store.clear());

  it('serves the saved copy with its time when the network fails', async () => {
    const before = Date.now();
    answer(200, { centers: [{ id: 'c1' }] });
    await expect(getJsonOrSaved('/api/centers')).resolves.toEqual({ data: { centers: [{ id: 'c1' }] }, savedAt: null });

    request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    const offline = await getJsonOrSaved<{ centers: unknown[] }>('/api/centers');
    expect(offline.data).toEqual({ centers: [{ id: 'c1' }] });
    expect(offline.savedAt).toBeGreaterThanOrEqual(before);
  });

  it('keeps one copy per query', async () => {
    answer(200, { rows: ['a'] });
    await getJsonOrSaved('/api/items', { q: '低保' });
    request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await expect(getJsonOrSaved('/api/items', { q: '医保' })).rejects.toMatchObject({ code: 'NETWORK' });
    request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await expect(getJsonOrSaved('/api/items', { q: '低保' })).resolves.toMatchObject({ data: { rows: ['a'] } });
  });

  it("believes the server's own errors over a saved copy", async () => {
    answer(200, { id: 'i1' });
    await getJsonOrSaved('/api/items/i1');
    answer(404, { error: { code: 'ITEM_NOT_FOUND', message: '没有找到这个服务事项' } });
    await expect(getJsonOrSaved('/api/items/i1')).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('never saves personal answers', async () => {
    answer(200, { bookings: [{ id: 'b1' }] });
    await getJsonOrSaved('/api/bookings');
    expect([...store.keys()].filter((k) => k.startsWith('bmfw:'))).toEqual([]);
    request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await expect(getJsonOrSaved('/api/bookings')).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('getJson saves but never answers from the saved copy', async () => {
    answer(200, { days: [] });
    await getJson('/api/availability', { center: 'c', item: 'i' });
    request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await expect(getJson('/api/availability', { center: 'c', item: 'i' })).rejects.toMatchObject({ code: 'NETWORK' });
    request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await expect(getJsonOrSaved('/api/availability', { center: 'c', item: 'i' })).resolves.toMatchObject({ data: { days: [] } });
  });

  it('works without storage (the answer still comes through)', async () => {
    Object.assign(Taro, {
      setStorageSync: () => {
        throw new Error('setStorageSync:fail exceed storage max size');
      },
    });
    answer(200, { centers: [] });
    await expect(getJsonOrSaved('/api/centers')).resolves.toEqual({ data: { centers: [] }, savedAt: null });
    Object.assign(Taro, storage);
  });

  it('forgets everything on request', async () => {
    answer(200, { centers: [] });
    await getJsonOrSaved('/api/centers');
    expect(store.size).toBeGreaterThan(0);
    clearSavedResponses();
    expect([...store.keys()].filter((k) => k.startsWith('bmfw:'))).toEqual([]);
  });
});
