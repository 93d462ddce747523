import { homeActions } from './homeActions';
import { routes } from './routes';

describe('homeActions', () => {
  it('offers the guide, booking, my bookings and progress, in that order', () => {
    expect(homeActions().map((a) => [a.label, a.url])).toEqual([
      ['办事指南', routes.catalogue()],
      ['预约办事', routes.book()],
      ['我的预约', routes.bookings()],
      ['办理进度', routes.bookings()],
    ]);
  });

  it('starts booking at my centre', () => {
    expect(homeActions('c-1')[1]?.url).toBe(routes.book({ centerId: 'c-1' }));
  });
});
