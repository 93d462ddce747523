import Taro from '@tarojs/taro';
import { fetchCatalogueFacets } from './fetchCatalogueFacets';
import { fetchCenter } from './fetchCenter';
import { fetchCenters } from './fetchCenters';
import { fetchDayAvailability } from './fetchDayAvailability';
import { fetchItem } from './fetchItem';
import { fetchItems } from './fetchItems';

const request = Taro.request as unknown as jest.Mock;

function answerWith(data: unknown): void {
  request.mockResolvedValueOnce({ statusCode: 200, data, header: {}, errMsg: 'request:ok' });
}

function lastUrl(): string {
  const call = request.mock.calls.at(-1) as [{ url: string }] | undefined;
  return call?.[0].url ?? '';
}

afterEach(() => request.mockReset());

describe('catalogue services', () => {
  it('fetchCenters unwraps the list', async () => {
    answerWith({ centers: [{ id: 'c1' }] });
    await expect(fetchCenters({ kind: 'station' })).resolves.toEqual({ data: [{ id: 'c1' }], savedAt: null });
    expect(lastUrl()).toBe('/api/centers?kind=station');
  });

  it('fetchCenter and fetchItem escape the id', async () => {
    answerWith({ id: 'a/b' });
    await fetchCenter('a/b');
    expect(lastUrl()).toBe('/api/centers/a%2Fb');
    answerWith({ id: 'i1' });
    await fetchItem('i1');
    expect(lastUrl()).toBe('/api/items/i1');
  });

  it('fetchItems sends filters and paging, defaulting to 20 from 0', async () => {
    answerWith({ total: 1, limit: 20, offset: 0, rows: [{ id: 'i1' }] });
    const { data: page } = await fetchItems({ q: '低保', category: '', center: 'c1' });
    expect(page.rows).toHaveLength(1);
    expect(lastUrl()).toBe('/api/items?q=%E4%BD%8E%E4%BF%9D&center=c1&limit=20&offset=0');
  });

  it('fetchCatalogueFacets asks for one centre when given', async () => {
    answerWith({ categories: [], departments: [] });
    await fetchCatalogueFacets('c1');
    expect(lastUrl()).toBe('/api/catalogue/facets?center=c1');
  });

  it('fetchDayAvailability asks for one day and picks it out', async () => {
    const day = { date: '2026-12-01', weekday: 2, open: true, reason: null, slots: [] };
    answerWith({ centerId: 'c1', itemId: 'i1', from: '2026-12-01', to: '2026-12-01', scheduleKnown: true, days: [day] });
    await expect(fetchDayAvailability({ centerId: 'c1', itemId: 'i1', date: '2026-12-01' })).resolves.toEqual({ data: day, savedAt: null });
    expect(lastUrl()).toBe('/api/availability?center=c1&item=i1&from=2026-12-01&to=2026-12-01');
    answerWith({ days: [] });
    await expect(fetchDayAvailability({ centerId: 'c1', itemId: 'i1', date: '2026-12-01' })).resolves.toEqual({ data: null, savedAt: null });
  });
});
