// Smoke test of the compiled WeChat booking pages (dist/): log in (privacy notice, wx.login),
// book (centre, day, time, confirm), the booking with its QR code, 我的预约, and the rating.
// Runs on fixtures (./booking-fixtures and ./fixtures) with an in-memory wx storage.
import { answerFromFixtures, fixtureItemDetails } from './fixtures';
import { answerBookingCall, fixtureSession, type SentRequest } from './booking-fixtures';
import { byText, ensureWeappBuild, findByClass, setupWeapp, type SimComponent, textOf, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const sent: SentRequest[] = [];

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  // WeChat's storage, in memory (miniprogram-simulate's keeps nothing)
  weapp.useMemoryStorage(store);
  // every call of these pages answered from fixtures, whatever API_BASE says
  weapp.answerRequests((request) => {
    sent.push(request);
    return answerBookingCall(request) ?? answerFromFixtures(request.url);
  });
}, 240_000);

const SESSION_KEY = 'bmfw:session';

const tapText = (page: SimComponent, className: string, text: string): Promise<void> =>
  weapp.tapWhenSettled(() => byText(page, className, text));

describe('weapp: login', () => {
  it('shows the privacy notice first, then logs in with wx.login and goes back', async () => {
    store.clear();
    const page = weapp.openPage('pages/login/index', { back: '/pages/bookings/index' });
    await weapp.waitFor(() => textOf(page).includes('用户隐私保护指引'));
    expect(textOf(page)).toContain('我们收集什么');
    expect(textOf(page)).toContain('不同意');

    await tapText(page, 'privacy-notice__agree', '同意');
    await weapp.waitFor(() => weapp.navigations.includes('/pages/bookings/index'));
    expect(sent.find((r) => r.url.endsWith('/api/auth/wechat'))).toMatchObject({ method: 'POST', data: { code: '123456789' } });
    expect(store.get(SESSION_KEY)).toMatchObject({ token: fixtureSession.token });
    page.detach();
  });
});

describe('weapp: booking pages', () => {
  beforeEach(() => {
    store.set(SESSION_KEY, fixtureSession);
  });

  it('books: only the centres offering the item, days with closed reasons, times with seats, a summary', async () => {
    const item = fixtureItemDetails['itm-dibao'];
    if (!item) throw new Error('fixture item missing');
    const page = weapp.openPage('pages/book/index', { item: item.id });
    await weapp.waitFor(() => textOf(page).includes('选择去哪里办'));
    for (const center of item.centers) expect(textOf(page)).toContain(center.name);
    expect(textOf(page)).not.toContain('双桥村'); // a station that does not offer it

    await tapText(page, 'choice-tile', '长赤镇便民服务中心');
    await weapp.waitFor(() => textOf(page).includes('选择哪一天去') && textOf(page).includes('还有'));
    expect(textOf(page)).toContain('周末休息');
    expect(textOf(page)).toContain('已约满');
    expect(textOf(page)).toContain('今天');

    const openDay = findByClass(page.dom, 'choice-tile').find(
      (el) => !(el.getAttribute('class') ?? '').includes('disabled') && (el.textContent ?? '').includes('还有'),
    );
    weapp.tap(openDay as Element);
    await weapp.waitFor(() => textOf(page).includes('选择几点去'));
    expect(textOf(page)).toContain('上午 9:30');
    expect(textOf(page)).toContain('还剩3个号');
    expect(textOf(page)).toContain('下午 2:00');

    await tapText(page, 'choice-tile', '上午 9:30');
    await weapp.waitFor(() => textOf(page).includes('核对后确认') && textOf(page).includes('本人（王秀英）'));
    expect(textOf(page)).toContain('居民身份证');
    expect(textOf(page)).toContain('户口簿');
    expect(textOf(page)).toContain('另有1样看情况要带');

    const before = weapp.navigations.length;
    await tapText(page, 'big-button', '确认预约');
    await weapp.waitFor(() => weapp.navigations.length > before);
    expect(weapp.navigations.at(-1)).toBe('/pages/booking/index?id=bk-1&done=booked');
    const post = sent.filter((r) => r.method === 'POST' && r.url.endsWith('/api/bookings')).at(-1);
    expect(post?.header).toMatchObject({ Authorization: `Bearer ${fixtureSession.token}` });
    expect(post?.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(post?.data).toMatchObject({ centerId: 'ctr-changchi', itemId: 'itm-dibao', applicantId: 'person-wang' });
    page.detach();
  });

  it('shows a booking: next step, QR code image, the code in groups, materials, change and cancel', async () => {
    const page = weapp.openPage('pages/booking/index', { id: 'bk-1', done: 'booked' });
    await weapp.waitFor(() => textOf(page).includes('7K3M Q2XP'));
    const text = textOf(page);
    expect(text).toContain('预约成功！');
    expect(text).toContain('请在12月2日（周三）上午9:30前到长赤镇便民服务中心');
    expect(text).toContain('改时间');
    expect(text).toContain('取消预约');
    expect(findByClass(page.dom, 'qr-code__image')).toHaveLength(1);
    // j-component does not reflect <image src> into the DOM: read it from the data Taro set
    expect(JSON.stringify(page.instance.data)).toMatch(/"data:image\/gif;base64,[A-Za-z0-9+/=]{100,}"/);
    await weapp.waitFor(() => textOf(page).includes('居民身份证'));
    page.detach();
  });

  it('lists 我的预约 with the next step of each', async () => {
    const page = weapp.openPage('pages/bookings/index');
    await weapp.waitFor(() => textOf(page).includes('还没去的（1个）'));
    expect(textOf(page)).toContain('办过的和取消的（1个）');
    expect(textOf(page)).toContain('已办结，可以评价');
    page.detach();
  });

  it('rates a completed matter; a bad rating says how it is followed up', async () => {
    const page = weapp.openPage('pages/booking/index', { id: 'bk-done' });
    await weapp.waitFor(() => textOf(page).includes('评价这次办事'));
    expect(textOf(page)).toContain('要补交：户口簿复印件');
    await tapText(page, 'choice-tile', '不满意');
    await tapText(page, 'tick-box', '办事效率');
    await weapp.waitFor(() => byText(page, 'tick-box--checked', '办事效率') !== undefined);
    await tapText(page, 'big-button', '提交评价');
    await weapp.waitFor(() => textOf(page).includes('谢谢，我们会跟进'));
    expect(textOf(page)).toContain('12月11日前联系您');
    const rating = sent.filter((r) => r.url.endsWith('/api/bookings/bk-done/rating')).at(-1);
    expect(rating?.data).toEqual({ level: 2, indicators: ['efficiency'] });
    page.detach();
  });
});

describe('weapp: 一件事一次办', () => {
  it('shows a bundle in the search results and as one guide with one merged checklist', async () => {
    const list = weapp.openPage('pages/catalogue/index', { q: '低保' });
    await weapp.waitFor(() => byText(list, 'bundle-card', '困难群众救助一件事') !== undefined);
    expect(textOf(list)).toContain('含2件事：最低生活保障申请、城乡居民医保参保登记');
    weapp.tap(byText(list, 'bundle-card', '困难群众救助一件事') as Element);
    await weapp.waitFor(() => weapp.navigations.at(-1) === '/pages/bundle/index?id=bdl-kunnan');
    list.detach();

    const page = weapp.openPage('pages/bundle/index', { id: 'bdl-kunnan' });
    await weapp.waitFor(() => textOf(page).includes('一次办好这2件事'));
    const text = textOf(page);
    expect(text).toContain('居民身份证');
    expect(text).toContain('户口簿');
    expect(text).toContain('长赤镇便民服务中心');
    // booking a bundle books a visit for its first item; nothing is ticked yet, so the page asks first
    // (a loaded machine may render the button before its handler is bound: tap again, as a person would)
    const warned = () => byText(page, 'inline-confirm', '还有') !== undefined;
    for (let attempt = 0; attempt < 10 && !warned(); attempt++) {
      await tapText(page, 'big-button', '去预约');
      await weapp.waitFor(warned, 1000).catch(() => undefined);
    }
    expect(byText(page, 'inline-confirm', '还有')!.textContent).toMatch(/还有\d+样没准备好/);
    weapp.tap(findByClass(byText(page, 'inline-confirm', '还有')!, 'big-button').find((e) => (e.textContent ?? '').includes('去预约'))!);
    await weapp.waitFor(() => (weapp.navigations.at(-1) ?? '').startsWith('/pages/book/index?item=itm-dibao'), 10_000);
    page.detach();
  });
});

describe('weapp: my phone number (settings)', () => {
  it('asks only when logged in, with WeChat’s own phone button, and shows the number masked', async () => {
    store.set(SESSION_KEY, fixtureSession);
    const page = weapp.openPage('pages/settings/index');
    await weapp.waitFor(() => textOf(page).includes('我的手机号（可以不留）'));
    await weapp.waitFor(() => textOf(page).includes('用微信绑定的手机号'));
    // j-component's querySelector reaches the button through Taro's templates
    const button = (page as unknown as { querySelector(s: string): { dispatchEvent(n: string, o: unknown): void } | undefined }).querySelector('.my-phone__button');
    expect(button).toBeDefined();
    // what WeChat sends after the person agrees in its own sheet
    button!.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' } });
    await weapp.waitFor(() => textOf(page).includes('已留手机号：138****5678'));
    expect(sent.find((r) => r.url.endsWith('/api/auth/wechat/phone'))).toMatchObject({ method: 'POST', data: { code: 'phone-code-1' } });
    page.detach();

    store.delete(SESSION_KEY);
    const anonymous = weapp.openPage('pages/settings/index');
    await weapp.waitFor(() => textOf(anonymous).includes('这部手机上保存了什么'));
    expect(textOf(anonymous)).not.toContain('我的手机号');
    anonymous.detach();
  });
});
