import { passwordProblem } from '../../../server/auth/passwords';
import { accountStatus, assignableRoles, auditActionLabel, auditTime, newPasswordProblem, pageAfterStaffLogin, usernameProblem } from './staffAccounts';

describe('pageAfterStaffLogin', () => {
  it.each([
    [{ role: 'staff', mustChangePassword: true }, 'change-password'],
    [{ role: 'admin', mustChangePassword: true }, 'change-password'],
    [{ role: 'staff', mustChangePassword: false }, '/work/pages/today/index'],
    [{ role: 'manager', mustChangePassword: false }, '/manage/pages/accounts/index'],
    [{ role: 'admin' }, '/manage/pages/accounts/index'],
    [{ role: 'resident' }, '/pages/index/index'],
  ] as const)('%o → %s', (account, page) => {
    expect(pageAfterStaffLogin(account)).toBe(page);
  });
});

describe('newPasswordProblem', () => {
  it.each([
    ['abc123', 'too_short'],
    ['abcdefgh', 'needs_letters_and_digits'],
    ['zhoumin2026', 'contains_username'],
    ['k7mp4xq2ab', 'same_as_current'],
    ['shahe2026go', null],
  ])('%s → %s', (pw, problem) => {
    expect(newPasswordProblem(pw, 'zhoumin', 'k7mp4xq2ab', pw)).toBe(problem);
  });

  it('asks for the same password twice', () => {
    expect(newPasswordProblem('shahe2026go', 'zhoumin', 'old', 'shahe2026g')).toBe('mismatch');
  });

  it('agrees with the server on the rules both check', () => {
    for (const pw of ['abc123', 'abcdefgh', '12345678', 'zhoumin2026', 'ZHOUMIN1x', 'shahe2026go', 'a1'.repeat(33), '窗口服务2026a']) {
      const client = newPasswordProblem(pw, 'zhoumin', 'other', pw);
      const server = passwordProblem(pw, 'zhoumin');
      expect([pw, client]).toEqual([pw, server === 'too_common' ? null : server]);
    }
  });
});

describe('accountStatus', () => {
  const now = new Date('2026-12-01T01:00:00Z');
  it.each([
    [{ active: false, mustChangePassword: true, lockedUntil: null }, '已停用'],
    [{ active: true, mustChangePassword: false, lockedUntil: '2026-12-01T09:15:00+08:00' }, '密码输错太多，锁定到09:15'],
    [{ active: true, mustChangePassword: false, lockedUntil: '2026-12-01T08:15:00+08:00' }, '正常'],
    [{ active: true, mustChangePassword: true, lockedUntil: null }, '等本人第一次登录改密码'],
  ])('%o → %s', (a, text) => {
    expect(accountStatus(a, now).text).toBe(text);
  });
});

it('assignableRoles: admins all, managers window staff, others none', () => {
  expect(assignableRoles('admin')).toEqual(['staff', 'manager', 'admin']);
  expect(assignableRoles('manager')).toEqual(['staff']);
  expect(assignableRoles('staff')).toEqual([]);
});

it('usernameProblem follows the server rule', () => {
  expect(usernameProblem('')).toBe('请填写用户名');
  expect(usernameProblem('1abc')).not.toBeNull();
  expect(usernameProblem('ab')).not.toBeNull();
  expect(usernameProblem(' WangFang ')).toBeNull();
});

it('auditActionLabel', () => {
  expect(auditActionLabel('account.create')).toBe('新建账号');
  expect(auditActionLabel('center.hours')).toBe('center.hours');
});

it('auditTime', () => {
  expect(auditTime('2026-12-01T09:05:00+08:00')).toBe('2026年12月1日 09:05');
  expect(auditTime('2026-12-31T17:30:00Z')).toBe('2027年1月1日 01:30');
});
