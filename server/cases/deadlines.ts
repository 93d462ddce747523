// Dates a case promises and a bad rating triggers, counted in working days on the official
// calendar (holidays skipped, 调休 weekends worked), and what the resident is told. Pure.
import { addWorkingDays } from '../calendar/add-working-days';
import { formatMonthDay, shanghaiDate } from '../calendar/shanghai-time';

/** A rectification (整改) after 不满意 / 非常不满意 is due this many working days after the rating. */
export const FOLLOW_UP_WORKING_DAYS = 10;

/** 承诺办结日期: the item's promised working days after the day of acceptance (0 = the same day). */
export function promisedBy(acceptedAt: Date, promisedDays: number): string {
  return addWorkingDays(shanghaiDate(acceptedAt), promisedDays);
}

/** The rectification deadline of a rating given at `ratedAt`. */
export function followUpBy(ratedAt: Date): string {
  return addWorkingDays(shanghaiDate(ratedAt), FOLLOW_UP_WORKING_DAYS);
}

/** What a resident who gave a bad rating is told: someone will follow it up, and by when. */
export function followUpMessage(dueBy: string): string {
  return `很抱歉这次没有让您满意。您的评价已转给中心负责人，${formatMonthDay(dueBy)}前会联系您了解情况并整改，整改结果会告诉您。`;
}
