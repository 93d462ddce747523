// Smoke test of the compiled 目录管理 subpackage (dist/manage/): the item list, the item editor
// with its materials, and the import page choosing a file from a chat (chooseMessageFile),
// sending its bytes as application/octet-stream and showing the dry run's row problems.
// Fixtures only, with an in-memory wx storage holding an admin's session.
import type { AdminItem, AdminItemPage, ImportReport } from '../../server/contract/catalogue-admin';
import { byText, ensureWeappBuild, setupWeapp, type SimComponent, textOf, type WeappHarness } from './simulate-shim';

let weapp: WeappHarness;
const store = new Map<string, unknown>();
const sent: { method: string; url: string; data: unknown; header: Record<string, string> }[] = [];

type WxOptions = {
  url?: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (r: Record<string, unknown>) => void;
  fail?: (r: Record<string, unknown>) => void;
  complete?: (r: Record<string, unknown>) => void;
};

const item: AdminItem = {
  id: '00000000-0000-4000-8000-000000000001', code: 'MZ-001', name: '最低生活保障申请', category: 'confirmation',
  departmentCode: 'civil_affairs', departmentName: '县民政局', handlingMode: 'commitment', legalDays: 30, promisedDays: 20,
  feeText: '不收费', summary: '生活困难的可以申请低保。', conditions: '人均收入低于标准。', maxVisits: 1, keywords: '低保',
  popularity: 88, published: true, isSample: true, updatedAt: '2026-12-01T09:00:00+08:00',
  materials: [
    { name: '申请书', form: 'original', copies: 1, requirement: 'required', condition: null, notes: null },
    { name: '委托书', form: 'original', copies: 1, requirement: 'conditional', condition: '是否委托他人代办？', notes: null },
  ],
};
const page: AdminItemPage = {
  total: 2, limit: 30, offset: 0,
  rows: [
    { id: item.id, code: 'MZ-001', name: item.name, category: 'confirmation', departmentCode: 'civil_affairs', departmentName: '县民政局', published: true, materialCount: 2, isSample: true, updatedAt: item.updatedAt },
    { id: '00000000-0000-4000-8000-000000000002', code: 'MZ-002', name: '特困人员救助供养申请', category: 'confirmation', departmentCode: 'civil_affairs', departmentName: '县民政局', published: false, materialCount: 6, isSample: true, updatedAt: item.updatedAt },
  ],
};
const report: ImportReport = {
  dryRun: true, format: 'csv', encoding: 'gb18030', itemRows: 2, materialRows: 3, created: 1, updated: 0, unchanged: 0,
  materialsReplaced: true, rows: [{ code: 'A-1', status: 'created' }],
  errors: [{ sheet: '事项', row: 3, column: '实施部门', message: '没有“县外星局”这个实施部门：请填已有部门的名称，或先在“部门”里添加' }],
};

function answer(method: string, url: string): { statusCode: number; data: unknown } {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  if (method === 'GET' && path === '/api/admin/catalogue/items') return { statusCode: 200, data: page };
  if (method === 'GET' && path === `/api/admin/catalogue/items/${item.id}`) return { statusCode: 200, data: item };
  if (method === 'GET' && path === '/api/admin/catalogue/departments') {
    return { statusCode: 200, data: { departments: [{ id: 'd1', code: 'civil_affairs', name: '县民政局', sortOrder: 0 }] } };
  }
  if (method === 'GET' && path === '/api/admin/catalogue/bundles') return { statusCode: 200, data: { bundles: [] } };
  if (method === 'POST' && path === '/api/admin/catalogue/import') return { statusCode: 200, data: report };
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到' } } };
}

beforeAll(() => {
  ensureWeappBuild();
  weapp = setupWeapp();
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  weapp.useMemoryStorage(store);
  weapp.answerRequests((request) => {
    sent.push(request);
    return answer(request.method, request.url);
  });
  // a file picked from a chat, and its bytes
  wx.testChooseMessageFile = (options: WxOptions) => 
    setTimeout(() => options.success?.({ tempFiles: [{ path: 'wxfile://tmp/目录.csv', name: '目录.csv', size: 12, type: 'file' }], errMsg: 'chooseMessageFile:ok' }), 0);
  wx.testFileSystem = {
    readFile: (options: WxOptions) =>  setTimeout(() => options.success?.({ data: new Uint8Array([0xca, 0xc2, 0xcf, 0xee]).buffer }), 0),
  };
}, 240_000);

beforeEach(() => {
  store.set('bmfw:session', { token: 'admin-token', account: { id: 'u-admin', role: 'admin', displayName: '县政务服务管理员' } });
  sent.length = 0;
});

const opened: SimComponent[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) {
    try {
      p.detach();
    } catch {
      // already detached
    }
  }
});
function open(pagePath: string, query?: Record<string, string>): SimComponent {
  const p = weapp.openPage(pagePath, query);
  opened.push(p);
  return p;
}

describe('weapp: 目录管理 subpackage', () => {
  it('lists the county items with their state, and a row opens the editor', async () => {
    const p = open('manage/pages/catalogue/index');
    await weapp.waitFor(() => textOf(p).includes('共 2 个事项'));
    expect(textOf(p)).toContain('最低生活保障申请');
    expect(textOf(p)).toContain('未发布');
    expect(sent[0]!.header.Authorization).toBe('Bearer admin-token');
    const before = weapp.navigations.length;
    weapp.tap(byText(p, 'catadmin__row', '最低生活保障申请') as Element);
    await weapp.waitFor(() => weapp.navigations.length > before);
    expect(weapp.navigations.at(-1)).toBe(`/manage/pages/catalogue-item/index?id=${item.id}`);
  });

  it('shows the item form with its materials checklist', async () => {
    const p = open('manage/pages/catalogue-item/index', { id: item.id });
    await weapp.waitFor(() => textOf(p).includes('申请材料（2项）'));
    expect(textOf(p)).toContain('保存修改');
    expect(textOf(p)).toContain('停止发布');
  });

  it('imports a file from a chat: its bytes go up as octet-stream and the row problems come back', async () => {
    const p = open('manage/pages/catalogue-import/index');
    await weapp.waitFor(() => byText(p, 'big-button', '选择文件') !== undefined);
    weapp.tap(byText(p, 'big-button', '选择文件') as Element);
    await weapp.waitFor(() => textOf(p).includes('发现 1 处问题'));
    const upload = sent.find((r) => r.method === 'POST')!;
    expect(upload.url).toContain('/api/admin/catalogue/import?dryRun=true');
    expect(upload.header['Content-Type']).toBe('application/octet-stream');
    expect(upload.data).toBeInstanceOf(ArrayBuffer);
    expect(textOf(p)).toContain('事项表第3行');
    expect(textOf(p)).toContain('GBK');
    expect(textOf(p)).not.toContain('确认导入');
  });

  it('tells someone who is not a county admin, instead of a page of errors', async () => {
    store.set('bmfw:session', { token: 't', account: { id: 'u', role: 'staff', displayName: '周敏' } });
    const p = open('manage/pages/catalogue/index');
    await weapp.waitFor(() => textOf(p).includes('只有县级管理员'));
    expect(sent).toHaveLength(0);
  });
});
