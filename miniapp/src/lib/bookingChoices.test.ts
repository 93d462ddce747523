import { applicantChoices, awaitingConsent, centersLastUsedFirst, preselectedCenter, type Person } from './bookingChoices';

const centers = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('preselectedCenter', () => {
  it('takes the last-used centre when it offers the item', () => {
    expect(preselectedCenter(centers, 'b')).toBe('b');
  });
  it('lets the person choose when the last one does not offer it, or none was used', () => {
    expect(preselectedCenter(centers, 'z')).toBe('');
    expect(preselectedCenter(centers, '')).toBe('');
  });
  it('takes the only centre there is', () => {
    expect(preselectedCenter([{ id: 'a' }], '')).toBe('a');
    expect(preselectedCenter([], 'a')).toBe('');
  });
  it('lists the last-used centre first', () => {
    expect(centersLastUsedFirst(centers, 'c').map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(centersLastUsedFirst(centers, 'z').map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('applicantChoices', () => {
  const people: Person[] = [
    { id: 'm', name: '王秀英', relation: 'family', consented: true },
    { id: 's', name: '李强', relation: 'self', consented: true },
    { id: 'x', name: '陈德福', relation: 'agent_client', consented: false },
  ];

  it('puts the caller first, then people who consented', () => {
    expect(applicantChoices(people)).toEqual([
      { id: 's', label: '本人（李强）', self: true },
      { id: 'm', label: '王秀英（家人）', self: false },
    ]);
  });

  it('names people still to consent', () => {
    expect(awaitingConsent(people).map((p) => p.name)).toEqual(['陈德福']);
  });
});
