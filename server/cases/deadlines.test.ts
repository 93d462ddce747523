import { followUpBy, followUpMessage, promisedBy } from './deadlines';

describe('promisedBy', () => {
  it('is the day of acceptance in Shanghai for an item done on the spot (0 days)', () => {
    // 23:30 UTC on 30 November is 07:30 on 1 December in Shanghai
    expect(promisedBy(new Date('2026-11-30T23:30:00Z'), 0)).toBe('2026-12-01');
  });

  it('counts working days from the day of acceptance', () => {
    expect(promisedBy(new Date('2026-12-01T02:00:00Z'), 5)).toBe('2026-12-08');
    expect(promisedBy(new Date('2026-09-30T02:00:00Z'), 3)).toBe('2026-10-10'); // across 国庆, Saturday 10/10 worked
  });
});

describe('follow-up of a bad rating', () => {
  it('is due 10 working days later', () => {
    expect(followUpBy(new Date('2026-12-01T03:00:00Z'))).toBe('2026-12-15');
    // 9/29, 9/30, then after 国庆 10/8, 10/9, Saturday 10/10 (worked), 10/12 … 10/16
    expect(followUpBy(new Date('2026-09-28T03:00:00Z'))).toBe('2026-10-16');
  });

  it('tells the resident it will be followed up and by when', () => {
    const text = followUpMessage('2026-12-15');
    expect(text).toContain('12月15日前');
    expect(text).toContain('整改');
  });
});
