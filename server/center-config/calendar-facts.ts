// The official calendar facts the database needs to judge future slots (which dates are
// statutory holidays, which weekend days are adjusted working days, 调休). The calendar lives in
// TypeScript (chinese-days); SQL gets only these two lists, for the days slots can exist on.
import { addDays, shanghaiDate } from '../calendar/shanghai-time';
import { dayStatus } from '../calendar/working-days';

/** Slots are materialised at most open_days_ahead (≤ 90) days ahead; a margin on top. */
export const CALENDAR_FACT_DAYS = 120;

export interface CalendarFacts {
  holidays: string[];
  adjusted: string[];
}

export function calendarFacts(now: Date, days = CALENDAR_FACT_DAYS): CalendarFacts {
  const today = shanghaiDate(now);
  const facts: CalendarFacts = { holidays: [], adjusted: [] };
  for (let i = 0; i <= days; i++) {
    const date = addDays(today, i);
    const kind = dayStatus(date).kind;
    if (kind === 'holiday') facts.holidays.push(date);
    else if (kind === 'adjusted_workday') facts.adjusted.push(date);
  }
  return facts;
}
