// Browser end-to-end in the H5 build: the manager of 沙河镇 (刘军, development login) closes the
// centre for a day with a reason — the page says a booking exists and asks, in the page, to
// cancel it — and changes a window's capacity template; then a resident's booking screen shows
// the closed day with that reason and the new seats. Phone (375×667) and desktop (1280×800)
// screenshots go to screenshots/config-*.png (git-ignored).
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page as ItemPage } from '../../server/contract/catalogue';
import { PHONE, requireChromiumOrSkip } from '../support/browser';
import { type PageKit, useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;
const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 Shanghai
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' };
const ITEM = '低保、特困证明开具';

const button = (ui: PageKit, s: string) => ui.visible().locator('.big-button', { hasText: s }).last();

run('a manager closes a day and changes capacity; the resident sees it (H5)', () => {
  const app = useH5App({ clock, shots: 'config-', context: null });
  let center: CenterSummary;
  let item: ItemSummary;
  let booking: Booking;

  beforeAll(async () => {
    center = (await app.api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    item = (await app.api.get<ItemPage<ItemSummary>>(`/api/items?q=${encodeURIComponent('低保')}&center=${center.id}`)).body.rows.find((i) => i.name === ITEM)!;
    // someone has already booked Thursday 3 December
    const token = await app.api.login('family');
    const day = (await app.api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-03&to=2026-12-03`)).body.days[0]!;
    booking = (await app.api.call<Booking>('POST', '/api/bookings', { token, idempotencyKey: 'e2e-config-booking-1', body: { centerId: center.id, itemId: item.id, slotStart: day.slots[2]!.start } })).body;
  });


  it('phone: the manager closes Thursday for 停电检修, is told of the booking, and cancels it in the page', async () => {
    const ui = await app.open(PHONE);
    const { page } = ui;
    await ui.demoLogin('刘军', '/manage/pages/center/index');
    await ui.text('窗口和号源').waitFor();
    expect(await ui.visible().innerText()).toContain('还有1个预约待办理');
    await ui.shot('01-overview-phone');

    await ui.text('安排停办', true).click();
    await ui.text('已安排的停办').waitFor();
    const inputs = ui.visible().locator('input');
    await inputs.nth(0).fill('2026-12-03');
    await inputs.nth(2).fill('停电检修');
    await button(ui, '安排停办').click();
    await ui.text('取消这些预约并通知群众').waitFor();
    expect(await ui.visible().innerText()).toContain('这几天已有1个预约');
    await ui.shot('02-closure-ask-phone');
    await button(ui, '取消这些预约并通知群众').click();
    await ui.text(/取消了1个预约/).waitFor();
    expect(await ui.visible().innerText()).toMatch(/12月3日：停电检修/);
    await ui.shot('03-closure-done-phone');
    const { body } = await app.api.call('GET', `/api/bookings/${booking.id}`, { token: await app.api.login('family') });
    expect(body).toMatchObject({ status: 'cancelled', statusReason: '中心停止办公：停电检修' });

    // 窗口号源: window 1 gets 4 seats (1 walk-in) per half hour, Monday to Friday
    await ui.go(`/manage/pages/capacity/index?id=${center.id}`);
    await ui.text('1号综合窗口现在的号源').waitFor();
    const fields = ui.visible().locator('input');
    await fields.nth(3).fill('4');
    await fields.nth(8).fill('4');
    await button(ui, '保存号源').click();
    await ui.text(/已保存/).waitFor();
    expect(await ui.visible().innerText()).toContain('08:30–12:00，每30分钟，4个号（现场1个）');
    await ui.shot('04-capacity-phone');
    await page.context().close();
  }, 120_000);

  it('desktop: the same screens are usable in a wide browser', async () => {
    const ui = await app.open(DESKTOP);
    const { page } = ui;
    await ui.demoLogin('刘军', `/manage/pages/center/index?id=${center.id}`);
    await ui.text('窗口和号源').waitFor();
    await ui.shot('05-overview-desktop');
    await ui.go(`/manage/pages/closures/index?id=${center.id}`);
    await ui.text('12月3日：停电检修').waitFor();
    await ui.shot('06-closures-desktop');
    const width = await ui.visible().locator('.manage').first().evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(800);
    await page.context().close();
  }, 120_000);

  it('phone: the manager takes a photo for the public notice; the resident sees it under 今日在岗', async () => {
    const manager = await app.api.login('manager-shahe');
    const base = `/api/manage/centers/${center.id}`;
    const made = await app.api.call<{ staff: { id: string; name: string }[] }>('POST', `${base}/staff`, {
      token: manager, idempotencyKey: `photo-${Date.now()}`, body: { name: '何静', post: '社保窗口', dutyWeekdays: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(made.status).toBe(201);
    const staffId = made.body.staff.find((x) => x.name === '何静')!.id;
    expect((await app.api.call('POST', `${base}/staff/${staffId}`, { token: manager, body: { consent: true } })).status).toBe(200);

    const ui = await app.open(PHONE);
    const { page } = ui;
    await ui.demoLogin('刘军', `/manage/pages/on-duty/index?id=${center.id}`);
    const row = ui.visible().locator('.m-item', { hasText: '何静（社保窗口）' });
    await row.waitFor();
    // a photo from the phone's camera or album: made small on the phone before it is sent
    const chooser = page.waitForEvent('filechooser');
    await row.locator('.big-button', { hasText: '上传照片' }).click();
    const big = Buffer.from(await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 2000;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#88aacc';
      g.fillRect(0, 0, 1600, 2000);
      return canvas.toDataURL('image/png').split(',')[1]!;
    }), 'base64');
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: big });
    await row.getByText('照片已保存').waitFor();
    await row.locator('.m-photo').waitFor();
    await ui.shot('09-photo-manager');

    await ui.go(`/pages/center/index?id=${center.id}`);
    const photo = ui.visible().locator('.on-duty__photo').first();
    await photo.waitFor();
    await photo.scrollIntoViewIfNeeded();
    await ui.shot('10-photo-resident');
    const served = await app.api.get<string>(`/api/staff-photos/${staffId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    await page.context().close();
  }, 120_000);

  it('phone: the resident sees Thursday closed with the reason, and the new seats on Wednesday', async () => {
    const ui = await app.open(PHONE);
    const { page } = ui;
    await ui.demoLogin('王秀英', `/pages/book/index?item=${item.id}&center=${center.id}`);
    await ui.text('选择哪一天去').waitFor();
    await ui.text('12月2日 明天').waitFor();
    expect(await ui.visible().innerText()).toMatch(/12月3日 后天\s*停电检修/);
    await ui.shot('07-resident-closed-day');
    await ui.text('12月2日 明天').click();
    await ui.text('选择几点去').waitFor();
    // 3 windows × 1 online seat + window 1 now 3 online seats
    expect(await ui.visible().innerText()).toMatch(/上午 9:30\s*还剩6个号/);
    await ui.shot('08-resident-new-seats');
    await page.context().close();
  }, 120_000);
});
