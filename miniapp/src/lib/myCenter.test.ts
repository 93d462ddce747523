import { findMyCenter, parseMyCenter, toMyCenter, townshipChoices } from './myCenter';

const shahe = { id: 'c1', name: '沙河镇便民服务中心', kind: 'center' as const, township: '沙河镇', phone: '0827-8251203' };
const station = { id: 's1', name: '沙河镇某村便民服务站', kind: 'station' as const, township: '沙河镇', phone: '' };
const changchi = { id: 'c2', name: '长赤镇便民服务中心', kind: 'center' as const, township: '长赤镇', phone: '' };

describe('my centre', () => {
  it('round-trips through storage and refuses other shapes', () => {
    expect(parseMyCenter(JSON.parse(JSON.stringify(toMyCenter(shahe))))).toEqual(shahe);
    expect(parseMyCenter({ id: 'x', name: 'y', kind: 'shop' })).toBeNull();
    expect(parseMyCenter({ id: '', name: 'y', kind: 'center' })).toBeNull();
    expect(parseMyCenter('')).toBeNull();
    expect(parseMyCenter({ id: 'x', name: 'y', kind: 'station' })).toEqual({ id: 'x', name: 'y', kind: 'station', township: '', phone: '' });
  });

  it('offers one township centre per township', () => {
    expect(townshipChoices([station, shahe, changchi, { ...shahe, id: 'c3' }]).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('finds the remembered centre only while it is listed', () => {
    expect(findMyCenter([shahe, changchi], toMyCenter(changchi))?.id).toBe('c2');
    expect(findMyCenter([shahe], toMyCenter(changchi))).toBeNull();
    expect(findMyCenter([shahe], null)).toBeNull();
  });
});
