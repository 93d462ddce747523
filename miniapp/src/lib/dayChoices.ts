// What the booking page shows for "哪一天" and "几点": the next 14 days from availability, with
// closed days kept (greyed, with the server's reason: 国庆节放假, 周末休息, 已约满 …), and the slots
// of one day with the seats left.
import type { Availability, AvailabilityDay, AvailabilitySlot } from '@contract/booking';
import { addDays, dateText, dayName, partOfDay, shanghaiTime, slotLabel } from './bookingTime';

/** How many days the day list covers, today included. */
export const BOOKING_DAYS = 14;

/** The dates to ask availability for: today and the 13 days after it. */
export function bookingRange(today: string, days: number = BOOKING_DAYS): { from: string; to: string } {
  return { from: today, to: addDays(today, days - 1) };
}

export interface DayChoice {
  date: string;
  /** "12月2日" */
  dateText: string;
  /** "今天", "明天", "后天" or "周三" */
  dayText: string;
  /** true when at least one slot has a seat left */
  open: boolean;
  /** "还有12个号" on an open day; the reason on a closed one ("国庆节放假") */
  note: string;
  seatsLeft: number;
}

function seatsLeft(slots: readonly AvailabilitySlot[]): number {
  return slots.reduce((sum, s) => sum + Math.max(0, s.remaining), 0);
}

/** "还剩3个号"; 0 → "已约满". */
export function seatsText(remaining: number): string {
  return remaining > 0 ? `还剩${remaining}个号` : '已约满';
}

function closedNote(day: AvailabilityDay): string {
  const text = day.reason?.text.trim() ?? '';
  return text === '' ? '不能预约' : text;
}

/** One choice per day the server sent, in date order, open or not. */
export function dayChoices(availability: Pick<Availability, 'days'>, today: string): DayChoice[] {
  return [...availability.days]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((day) => {
      const left = seatsLeft(day.slots);
      const open = day.open && left > 0;
      return {
        date: day.date,
        dateText: dateText(day.date),
        dayText: dayName(day.date, today),
        open,
        // an "open" day whose seats all went since it was computed reads as full
        note: open ? `还有${left}个号` : day.open ? '已约满' : closedNote(day),
        seatsLeft: open ? left : 0,
      };
    });
}

/** The day to show first: the one asked for if it can still be booked, else none. */
export function preselectedDay(choices: readonly DayChoice[], wanted: string): string {
  return choices.some((c) => c.date === wanted && c.open) ? wanted : '';
}

export interface SlotChoice {
  start: string;
  end: string;
  /** "上午 9:30" */
  label: string;
  /** "还剩3个号" / "已约满" */
  seatsText: string;
  full: boolean;
}

export interface SlotGroup {
  /** 上午 / 中午 / 下午 / 晚上 */
  title: string;
  slots: SlotChoice[];
}

/** The slots of one day by part of day, earliest first; full slots kept (shown greyed). */
export function slotGroups(day: Pick<AvailabilityDay, 'slots'> | undefined): SlotGroup[] {
  if (!day) return [];
  const groups: SlotGroup[] = [];
  const sorted = [...day.slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const title = partOfDay(shanghaiTime(slot.start).hour);
    let group = groups.find((g) => g.title === title);
    if (!group) {
      group = { title, slots: [] };
      groups.push(group);
    }
    group.slots.push({
      start: slot.start,
      end: slot.end,
      label: slotLabel(slot.start),
      seatsText: seatsText(slot.remaining),
      full: slot.remaining <= 0,
    });
  }
  return groups;
}

/** The slot with this start (same instant, whatever the offset spelling), if still offered. */
export function findSlot(day: Pick<AvailabilityDay, 'slots'> | undefined, start: string): AvailabilitySlot | undefined {
  if (!day || start === '') return undefined;
  const at = Date.parse(start);
  return day.slots.find((s) => Date.parse(s.start) === at);
}
