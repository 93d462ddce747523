// Browser end-to-end in the H5 build at 375×667: the county admin logs in with username and
// password, creates a window staff account and reads its temporary password (shown once); the
// new staff member logs in with it, is made to choose a new password, and lands on the staff
// area (work/pages/today). Screenshots: screenshots/staff-*.png (git-ignored).
import { DEMO_STAFF_PASSWORD } from '../../supabase/seed/data/accounts';
import { requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;
const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai

run('admin creates a staff account; the staff member logs in and changes the password (H5)', () => {
  const app = useH5App({ clock, shots: 'staff-' });
  const { visible, text, tap, shot } = app.ui;
  let temporary = '';

  const field = (label: string) => visible().locator('.text-field').filter({ hasText: label }).locator('input').first();

  it('settings lead to the staff login', async () => {
    await app.ui.go('/pages/settings/index');
    await tap('工作人员登录', true);
    await text('用管理员给您的用户名和密码登录').waitFor();
    expect(app.page.url()).toContain('work/pages/login/index');
  });

  it('a wrong password is refused in plain words', async () => {
    await field('用户名').fill('admin');
    await field('密码').fill('not-my-password1');
    await tap('登录', true);
    await text('用户名或密码不对，请重新输入').waitFor();
    await shot('login-wrong-password');
  });

  it('the admin logs in and lands on 账号管理', async () => {
    await field('密码').fill(DEMO_STAFF_PASSWORD);
    await tap('显示', true);
    await shot('login-admin');
    await tap('登录', true);
    await text('新建账号', true).waitFor();
    expect(app.page.url()).toContain('manage/pages/accounts/index');
    await text('周敏').waitFor();
    await shot('accounts-list');
  });

  it('creates 王芳 at 沙河镇 and reads the temporary password once', async () => {
    await tap('新建账号', true);
    await field('姓名').fill('王芳');
    await field('用户名').fill('wangfang');
    await tap('沙河镇', true);
    await shot('accounts-create');
    await tap('新建并生成临时密码', true);
    await text('王芳 的临时密码').waitFor();
    temporary = (await visible().locator('.accounts__password-value').innerText()).trim();
    expect(temporary).toMatch(/^[a-z2-9]{10}$/);
    await shot('accounts-temporary-password');
    await tap('我记下了', true);
    await text('等本人第一次登录改密码').waitFor();
  });

  it('王芳 logs in with it, must choose a new password, then lands on the staff area', async () => {
    await app.page.evaluate(() => window.localStorage.clear());
    await app.ui.go('/work/pages/login/index');
    await app.page.reload();
    await field('用户名').waitFor();
    await field('用户名').fill('wangfang');
    await field('密码').fill(temporary);
    await tap('登录', true);
    await text('请换成只有您自己知道的新密码').waitFor();
    await field('新密码').fill('wangfang2026');
    await field('再输一遍新密码').fill('wangfang2026');
    await tap('改好了，开始工作', true);
    await text('还不行：不能含有用户名').waitFor();
    await shot('change-password-refused');
    await field('新密码').fill('shahe2026go');
    await field('再输一遍新密码').fill('shahe2026go');
    await shot('change-password');
    await tap('改好了，开始工作', true);
    // the staff area's first page (work/pages/today, built separately)
    await app.page.waitForURL(/work\/pages\/today\/index/);
    // the new password works, the temporary one no longer
    expect((await app.api.call('POST', '/api/auth/login', { body: { username: 'wangfang', password: 'shahe2026go' } })).status).toBe(200);
    expect((await app.api.call('POST', '/api/auth/login', { body: { username: 'wangfang', password: temporary } })).status).toBe(400);
    await shot('staff-area');
  });
});
