// Smoke test of the compiled manage subpackage (dist/manage): the overview, 窗口号源, 停办安排
// (refused over bookings, then confirmed in the page), 预约规则 and 在岗公示, on fixtures.
import type { RatingList } from '../../server/contract/cases';
import type { CenterConfig } from '../../server/contract/center-config';
import { ensureWeappBuild, findByClass, setupWeapp, type SimComponent, textOf, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const sent: { method: string; url: string; data: unknown }[] = [];
const CENTER = '0a0a0a0a-0000-4000-8000-000000000001';
const W1 = '0a0a0a0a-0000-4000-8000-000000000011';

const config: CenterConfig = {
  center: { id: CENTER, name: '沙河镇便民服务中心', kind: 'center', township: '沙河镇', countyCode: '511922', active: true },
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '08:30', closes: '12:00' },
    { weekday, opens: '14:00', closes: '17:30' },
  ]),
  windows: [{ id: W1, number: 1, name: '1号综合窗口', active: true, itemIds: [] }],
  items: [],
  templates: [{ id: 't1', windowId: W1, weekday: 1, starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 2, walkInSeats: 1, validFrom: null, validTo: null }],
  overrides: [],
  closures: [{ id: 'c1', date: '2026-12-24', windowId: null, reason: '停电检修' }],
  rules: {
    open_days_ahead: 14, close_hours_before: 1, cancel_hours_before: 1, weekly_cap: 2, monthly_cap: 6,
    rebook_block_minutes: 60, no_show_grace_minutes: 15, no_show_limit: 3, no_show_window_days: 90, restriction_days: 30,
  },
  staff: [{
    id: 's1', name: '周敏', post: '民政窗口', active: true, dutyWeekdays: [1, 2, 3, 4, 5], photoUrl: null, hasPhoto: false,
    consentAt: null, consentWithdrawnAt: null, public: false, onDutyToday: true, todayOverride: null,
  }],
  futureBookings: { count: 3, first: '2026-12-02T08:30:00+08:00' },
};

const ratings: RatingList = {
  summary: { total: 25, satisfied: 23, satisfactionRate: 0.92, byLevel: { '1': 1, '2': 1, '3': 0, '4': 3, '5': 20 }, indicators: { efficiency: 2 }, openFollowUps: 1, overdueFollowUps: 1 },
  total: 2,
  rows: [
    {
      id: 'r1', level: 1, indicators: ['efficiency'], comment: '跑了两趟', createdAt: '2026-12-01T10:00:00+08:00', itemName: '低保、特困证明开具',
      center: { id: CENTER, name: '沙河镇便民服务中心', kind: 'center' }, staffName: '周敏', bookingId: 'b1', bookingCode: 'ABCD2345',
      followUp: { id: 'f1', status: 'open', openedAt: '2026-12-01T10:00:00+08:00', dueBy: '2026-12-15', overdue: true, closedAt: null, closedByName: null, resolution: null },
    },
    {
      id: 'r2', level: 2, indicators: [], comment: null, createdAt: '2026-11-30T10:00:00+08:00', itemName: '城乡居民医保参保登记',
      center: { id: CENTER, name: '沙河镇便民服务中心', kind: 'center' }, staffName: null, bookingId: 'b2', bookingCode: 'EFGH6789',
      followUp: { id: 'f2', status: 'closed', openedAt: '2026-11-30T10:00:00+08:00', dueBy: '2026-12-14', overdue: false, closedAt: '2026-12-01T09:00:00+08:00', closedByName: '刘军', resolution: '已电话致歉' },
    },
  ],
};


function answer(method: string, url: string, data: unknown): { statusCode: number; data: unknown } {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
  if (method === 'GET' && path === `/api/manage/centers/${CENTER}`) return { statusCode: 200, data: config };
  if (method === 'POST' && path.endsWith('/closures')) {
    const body = data as { cancelAffected?: boolean; from: string; reason: string };
    if (!body.cancelAffected) {
      return { statusCode: 409, data: { error: { code: 'CLOSURE_HAS_BOOKINGS', message: '这几天已有2个预约。确定停办的话，请勾选“取消这些预约并通知群众”后再提交', details: { count: 2 } } } };
    }
    return { statusCode: 200, data: { ...config, closures: [...config.closures, { id: 'c2', date: body.from, windowId: null, reason: body.reason }], cancelledBookings: 2 } };
  }
  if (method === 'POST' && path.endsWith('/capacity')) return { statusCode: 200, data: { ...config, reconciled: { slotsUpdated: 4, kept: [{ windowId: W1, start: '2026-12-07T08:30:00+08:00', booked: 1, inConfig: false }] } } };
  if (method === 'GET' && path === '/api/manage/ratings') return { statusCode: 200, data: ratings };
  if (method === 'POST' && path === '/api/manage/rectifications/f1/close') {
    return { statusCode: 200, data: { ...ratings.rows[0]!.followUp, status: 'closed', overdue: false, resolution: (data as { resolution: string }).resolution } };
  }
  if (method === 'POST') return { statusCode: 200, data: config };
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到' } } };
}

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  weapp.useMemoryStorage(store);
  weapp.answerRequests(({ method, url, data }) => {
    sent.push({ method, url, data });
    return answer(method, url, data);
  });
  store.set('bmfw:session', { token: 'manager-token', account: { id: 'm1', role: 'manager', displayName: '刘军' } });
}, 240_000);

const byText = (page: SimComponent, className: string, text: string): Element | undefined =>
  findByClass(page.dom, className).filter((el) => (el.textContent ?? '').includes(text)).pop();
const tapText = (page: SimComponent, className: string, text: string): Promise<void> =>
  weapp.tapWhenSettled(() => byText(page, className, text));

describe('weapp: manage subpackage', () => {
  it('overview: my centre with bookings to come, closures and links', async () => {
    const page = weapp.openPage('manage/pages/center/index', { id: CENTER });
    await weapp.waitFor(() => textOf(page).includes('窗口和号源'));
    expect(textOf(page)).toContain('还有3个预约待办理');
    expect(textOf(page)).toContain('12月24日：停电检修');
    expect(textOf(page)).toContain('还没有同意公示');
    await tapText(page, 'link-row', '安排停办');
    await weapp.waitFor(() => weapp.navigations.some((n) => n.includes('/manage/pages/closures/index')));
    page.detach();
  });

  it('停办安排: the closed days with their reason; an empty form is explained in the page', async () => {
    // (typing and the refusal over bookings are walked through in the browser: test/e2e/center-config.test.ts)
    const page = weapp.openPage('manage/pages/closures/index', { id: CENTER });
    await weapp.waitFor(() => findByClass(page.dom, 'm-field__input').length === 3);
    expect(textOf(page)).toContain('12月24日：停电检修');
    await tapText(page, 'big-button', '安排停办');
    await weapp.waitFor(() => textOf(page).includes('日期请写成 2026-10-01 这样'));
    expect(sent.some((r) => r.url.endsWith('/closures'))).toBe(false);
    page.detach();
  });

  it('窗口号源: the week of a window, and a saved change says bookings were kept', async () => {
    const page = weapp.openPage('manage/pages/capacity/index', { id: CENTER });
    await weapp.waitFor(() => textOf(page).includes('1号综合窗口现在的号源'));
    expect(textOf(page)).toContain('08:30–12:00，每30分钟，2个号（现场1个）');
    await tapText(page, 'big-button', '保存号源');
    await weapp.waitFor(() => textOf(page).includes('原有预约保留不变'), 10_000);
    const post = sent.find((r) => r.url.endsWith('/capacity'))!;
    expect(post.data).toMatchObject({ windowId: W1, weekdays: [1, 2, 3, 4, 5], sessions: [{ starts: '08:30', ends: '12:00' }, { starts: '14:00', ends: '17:30' }] });
    page.detach();
  });

  it('开放时间和预约规则 and 在岗公示 load and save', async () => {
    const rules = weapp.openPage('manage/pages/rules/index', { id: CENTER });
    await weapp.waitFor(() => textOf(rules).includes('可提前几天预约'));
    await tapText(rules, 'big-button', '保存预约规则');
    await weapp.waitFor(() => textOf(rules).includes('已有的预约不受影响'));
    rules.detach();
    const duty = weapp.openPage('manage/pages/on-duty/index', { id: CENTER });
    await weapp.waitFor(() => textOf(duty).includes('周敏（民政窗口）'));
    await tapText(duty, 'big-button', '记录本人同意公示');
    await weapp.waitFor(() => textOf(duty).includes('本人已同意'));
    await tapText(duty, 'big-button', '本人已同意');
    await weapp.waitFor(() => sent.some((r) => r.url.endsWith('/staff/s1')));
    expect(sent.find((r) => r.url.endsWith('/staff/s1'))!.data).toEqual({ consent: true });
    duty.detach();
  });

  it('好差评: the satisfaction rate, late follow-ups, and a follow-up closed with what was done', async () => {
    const page = weapp.openPage('manage/pages/ratings/index', { id: CENTER });
    await weapp.waitFor(() => textOf(page).includes('满意率 92%（25条评价中23条满意）'));
    expect(textOf(page)).toContain('1条整改待办，其中1条已超期');
    expect(textOf(page)).toContain('整改超期');
    expect(textOf(page)).toContain('整改结果（刘军）：已电话致歉');
    expect(sent.find((r) => r.url.includes('/api/manage/ratings'))!.url).toContain('bad=true');
    await tapText(page, 'big-button', '填写整改结果');
    await weapp.waitFor(() => findByClass(page.dom, 'ratings__input').length === 1);
    page.detach();
  });
});
