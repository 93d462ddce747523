import { dummyHash, hashPassword, passwordProblem, temporaryPassword, verifyPassword } from './passwords';

// cheap parameters keep the unit tests fast; the format and checks are the same
const FAST = { N: 1024, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('stores the parameters and a fresh salt with the hash, and verifies only the right password', async () => {
    const a = await hashPassword('huanying2026', FAST);
    const b = await hashPassword('huanying2026', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('huanying2026', a)).resolves.toBe(true);
    await expect(verifyPassword('huanying2027', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
  });

  it('uses strong parameters by default (N = 2^15, r = 8)', async () => {
    const h = await hashPassword('huanying2026');
    expect(h.startsWith('scrypt$32768$8$1$')).toBe(true);
    await expect(verifyPassword('huanying2026', h)).resolves.toBe(true);
  });

  it('treats full-width and half-width input alike (NFKC), as phones type both', async () => {
    const h = await hashPassword('abc12345', FAST);
    await expect(verifyPassword('ａｂｃ１２３４５', h)).resolves.toBe(true);
  });

  it('never matches a malformed or absurd hash, without throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1024$8$1$salt', 'scrypt$1000$8$1$c2FsdA$aGFzaA', 'scrypt$4194304$8$1$c2FsdA$aGFzaA', 'bcrypt$2b$10$x']) {
      await expect(verifyPassword('anything1', bad)).resolves.toBe(false);
    }
  });

  it('has a dummy hash nobody knows the password of', async () => {
    const d = await dummyHash();
    expect(d).toMatch(/^scrypt\$/);
    await expect(verifyPassword('', d)).resolves.toBe(false);
    expect(await dummyHash()).toBe(d);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['abc1234', 'zhoumin', 'too_short'],
    ['a1'.repeat(33), 'zhoumin', 'too_long'],
    ['abcdefgh', 'zhoumin', 'needs_letters_and_digits'],
    ['12345678', 'zhoumin', 'needs_letters_and_digits'],
    ['zhoumin123', 'zhoumin', 'contains_username'],
    ['ZhouMin2026', 'zhoumin', 'contains_username'],
    ['password1', 'zhoumin', 'too_common'],
    ['Abc12345', 'zhoumin', 'too_common'],
    ['shahe2026go', 'zhoumin', null],
    ['窗口服务2026a', 'zhoumin', null],
  ])('%s (user %s) → %s', (password, user, expected) => {
    expect(passwordProblem(password, user)).toBe(expected);
  });
});

describe('temporaryPassword', () => {
  it('is 10 unambiguous lower-case letters and digits that pass the policy, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{10}$/);
      expect((p.match(/[0-9]/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect((p.match(/[a-z]/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(passwordProblem(p, 'zhoumin')).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
