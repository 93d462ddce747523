import fc from 'fast-check';
import { isValidResidentId, normaliseResidentId, residentIdCheckChar, residentIdProblem } from './resident-id';

describe('resident ID number (GB 11643)', () => {
  it('accepts the standard example and its lower-case x form', () => {
    // the example of GB 11643-1999 and a number ending in X
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId(' 440524 19800101 0013 ')).toBe(true);
  });

  it('names what is wrong', () => {
    expect(residentIdProblem('1101051949123100')).toBe('shape');
    expect(residentIdProblem('01010519491231002X')).toBe('shape');
    expect(residentIdProblem('110105194902300027')).toBe('birth_date');
    expect(residentIdProblem('110105189912310021')).toBe('birth_date');
    expect(residentIdProblem('110105194912310021')).toBe('checksum');
  });

  it('normalises spaces and case only', () => {
    expect(normaliseResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  const first17 = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
    .map(([area, birth, seq]) => `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`);

  it('every number with its computed check character is valid', () => {
    fc.assert(fc.property(first17, (head) => isValidResidentId(head + residentIdCheckChar(head))));
  });

  it('any single wrong digit or a wrong check character is caught', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (head, at, delta) => {
        const id = head + residentIdCheckChar(head);
        const changed = id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1);
        // a changed digit either breaks the shape / date or the checksum: never valid
        return !isValidResidentId(changed);
      }),
    );
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (head, ch) => ch === residentIdCheckChar(head) || !isValidResidentId(head + ch)),
    );
  });
});

describe('the contract field', () => {
  it('normalises a good number and refuses a bad one with the plain message', async () => {
    const { residentIdNumber } = await import('../contract/family');
    expect(residentIdNumber.parse(' 11010519491231002x')).toBe('11010519491231002X');
    const bad = residentIdNumber.safeParse('110105194912310021');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('身份证号有一位输错了，请对着身份证再核对一遍');
  });
});
