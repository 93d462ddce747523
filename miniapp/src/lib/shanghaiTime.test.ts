import { minutesOfClock, shanghaiClock } from './shanghaiTime';

describe('shanghaiClock', () => {
  it('reads the date, weekday and minutes in Shanghai whatever the instant is written in', () => {
    // 2026-12-01 is a Tuesday; 01:30 UTC is 09:30 in Shanghai
    expect(shanghaiClock(new Date('2026-12-01T01:30:00Z'))).toEqual({
      date: '2026-12-01',
      weekday: 2,
      minutes: 9 * 60 + 30,
    });
  });

  it('moves to the next day after 16:00 UTC', () => {
    // Sunday 2026-12-06 17:10 UTC is Monday 01:10 in Shanghai
    expect(shanghaiClock(new Date('2026-12-06T17:10:00Z'))).toEqual({
      date: '2026-12-07',
      weekday: 1,
      minutes: 70,
    });
  });

  it('calls Sunday 7', () => {
    expect(shanghaiClock(new Date('2026-12-06T04:00:00+08:00')).weekday).toBe(7);
  });
});

describe('minutesOfClock', () => {
  it('reads HH:mm and HH:mm:ss', () => {
    expect(minutesOfClock('08:30')).toBe(510);
    expect(minutesOfClock('17:30:00')).toBe(1050);
    expect(minutesOfClock('8:05')).toBe(485);
  });

  it('refuses what is not a time', () => {
    expect(minutesOfClock('')).toBeNull();
    expect(minutesOfClock('上午')).toBeNull();
    expect(minutesOfClock('25:00')).toBeNull();
  });
});
