import {
  ApiError,
  NETWORK_ERROR_MESSAGE,
  badResponseError,
  errorFromResponse,
  isApiErrorBody,
  toApiError,
} from './apiError';

describe('errorFromResponse', () => {
  it('carries the server code and plain message', () => {
    const error = errorFromResponse(404, {
      error: { code: 'NOT_FOUND', message: '没有找到该事项' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('没有找到该事项');
    expect(error.status).toBe(404);
  });

  it('keeps validation fields', () => {
    const error = errorFromResponse(400, {
      error: { code: 'INVALID', message: '参数有误', fields: { limit: '最多100' } },
    });
    expect(error.fields).toEqual({ limit: '最多100' });
  });

  it('falls back to a plain message for bodies that are not ours', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
  });
});

describe('isApiErrorBody', () => {
  it('accepts only { error: { code, message } }', () => {
    expect(isApiErrorBody({ error: { code: 'X', message: 'y' } })).toBe(true);
    expect(isApiErrorBody({ error: 'x' })).toBe(false);
    expect(isApiErrorBody(null)).toBe(false);
    expect(isApiErrorBody({ error: { code: 1, message: 'y' } })).toBe(false);
  });
});

describe('toApiError', () => {
  it('passes ApiErrors through and treats anything else as a network failure', () => {
    const own = badResponseError(200);
    expect(toApiError(own)).toBe(own);
    const other = toApiError(new TypeError('Failed to fetch'));
    expect(other.code).toBe('NETWORK');
    expect(other.message).toBe(NETWORK_ERROR_MESSAGE);
  });
});
