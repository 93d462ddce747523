import { canStepBack, currentStep, EMPTY_CHOICE, stepBack, stepHeading } from './bookingFlow';

const chosen = { centerId: 'c', date: '2026-12-02', slotStart: '2026-12-02T09:30:00+08:00' };

describe('booking steps', () => {
  it('follows from what has been chosen', () => {
    expect(currentStep(EMPTY_CHOICE)).toBe('center');
    expect(currentStep({ ...EMPTY_CHOICE, centerId: 'c' })).toBe('day');
    expect(currentStep({ ...chosen, slotStart: '' })).toBe('slot');
    expect(currentStep(chosen)).toBe('confirm');
  });

  it('goes back one question at a time', () => {
    expect(stepBack(chosen, false)).toEqual({ ...chosen, slotStart: '' });
    expect(stepBack({ ...chosen, slotStart: '' }, false)).toEqual({ ...chosen, date: '', slotStart: '' });
    expect(stepBack({ ...EMPTY_CHOICE, centerId: 'c' }, false)).toEqual(EMPTY_CHOICE);
  });

  it('keeps a fixed centre (reschedule)', () => {
    const day = { ...EMPTY_CHOICE, centerId: 'c' };
    expect(stepBack(day, true)).toEqual(day);
    expect(canStepBack(day, true)).toBe(false);
    expect(canStepBack(day, false)).toBe(true);
    expect(canStepBack(EMPTY_CHOICE, false)).toBe(false);
  });

  it('numbers the steps', () => {
    expect(stepHeading('day', false)).toEqual({ progress: '第2步，共4步', title: '选择哪一天去' });
    expect(stepHeading('day', true)).toEqual({ progress: '第1步，共3步', title: '选择哪一天去' });
  });
});
