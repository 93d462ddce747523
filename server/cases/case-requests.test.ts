import { acceptCaseBody, declineBody, ratingBody, rejectBody, supplementBody } from './case-requests';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;
const id = '3f9c2a7e-5b1d-4e08-9a41-0c6d2b7f8e15';

describe('case request bodies', () => {
  it('accept: a booking id or a ticket number, not both, not neither', () => {
    expect(ok(acceptCaseBody, { bookingId: id })).toBe(true);
    expect(ok(acceptCaseBody, { ticketNumber: 3 })).toBe(true);
    expect(ok(acceptCaseBody, { ticketNumber: 3, itemId: id })).toBe(true);
    expect(ok(acceptCaseBody, {})).toBe(false);
    expect(ok(acceptCaseBody, { bookingId: id, ticketNumber: 3 })).toBe(false);
    expect(ok(acceptCaseBody, { bookingId: id, itemId: id })).toBe(false);
    expect(ok(acceptCaseBody, { ticketNumber: 0 })).toBe(false);
    expect(ok(acceptCaseBody, { ticketNumber: '3' })).toBe(false);
  });

  it('supplement: 1–20 named materials of at most 100 characters, no duplicates', () => {
    expect(supplementBody.parse({ missing: [' 户口簿原件 ', '近期免冠照片'] })).toEqual({ missing: ['户口簿原件', '近期免冠照片'] });
    expect(ok(supplementBody, { missing: [] })).toBe(false);
    expect(ok(supplementBody, { missing: ['  '] })).toBe(false);
    expect(ok(supplementBody, { missing: ['a'.repeat(101)] })).toBe(false);
    expect(ok(supplementBody, { missing: Array.from({ length: 21 }, (_, i) => `材料${i}`) })).toBe(false);
    expect(ok(supplementBody, { missing: Array.from({ length: 20 }, (_, i) => `材料${i}`) })).toBe(true);
    expect(ok(supplementBody, { missing: ['户口簿', '户口簿'] })).toBe(false);
  });

  it('reject and decline need a reason', () => {
    expect(ok(rejectBody, {})).toBe(false);
    expect(ok(rejectBody, { reason: ' ' })).toBe(false);
    expect(ok(rejectBody, { reason: '不符合申请条件' })).toBe(true);
    expect(ok(declineBody, { reason: '当天窗口停办该事项' })).toBe(true);
    expect(ok(declineBody, { reason: 'x'.repeat(201) })).toBe(false);
  });

  it('rating: level 1–5, known indicators once each, comment ≤ 300', () => {
    expect(ok(ratingBody, { level: 5, indicators: ['attitude', 'one_visit'] })).toBe(true);
    expect(ok(ratingBody, { level: 1, indicators: [], comment: '等了很久' })).toBe(true);
    expect(ok(ratingBody, { level: 0, indicators: [] })).toBe(false);
    expect(ok(ratingBody, { level: 6, indicators: [] })).toBe(false);
    expect(ok(ratingBody, { level: 4.5, indicators: [] })).toBe(false);
    expect(ok(ratingBody, { level: 4, indicators: ['speed'] })).toBe(false);
    expect(ok(ratingBody, { level: 4, indicators: ['attitude', 'attitude'] })).toBe(false);
    expect(ok(ratingBody, { level: 4, indicators: [], comment: '好'.repeat(301) })).toBe(false);
    expect(ok(ratingBody, { level: 4 })).toBe(false);
  });
});
