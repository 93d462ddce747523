// Sample answers of the catalogue API (shapes from server/contract/catalogue.ts), used by the
// weapp smoke test when no real server is given in API_BASE. Invented data, like the demo seed.
import type {
  BundleDetail,
  BundleSummary,
  CatalogueFacets,
  CenterDetail,
  CenterSummary,
  ItemDetail,
  ItemSearchPage,
  ItemSummary,
} from '@contract/catalogue';

const countyCode = '511922';

export const fixtureCenters: CenterSummary[] = [
  {
    id: 'ctr-changchi',
    name: '长赤镇便民服务中心',
    kind: 'center',
    countyCode,
    township: '长赤镇',
    address: '南江县长赤镇正街1号（示例地址）',
    phone: '0827-0000001',
    isSample: true,
    parentCenterId: null,
    latitude: 32.4921,
    longitude: 106.9452,
    itemCount: 2,
  },
  {
    id: 'ctr-zhengzhi',
    name: '正直镇便民服务中心',
    kind: 'center',
    countyCode,
    township: '正直镇',
    address: '南江县正直镇新街8号（示例地址）',
    phone: '0827-0000002',
    isSample: true,
    parentCenterId: null,
    latitude: 32.5904,
    longitude: 106.5381,
    itemCount: 2,
  },
  {
    id: 'stn-changchi-shuangqiao',
    name: '长赤镇双桥村便民服务站',
    kind: 'station',
    countyCode,
    township: '长赤镇',
    address: '南江县长赤镇双桥村村委会（示例地址）',
    phone: '0827-0000011',
    isSample: true,
    parentCenterId: 'ctr-changchi',
    latitude: null,
    longitude: null,
    itemCount: 1,
  },
];

const weekdaySessions = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '12:00' },
  { weekday, opens: '14:00', closes: '17:30' },
]);

function centerDetail(summary: CenterSummary): CenterDetail {
  const isStation = summary.kind === 'station';
  const parent = fixtureCenters.find((c) => c.id === summary.parentCenterId) ?? null;
  return {
    ...summary,
    openingHours: isStation ? [{ weekday: 3, opens: '09:00', closes: '12:00' }] : weekdaySessions,
    scheduleNote: isStation ? '逢农历三、六、九赶场日开放（示例）' : null,
    parent: parent ? { id: parent.id, name: parent.name, kind: parent.kind } : null,
    stations: fixtureCenters
      .filter((c) => c.parentCenterId === summary.id)
      .map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
  };
}

export const fixtureItems: ItemSummary[] = [
  {
    id: 'itm-dibao',
    code: '511922-GG-0001',
    name: '最低生活保障申请',
    category: 'public_service',
    categoryLabel: '公共服务',
    department: { code: 'mzb', name: '民政办' },
    handlingMode: 'report_up',
    handlingModeLabel: '上报',
    legalDays: 30,
    promisedDays: 20,
    isSample: true,
  },
  {
    id: 'itm-yibao',
    code: '511922-BM-0002',
    name: '城乡居民医保参保登记',
    category: 'convenience',
    categoryLabel: '便民服务',
    department: { code: 'ybz', name: '医保服务站' },
    handlingMode: 'immediate',
    handlingModeLabel: '即办',
    legalDays: 5,
    promisedDays: 0,
    isSample: true,
  },
];

/** Everyday words people search with, like the real search's keywords. */
const fixtureKeywords: Record<string, string[]> = {
  'itm-dibao': ['低保'],
  'itm-yibao': ['医保'],
};

function matchesText(item: ItemSummary, q: string): boolean {
  if (q === '') return true;
  return (
    item.name.includes(q) ||
    item.department.name.includes(q) ||
    (fixtureKeywords[item.id] ?? []).some((word) => word.includes(q) || q.includes(word))
  );
}

export const fixtureItemDetails: Record<string, ItemDetail> = {
  'itm-dibao': {
    ...(fixtureItems[0] as ItemSummary),
    summary: '家庭收入低于当地低保标准的，可以申请每月领取低保金。',
    conditions: '持有本县户口，家庭人均收入和财产符合当地低保条件。',
    fee: { free: true, text: '' },
    maxVisits: 1,
    materials: [
      {
        id: 'mat-1',
        position: 1,
        name: '居民身份证',
        form: 'original_and_copy',
        formLabel: '原件及复印件',
        copies: 1,
        requirement: 'required',
        condition: null,
        notes: '家庭成员每人一份',
      },
      {
        id: 'mat-2',
        position: 2,
        name: '户口簿',
        form: 'original',
        formLabel: '原件',
        copies: 1,
        requirement: 'required',
        condition: null,
        notes: null,
      },
      {
        id: 'mat-3',
        position: 3,
        name: '委托书',
        form: 'original',
        formLabel: '原件',
        copies: 1,
        requirement: 'conditional',
        condition: '是否委托他人代办？',
        notes: null,
      },
    ],
    centers: [
      { id: 'ctr-changchi', name: '长赤镇便民服务中心', kind: 'center' },
      { id: 'ctr-zhengzhi', name: '正直镇便民服务中心', kind: 'center' },
    ],
  },
};

fixtureItemDetails['itm-yibao'] = {
  ...(fixtureItems[1] as ItemSummary),
  summary: '还没有参加城乡居民医疗保险的，可以在这里登记参保。',
  conditions: '本县户籍或居住证持有人，未参加职工医保。',
  fee: { free: false, text: '按当年个人缴费标准缴纳' },
  maxVisits: 0,
  materials: [
    {
      id: 'mat-4',
      position: 1,
      name: '居民身份证或户口簿',
      form: 'electronic',
      formLabel: '电子版',
      copies: 0,
      requirement: 'required',
      condition: null,
      notes: null,
    },
  ],
  centers: fixtureCenters.map(({ id, name, kind }) => ({ id, name, kind })),
};

export const fixtureFacets: CatalogueFacets = {
  categories: [
    { value: 'public_service', label: '公共服务', count: 1 },
    { value: 'convenience', label: '便民服务', count: 1 },
  ],
  departments: [
    { value: 'mzb', label: '民政办', count: 1 },
    { value: 'ybz', label: '医保服务站', count: 1 },
  ],
};

/** A 一件事 bundle of the two fixture items (both ask for the ID card: merged into one line). */
export const fixtureBundle: BundleDetail = {
  id: 'bdl-kunnan',
  code: 'YJS-002',
  name: '困难群众救助一件事',
  summary: '一次申请低保和医保参保。',
  isSample: true,
  items: [fixtureItemDetails['itm-dibao'] as ItemDetail, fixtureItemDetails['itm-yibao'] as ItemDetail],
  centers: [{ id: 'ctr-changchi', name: '长赤镇便民服务中心', kind: 'center' }],
};

export function bundleSummary(b: BundleDetail): BundleSummary {
  return { id: b.id, code: b.code, name: b.name, summary: b.summary, isSample: b.isSample, items: b.items.map((i) => ({ id: i.id, name: i.name })) };
}

export interface FixtureAnswer {
  statusCode: number;
  data: unknown;
}

const notFound = (message: string): FixtureAnswer => ({
  statusCode: 404,
  data: { error: { code: 'NOT_FOUND', message } },
});

/** Answers a GET like the real API would, from the fixtures above. */
export function answerFromFixtures(url: string): FixtureAnswer {
  const { pathname, searchParams } = new URL(url, 'http://fixtures.invalid');
  if (pathname === '/api/centers') {
    const kind = searchParams.get('kind');
    return {
      statusCode: 200,
      data: { centers: fixtureCenters.filter((c) => !kind || c.kind === kind) },
    };
  }
  const centerMatch = /^\/api\/centers\/([^/]+)$/.exec(pathname);
  if (centerMatch) {
    const summary = fixtureCenters.find((c) => c.id === decodeURIComponent(centerMatch[1] ?? ''));
    return summary ? { statusCode: 200, data: centerDetail(summary) } : notFound('没有找到该服务中心');
  }
  if (pathname === '/api/items') {
    const limit = Number(searchParams.get('limit') ?? 20);
    const offset = Number(searchParams.get('offset') ?? 0);
    const q = (searchParams.get('q') ?? '').trim();
    const category = searchParams.get('category');
    const department = searchParams.get('department');
    const center = searchParams.get('center');
    const rows = fixtureItems.filter(
      (item) =>
        matchesText(item, q) &&
        (!category || item.category === category) &&
        (!department || item.department.code === department) &&
        (!center || (fixtureItemDetails[item.id]?.centers ?? fixtureCenters).some((c) => c.id === center)),
    );
    const firstSearchPage = offset === 0 && q !== '' && !category && !department;
    const page: ItemSearchPage = {
      total: rows.length,
      limit,
      offset,
      rows: rows.slice(offset, offset + limit),
      bundles: firstSearchPage && (fixtureBundle.name.includes(q) || q === '低保') ? [bundleSummary(fixtureBundle)] : [],
      soundsLike: false,
    };
    return { statusCode: 200, data: page };
  }
  const itemMatch = /^\/api\/items\/([^/]+)$/.exec(pathname);
  if (itemMatch) {
    const item = fixtureItemDetails[decodeURIComponent(itemMatch[1] ?? '')];
    return item ? { statusCode: 200, data: item } : notFound('没有找到该事项');
  }
  if (pathname === '/api/bundles') return { statusCode: 200, data: { bundles: [bundleSummary(fixtureBundle)] } };
  if (pathname === `/api/bundles/${fixtureBundle.id}`) return { statusCode: 200, data: fixtureBundle };
  if (pathname === '/api/catalogue/facets') return { statusCode: 200, data: fixtureFacets };
  return notFound('没有这个接口');
}
