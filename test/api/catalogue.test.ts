// API layer: the catalogue endpoints over HTTP, against a real database, through both data
// paths: the direct one (PGlite or PostgreSQL) and supabase-js talking to a PostgREST
// stand-in on 127.0.0.1 that runs the calls on the same database.
import type {
  BundleDetail,
  BundleSummary,
  CatalogueFacets,
  CenterDetail,
  CenterSummary,
  Health,
  ItemDetail,
  ItemSearchPage,
  ItemSummary,
  Page,
} from '../../server/contract/catalogue';
import type { Database } from '../../server/db/database';
import { openSupabase } from '../../server/db/supabase';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type FakePostgrest, startFakePostgrest } from '../support/fake-postgrest';

const SUPABASE = { anonKey: 'test-anon-key', jwtSecret: 'test-jwt-secret-that-is-at-least-32-chars' };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let t: TestDatabase;
let postgrest: FakePostgrest;
let supabaseDb: Database;

beforeAll(async () => {
  console.info(`API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  postgrest = await startFakePostgrest(t.db, SUPABASE);
  supabaseDb = openSupabase({ url: postgrest.url, ...SUPABASE });
});

afterAll(async () => {
  await supabaseDb?.close();
  await postgrest?.close();
  await t?.drop();
});

describe.each(['direct', 'supabase'] as const)('catalogue API (%s data path)', (path) => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi(path === 'direct' ? t.db : supabaseDb);
  });
  afterAll(async () => api?.close());

  it('reports health with the backend and migration version', async () => {
    const { status, body } = await api.get<Health>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', backend: path === 'direct' ? t.db.backend : 'supabase', mode: 'development' });
    expect(body.migration).toMatch(/^\d{14}$/);
  });

  it('lists the 32 township centres and 16 stations', async () => {
    const { status, body } = await api.get<{ centers: CenterSummary[] }>('/api/centers');
    expect(status).toBe(200);
    expect(body.centers.filter((c) => c.kind === 'center')).toHaveLength(32);
    expect(body.centers.filter((c) => c.kind === 'station')).toHaveLength(16);
    expect(body.centers.every((c) => c.countyCode === '511922' && c.itemCount > 0)).toBe(true);
    const stations = await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=station');
    expect(stations.body.centers.every((c) => c.kind === 'station' && c.parentCenterId)).toBe(true);
  });

  it('finds a centre by township name and shows its details', async () => {
    const found = await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河')}`);
    expect(found.body.centers.length).toBeGreaterThan(0);
    const center = found.body.centers[0]!;
    const { status, body } = await api.get<CenterDetail>(`/api/centers/${center.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: center.id, name: center.name, address: expect.any(String), phone: expect.any(String) });
    expect(body.openingHours.length).toBeGreaterThan(0);
    expect(body.openingHours[0]).toEqual({ weekday: expect.any(Number), opens: expect.stringMatching(/^\d\d:\d\d$/), closes: expect.stringMatching(/^\d\d:\d\d$/) });
  });

  it('links a station to its centre and back', async () => {
    const { body } = await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=station');
    const station = await api.get<CenterDetail>(`/api/centers/${body.centers[0]!.id}`);
    expect(station.body.parent?.id).toBe(body.centers[0]!.parentCenterId);
    const parent = await api.get<CenterDetail>(`/api/centers/${station.body.parent!.id}`);
    expect(parent.body.stations.map((s) => s.id)).toContain(station.body.id);
  });

  it('searches the catalogue by the words people use', async () => {
    const { status, body } = await api.get<Page<ItemSummary>>(`/api/items?q=${encodeURIComponent('低保')}`);
    expect(status).toBe(200);
    expect(body.rows.some((r) => r.name.includes('最低生活保障'))).toBe(true);
    expect(body.rows[0]).toMatchObject({ categoryLabel: expect.any(String), handlingModeLabel: expect.any(String), department: { code: expect.any(String), name: expect.any(String) } });
  });

  it('forgives pinyin and homophones', async () => {
    const typed = await api.get<ItemSearchPage>('/api/items?q=dibao');
    expect(typed.body.soundsLike).toBe(false);
    const names = typed.body.rows.map((r) => r.name);
    expect(names).toContain('最低生活保障申请');
    // a word starting a name ranks before the same sounds found across words (异地报销 = yi-di-bao-xiao)
    const across = names.indexOf('基本医疗保险异地就医备案');
    if (across >= 0) expect(names.indexOf('最低生活保障申请')).toBeLessThan(across);
    const initials = await api.get<ItemSearchPage>('/api/items?q=zdshbz');
    expect(initials.body.rows[0]?.name).toBe('最低生活保障申请');
    // a homophone typed by mistake: nothing matches as typed, so names that sound the same do
    const homophone = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('低包')}`);
    expect(homophone.body.soundsLike).toBe(true);
    expect(homophone.body.rows.map((r) => r.name)).toContain('最低生活保障申请');
    // what matches as typed is never mixed with sound-alikes
    const exact = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('低保')}`);
    expect(exact.body.soundsLike).toBe(false);
    const nothing = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('火箭发射')}`);
    expect(nothing.body).toMatchObject({ total: 0, rows: [], soundsLike: false, bundles: [] });
  });

  it('shows 一件事 bundles with the first page of a search, and each bundle whole', async () => {
    const search = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('上户口')}`);
    expect(search.body.bundles.map((b) => b.name)).toEqual(['新生儿出生一件事']);
    const second = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('低保')}&offset=20`);
    expect(second.body.bundles).toEqual([]);
    const byPinyin = await api.get<ItemSearchPage>('/api/items?q=xinshenger');
    expect(byPinyin.body.bundles.map((b) => b.name)).toContain('新生儿出生一件事');

    const all = await api.get<{ bundles: BundleSummary[] }>('/api/bundles');
    expect(all.body.bundles.length).toBeGreaterThanOrEqual(4);
    const newborn = all.body.bundles.find((b) => b.code === 'YJS-001')!;
    expect(newborn.items.map((i) => i.name)).toEqual(['新生儿出生登记', '新生儿参加城乡居民医保', '出生医学证明办理咨询', '育儿补贴申领']);

    const { status, body } = await api.get<BundleDetail>(`/api/bundles/${newborn.id}`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(4);
    expect(body.items.every((i) => i.materials.length > 0 && i.materials.every((m) => m.formLabel))).toBe(true);
    // only centres that offer every item (户籍 is handled in the large towns only)
    expect(body.centers.length).toBeGreaterThan(0);
    for (const c of body.centers) {
      const offered = await api.get<Page<ItemSummary>>(`/api/items?center=${c.id}&limit=100&q=${encodeURIComponent('新生儿出生登记')}`);
      expect(offered.body.total).toBe(1);
    }
    const atStation = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=station')).body.centers[0]!;
    expect((await api.get<{ bundles: BundleSummary[] }>(`/api/bundles?center=${atStation.id}`)).body.bundles.find((b) => b.code === 'YJS-001')).toBeUndefined();

    const missing = await api.get<ErrorBody>('/api/bundles/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('BUNDLE_NOT_FOUND');
  });

  it('gives centres their coordinates for the nearest-centre button', async () => {
    const { body } = await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center');
    expect(body.centers.every((c) => typeof c.latitude === 'number' && typeof c.longitude === 'number')).toBe(true);
    expect(body.centers.every((c) => c.latitude! > 31 && c.latitude! < 33.5 && c.longitude! > 106 && c.longitude! < 108)).toBe(true);
  });

  it('pages through the whole catalogue of at least 250 items', async () => {
    const first = await api.get<Page<ItemSummary>>('/api/items?limit=100');
    expect(first.body.total).toBeGreaterThanOrEqual(250);
    expect(first.body.rows).toHaveLength(100);
    const last = await api.get<Page<ItemSummary>>(`/api/items?limit=100&offset=${first.body.total - 5}`);
    expect(last.body.rows).toHaveLength(5);
  });

  it('filters by category, department and centre', async () => {
    const facets = await api.get<CatalogueFacets>('/api/catalogue/facets');
    expect(facets.body.categories.map((c) => c.value).sort()).toEqual(['confirmation', 'convenience', 'other_power', 'permit', 'public_service']);
    expect(facets.body.categories.find((c) => c.value === 'permit')?.label).toBe('行政许可');
    const permits = await api.get<Page<ItemSummary>>('/api/items?category=permit&limit=100');
    expect(permits.body.total).toBe(facets.body.categories.find((c) => c.value === 'permit')!.count);
    expect(permits.body.rows.every((r) => r.category === 'permit')).toBe(true);
    const dept = facets.body.departments[0]!;
    const byDept = await api.get<Page<ItemSummary>>(`/api/items?department=${dept.value}&limit=100`);
    expect(byDept.body.total).toBe(dept.count);

    const station = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=station')).body.centers[0]!;
    const atStation = await api.get<Page<ItemSummary>>(`/api/items?center=${station.id}&limit=1`);
    expect(atStation.body.total).toBe(station.itemCount);
  });

  it('shows an item guide with its materials checklist and the centres offering it', async () => {
    const list = await api.get<Page<ItemSummary>>(`/api/items?q=${encodeURIComponent('最低生活保障')}`);
    const { status, body } = await api.get<ItemDetail>(`/api/items/${list.body.rows[0]!.id}`);
    expect(status).toBe(200);
    expect(body.materials.length).toBeGreaterThan(0);
    expect(body.materials[0]).toMatchObject({ position: 1, name: expect.any(String), formLabel: expect.any(String), copies: expect.any(Number) });
    for (const m of body.materials) expect(m.requirement === 'conditional').toBe(m.condition !== null);
    expect(body.centers.length).toBeGreaterThan(0);
    expect(body.promisedDays).toBeLessThanOrEqual(body.legalDays);
    expect(body.fee).toEqual({ free: expect.any(Boolean), text: expect.any(String) });
  });

  it.each([
    ['/api/centers/00000000-0000-4000-8000-000000000000', 404, 'CENTER_NOT_FOUND'],
    ['/api/items/00000000-0000-4000-8000-000000000000', 404, 'ITEM_NOT_FOUND'],
    ['/api/items/123', 400, 'INVALID_ID'],
    ["/api/centers/1'%20or%201=1", 400, 'INVALID_ID'],
    ['/api/items?limit=abc', 422, 'VALIDATION_FAILED'],
    ['/api/items?limit=1000', 422, 'VALIDATION_FAILED'],
    ['/api/items?category=nonsense', 422, 'VALIDATION_FAILED'],
    ['/api/items?center=not-a-uuid', 422, 'VALIDATION_FAILED'],
    ['/api/centers?kind=market', 422, 'VALIDATION_FAILED'],
    [`/api/items?q=${'长'.repeat(51)}`, 422, 'VALIDATION_FAILED'],
    ['/api/nothing/here', 404, 'NOT_FOUND'],
    ['/api', 404, 'NOT_FOUND'],
  ])('GET %s → %d %s with a plain Chinese message', async (url, status, code) => {
    const res = await api.get<ErrorBody>(url);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|stack|syntax error|relation/i);
  });

  it('names the wrong field in Chinese', async () => {
    const res = await api.get<ErrorBody>('/api/items?limit=abc');
    expect(res.body.error.fields?.limit).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a method the route does not have, in JSON', async () => {
    const res = await api.get<ErrorBody>('/api/centers', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a huge body before reading it', async () => {
    const res = await api.get<ErrorBody>('/api/centers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ x: 'x'.repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('compresses large responses for slow networks', async () => {
    const res = await fetch(`${api.url}/api/centers`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { centers: unknown[] }).centers).toHaveLength(48);
  });
});

describe('the supabase-js adapter', () => {
  it('calls rpc with the anon key and a short-lived JWT for the caller role', async () => {
    postgrest.requests.length = 0;
    await supabaseDb.rpc('search_items', { p_q: '养老', p_limit: 5, p_center: undefined }, { role: 'anon', claims: {} });
    const [req] = postgrest.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/rest/v1/rpc/search_items', body: { p_q: '养老', p_limit: 5 } });
    expect(req!.headers.apikey).toBe(SUPABASE.anonKey);
    const token = String(req!.headers.authorization).replace('Bearer ', '');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims.role).toBe('anon');
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(60);
  });

  it('maps PostgREST errors to database errors with their SQLSTATE', async () => {
    await expect(supabaseDb.rpc('get_item', { p_id: '00000000-0000-4000-8000-000000000000' }, { role: 'anon', claims: {} }))
      .rejects.toMatchObject({ name: 'DbError', sqlState: 'P0001', message: 'ITEM_NOT_FOUND' });
    await expect(supabaseDb.rpc('get_item', { p_id: 'x' }, { role: 'anon', claims: {} })).rejects.toMatchObject({ sqlState: '22P02' });
    await expect(supabaseDb.rpc('no_such_function', {}, { role: 'anon', claims: {} })).rejects.toMatchObject({ sqlState: 'PGRST202' });
  });

  it('answers 503 in plain words when Supabase cannot be reached', async () => {
    const unreachable = openSupabase({ url: 'http://127.0.0.1:9', ...SUPABASE });
    const api = await startApi(unreachable);
    try {
      const res = await api.get<ErrorBody>('/api/centers');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('UNAVAILABLE');
    } finally {
      await api.close();
      await unreachable.close();
    }
  });
});
