import Taro from '@tarojs/taro';
import { ApiError, getJson } from './request';

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
