import { closureRuns, readSession, sessionText, weekdaysText, windowWeek } from './centerConfig';

describe('centre configuration screens', () => {
  it('says weekdays plainly', () => {
    expect(weekdaysText([1, 2, 3, 4, 5])).toBe('周一至周五');
    expect(weekdaysText([3, 1])).toBe('周一、周三');
    expect(weekdaysText([])).toBe('不在岗');
    expect(weekdaysText([1, 2, 3, 4, 5, 6, 7])).toBe('每天');
  });

  it('shows a window week with closed days', () => {
    const t = { id: 't', windowId: 'w', weekday: 2, starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 4, walkInSeats: 1, validFrom: null, validTo: null };
    const week = windowWeek([t, { ...t, windowId: 'other', weekday: 1 }], 'w');
    expect(week[0]).toEqual({ weekday: 1, label: '周一', lines: ['不开放'] });
    expect(week[1]!.lines).toEqual(['08:30–12:00，每30分钟，4个号（现场1个）']);
    expect(sessionText({ ...t, walkInSeats: 0 })).toBe('08:30–12:00，每30分钟，4个号');
  });

  it('reads the session form, or says what is wrong', () => {
    const ok = { starts: '08:30', ends: '12:00', slotMinutes: '30', seats: '3', walkInSeats: '1' };
    expect(readSession(ok)).toEqual({ session: { starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 3, walkInSeats: 1 } });
    expect(readSession({ ...ok, starts: '8:30' })).toEqual({ problem: '时间请写成 08:30 这样' });
    expect(readSession({ ...ok, ends: '08:00' })).toEqual({ problem: '开始时间要早于结束时间' });
    expect(readSession({ ...ok, slotMinutes: '5' })).toEqual({ problem: '每段分钟数要在10到240之间' });
    expect(readSession({ ...ok, walkInSeats: '4' })).toEqual({ problem: '现场号不能多于总号数' });
  });

  it('groups closed days into runs with their reason', () => {
    const c = (id: string, date: string, reason: string) => ({ id, date, reason, windowId: null });
    expect(closureRuns([c('b', '2026-12-11', '停电检修'), c('a', '2026-12-10', '停电检修'), c('x', '2026-12-20', '国庆节')])).toEqual([
      { ids: ['a', 'b'], text: '12月10日至12月11日', reason: '停电检修' },
      { ids: ['x'], text: '12月20日', reason: '国庆节' },
    ]);
  });
});
