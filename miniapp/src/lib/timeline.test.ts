import type { BookingEvent } from '@contract/booking';
import { timelineLines } from './timeline';

const at = (hhmm: string) => `2026-12-02T${hhmm}:00+08:00`;
const event = (time: string, kind: BookingEvent['kind'], data: Record<string, unknown> = {}): BookingEvent => ({ at: at(time), kind, data });

describe('timelineLines', () => {
  it('turns events into plain lines, oldest first', () => {
    const lines = timelineLines([
      event('09:40', 'accepted'),
      event('08:00', 'booked'),
      event('09:35', 'checked_in', { ticket: { number: 12, serviceDate: '2026-12-02' } }),
      event('09:50', 'needs_supplement', { missing: ['户口簿复印件', '近期一寸照片'] }),
      event('10:30', 'completed', { outcome: '证件已办好，请带身份证到窗口领取' }),
    ]);
    expect(lines.map((l) => l.title)).toEqual(['已预约', '已到窗口签到', '已受理，开始办理', '需要补交材料', '已办结']);
    expect(lines[0]?.at).toBe('12月2日 上午8:00');
    expect(lines[1]?.details).toEqual(['排队号：12号']);
    expect(lines[3]).toMatchObject({ tone: 'attention', details: ['要补交：户口簿复印件', '要补交：近期一寸照片'] });
    expect(lines[4]).toMatchObject({ tone: 'good', details: ['证件已办好，请带身份证到窗口领取'] });
  });

  it('shows reasons and the moved time', () => {
    const lines = timelineLines([
      event('08:00', 'rescheduled', { from: '2026-12-02T09:30:00+08:00', to: '2026-12-03T14:00:00+08:00' }),
      event('08:10', 'cancelled', { reason: '家里有事' }),
      event('08:20', 'rejected', { reason: '不属于本镇受理范围' }),
      event('08:30', 'cancelled'),
    ]);
    expect(lines[0]?.details).toEqual(['原来：12月2日 上午9:30', '改到：12月3日 下午2:00']);
    expect(lines[1]?.details).toEqual(['原因：家里有事']);
    expect(lines[2]).toMatchObject({ title: '不予受理', tone: 'bad', details: ['原因：不属于本镇受理范围'] });
    expect(lines[3]?.details).toEqual([]);
  });

  it('gives the promised date, what was brought, the forward note and the rating', () => {
    const lines = timelineLines([
      event('09:00', 'accepted', { promisedBy: '2026-12-15' }),
      event('09:10', 'supplemented', { missing: ['户口簿复印件'] }),
      event('09:20', 'forwarded', { note: '报县民政局审批' }),
      event('09:30', 'rated', { level: 2 }),
      event('09:40', 'accepted', { promisedBy: 'soon' }),
      event('09:50', 'accepted', { promisedBy: '2026-12-02' }),
    ]);
    expect(lines.map((l) => l.details)).toEqual([['承诺12月15日前办好'], ['已补交：户口簿复印件'], ['报县民政局审批'], ['不满意'], [], ['承诺当天办好']]);
  });

  it('keeps the server order for events at the same moment, and copes with none', () => {
    const lines = timelineLines([event('09:00', 'checked_in'), event('09:00', 'accepted')]);
    expect(lines.map((l) => l.kind)).toEqual(['checked_in', 'accepted']);
    expect(timelineLines(undefined)).toEqual([]);
  });
});
