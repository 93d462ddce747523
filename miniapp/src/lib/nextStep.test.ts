import type { Booking, BookingEvent } from '@contract/booking';
import type { CaseSummary } from '@contract/cases';
import { canRate, caseOf, isActive, nextStep, statusLabel, ticketNumber, type BookingView } from './nextStep';

function booking(overrides: Partial<BookingView> = {}): BookingView {
  const base: Booking = {
    id: 'b1',
    code: '7K3MQ2XP',
    qrPayload: 'BMFW1.7K3MQ2XP.sig',
    status: 'booked',
    slotStart: '2026-12-02T09:30:00+08:00',
    slotEnd: '2026-12-02T10:00:00+08:00',
    centerId: 'c1',
    centerName: '沙河镇便民服务中心',
    itemId: 'i1',
    itemName: '最低生活保障申请',
    windowName: '1号窗口',
    applicant: { id: 'p1', name: '王秀英' },
    bookedVia: 'self',
    statusReason: null,
    createdAt: '2026-12-01T09:00:00+08:00',
    cancelledAt: null,
    checkedInAt: null,
  };
  return { ...base, ...overrides };
}

function theCase(overrides: Partial<CaseSummary>): CaseSummary {
  return {
    id: 'k1',
    status: 'accepted',
    acceptedAt: '2026-12-02T09:40:00+08:00',
    promisedBy: null,
    missingMaterials: [],
    rejectReason: null,
    outcome: null,
    completedAt: null,
    ...overrides,
  };
}

const event = (kind: BookingEvent['kind'], data: Record<string, unknown> = {}): BookingEvent => ({
  at: '2026-12-02T09:40:00+08:00',
  kind,
  data,
});

describe('nextStep before the visit', () => {
  it('says when and where to go, and to bring the materials and the code', () => {
    expect(nextStep(booking())).toBe(
      '请在12月2日（周三）上午9:30前到沙河镇便民服务中心，带好材料，到窗口出示预约码',
    );
    expect(nextStep(booking({ status: 'confirmed', slotStart: '2026-12-03T14:30:00+08:00' }))).toBe(
      '中心已确认。请在12月3日（周四）下午2:30前到沙河镇便民服务中心，带好材料，到窗口出示预约码',
    );
  });

  it('gives the queue number after check-in', () => {
    expect(nextStep(booking({ status: 'checked_in', timeline: [event('booked'), event('checked_in', { ticket: { number: 12, serviceDate: '2026-12-02' } })] }))).toBe(
      '已签到，您是12号，请等候叫号',
    );
    expect(nextStep(booking({ status: 'checked_in', timeline: [event('checked_in', { ticket: 7 })] }))).toBe('已签到，您是7号，请等候叫号');
    expect(nextStep(booking({ status: 'checked_in' }))).toBe('已签到，请等候叫号');
  });

  it('explains cancelled, declined and missed bookings', () => {
    expect(nextStep(booking({ status: 'cancelled' }))).toBe('预约已取消。还要办的话，可以重新预约');
    expect(nextStep(booking({ status: 'declined', statusReason: '该事项需先到村委会开证明' }))).toBe(
      '这次预约没有通过，原因：该事项需先到村委会开证明。请重新预约或打电话问中心',
    );
    expect(nextStep(booking({ status: 'no_show' }))).toBe('预约时间已过，没有签到。还要办的话，请重新预约');
  });
});

describe('nextStep once the case is open', () => {
  it('lists exactly what is missing', () => {
    const b = booking({ status: 'checked_in', case: theCase({ status: 'needs_supplement', missingMaterials: ['户口簿复印件'] }) });
    expect(nextStep(b)).toBe('请补交：户口簿复印件');
    expect(nextStep(booking({ case: theCase({ status: 'needs_supplement', missingMaterials: ['户口簿复印件', '近期照片'] }) }))).toBe(
      '请补交：户口簿复印件、近期照片',
    );
  });

  it('reads the case from the timeline when the summary is missing', () => {
    const b = booking({ status: 'checked_in', timeline: [event('checked_in'), event('accepted'), event('needs_supplement', { missing: ['户口簿复印件'] })] });
    expect(caseOf(b)?.status).toBe('needs_supplement');
    expect(nextStep(b)).toBe('请补交：户口簿复印件');
    const again = booking({ status: 'checked_in', timeline: [event('needs_supplement', { missing: ['x'] }), event('supplemented')] });
    expect(nextStep(again)).toBe('已受理，正在办理，请留意通知');
  });

  it('gives the promised date while it is handled', () => {
    expect(nextStep(booking({ case: theCase({ promisedBy: '2026-12-20' }) }))).toBe('已受理，承诺12月20日前办好，请留意通知');
    expect(nextStep(booking({ case: theCase({ promisedBy: '2026-12-02' }) }))).toBe('已受理，承诺当天办好，请留意通知');
    expect(nextStep(booking({ case: theCase({ status: 'forwarded' }) }))).toBe('已上报县里办理，请耐心等候通知');
  });

  it('invites a rating once completed, then thanks', () => {
    expect(nextStep(booking({ case: theCase({ status: 'completed' }) }))).toBe('已办结，可以评价');
    expect(nextStep(booking({ case: theCase({ status: 'completed', outcome: '证件已办好，请带身份证到窗口领取' }) }))).toBe(
      '已办结，可以评价。证件已办好，请带身份证到窗口领取。',
    );
    const rated = booking({
      case: theCase({ status: 'completed' }),
      rating: { level: 5, indicators: [], comment: null, createdAt: '2026-12-03T10:00:00+08:00', followUp: false, followUpResult: null },
    });
    expect(nextStep(rated)).toBe('已办结，谢谢您的评价');
    expect(nextStep(booking({ status: 'completed' }))).toBe('已办结，可以评价');
  });

  it('gives the reason of a refusal', () => {
    expect(nextStep(booking({ case: theCase({ status: 'rejected', rejectReason: '不属于本镇受理范围' }) }))).toBe(
      '不予受理，原因：不属于本镇受理范围。有疑问请打电话问中心，也可以评价',
    );
  });
});

describe('canRate, statusLabel, isActive, ticketNumber', () => {
  it('allows a rating only after 办结 or 不予受理, once', () => {
    expect(canRate(booking())).toBe(false);
    expect(canRate(booking({ case: theCase({ status: 'accepted' }) }))).toBe(false);
    expect(canRate(booking({ case: theCase({ status: 'completed' }) }))).toBe(true);
    expect(canRate(booking({ case: theCase({ status: 'rejected' }) }))).toBe(true);
    expect(canRate(booking({ status: 'completed' }))).toBe(true);
    expect(
      canRate(booking({ case: theCase({ status: 'completed' }), rating: { level: 4, indicators: [], comment: null, createdAt: '', followUp: false, followUpResult: null } })),
    ).toBe(false);
  });

  it('labels the state in two to four characters', () => {
    expect(statusLabel(booking())).toEqual({ text: '已预约', tone: 'primary' });
    expect(statusLabel(booking({ status: 'cancelled' })).text).toBe('已取消');
    expect(statusLabel(booking({ case: theCase({ status: 'needs_supplement' }) }))).toEqual({ text: '要补材料', tone: 'warning' });
    expect(statusLabel(booking({ case: theCase({ status: 'rejected' }) })).tone).toBe('danger');
  });

  it('knows which bookings are still ahead', () => {
    expect(isActive({ status: 'booked' })).toBe(true);
    expect(isActive({ status: 'confirmed' })).toBe(true);
    expect(isActive({ status: 'checked_in' })).toBe(false);
    expect(ticketNumber(booking())).toBeNull();
  });
});
