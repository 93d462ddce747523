// The booking page asks one question per screen: 去哪里 → 哪一天 → 几点 → 确认. The step is not
// stored: it follows from what has been chosen, so "上一步" only has to forget the last choice.

export interface BookingChoice {
  centerId: string;
  date: string;
  slotStart: string;
}

export type BookingStep = 'center' | 'day' | 'slot' | 'confirm';

export const EMPTY_CHOICE: BookingChoice = { centerId: '', date: '', slotStart: '' };

export function currentStep(choice: BookingChoice): BookingStep {
  if (choice.centerId === '') return 'center';
  if (choice.date === '') return 'day';
  if (choice.slotStart === '') return 'slot';
  return 'confirm';
}

/** Forgets the last choice; the centre too unless it is fixed (a reschedule stays at its centre). */
export function stepBack(choice: BookingChoice, centerFixed: boolean): BookingChoice {
  switch (currentStep(choice)) {
    case 'confirm':
      return { ...choice, slotStart: '' };
    case 'slot':
      return { ...choice, date: '' };
    case 'day':
      return centerFixed ? choice : { ...choice, centerId: '' };
    default:
      return choice;
  }
}

/** Whether "上一步" has somewhere to go on this page. */
export function canStepBack(choice: BookingChoice, centerFixed: boolean): boolean {
  const step = currentStep(choice);
  return step === 'confirm' || step === 'slot' || (step === 'day' && !centerFixed);
}

const TITLES: Record<BookingStep, string> = {
  center: '选择去哪里办',
  day: '选择哪一天去',
  slot: '选择几点去',
  confirm: '核对后确认',
};

/** "第2步，共4步" and the question; a reschedule has no centre step (3 steps). */
export function stepHeading(step: BookingStep, centerFixed: boolean): { progress: string; title: string } {
  const steps: BookingStep[] = centerFixed ? ['day', 'slot', 'confirm'] : ['center', 'day', 'slot', 'confirm'];
  const index = Math.max(0, steps.indexOf(step));
  return { progress: `第${index + 1}步，共${steps.length}步`, title: TITLES[step] };
}
