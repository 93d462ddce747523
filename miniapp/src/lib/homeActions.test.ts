import { homeActions } from './homeActions';
import { urlOf } from './routes';

describe('homeActions', () => {
  it('offers the guide, booking, my bookings and progress, in that order', () => {
    expect(homeActions().map((a) => [a.label, a.url])).toEqual([
      ['办事指南', urlOf('catalogue')],
      ['预约办事', urlOf('book')],
      ['我的预约', urlOf('bookings')],
      ['办理进度', urlOf('bookings')],
    ]);
  });

  it('starts booking at my centre', () => {
    expect(homeActions('c-1')[1]?.url).toBe(urlOf('book', { center: 'c-1' }));
  });
});
