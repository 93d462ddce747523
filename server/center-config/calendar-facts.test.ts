import { calendarFacts } from './calendar-facts';

describe('calendarFacts', () => {
  it('lists the statutory holidays and adjusted working days ahead, in Shanghai dates', () => {
    // 2026-09-20 09:00 Shanghai: National Day 2026 is ahead
    const facts = calendarFacts(new Date('2026-09-20T01:00:00Z'), 30);
    expect(facts.holidays).toContain('2026-10-01');
    expect(facts.holidays).not.toContain('2026-09-20');
    expect(facts.adjusted.length).toBeGreaterThan(0);
    for (const d of facts.adjusted) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });

  it('starts at today in Shanghai, not UTC', () => {
    // 2026-09-30 17:00 UTC is already 1 October in Shanghai
    expect(calendarFacts(new Date('2026-09-30T17:00:00Z'), 0).holidays).toEqual(['2026-10-01']);
  });
});
