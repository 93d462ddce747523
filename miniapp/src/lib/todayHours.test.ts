import type { OpeningSession } from '@contract/catalogue';
import { shanghaiClock } from './shanghaiTime';
import { todayHours } from './todayHours';

const workdays: OpeningSession[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '12:00' },
  { weekday, opens: '14:00', closes: '17:30' },
]);

/** Tuesday 2026-12-01 at the given Shanghai time. */
const tuesday = (hhmm: string) => shanghaiClock(new Date(`2026-12-01T${hhmm}:00+08:00`));
const saturday = (hhmm: string) => shanghaiClock(new Date(`2026-12-05T${hhmm}:00+08:00`));

describe('todayHours', () => {
  it('is open during the morning session and says when the lunch break starts', () => {
    expect(todayHours(workdays, tuesday('09:15'))).toEqual({
      state: 'open',
      badge: '开门中',
      statusText: '现在开门，12:00 午休',
      sessions: ['上午 8:30–12:00', '下午 14:00–17:30'],
    });
  });

  it('is closed before opening, at lunch and after work, saying when it opens', () => {
    expect(todayHours(workdays, tuesday('07:50')).statusText).toBe('现在还没开门，8:30 开门');
    expect(todayHours(workdays, tuesday('12:00'))).toMatchObject({ state: 'closed', statusText: '现在午休，14:00 开门' });
    expect(todayHours(workdays, tuesday('17:30'))).toMatchObject({ state: 'closed', statusText: '今天已经下班了' });
  });

  it('says 下班 at the end of the last session', () => {
    expect(todayHours(workdays, tuesday('15:00')).statusText).toBe('现在开门，17:30 下班');
  });

  it('is closed all day on a day without sessions', () => {
    expect(todayHours(workdays, saturday('10:00'))).toEqual({
      state: 'closed',
      badge: '今天休息',
      statusText: '今天休息，不开门',
      sessions: [],
    });
  });

  it('closes a holiday whatever the weekly hours say', () => {
    const calendar = { open: false, reason: { code: 'HOLIDAY' as const, text: '元旦放假' } };
    expect(todayHours(workdays, tuesday('10:00'), calendar)).toMatchObject({
      state: 'closed',
      statusText: '今天不开门：元旦放假',
      sessions: [],
    });
  });

  it("uses Monday's hours on an adjusted working weekend (调休)", () => {
    const calendar = { open: true, reason: null };
    expect(todayHours(workdays, saturday('10:00'), calendar)).toMatchObject({
      state: 'open',
      statusText: '今天调休上班，现在开门，12:00 午休',
    });
  });

  it('keeps a working day open when only booking is closed (已约满)', () => {
    const calendar = { open: false, reason: { code: 'FULL' as const, text: '已约满' } };
    expect(todayHours(workdays, tuesday('10:00'), calendar).state).toBe('open');
  });

  it('shows a single session without 上午/下午', () => {
    const station = [{ weekday: 2, opens: '09:00', closes: '12:00' }];
    expect(todayHours(station, tuesday('10:00')).sessions).toEqual(['9:00–12:00']);
  });

  it('says the hours are unknown when none are published', () => {
    expect(todayHours([], tuesday('10:00'))).toMatchObject({ state: 'unknown', badge: '时间不详' });
  });
});
