// Browser end-to-end in the H5 build at 375×667: the county admin logs in with username and
// password, creates a window staff account and reads its temporary password (shown once); the
// new staff member logs in with it, is made to choose a new password, and lands on the staff
// area (work/pages/today). Screenshots: screenshots/staff-*.png (git-ignored).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../../server/dev/h5-build';
import { DEMO_STAFF_PASSWORD } from '../../supabase/seed/data/accounts';
import { type RunningApi, startApi } from '../support/api-server';
import { launchChromium, PHONE, requireChromiumOrSkip, SCREENSHOTS } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';

const run = requireChromiumOrSkip() ? describe : describe.skip;
const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai

run('admin creates a staff account; the staff member logs in and changes the password (H5)', () => {
  let t: TestDatabase;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let temporary = '';

  beforeAll(async () => {
    ensureH5Build((line) => console.info(line));
    t = await createTestDatabase();
    api = await startApi(t.db, {}, () => clock, H5_DIR);
    browser = await launchChromium();
    page = await (await browser.newContext(PHONE)).newPage();
    await page.clock.setFixedTime(clock);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await t?.drop();
  });

  const visible = () => page.locator('.taro_page:visible');
  const text = (s: string | RegExp, exact = false) => visible().getByText(s, { exact }).first();
  const tap = async (s: string | RegExp, exact = false) => {
    await text(s, exact).scrollIntoViewIfNeeded();
    await text(s, exact).click();
  };
  const field = (label: string) => visible().locator('.text-field').filter({ hasText: label }).locator('input').first();
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, `staff-${name}.png`), fullPage: false });
  };

  it('settings lead to the staff login', async () => {
    await page.goto(`${api.url}/#/pages/settings/index`);
    await tap('工作人员登录', true);
    await text('用管理员给您的用户名和密码登录').waitFor();
    expect(page.url()).toContain('work/pages/login/index');
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
    expect(page.url()).toContain('manage/pages/accounts/index');
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
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(`${api.url}/#/work/pages/login/index`);
    await page.reload();
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
    await page.waitForURL(/work\/pages\/today\/index/);
    // the new password works, the temporary one no longer
    expect((await api.call('POST', '/api/auth/login', { body: { username: 'wangfang', password: 'shahe2026go' } })).status).toBe(200);
    expect((await api.call('POST', '/api/auth/login', { body: { username: 'wangfang', password: temporary } })).status).toBe(400);
    await shot('staff-area');
  });
});
