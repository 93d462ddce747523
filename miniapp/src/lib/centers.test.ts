import { centerKindLabel, dialableNumber, groupCentersByKind } from './centers';

describe('groupCentersByKind', () => {
  it('puts township centres first, then stations, keeping server order', () => {
    const groups = groupCentersByKind([
      { id: 's1', kind: 'station' as const },
      { id: 'c1', kind: 'center' as const },
      { id: 'c2', kind: 'center' as const },
    ]);
    expect(groups.map((g) => [g.title, g.centers.map((c) => c.id)])).toEqual([
      ['乡镇便民服务中心', ['c1', 'c2']],
      ['便民服务站', ['s1']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupCentersByKind([{ kind: 'center' as const }]).map((g) => g.kind)).toEqual([
      'center',
    ]);
    expect(groupCentersByKind([])).toEqual([]);
  });
});

describe('centre text', () => {
  it('labels kinds', () => {
    expect(centerKindLabel('center')).toBe('中心');
    expect(centerKindLabel('station')).toBe('服务站');
  });

  it('keeps only what the dialler needs', () => {
    expect(dialableNumber('0817-8221234')).toBe('0817-8221234');
    expect(dialableNumber('0817 822 1234（工作日）')).toBe('08178221234');
  });
});
