import { allowedActions, CASE_STATUSES, isFinal, nextStatus, undoDeadline } from './case-machine';

describe('case state machine', () => {
  it('allows exactly these steps from each status', () => {
    expect(Object.fromEntries(CASE_STATUSES.map((s) => [s, allowedActions(s)]))).toEqual({
      accepted: ['supplement', 'forward', 'complete', 'reject'],
      needs_supplement: ['supplemented', 'reject'],
      forwarded: ['supplement', 'complete', 'reject'],
      completed: [],
      rejected: [],
    });
  });

  it('supplement and back', () => {
    expect(nextStatus('accepted', 'supplement')).toBe('needs_supplement');
    expect(nextStatus('needs_supplement', 'supplemented')).toBe('accepted');
  });

  it('cannot complete while materials are missing, nor change a final case', () => {
    expect(nextStatus('needs_supplement', 'complete')).toBeNull();
    expect(nextStatus('completed', 'reject')).toBeNull();
    expect(nextStatus('rejected', 'complete')).toBeNull();
    expect(isFinal('completed')).toBe(true);
    expect(isFinal('rejected')).toBe(true);
    expect(isFinal('forwarded')).toBe(false);
  });
});

describe('undoDeadline', () => {
  const at = '2026-12-01T10:00:00+08:00';
  it('is two minutes after the caller\'s own step', () => {
    expect(undoDeadline({ at, byMe: true }, new Date('2026-12-01T02:01:59Z'))?.toISOString()).toBe('2026-12-01T02:02:00.000Z');
    expect(undoDeadline({ at, byMe: true }, new Date('2026-12-01T02:02:00Z'))?.toISOString()).toBe('2026-12-01T02:02:00.000Z');
  });
  it('is null after that, for someone else\'s step, or without a step', () => {
    expect(undoDeadline({ at, byMe: true }, new Date('2026-12-01T02:02:01Z'))).toBeNull();
    expect(undoDeadline({ at, byMe: false }, new Date('2026-12-01T02:00:30Z'))).toBeNull();
    expect(undoDeadline(null, new Date('2026-12-01T02:00:30Z'))).toBeNull();
  });
});
