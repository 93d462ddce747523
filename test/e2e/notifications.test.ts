// Browser end-to-end: 件件有回音 in the H5 build at 375×667. 王秀英 logs in through the demo
// login and books (day, time, confirm); the booking's 提醒 section says which channel will reach
// her (H5 has no WeChat sheet); 首页's 消息 badge counts the new 预约成功 message; the inbox shows
// it with a 未读 tag, a tap marks it read and opens the booking, and the badge goes down; 通知方式
// shows the switches and why a channel cannot reach her, and a switch changes the setting. Then
// the same screens in 长辈模式 (sizes checked), and the county admin's 通知送达.
// The API and the page share a fixed clock (Tuesday 1 December 2026, 09:00 Shanghai).
// Screenshots go to screenshots/notifications-*.png (git-ignored).
import type { Availability } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page as ItemPage } from '../../server/contract/catalogue';
import type { NotificationPage, NotificationSettings, UnreadCount } from '../../server/contract/notifications';
import { requireChromiumOrSkip } from '../support/browser';
import { expectElderSizes } from '../support/elder-checks';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;
jest.setTimeout(90_000);

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
const ITEM = '低保、特困证明开具';

run('notifications (消息, 通知方式, 通知送达) in the H5 build', () => {
  const app = useH5App({ clock, shots: 'notifications-' });
  const { visible, text, tap, shot } = app.ui;
  let residentToken: string;
  let centerId = '';
  let itemId = '';
  let unreadBefore = 0;

  beforeAll(async () => {
    residentToken = await app.api.login('resident');
    const center = (await app.api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    const item = (await app.api.get<ItemPage<ItemSummary>>(`/api/items?center=${center.id}&q=${encodeURIComponent('低保')}&limit=20`)).body.rows.find((i) => i.name === ITEM)!;
    centerId = center.id;
    itemId = item.id;
  });

  const asResident = <T>(p: string) => app.api.call<T>('GET', p, { token: residentToken });
  const unread = async () => (await asResident<UnreadCount>('/api/notifications/unread')).body.unread;
  const badge = () => visible().locator('.unread-entry__count');
  const setElder = (on: boolean) =>
    // what the 长辈模式 switch stores (lib/elderMode storedElderMode), read when the app starts
    app.page.evaluate((value) => localStorage.setItem('bmfw:elder-mode', JSON.stringify({ data: { v: 1, on: value } })), on);

  it('王秀英 logs in; 首页 has the 消息 entry with the unread count as text', async () => {
    unreadBefore = await unread();
    await app.ui.demoLogin('王秀英', '/pages/index/index');
    await text('消息', true).waitFor();
    if (unreadBefore > 0) await badge().filter({ hasText: String(unreadBefore) }).waitFor();
    else expect(await badge().count()).toBe(0);
  });

  it('books; the booking says which channel will reach her (no WeChat sheet on H5)', async () => {
    await app.ui.go(`/pages/book/index?item=${itemId}&center=${centerId}`);
    await text('选择哪一天去').waitFor();
    await tap('12月2日 明天');
    await text('选择几点去').waitFor();
    await tap('上午 9:30', true);
    await tap('确认预约', true);
    await text('预约成功！').waitFor();
    const { body: settings } = await asResident<NotificationSettings>('/api/me/notification-settings');
    const reminders = visible().locator('.booking__reminders');
    await reminders.getByText(settings.reach.summary).waitFor();
    expect(await reminders.innerText()).not.toContain('提醒我'); // WeChat's sheet only in WeChat
    await reminders.scrollIntoViewIfNeeded();
    await shot('01-booking-reach');
  });

  it('首页: the badge counts the new 预约成功 message', async () => {
    await app.ui.go('/');
    await badge().filter({ hasText: String(unreadBefore + 1) }).waitFor();
    expect(await visible().locator('.unread-entry').innerText()).toContain('条未读');
    await shot('02-home-badge');
  });

  it('消息: the new one is marked 未读; a tap marks it read and opens the booking; the badge goes down', async () => {
    await visible().locator('.unread-entry').click();
    await text('预约成功', true).waitFor();
    const { body: inbox } = await asResident<NotificationPage>('/api/notifications');
    const booked = inbox.items.find((m) => m.kind === 'booking_booked' && !m.read)!;
    expect(booked).toBeDefined();
    const card = visible().locator('.notice-item--unread').filter({ hasText: booked.title }).first();
    expect(await card.innerText()).toContain('未读');
    expect(await visible().innerText()).toContain('今天');
    await shot('03-inbox');

    await card.click();
    await text('预约成功！').waitFor({ state: 'detached' }).catch(() => undefined);
    await visible().locator('.booking__title').waitFor();
    expect(app.page.url()).toContain('pages/booking/index');
    await expect(unread()).resolves.toBe(unreadBefore);

    await app.ui.go('/');
    await text('消息', true).waitFor();
    await app.ui.settled('home after reading');
    if (unreadBefore > 0) await badge().filter({ hasText: String(unreadBefore) }).waitFor();
    else expect(await badge().count()).toBe(0);
    await shot('04-home-after-read');
  });

  it('通知方式: the switches, which channel will reach her and why the others cannot; a switch changes it', async () => {
    await app.ui.go('/notice/pages/preferences/index');
    const { body: settings } = await asResident<NotificationSettings>('/api/me/notification-settings');
    await text(settings.reach.summary).waitFor();
    for (const label of ['微信通知', '短信', '夜间免打扰']) await text(label, true).waitFor();
    for (const channel of [settings.reach.wechat, settings.reach.sms]) if (!channel.ready) await text(channel.why!).waitFor();
    await shot('05-preferences');

    const quiet = visible().locator('.switch-row').filter({ hasText: '夜间免打扰' });
    const was = settings.quietHours;
    await quiet.click();
    await quiet.getByText(was ? '已关' : '已开', { exact: true }).waitFor();
    expect((await asResident<NotificationSettings>('/api/me/notification-settings')).body.quietHours).toBe(!was);
    await quiet.click(); // back as it was
    await quiet.getByText(was ? '已开' : '已关', { exact: true }).waitFor();
  });

  it('长辈模式: the inbox, 通知方式, the booking’s 提醒 and the badge in large type', async () => {
    await setElder(true);
    await app.ui.go('/notice/pages/inbox/index');
    await app.page.reload();
    await visible().locator('.page.elder').waitFor();
    await text('预约成功', true).waitFor();
    await app.ui.settled('elder inbox');
    await expectElderSizes(app.page, true);
    await shot('06-elder-inbox');

    await app.ui.go('/notice/pages/preferences/index');
    await text('夜间免打扰', true).waitFor();
    await app.ui.settled('elder preferences');
    await expectElderSizes(app.page, true);
    await shot('07-elder-preferences');

    const { body: inbox } = await asResident<NotificationPage>('/api/notifications');
    const bookingId = inbox.items.find((m) => m.kind === 'booking_booked')!.bookingId!;
    await app.ui.go(`/pages/booking/index?id=${bookingId}`);
    const reminders = visible().locator('.booking__reminders');
    await reminders.locator('.booking__reach').waitFor();
    await reminders.scrollIntoViewIfNeeded();
    await app.ui.settled('elder booking reminders');
    await expectElderSizes(app.page, true);
    await shot('08-elder-booking-reach');

    // one more booking (through the API, the first one cancelled: one active booking per matter), so the badge shows in large type
    await app.api.call('POST', `/api/bookings/${bookingId}/cancel`, { token: residentToken, body: {}, idempotencyKey: 'e2e-notify-cancel-1' });
    const { body: days } = await app.api.get<Availability>(`/api/availability?center=${centerId}&item=${itemId}&from=2026-12-03&to=2026-12-03`);
    const slot = days.days[0]!.slots.find((s) => s.remaining > 0)!;
    const booked = await app.api.call('POST', '/api/bookings', { token: residentToken, idempotencyKey: 'e2e-notify-book-2', body: { centerId, itemId, slotStart: slot.start } });
    expect(booked.status).toBe(201);
    await app.ui.go('/');
    await badge().filter({ hasText: String(await unread()) }).waitFor();
    await app.ui.settled('elder home');
    await expectElderSizes(app.page, true);
    await shot('09-elder-home');
    await setElder(false);
  });

  it('县管理员: 通知送达 shows each channel, the states and what was not delivered', async () => {
    const ui = await app.open();
    await ui.demoLogin('县政务服务管理员', '/manage/pages/notifications/index');
    await ui.text('各渠道').waitFor();
    await ui.text('通知的状态').waitFor();
    await ui.text(/没有送到的（\d+条）/).waitFor();
    expect(await ui.visible().innerText()).toContain('已送达');
    await ui.shot('10-admin-delivery');
  });
});
