// Smoke test of the compiled staff workbench (dist/work/…, a subpackage): today's list, one
// booking, check-in by typed code, the queue at a window (call next refused while someone is
// called: the choices shown instead), and a case with its undo banner. Answers come from the
// fixtures below, with an in-memory wx storage holding a staff session.
import type { QueueBoard, QueueTicket, StaffBooking, StaffDay } from '../../server/contract/queue';
import type { CaseDetail } from '../../server/contract/cases';
import { byText, ensureWeappBuild, findByClass, setupWeapp, textOf, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const sent: { method: string; url: string; data: unknown }[] = [];

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const session = { token: 'staff-token', account: { id: 'u-staff', role: 'staff', displayName: '周敏' } };
const windows = [
  { id: 'w1', number: 1, name: '1号综合窗口' },
  { id: 'w2', number: 2, name: '2号综合窗口' },
];
const ticket = (over: Partial<QueueTicket>): QueueTicket => ({
  id: 't12', number: 12, kind: 'booking', status: 'waiting', serviceDate: TODAY, itemId: 'itm', itemName: '低保、特困证明开具',
  bookingId: 'b1', applicantName: '王*英', slotStart: `${TODAY}T10:00:00+08:00`, issuedAt: `${TODAY}T09:00:00+08:00`,
  queueAt: `${TODAY}T10:00:00+08:00`, windowId: null, windowName: null, callCount: 0, calledAt: null, lastCalledAt: null,
  servingAt: null, finishedAt: null, missedAt: null, handlingSeconds: null, case: null, ...over,
});
const idle: QueueBoard = {
  serviceDate: TODAY, windows, windowId: 'w1', current: null, waiting: [ticket({})], missed: [], atOtherWindows: [],
  counts: { waiting: 1, atWindows: 0, done: 0, missed: 0 }, lastAction: null,
};
const called = ticket({ status: 'called', windowId: 'w1', windowName: '1号综合窗口', callCount: 1, calledAt: `${TODAY}T09:00:00+08:00` });
const day: StaffDay = {
  date: TODAY, today: TODAY, centerId: 'c1', centerName: '沙河镇便民服务中心',
  counts: { pending: 1, active: 2, checkedIn: 0, completed: 0, cancelled: 0, noShow: 0 },
  bookings: [
    { id: 'b1', status: 'booked', slotStart: `${TODAY}T10:00:00+08:00`, slotEnd: `${TODAY}T10:30:00+08:00`, itemId: 'itm', itemName: '低保、特困证明开具',
      windowName: '1号综合窗口', applicantName: '王*英', bookedVia: 'self', statusReason: null, checkedInAt: null, ticket: null, case: null },
    { id: 'b2', status: 'confirmed', slotStart: `${TODAY}T10:30:00+08:00`, slotEnd: `${TODAY}T11:00:00+08:00`, itemId: 'itm', itemName: '低保、特困证明开具',
      windowName: '2号综合窗口', applicantName: '李*', bookedVia: 'family', statusReason: null, checkedInAt: null, ticket: null, case: null },
  ],
  materials: { itm: [{ name: '申请人居民身份证', form: 'original', copies: 1, requirement: 'required', condition: null }] },
};
const booking: StaffBooking = {
  id: 'b1', code: '7K3MQ2XP', status: 'booked', slotStart: `${TODAY}T10:00:00+08:00`, slotEnd: `${TODAY}T10:30:00+08:00`,
  centerId: 'c1', centerName: '沙河镇便民服务中心', itemId: 'itm', itemName: '低保、特困证明开具', windowName: '1号综合窗口',
  applicant: { id: 'p1', name: '王*英' }, bookedVia: 'self', statusReason: null, createdAt: `${TODAY}T08:00:00+08:00`,
  cancelledAt: null, checkedInAt: null, timeline: [{ at: `${TODAY}T08:00:00+08:00`, kind: 'booked', data: {} }], ticket: null, case: null,
  materials: day.materials.itm!,
};
const kase: CaseDetail = {
  id: 'k1', status: 'accepted', acceptedAt: `${TODAY}T09:05:00+08:00`, promisedBy: TODAY, missingMaterials: [], rejectReason: null,
  outcome: null, completedAt: null, centerId: 'c1', itemId: 'itm', itemName: '低保、特困证明开具', bookingId: 'b1', ticketNumber: 12,
  promisedDays: 0, forwardNote: null, handlingSeconds: null, voided: false,
  steps: [{ at: `${TODAY}T09:05:00+08:00`, kind: 'accepted', data: {}, undone: false }],
  undo: { kind: 'accepted', until: '2999-01-01T00:00:00+08:00' },
};

function answer(method: string, url: string): { statusCode: number; data: unknown } {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
  if (path === '/api/staff/day') return { statusCode: 200, data: day };
  if (path === '/api/staff/bookings/b1') return { statusCode: 200, data: booking };
  if (path === '/api/queue' && method === 'GET') return { statusCode: 200, data: url.includes('window=') ? idle : { ...idle, windowId: null } };
  if (path === '/api/queue/call-next') return { statusCode: 200, data: { ...idle, current: called, waiting: [], called, lastAction: { action: 'call', at: `${TODAY}T09:00:00+08:00`, number: 12, undoUntil: '2999-01-01T00:00:00+08:00' } } };
  if (path === '/api/bookings/verify') return { statusCode: 200, data: { ...booking, qrPayload: 'x' } };
  if (path === '/api/cases/k1') return { statusCode: 200, data: kase };
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到' } } };
}

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  weapp.useMemoryStorage(store);
  weapp.answerRequests(({ method, url, data }) => {
    sent.push({ method, url, data });
    return answer(method, url);
  });
}, 240_000);

beforeEach(() => {
  store.clear();
  store.set('bmfw:session', session);
});


describe('weapp: staff workbench (subpackage work)', () => {
  it('today: pending first, by slot, masked names', async () => {
    const page = weapp.openPage('work/pages/today/index');
    await weapp.waitFor(() => textOf(page).includes('待确认（1）'));
    const text = textOf(page);
    expect(text).toContain('周敏，您好');
    expect(text.indexOf('待确认（1）')).toBeLessThan(text.indexOf('10:30–11:00'));
    expect(text).toContain('王*英');
    expect(text).toContain('材料1项');
    expect(text).not.toContain('王秀英');
    page.detach();
  });

  it('one booking: confirm, decline with reasons, the materials checklist', async () => {
    const page = weapp.openPage('work/pages/booking/index', { id: 'b1' });
    await weapp.waitFor(() => textOf(page).includes('确认预约'));
    expect(textOf(page)).toContain('申请人居民身份证');
    weapp.tap(byText(page, 'big-button', '拒绝预约')!);
    await weapp.waitFor(() => textOf(page).includes('拒绝的原因'));
    expect(textOf(page)).toContain('当天窗口临时停办');
    page.detach();
  });

  it('check-in: type the 8-character code, see who it is', async () => {
    const page = weapp.openPage('work/pages/checkin/index');
    await weapp.waitFor(() => textOf(page).includes('输入预约码'));
    expect(findByClass(page.dom, 'work-box')).toHaveLength(8);
    page.detach();
  });

  it('queue: choose a window, call next; while called, the choices replace 叫下一位', async () => {
    const page = weapp.openPage('work/pages/queue/index');
    await weapp.waitFor(() => textOf(page).includes('先选一个窗口'));
    weapp.tap(byText(page, 'chip', '1号综合窗口')!);
    await weapp.waitFor(() => textOf(page).includes('叫下一位'));
    expect(store.get('bmfw:work-window')).toBe('w1');
    weapp.tap(byText(page, 'big-button', '叫下一位')!);
    await weapp.waitFor(() => textOf(page).includes('人到了，开始办理'));
    const text = textOf(page);
    expect(text).toContain('12号');
    expect(text).toContain('再叫一次（已叫1/3次）');
    expect(text).toContain('没来，过号');
    expect(text).toContain('放回排队');
    expect(text).not.toContain('叫下一位');
    expect(text).toContain('刚才叫了12号');
    const call = sent.find((r) => r.url.endsWith('/api/queue/call-next'))!;
    expect(call).toMatchObject({ method: 'POST', data: { windowId: 'w1', finishCurrent: false } });
    page.detach();
  });

  it('case: steps offered by status, the undo banner', async () => {
    const page = weapp.openPage('work/pages/case/index', { id: 'k1' });
    await weapp.waitFor(() => textOf(page).includes('办结'));
    const text = textOf(page);
    expect(text).toContain('缺材料，要补正');
    expect(text).toContain('上报县里');
    expect(text).toContain('不予受理');
    expect(text).toContain('撤销');
    page.detach();
  });
});
