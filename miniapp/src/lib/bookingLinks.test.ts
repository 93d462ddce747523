import { bookingDoneUrl, bookUrl, rescheduleUrl } from './bookingLinks';

describe('booking links', () => {
  it('opens the booking page for a reschedule at the same centre', () => {
    expect(rescheduleUrl({ id: 'b1', itemId: 'i1', centerId: 'c1' })).toBe('/pages/book/index?item=i1&center=c1&reschedule=b1');
  });
  it('opens a booking with what was just done', () => {
    expect(bookingDoneUrl('b1', 'booked')).toBe('/pages/booking/index?id=b1&done=booked');
  });
  it('leaves out empty parameters of the page URL', () => {
    expect(bookUrl('i1', '', '')).toBe('/pages/book/index?item=i1');
  });
});
