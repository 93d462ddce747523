import { canUseWorkbench } from './workEntry';

it('shows the workbench entry to staff and managers only', () => {
  expect(['staff', 'manager', 'resident', 'admin', 'agent', undefined].map(canUseWorkbench)).toEqual([true, true, false, false, false, false]);
});
