// Smoke test of the compiled WeChat output (dist/) for the home screen and the materials
// checklist: the big buttons render and lead to the booking pages, picking a township remembers
// the centre, ticks and yes/no answers are kept in WeChat storage and come back on reopening.
import { fixtureItemDetails } from './fixtures';
import { ensureWeappBuild, findByClass, setupWeapp, type SimComponent, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
/** WeChat storage as the app wrote it (miniprogram-simulate's own storage does nothing). */
const storage = new Map<string, unknown>();

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  // miniprogram-simulate's storage does nothing: give the app a working one (Taro calls wx.*
  // at call time, so replacing them after the app loaded is enough)
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  Object.assign(wx, {
    getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, copy(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  });
}, 240_000);

const textOf = (page: SimComponent): string => page.dom.textContent ?? '';

/**
 * Pages opened by a test. Each test detaches its pages when done (as the catalogue test does);
 * this also detaches them after a failure, so a failed test does not leave a page mounted.
 */
const opened: SimComponent[] = [];
function open(pagePath: string, query?: Record<string, string>): SimComponent {
  const page = weapp.openPage(pagePath, query);
  opened.push(page);
  return page;
}
afterEach(() => {
  for (const page of opened.splice(0)) {
    try {
      page.detach();
    } catch {
      // already detached by the test
    }
  }
});

/** The innermost element with this class whose text contains `text`. */
function findWithText(page: SimComponent, className: string, text: string): Element | undefined {
  return findByClass(page.dom, className).find((el) => (el.textContent ?? '').includes(text));
}

describe('weapp: home screen', () => {
  it('shows the four big buttons, and 我的预约 opens the bookings page', async () => {
    const page = open('pages/index/index');
    await weapp.waitFor(() => findByClass(page.dom, 'home-action').length === 4);
    const labels = findByClass(page.dom, 'home-action').map((el) => el.textContent ?? '');
    expect(labels.map((l) => l.slice(0, 4))).toEqual(['办事指南', '预约办事', '我的预约', '办理进度']);
    expect(textOf(page)).toContain('长辈模式');

    const before = weapp.navigations.length;
    weapp.tap(findWithText(page, 'home-action', '我的预约') as Element);
    await weapp.waitFor(() => weapp.navigations.length > before);
    expect(weapp.navigations.at(-1)).toBe('/pages/bookings/index');
    page.detach();
  });

  it('remembers the township picked and then shows that centre first', async () => {
    const page = open('pages/index/index');
    await weapp.waitFor(() => findWithText(page, 'township-picker__choice', '正直镇') !== undefined);
    weapp.tap(findWithText(page, 'township-picker__choice', '正直镇') as Element);
    await weapp.waitFor(() => textOf(page).includes('我的服务中心'));
    expect(storage.get('bmfw:my-center')).toMatchObject({ id: 'ctr-zhengzhi', name: '正直镇便民服务中心' });
    // today's hours come from the centre's opening hours (fixtures: weekdays 8:30–17:30)
    await weapp.waitFor(() => findByClass(page.dom, 'center-today__badge').length > 0);
    expect(textOf(page)).toMatch(/开门中|已关门|今天休息|今天不开门/);
    page.detach();

    const again = open('pages/index/index');
    await weapp.waitFor(() => textOf(again).includes('正直镇便民服务中心') && textOf(again).includes('我的服务中心'));
    again.detach();
  });
});

describe('weapp: item checklist', () => {
  const item = fixtureItemDetails['itm-dibao'];
  if (!item) throw new Error('fixture item missing');

  it('ticks a material, answers a yes/no question and keeps both in storage', async () => {
    const page = open('pages/item/index', { id: item.id });
    await weapp.waitFor(() => findWithText(page, 'material-check', '居民身份证') !== undefined);
    expect(textOf(page)).toContain('出门前带齐这2样');

    weapp.tap(findWithText(page, 'material-check', '居民身份证') as Element);
    await weapp.waitFor(() => (findWithText(page, 'material-check', '居民身份证')?.textContent ?? '').includes('我有了'));

    // 是否委托他人代办？ 是 → the 委托书 joins the list
    weapp.tap(findWithText(page, 'yes-no__choice', '是') as Element);
    await weapp.waitFor(() => textOf(page).includes('出门前带齐这3样'));
    expect(findWithText(page, 'material-check', '委托书')).toBeDefined();

    expect(storage.get('bmfw:checklists')).toMatchObject({
      v: 1,
      items: { [item.id]: { have: ['mat-1'], answers: { 'mat-3': true } } },
    });
    page.detach();
  });

  it('shows the same ticks when the guide is opened again', async () => {
    const page = open('pages/item/index', { id: item.id });
    await weapp.waitFor(() => textOf(page).includes('出门前带齐这3样'));
    expect(findWithText(page, 'material-check', '居民身份证')?.textContent).toContain('我有了');
    expect(textOf(page)).toContain('已备好1样，还差2样');
    page.detach();
  });

  it('warns in the page, not in a pop-up, before booking with something missing', async () => {
    const page = open('pages/item/index', { id: item.id });
    await weapp.waitFor(() => textOf(page).includes('出门前带齐这3样'));
    const before = weapp.navigations.length;
    weapp.tap(findWithText(page, 'big-button', '去预约') as Element);
    await weapp.waitFor(() => textOf(page).includes('还有2样没准备好：户口簿、委托书，确定现在预约吗？'));
    expect(weapp.navigations.length).toBe(before);

    const confirm = findByClass(page.dom, 'inline-confirm')[0] as Element;
    const go = findByClass(confirm, 'big-button').find((el) => (el.textContent ?? '').includes('去预约'));
    weapp.tap(go as Element);
    await weapp.waitFor(() => weapp.navigations.length > before);
    // the centre picked on the home screen offers this item: booking starts there
    expect(weapp.navigations.at(-1)).toBe(`/pages/book/index?item=${item.id}&center=ctr-zhengzhi`);
    page.detach();
  });
});
