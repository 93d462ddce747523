// Smoke test of the compiled WeChat output (dist/): pages render API data and navigate.
// Data comes from the fixtures, or from a real server when API_BASE is set.
import type { CenterSummary, ItemDetail, ItemSummary, Page } from '@contract/catalogue';
import {
  apiGet,
  ensureWeappBuild,
  findByClass,
  setupWeapp,
  type WeappHarness,
} from './simulate-shim';

let weapp: WeappHarness;
let centers: CenterSummary[];

beforeAll(async () => {
  ensureWeappBuild();
  weapp = setupWeapp();
  ({ centers } = await apiGet<{ centers: CenterSummary[] }>('/api/centers'));
}, 240_000);

const textOf = (page: { dom: HTMLElement }): string => page.dom.textContent ?? '';

describe('weapp: home page', () => {
  it('lists the service centres, township centres before stations', async () => {
    const page = weapp.openPage('pages/index/index');
    const first = centers[0]?.name ?? '';
    await weapp.waitFor(() => textOf(page).includes(first));

    const text = textOf(page);
    for (const center of centers) expect(text).toContain(center.name);
    const firstStation = centers.find((c) => c.kind === 'station');
    const lastCenter = [...centers].reverse().find((c) => c.kind === 'center');
    if (firstStation && lastCenter) {
      expect(text.indexOf(lastCenter.name)).toBeLessThan(text.indexOf(firstStation.name));
    }
    expect(text).toContain('演示数据');
    expect(weapp.requests.some((url) => url.startsWith('/api/centers'))).toBe(true);
    page.detach();
  });

  it('opens the centre page when a centre is tapped', async () => {
    const target = centers[0];
    if (!target) throw new Error('no centres to show');
    const page = weapp.openPage('pages/index/index');
    const findCard = (): Element | undefined =>
      findByClass(page.dom, 'center-card').find((el) => (el.textContent ?? '').includes(target.name));
    await weapp.waitFor(() => findCard() !== undefined);

    weapp.tap(findCard() as Element);
    await weapp.waitFor(() => weapp.navigations.length > 0);
    expect(weapp.navigations.at(-1)).toBe(
      `/pages/center/index?id=${encodeURIComponent(target.id)}`,
    );
    page.detach();
  });
});

describe('weapp: item page', () => {
  it('renders the materials checklist', async () => {
    const { rows } = await apiGet<Page<ItemSummary>>('/api/items?limit=1');
    const summary = rows[0];
    if (!summary) throw new Error('no items to show');
    const item = await apiGet<ItemDetail>(`/api/items/${encodeURIComponent(summary.id)}`);

    const page = weapp.openPage('pages/item/index', { id: item.id });
    await weapp.waitFor(() => textOf(page).includes('要带的材料'));

    const text = textOf(page);
    expect(text).toContain(item.name);
    for (const material of item.materials) expect(text).toContain(material.name);
    if (!process.env.API_BASE) {
      // the fixture item has one line of each kind
      expect(text).toContain('原件及复印件');
      expect(text).toContain('必需');
      expect(text).toContain('视情况');
      expect(text).toContain('是否委托他人代办？');
      expect(text).toContain('最多跑一次');
    }
    page.detach();
  });
});
