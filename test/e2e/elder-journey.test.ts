// Browser end-to-end: journeys 1–6 walked entirely in 长辈模式, as an elderly villager would,
// at 375×667: switch elder mode on, find the nearest centre by location, search in pinyin, see a
// 一件事 bundle, read the guide and tick materials, book (day, time, confirm), see the QR code,
// cancel, book again, follow the case while staff (through the API) confirm, check in, accept,
// ask for a missing material and complete, and rate it. Every screen is checked for elder sizes
// (text ≥ 18 px, line height ≥ 1.3, targets ≥ 60 px) and photographed to
// screenshots/elder-journey-*.png (git-ignored).
import type { Booking, BookingDetail } from '../../server/contract/booking';
import { PHONE, requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';
import { expectElderSizes } from '../support/elder-checks';

const run = requireChromiumOrSkip() ? describe : describe.skip;
// a loaded CI machine renders slowly; each step waits on the page anyway
jest.setTimeout(90_000);

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
const ITEM = '低保、特困证明开具';
const CENTER = '沙河镇便民服务中心';
// standing in front of the 沙河 centre
const AT_SHAHE = { latitude: 32.2887, longitude: 106.7731 };

run('journeys 1–6 in 长辈模式 in the H5 build', () => {
  const app = useH5App({ clock, shots: 'elder-journey-', context: { ...PHONE, geolocation: AT_SHAHE, permissions: ['geolocation'] } });
  const { visible, text, tap, goBook } = app.ui;
  let residentToken: string;
  let staffToken: string;
  let bookingId = '';
  let shotNo = 0;
  let keyNo = 0;
  const key = () => `e2e-elder-${++keyNo}-${Date.now()}`;

  beforeAll(async () => {
    residentToken = await app.api.login('resident');
    staffToken = await app.api.login('staff-shahe');
  });

  /** checks the elder sizes of the screen, then photographs it */
  const screen = async (name: string) => {
    await app.ui.settled(`screen ${name}`);
    await expectElderSizes(app.page, true);
    await app.ui.shot(`${String(++shotNo).padStart(2, '0')}-${name}`);
  };
  const bookingOfPage = () => new URL(app.page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  const asResident = <T>(p: string) => app.api.call<T>('GET', p, { token: residentToken });
  const staff = <T = any>(p: string, body?: unknown) => app.api.call<T>('POST', p, { token: staffToken, body, idempotencyKey: key() });

  it('1 home: switches 长辈模式 on with one tap and finds the nearest centre by location', async () => {
    await app.ui.go('/');
    await visible().locator('.elder-switch').first().click();
    await visible().locator('.page.elder').waitFor();
    await text('您在哪个乡镇？').waitFor();
    await screen('home-pick');
    await tap('找离我最近的中心', true);
    await text(/沙河镇便民服务中心（约\d+米）/).waitFor();
    await screen('home-nearest');
    await tap(/沙河镇便民服务中心（约\d+米）/);
    await text('我的服务中心').waitFor();
    await visible().locator('.center-today__badge').waitFor();
    const home = await visible().innerText();
    expect(home).toContain(CENTER);
    expect(home).toMatch(/打电话 0827-/);
    await screen('home');
    // remembered: a new visit starts with the same centre, in elder mode
    await app.page.reload();
    await text('我的服务中心').waitFor();
    expect(await visible().locator('.page.elder').count()).toBeGreaterThan(0);
  });

  it('2 find the item: pinyin is understood, and a 一件事 bundle is shown as one matter', async () => {
    await visible().locator('input').first().fill('dibao');
    await visible().locator('.search-field__button').first().click();
    await visible().locator('.bundle-card', { hasText: '困难群众救助一件事' }).waitFor();
    await visible().locator('.item-card', { hasText: '最低生活保障申请' }).first().waitFor();
    await screen('search-pinyin');

    await visible().locator('.bundle-card', { hasText: '困难群众救助一件事' }).click();
    await text(/一次办好这\d件事/).waitFor();
    const bundle = await visible().innerText();
    expect(bundle).toContain('最低生活保障申请');
    expect(bundle).toContain('医疗救助申请');
    expect(bundle).toMatch(/\d件事都要用，带一份就行/);
    await screen('bundle');
    await app.page.goBack();

    // a homophone typed by mistake still finds the item
    await visible().locator('input').first().fill('低包');
    await visible().locator('.search-field__button').first().click();
    await text(/没有找到“低包”，下面是读音相近的事项/).waitFor();
    await screen('search-sounds-like');
    await visible().locator('input').first().fill('低保 证明');
    await visible().locator('.search-field__button').first().click();
    await visible().locator('.item-card', { hasText: ITEM }).first().click();
  });

  it('3 guide: ticks a material at home and sees what to bring', async () => {
    await visible().locator('.material-check').first().waitFor();
    await screen('guide');
    const first = visible().locator('.material-check').first();
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await expect(first.innerText()).resolves.toContain('我有了');
    await text(/^出门前带齐这\d+样$/).scrollIntoViewIfNeeded();
    await screen('guide-summary');
  });

  it('4 book: privacy notice, login, day with closed days and reasons, time, confirm, QR code', async () => {
    await goBook();
    await text('用户隐私保护指引').waitFor();
    await screen('privacy');
    await tap('同意', true);
    await tap('王秀英');
    // my centre offers the item: straight to the day
    await text('选择哪一天去').waitFor();
    // the days come from the server: wait for them, not for the heading
    await text('12月2日 明天').waitFor();
    await text(/周末休息/).waitFor();
    expect(await visible().innerText()).toContain(CENTER);
    await screen('book-day');
    await tap('12月2日 明天');
    await text('选择几点去').waitFor();
    await screen('book-time');
    await tap('上午 9:30', true);
    await text('核对后确认').waitFor();
    const summary = await visible().innerText();
    expect(summary).toContain(ITEM);
    expect(summary).toContain('12月2日（周三）上午9:30–10:00');
    await screen('book-confirm');
    await tap('确认预约', true);
    await text('预约成功！').waitFor();
    bookingId = bookingOfPage();
    const { body } = await asResident<BookingDetail>(`/api/bookings/${bookingId}`);
    expect(body.status).toBe('booked');
    expect(await visible().innerText()).toContain(`${body.code.slice(0, 4)} ${body.code.slice(4)}`);
    await screen('booked');
    await visible().locator('.qr-code').first().scrollIntoViewIfNeeded();
    await screen('qr-code');
  });

  it('4 cancel in the page, no pop-up, then book again', async () => {
    await tap('取消预约', true);
    await text('确定要取消这个预约吗？').waitFor();
    await screen('cancel-confirm');
    await tap('确定取消', true);
    await text('已取消预约').waitFor();
    expect((await asResident<Booking>(`/api/bookings/${bookingId}`)).body.status).toBe('cancelled');

    await app.page.goBack();
    await goBook();
    await text('选择哪一天去').waitFor();
    await tap('12月1日 今天');
    await tap('上午 10:30', true);
    await tap('确认预约', true);
    await text('预约成功！').waitFor();
    bookingId = bookingOfPage();
  });

  it('5 my bookings and progress: the timeline follows what staff do, with a clear next step', async () => {
    await tap('查看我的全部预约', true);
    await text('还没去的（1个）').waitFor();
    await screen('my-bookings');

    expect((await staff(`/api/bookings/${bookingId}/confirm`)).status).toBe(200);
    const booking = (await asResident<Booking>(`/api/bookings/${bookingId}`)).body;
    expect((await staff('/api/bookings/check-in', { code: booking.qrPayload })).status).toBe(200);
    const accepted = await staff<{ id: string }>('/api/cases', { bookingId });
    expect(accepted.status).toBe(201);
    expect((await staff(`/api/cases/${accepted.body.id}/supplement`, { missing: ['户口簿复印件'] })).status).toBe(200);

    await tap('查看详情');
    await text('请补交：户口簿复印件').waitFor();
    await screen('needs-supplement');
    await visible().locator('.timeline').scrollIntoViewIfNeeded();
    await screen('timeline');

    expect((await staff(`/api/cases/${accepted.body.id}/supplemented`)).status).toBe(200);
    expect((await staff(`/api/cases/${accepted.body.id}/complete`, { outcome: '证明已开好' })).status).toBe(200);
  });

  it('6 rate: five levels with the standard indicators; a bad rating is followed up', async () => {
    await app.page.reload();
    await text('您对这次办事满意吗？').waitFor();
    await text('您对这次办事满意吗？').scrollIntoViewIfNeeded();
    await screen('rate');
    await tap('不满意', true);
    await tap('办事效率', true);
    await text('提交评价').scrollIntoViewIfNeeded();
    await screen('rate-filled');
    await tap('提交评价', true);
    await text('谢谢，我们会跟进').waitFor();
    await screen('rated');
    const rated = (await asResident<BookingDetail>(`/api/bookings/${bookingId}`)).body;
    expect(rated.rating).toMatchObject({ level: 2, indicators: ['efficiency'], followUp: true });
  });
});
