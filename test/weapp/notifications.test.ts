// Smoke test of the compiled notifications pages (dist/notice/…, a subpackage, and the badge on
// 首页): the inbox with unread messages marked by a 未读 tag, a tap marking one read and opening
// its page, 全部标为已读, older messages with 更多; 通知方式 with its switches and the reason a
// channel cannot reach the person; the booking's 提醒我 calling WeChat's sheet in the tap itself.
// Answers come from the fixtures below (and ./booking-fixtures), with an in-memory wx storage.
import type { NotificationItem, NotificationSettings } from '../../server/contract/notifications';
import { answerBookingCall, fixtureSession } from './booking-fixtures';
import { answerFromFixtures } from './fixtures';
import { byText, ensureWeappBuild, findByClass, setupWeapp, textOf, type SimRequest, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const sent: SimRequest[] = [];
const SESSION_KEY = 'bmfw:session';

const NOW = Date.now();
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const message = (id: string, over: Partial<NotificationItem>): NotificationItem => ({
  id,
  kind: 'booking_booked',
  title: '预约成功',
  body: '您已预约最低生活保障申请，请按时到长赤镇便民服务中心。',
  at: iso(60_000),
  read: false,
  bookingId: 'bk-1',
  caseId: null,
  link: '/pages/booking/index?id=bk-1',
  deliveredBy: null,
  ...over,
});

let inbox: NotificationItem[] = [];
const older = message('n-old', { title: '已办结', body: '您的事项已经办好了。', at: iso(40 * 86_400_000), read: true, link: null, kind: 'case_completed' });
const unread = () => inbox.filter((m) => !m.read).length;

let settings: NotificationSettings;
const freshSettings = (): NotificationSettings => ({
  wechat: true,
  sms: false,
  quietHours: true,
  reach: {
    wechat: { ready: false, why: '预约时还没有同意微信通知', consentsLeft: 0 },
    sms: { ready: false, why: '还没有手机号', phone: null },
    summary: '现在只能在“消息”里看到通知。',
  },
  templates: [
    { key: 'booking_status', templateId: 'tpl-status', title: '预约状态通知' },
    { key: 'reminder', templateId: 'tpl-remind', title: '预约提醒' },
  ],
  why: '允许后，预约确认、提醒和办理进度会通过微信通知您。',
});

function answerNotificationCall(request: SimRequest): { statusCode: number; data: unknown } | undefined {
  const { pathname, searchParams } = new URL(request.url, 'http://fixtures.invalid');
  if (pathname === '/api/bookings/bk-1/reminders') return { statusCode: 200, data: { bookingId: 'bk-1', recorded: 1, pending: [] } };
  if (pathname === '/api/me/subscriptions') {
    settings = { ...settings, reach: { ...settings.reach, wechat: { ...settings.reach.wechat, consentsLeft: settings.reach.wechat.consentsLeft + 1 } } };
    return { statusCode: 200, data: { recorded: 1, pending: [{ templateId: 'tpl-status', count: 1 }] } };
  }
  if (!pathname.startsWith('/api/notifications') && pathname !== '/api/me/notification-settings') return undefined;
  if ((request.header.Authorization ?? '') !== `Bearer ${fixtureSession.token}`) {
    return { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } };
  }
  if (pathname === '/api/notifications') {
    const page = searchParams.get('before') === 'cursor-1' ? { items: [older], next: null } : { items: inbox, next: 'cursor-1' };
    return { statusCode: 200, data: { ...page, unread: unread() } };
  }
  if (pathname === '/api/notifications/unread') return { statusCode: 200, data: { unread: unread() } };
  if (pathname === '/api/notifications/read-all') {
    inbox = inbox.map((m) => ({ ...m, read: true }));
    return { statusCode: 200, data: { unread: 0 } };
  }
  const read = /^\/api\/notifications\/([^/]+)\/read$/.exec(pathname);
  if (read) {
    inbox = inbox.map((m) => (m.id === read[1] ? { ...m, read: true } : m));
    return { statusCode: 200, data: { unread: unread() } };
  }
  if (request.method === 'PUT') settings = { ...settings, ...(request.data as Partial<NotificationSettings>) };
  return { statusCode: 200, data: settings };
}

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  weapp.useMemoryStorage(store);
  weapp.answerRequests((request) => {
    sent.push(request);
    return answerNotificationCall(request) ?? answerBookingCall(request) ?? answerFromFixtures(request.url);
  });
}, 240_000);

beforeEach(() => {
  store.set(SESSION_KEY, fixtureSession);
  settings = freshSettings();
  inbox = [
    message('n-1', { title: '预约已确认', kind: 'booking_confirmed', at: iso(5 * 60_000) }),
    message('n-2', { at: iso(10 * 60_000) }),
    message('n-3', { title: '明天记得来办事', kind: 'reminder_day_before', at: iso(2 * 86_400_000), read: true, link: null }),
  ];
});

const unreadTags = (page: { dom: HTMLElement }) => findByClass(page.dom, 'notice-item--unread').length;

describe('weapp: 消息', () => {
  it('marks unread ones with 未读, and a tap marks one read and opens its booking', async () => {
    const page = weapp.openPage('notice/pages/inbox/index');
    await weapp.waitFor(() => textOf(page).includes('预约已确认'));
    expect(textOf(page)).toContain('今天');
    expect(textOf(page)).toContain('有2条没看过');
    expect(unreadTags(page)).toBe(2);
    expect(findByClass(page.dom, 'badge').filter((b) => b.textContent === '未读')).toHaveLength(2);
    expect(textOf(page)).toContain('已读'); // the one read before says so in words too

    const before = weapp.navigations.length;
    await weapp.tapWhenSettled(() => byText(page, 'notice-item', '预约已确认'));
    await weapp.waitFor(() => weapp.navigations.length > before);
    expect(weapp.navigations.at(-1)).toBe('/pages/booking/index?id=bk-1');
    expect(sent.find((r) => r.url.endsWith('/api/notifications/n-1/read'))).toMatchObject({ method: 'POST' });
    await weapp.waitFor(() => unreadTags(page) === 1 && textOf(page).includes('有1条没看过'));
    page.detach();
  });

  it('全部标为已读, and 更多 brings the older ones', async () => {
    const page = weapp.openPage('notice/pages/inbox/index');
    await weapp.waitFor(() => textOf(page).includes('全部标为已读'));
    await weapp.tapWhenSettled(() => byText(page, 'big-button', '全部标为已读'));
    await weapp.waitFor(() => unreadTags(page) === 0 && textOf(page).includes('都看过了'));
    expect(sent.find((r) => r.url.endsWith('/api/notifications/read-all'))).toMatchObject({ method: 'POST' });

    await weapp.tapWhenSettled(() => byText(page, 'big-button', '更多'));
    await weapp.waitFor(() => textOf(page).includes('已办结'));
    expect(sent.some((r) => r.url.includes('/api/notifications?before=cursor-1'))).toBe(true);
    expect(textOf(page)).toContain('没有更早的消息了');
    page.detach();
  });

  it('says so plainly when there is nothing yet', async () => {
    inbox = [];
    const page = weapp.openPage('notice/pages/inbox/index');
    await weapp.waitFor(() => textOf(page).includes('还没有消息'));
    page.detach();
  });
});

describe('weapp: the 消息 badge on 首页', () => {
  it('shows the unread number as text when logged in, and asks nothing when logged out', async () => {
    const page = weapp.openPage('pages/index/index');
    await weapp.waitFor(() => byText(page, 'unread-entry', '2条未读') !== undefined);
    page.detach();

    store.delete(SESSION_KEY);
    const asked = sent.length;
    const anonymous = weapp.openPage('pages/index/index');
    await weapp.waitFor(() => byText(anonymous, 'unread-entry', '消息') !== undefined);
    await weapp.settled(anonymous.dom);
    expect(textOf(anonymous)).not.toContain('条未读');
    expect(sent.slice(asked).some((r) => r.url.includes('/api/notifications'))).toBe(false);
    anonymous.detach();
  });
});

describe('weapp: 通知方式', () => {
  it('shows the switches, which channel reaches the person and why the others cannot; a tap changes one', async () => {
    const page = weapp.openPage('notice/pages/preferences/index');
    await weapp.waitFor(() => textOf(page).includes('现在只能在“消息”里看到通知。'));
    const text = textOf(page);
    expect(text).toContain('微信通知');
    expect(text).toContain('夜间免打扰');
    expect(text).toContain('22:00–07:00 不发微信和短信');
    expect(text).toContain('短信：还没有手机号');
    expect(byText(page, 'switch-row', '短信')?.textContent).toContain('已关');

    await weapp.tapWhenSettled(() => byText(page, 'switch-row', '短信'));
    await weapp.waitFor(() => (byText(page, 'switch-row', '短信')?.textContent ?? '').includes('已开'));
    expect(sent.filter((r) => r.method === 'PUT').at(-1)).toMatchObject({ url: '/api/me/notification-settings', data: { sms: true } });
    page.detach();
  });
});

describe('weapp: 允许微信通知 on 通知方式', () => {
  it('asks WeChat in the tap itself, saves the accepts apart from any booking, and shows how many are left', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    let requestsWhenAsked = -1;
    wx.requestSubscribeMessage = (options: { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      requestsWhenAsked = sent.length;
      const answer = { errMsg: 'requestSubscribeMessage:ok', 'tpl-status': 'accept', 'tpl-remind': 'reject' };
      setTimeout(() => {
        options.success?.(answer);
        options.complete?.(answer);
      }, 0);
    };
    const page = weapp.openPage('notice/pages/preferences/index');
    await weapp.waitFor(() => textOf(page).includes('还能收 0 条微信通知'));
    const button = () => findByClass(page.dom, 'big-button').find((el) => (el.textContent ?? '').includes('允许微信通知'));
    await weapp.waitFor(() => button() !== undefined);
    await weapp.settled(button());
    const before = sent.length;
    weapp.tap(button() as Element);
    await weapp.waitFor(() => textOf(page).includes('还能收 1 条微信通知'));
    expect(requestsWhenAsked).toBe(before);
    expect(sent.filter((r) => r.url.endsWith('/api/me/subscriptions')).at(-1)?.data).toEqual({ templateIds: ['tpl-status', 'tpl-remind'], accepted: ['tpl-status'] });
    page.detach();
  });
});

describe('weapp: 提醒我 at the booking', () => {
  it('asks WeChat for the server’s templates in the tap itself, then saves what was accepted', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    let requestsWhenAsked = -1;
    let tmplIds: unknown;
    wx.requestSubscribeMessage = (options: { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      requestsWhenAsked = sent.length;
      tmplIds = options.tmplIds;
      const answer = { errMsg: 'requestSubscribeMessage:ok', 'tpl-status': 'accept', 'tpl-remind': 'reject' };
      setTimeout(() => {
        options.success?.(answer);
        options.complete?.(answer);
      }, 0);
    };
    const page = weapp.openPage('pages/booking/index', { id: 'bk-1' });
    await weapp.waitFor(() => textOf(page).includes('允许后，预约确认、提醒和办理进度会通过微信通知您。'));
    expect(textOf(page)).toContain('现在只能在“消息”里看到通知。');
    const button = () => findByClass(page.dom, 'big-button').find((el) => (el.textContent ?? '').includes('提醒我'));
    await weapp.waitFor(() => button() !== undefined);
    await weapp.settled(button());
    const before = sent.length;
    weapp.tap(button() as Element);
    await weapp.waitFor(() => textOf(page).includes('已设置提醒'));
    // no request went out between the tap and WeChat's sheet
    expect(requestsWhenAsked).toBe(before);
    expect(tmplIds).toEqual(['tpl-status', 'tpl-remind']);
    expect(sent.filter((r) => r.url.endsWith('/api/bookings/bk-1/reminders')).at(-1)?.data).toEqual({ templateIds: ['tpl-status', 'tpl-remind'], accepted: ['tpl-status'] });
    page.detach();
  });
});
