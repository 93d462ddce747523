import type { QueueTicket, StaffDayBooking } from '@contract/queue';
import { canUseWorkbench, clockText, dayGroups, durationText, normaliseCode, queueButtons, shanghaiDay, ticketTitle, undoText } from './workText';

const booking = (id: string, status: StaffDayBooking['status'], start: string): StaffDayBooking => ({
  id,
  status,
  slotStart: `2026-12-01T${start}:00+08:00`,
  slotEnd: `2026-12-01T${start.replace(':00', ':30')}:00+08:00`,
  itemId: 'i',
  itemName: '事项',
  windowName: '1号综合窗口',
  applicantName: '王*英',
  bookedVia: 'self',
  statusReason: null,
  checkedInAt: null,
  ticket: null,
  case: null,
});

const ticket = (over: Partial<QueueTicket>): QueueTicket =>
  ({ id: 't', number: 12, kind: 'walk_in', status: 'called', callCount: 1, applicantName: null, ...over }) as QueueTicket;

describe('workbench rules', () => {
  it('shows the workbench to staff and managers only', () => {
    expect(canUseWorkbench('staff')).toBe(true);
    expect(canUseWorkbench('manager')).toBe(true);
    expect(canUseWorkbench('resident')).toBe(false);
    expect(canUseWorkbench('admin')).toBe(false);
    expect(canUseWorkbench(undefined)).toBe(false);
  });

  it('puts pending bookings first and groups the rest by slot, leaving out cancelled ones', () => {
    const { pending, slots } = dayGroups([
      booking('a', 'confirmed', '09:00'),
      booking('b', 'booked', '09:00'),
      booking('c', 'checked_in', '09:00'),
      booking('d', 'cancelled', '10:00'),
      booking('e', 'confirmed', '10:00'),
    ]);
    expect(pending.map((b) => b.id)).toEqual(['b']);
    expect(slots.map((s) => [s.title, s.bookings.map((b) => b.id)])).toEqual([
      ['09:00–09:30', ['a', 'c']],
      ['10:00–10:30', ['e']],
    ]);
  });

  it('never offers 叫下一位 while someone is called but not served', () => {
    expect(queueButtons(null)).toEqual(['call_next']);
    expect(queueButtons(ticket({ status: 'called', callCount: 1 }))).toEqual(['serve', 'recall', 'missed', 'requeue']);
    expect(queueButtons(ticket({ status: 'called', callCount: 3 }))).toEqual(['serve', 'missed', 'requeue']);
    expect(queueButtons(ticket({ status: 'serving' }))).toEqual(['finish_and_next', 'finish']);
  });

  it('says what can be undone, only while it can', () => {
    const last = { action: 'call' as const, at: '2026-12-01T09:00:00+08:00', number: 12, undoUntil: '2026-12-01T09:02:00+08:00' };
    expect(undoText(last, new Date('2026-12-01T01:01:00Z'))).toBe('刚才叫了12号');
    expect(undoText(last, new Date('2026-12-01T01:03:00Z'))).toBe('');
    expect(undoText({ ...last, undoUntil: null }, new Date('2026-12-01T01:01:00Z'))).toBe('');
    expect(undoText(null, new Date())).toBe('');
  });

  it('formats times, durations, titles and codes', () => {
    expect(clockText('2026-12-01T09:30:00+08:00')).toBe('09:30');
    expect(clockText(null)).toBe('');
    expect(durationText(15 * 60)).toBe('15分钟');
    expect(durationText(75 * 60)).toBe('1小时15分钟');
    expect(durationText(null)).toBe('');
    expect(ticketTitle({ number: 3, kind: 'booking', applicantName: '王*英' })).toBe('3号 王*英');
    expect(ticketTitle({ number: 4, kind: 'walk_in', applicantName: null })).toBe('4号 现场取号');
    expect(normaliseCode(' 7k3m q2xp ')).toBe('7K3MQ2XP');
    expect(normaliseCode('7K3MQ2X')).toBe('');
    expect(normaliseCode('7K3MQ2XI')).toBe(''); // I is not in the code's alphabet
    expect(shanghaiDay(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(shanghaiDay(new Date('2026-12-01T01:00:00Z'), 1)).toBe('2026-12-02');
  });
});

describe('case steps', () => {
  it('offers only the steps the state machine allows', async () => {
    const { caseActions } = await import('./workText');
    expect(caseActions('accepted')).toEqual(['complete', 'supplement', 'forward', 'reject']);
    expect(caseActions('needs_supplement')).toEqual(['supplemented', 'reject']);
    expect(caseActions('forwarded')).toEqual(['complete', 'supplement', 'reject']);
    expect(caseActions('completed')).toEqual([]);
  });

  it('lists the missing materials: ticked first, typed ones split, no repeats', async () => {
    const { missingList } = await import('./workText');
    expect(missingList(['户口簿'], '一寸照片，户口簿\n 结婚证 ')).toEqual(['户口簿', '一寸照片', '结婚证']);
    expect(missingList([], '  ')).toEqual([]);
  });
});
