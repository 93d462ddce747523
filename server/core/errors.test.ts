import { DbError } from '../db/database';
import { ApiError, apiError, fromDbError, toApiError } from './errors';

describe('error mapping', () => {
  it('gives every known code a status and a Chinese message', () => {
    const e = apiError('ITEM_NOT_FOUND');
    expect(e).toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('maps domain errors raised in SQL by their code', () => {
    expect(fromDbError(new DbError('P0001', 'CENTER_NOT_FOUND'))).toMatchObject({ status: 404, code: 'CENTER_NOT_FOUND' });
  });

  it('never leaks an unknown SQL message', () => {
    const e = fromDbError(new DbError('P0001', 'something internal'));
    expect(e).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(e.message).not.toContain('internal');
  });

  it.each([
    ['22P02', 400, 'INVALID_INPUT'],
    ['42501', 403, 'FORBIDDEN'],
    ['23505', 409, 'CONFLICT'],
    ['08006', 503, 'UNAVAILABLE'],
    ['XX000', 500, 'INTERNAL'],
  ])('maps SQLSTATE %s to %d %s', (state, status, code) => {
    expect(fromDbError(new DbError(state, 'x'))).toMatchObject({ status, code });
  });

  it('turns anything else into INTERNAL', () => {
    expect(toApiError(new TypeError('boom'))).toMatchObject({ status: 500, code: 'INTERNAL' });
    const own = new ApiError(422, 'VALIDATION_FAILED', 'x');
    expect(toApiError(own)).toBe(own);
  });
});
