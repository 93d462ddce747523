// Slot generation and the day's bookability: from a centre's capacity templates, per-date
// overrides and closures, and the official calendar, which slots a date has and whether a
// resident may book one now. Pure: `now` and all data come in as arguments.
import { dayStatus } from '../calendar/working-days';
import {
  addDays,
  dateParts,
  formatMonthDay,
  parseInstant,
  shanghaiDate,
  shanghaiInstantAtMinute,
  timeToMinutes,
  toShanghaiIso,
} from '../calendar/shanghai-time';

export interface CapacityTemplate {
  id: string;
  windowId: string;
  /** null = all items the window serves */
  itemIds: string[] | null;
  /** ISO 1..7 */
  weekday: number;
  /** 'HH:mm' */
  starts: string;
  ends: string;
  /** 10..240; when it does not divide the session, the last partial slot is dropped */
  slotMinutes: number;
  /** seats per slot (>= 0) */
  seats: number;
  /** of those, kept for walk-ins (not bookable online), 0..seats */
  walkInSeats: number;
  /** inclusive dates, null = open-ended */
  validFrom: string | null;
  validTo: string | null;
}

export interface Closure {
  date: string;
  /** null = whole centre */
  windowId: string | null;
  reason: string;
}

/**
 * Replaces that window's templates on that date (e.g. an extra session before Spring
 * Festival); an empty array = the window is closed that day.
 */
export interface DateOverride {
  date: string;
  windowId: string;
  templates: Omit<CapacityTemplate, 'id' | 'weekday' | 'validFrom' | 'validTo' | 'windowId'>[];
}

/**
 * Booking opens `openDaysAhead` days ahead (day 0 = today: 14 means today..today+14) and
 * closes `closeHoursBefore` hours before the slot starts.
 */
export interface BookingRules {
  openDaysAhead: number;
  closeHoursBefore: number;
}

export interface GeneratedSlot {
  windowId: string;
  /** ISO 8601 with +08:00 */
  startsAt: string;
  endsAt: string;
  seats: number;
  walkInSeats: number;
  itemIds: string[] | null;
}

export type ClosedReason =
  | { code: 'HOLIDAY'; text: string }
  | { code: 'WEEKEND'; text: string }
  | { code: 'NOT_OPEN_THIS_DAY'; text: string }
  | { code: 'CLOSURE'; text: string }
  | { code: 'PAST'; text: string }
  | { code: 'NOT_YET_OPEN'; text: string }
  | { code: 'NO_CAPACITY'; text: string };

export interface DayAvailability {
  date: string;
  open: boolean;
  reason: ClosedReason | null;
  slots: GeneratedSlot[];
}

/** Weekday whose templates an adjusted working day (调休) uses. */
export const ADJUSTED_WORKDAY_TEMPLATE_WEEKDAY = 1;

type SessionTemplate = DateOverride['templates'][number];

/**
 * The slots of one date, for one item (itemId) or for every item (null).
 *
 * - Statutory holiday: none. Whole-centre closure: none. A window's closure: none for it.
 * - A window's overrides for the date replace its templates (all overrides for that window
 *   and date together); otherwise the templates of the date's weekday, valid on the date.
 * - Adjusted working day (调休, a Saturday or Sunday made a working day): the templates of
 *   Monday (weekday 1). The State Council notice only says "上班", not which weekday's hours;
 *   a centre's Monday is its ordinary full working day (its own Saturday templates, if any,
 *   describe a reduced weekend service and do not apply). A centre that does not open on
 *   Mondays (e.g. a station open Tuesday and Friday) therefore has no slots that day.
 * - Slots with no seats at all are left out; slots whose seats are all walk-in are kept (the
 *   staff and the queue need them; `dayAvailability` hides them from online booking).
 * - Two templates of one window producing the same start time are a configuration error
 *   (slots are unique per window and start): the first one wins.
 * - Sorted by start, then window, then end.
 */
export function generateDaySlots(input: {
  date: string;
  templates: CapacityTemplate[];
  overrides: DateOverride[];
  closures: Closure[];
  itemId: string | null;
}): GeneratedSlot[] {
  const { date, templates, overrides, closures, itemId } = input;
  const status = dayStatus(date);
  if (status.kind === 'holiday') return [];
  if (closures.some((c) => c.date === date && c.windowId === null)) return [];

  const templateWeekday = status.kind === 'adjusted_workday' ? ADJUSTED_WORKDAY_TEMPLATE_WEEKDAY : status.weekday;
  const closedWindows = new Set(closures.filter((c) => c.date === date && c.windowId !== null).map((c) => c.windowId));

  const sessionsByWindow = new Map<string, SessionTemplate[]>();
  const overridden = new Set(overrides.filter((o) => o.date === date).map((o) => o.windowId));
  for (const o of overrides) {
    if (o.date !== date) continue;
    sessionsByWindow.set(o.windowId, [...(sessionsByWindow.get(o.windowId) ?? []), ...o.templates]);
  }
  for (const t of templates) {
    if (overridden.has(t.windowId)) continue;
    if (t.weekday !== templateWeekday || !isTemplateValidOn(t, date)) continue;
    sessionsByWindow.set(t.windowId, [...(sessionsByWindow.get(t.windowId) ?? []), t]);
  }

  const slots: GeneratedSlot[] = [];
  const seen = new Set<string>();
  for (const [windowId, sessions] of sessionsByWindow) {
    if (closedWindows.has(windowId)) continue;
    for (const session of sessions) {
      checkSession(session, windowId);
      if (!servesItem(session, itemId)) continue;
      for (const slot of sessionSlots(date, windowId, session)) {
        const key = `${windowId} ${slot.startsAt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        slots.push(slot);
      }
    }
  }
  return slots.sort(compareSlots);
}

/** Does the template apply on this date (validFrom ≤ date ≤ validTo, open ends)? */
export function isTemplateValidOn(t: Pick<CapacityTemplate, 'validFrom' | 'validTo'>, date: string): boolean {
  return (t.validFrom === null || t.validFrom <= date) && (t.validTo === null || date <= t.validTo);
}

/** Does this session serve the item? (null item = any; null itemIds = every item of the window) */
function servesItem(session: SessionTemplate, itemId: string | null): boolean {
  return itemId === null || session.itemIds === null || session.itemIds.includes(itemId);
}

function sessionSlots(date: string, windowId: string, s: SessionTemplate): GeneratedSlot[] {
  if (s.seats === 0) return [];
  const from = timeToMinutes(s.starts);
  const to = timeToMinutes(s.ends);
  const out: GeneratedSlot[] = [];
  for (let start = from; start + s.slotMinutes <= to; start += s.slotMinutes) {
    out.push({
      windowId,
      startsAt: toShanghaiIso(shanghaiInstantAtMinute(date, start)),
      endsAt: toShanghaiIso(shanghaiInstantAtMinute(date, start + s.slotMinutes)),
      seats: s.seats,
      walkInSeats: s.walkInSeats,
      itemIds: s.itemIds === null ? null : [...s.itemIds],
    });
  }
  return out;
}

/** Refuses a template the database would refuse too: such data is a bug, not a closed day. */
function checkSession(s: SessionTemplate, windowId: string): void {
  const where = `window ${windowId}, ${s.starts}–${s.ends}`;
  if (timeToMinutes(s.starts) >= timeToMinutes(s.ends)) throw new RangeError(`template ${where}: starts must be before ends`);
  if (!Number.isInteger(s.slotMinutes) || s.slotMinutes < 10 || s.slotMinutes > 240) {
    throw new RangeError(`template ${where}: slotMinutes ${s.slotMinutes} outside 10..240`);
  }
  if (!Number.isInteger(s.seats) || s.seats < 0) throw new RangeError(`template ${where}: seats ${s.seats}`);
  if (!Number.isInteger(s.walkInSeats) || s.walkInSeats < 0 || s.walkInSeats > s.seats) {
    throw new RangeError(`template ${where}: walkInSeats ${s.walkInSeats} outside 0..${s.seats}`);
  }
}

function compareSlots(a: GeneratedSlot, b: GeneratedSlot): number {
  // Every startsAt/endsAt carries +08:00 and the same layout, so text order is time order.
  return cmp(a.startsAt, b.startsAt) || cmp(a.windowId, b.windowId) || cmp(a.endsAt, b.endsAt);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Seats a resident may book online in this slot. */
export function onlineSeats(slot: Pick<GeneratedSlot, 'seats' | 'walkInSeats'>): number {
  return Math.max(0, slot.seats - slot.walkInSeats);
}

/**
 * Can a slot starting at `slotStart` be booked at `now`? Its Shanghai date must be within the
 * horizon (today … today + openDaysAhead) and it must start more than closeHoursBefore hours
 * after now: booking closes at that instant (the database's book() uses the same rule).
 */
export function isSlotBookable(slotStart: string | Date, now: Date, rules: BookingRules): boolean {
  const start = parseInstant(slotStart);
  const today = shanghaiDate(now);
  const day = shanghaiDate(start);
  if (day < today || day > addDays(today, rules.openDaysAhead)) return false;
  return start.getTime() - now.getTime() > rules.closeHoursBefore * 3600_000;
}

/**
 * Can a booking for a slot starting at `slotStart` still be cancelled at `now`? Until
 * cancelHoursBefore hours before the start, that instant excluded (as cancel_booking() in SQL).
 */
export function canStillCancel(slotStart: string | Date, now: Date, cancelHoursBefore: number): boolean {
  return parseInstant(slotStart).getTime() - now.getTime() > cancelHoursBefore * 3600_000;
}

/**
 * Whether a resident can book `itemId` on `date` at `now`, why not, and the slots they can.
 *
 * Reasons, first that applies wins: PAST (date before today) > HOLIDAY > CLOSURE of the whole
 * centre > NOT_YET_OPEN (after today + openDaysAhead) > WEEKEND / NOT_OPEN_THIS_DAY (the
 * centre has no session that day for any item) > CLOSURE of the windows serving the item >
 * NO_CAPACITY (no session for this item, or only walk-in seats) > PAST (every slot already
 * closed by closeHoursBefore, today or a later day).
 *
 * A weekend day on which the centre has templates (e.g. Saturday morning) is open. Slots
 * returned are those with online seats still bookable at `now`; they keep their walkInSeats.
 */
export function dayAvailability(input: {
  date: string;
  now: Date;
  rules: BookingRules;
  templates: CapacityTemplate[];
  overrides: DateOverride[];
  closures: Closure[];
  itemId: string;
  /** when the centre does not open on some weekdays, why: e.g. '逢赶场日开放' */
  scheduleNote?: string | null;
}): DayAvailability {
  const { date, now, rules, templates, overrides, closures, itemId, scheduleNote } = input;
  dateParts(date);
  const closed = (reason: ClosedReason): DayAvailability => ({ date, open: false, reason, slots: [] });
  const today = shanghaiDate(now);

  if (date < today) return closed({ code: 'PAST', text: '已过预约时间' });

  const status = dayStatus(date);
  if (status.kind === 'holiday') {
    return closed({ code: 'HOLIDAY', text: `${status.holidayName ?? '法定节假日'}放假` });
  }

  const centreClosure = closures.find((c) => c.date === date && c.windowId === null);
  if (centreClosure) return closed({ code: 'CLOSURE', text: centreClosure.reason });

  if (date > addDays(today, rules.openDaysAhead)) {
    const opensOn = addDays(date, -rules.openDaysAhead);
    return closed({ code: 'NOT_YET_OPEN', text: `该日期暂未开放预约，可于${formatMonthDay(opensOn)}起预约` });
  }

  const base = { date, templates, overrides };
  const noWindowClosures = closures.filter((c) => c.date !== date || c.windowId === null);

  if (generateDaySlots({ ...base, closures: noWindowClosures, itemId: null }).length === 0) {
    if (status.kind === 'weekend') return closed({ code: 'WEEKEND', text: '周末休息' });
    const text = scheduleNote ? `当日不开放（${scheduleNote}）` : '当日不开放，请选择其他日期';
    return closed({ code: 'NOT_OPEN_THIS_DAY', text });
  }

  const itemSlots = generateDaySlots({ ...base, closures, itemId });
  if (itemSlots.length === 0) {
    const withoutWindowClosures = generateDaySlots({ ...base, closures: noWindowClosures, itemId });
    if (withoutWindowClosures.length > 0) {
      const windows = new Set(withoutWindowClosures.map((s) => s.windowId));
      const closure = closures.find((c) => c.date === date && c.windowId !== null && windows.has(c.windowId));
      if (closure) return closed({ code: 'CLOSURE', text: closure.reason });
    }
    return closed({ code: 'NO_CAPACITY', text: '当日该事项无可预约时段' });
  }

  const online = itemSlots.filter((s) => onlineSeats(s) > 0);
  if (online.length === 0) {
    return closed({ code: 'NO_CAPACITY', text: '当日该事项不接受网上预约，请到窗口现场取号办理' });
  }

  const bookable = online.filter((s) => isSlotBookable(s.startsAt, now, rules));
  if (bookable.length === 0) return closed({ code: 'PAST', text: '已过预约时间' });

  return { date, open: true, reason: null, slots: bookable };
}
