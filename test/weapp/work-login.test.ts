// Smoke test of the compiled staff login (dist/work/, a subpackage): it renders from the
// subpackage, asks for what is missing in plain words, shows the password on request, and the
// resident app's settings lead to it. Typing and the whole login run in test/e2e/staff-accounts.
import { answerFromFixtures } from './fixtures';
import { byText, ensureWeappBuild, findByClass, setupWeapp, textOf, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const posted: string[] = [];

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  weapp.useMemoryStorage(store);
  weapp.answerRequests(({ method, url }) => {
    if (method === 'POST') posted.push(url);
    return answerFromFixtures(url);
  });
}, 240_000);


describe('weapp: staff login (work subpackage)', () => {
  it('shows username and password fields and the 登录 button', async () => {
    const page = weapp.openPage('work/pages/login/index');
    await weapp.waitFor(() => textOf(page).includes('工作人员登录') && findByClass(page.dom, 'text-field').length === 2);
    expect(findByClass(page.dom, 'text-field__label').map((el) => el.textContent)).toEqual(['用户名', '密码']);
    expect(textOf(page)).toContain('第一次登录要先改密码');
    expect(textOf(page)).toContain('忘记密码或账号被锁定');
    expect(byText(page, 'big-button', '登录')).toBeDefined();
    page.detach();
  });

  it('asks for the username in plain words instead of sending an empty form', async () => {
    const page = weapp.openPage('work/pages/login/index');
    await weapp.waitFor(() => byText(page, 'big-button', '登录') !== undefined);
    weapp.tap(byText(page, 'big-button', '登录') as Element);
    await weapp.waitFor(() => textOf(page).includes('请填写用户名'));
    expect(posted).toEqual([]);
    page.detach();
  });

  it('shows the password on request (显示 ↔ 隐藏)', async () => {
    const page = weapp.openPage('work/pages/login/index');
    await weapp.waitFor(() => byText(page, 'text-field__toggle', '显示') !== undefined);
    weapp.tap(byText(page, 'text-field__toggle', '显示') as Element);
    await weapp.waitFor(() => byText(page, 'text-field__toggle', '隐藏') !== undefined);
    weapp.tap(byText(page, 'text-field__toggle', '隐藏') as Element);
    await weapp.waitFor(() => byText(page, 'text-field__toggle', '显示') !== undefined);
    page.detach();
  });

  it('is reachable from the resident app: 设置 → 工作人员登录', async () => {
    const page = weapp.openPage('pages/settings/index');
    await weapp.waitFor(() => byText(page, 'big-button', '工作人员登录') !== undefined);
    const before = weapp.navigations.length;
    weapp.tap(byText(page, 'big-button', '工作人员登录') as Element);
    await weapp.waitFor(() => weapp.navigations.length > before);
    expect(weapp.navigations.at(-1)).toBe('/work/pages/login/index');
    page.detach();
  });
});
