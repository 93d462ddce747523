import { bearerToken, callerFromToken, issueToken } from './tokens';

const secret = 'a-test-secret-of-at-least-thirty-two-chars';
const account = { id: '11111111-1111-4111-8111-111111111111', role: 'resident' as const, displayName: '王秀英', centerId: null, countyCode: null };
const now = new Date('2026-11-28T02:00:00Z');

describe('tokens', () => {
  it('round-trips the account as an authenticated caller', async () => {
    const token = await issueToken(secret, account, now);
    await expect(callerFromToken(secret, token, now)).resolves.toEqual({
      role: 'authenticated',
      claims: { sub: account.id, app_role: 'resident', center_id: null, county_code: null },
    });
  });

  it('refuses an expired token, a wrong secret and garbage with 401', async () => {
    const token = await issueToken(secret, account, now, 60);
    const later = new Date(now.getTime() + 61_000);
    await expect(callerFromToken(secret, token, later)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await expect(callerFromToken('another-secret-of-at-least-thirty-two-chars', token, now)).rejects.toMatchObject({ status: 401 });
    await expect(callerFromToken(secret, 'a.b.c', now)).rejects.toMatchObject({ status: 401 });
  });

  it('reads the bearer header strictly', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer aa.bb.cc')).toBe('aa.bb.cc');
    expect(() => bearerToken('Basic xyz')).toThrow();
    expect(() => bearerToken('Bearer ')).toThrow();
  });
});
