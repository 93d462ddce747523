import { Text, View } from '@tarojs/components';
import type { AdminBundle, AdminItemRow } from '@contract/catalogue-admin';
import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { SearchField } from '@/components/SearchField';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { ActionKeys } from '@/lib/idempotency';
import { parseCodes } from '@/lib/catalogueAdmin';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { toApiError } from '@/platform/request';
import { exportCatalogue } from '@/services/catalogueAdmin/exportCatalogue';
import { fetchAdminBundles } from '@/services/catalogueAdmin/fetchAdminBundles';
import { fetchAdminItems } from '@/services/catalogueAdmin/fetchAdminItems';
import { saveAdminBundle } from '@/services/catalogueAdmin/saveAdminBundle';
import { TextField } from '@/components/Field';
import { AdminOnly } from '../../catalogue/AdminOnly';
import '../../catalogue/catalogue-admin.css';

const PAGE = 30;
const isH5 = process.env.TARO_ENV === 'h5';

/** 目录管理: find and open items, 一件事 bundles, import and export the spreadsheet. */
export default function ManageCataloguePage(): ReactNode {
  return (
    <PageRoot className="catadmin">
      <View className="catadmin__inner">
        <View className="catadmin__head">
          <Text className="page-title">事项目录管理</Text>
          <Text className="page-lead">修改后群众马上能看到。批量修改请用“导入表格”。</Text>
        </View>
        <AdminOnly back={urlOf('manageCatalogue')}>{() => <Catalogue />}</AdminOnly>
      </View>
    </PageRoot>
  );
}

function Catalogue(): ReactNode {
  const [tab, setTab] = useState<'items' | 'bundles'>('items');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const download = (format: 'xlsx' | 'csv'): void => {
    setMessage(null);
    exportCatalogue(format).then(
      () => setMessage({ ok: true, text: format === 'xlsx' ? '已导出 Excel 表格' : '已导出 CSV 文件' }),
      (e: unknown) => setMessage({ ok: false, text: toApiError(e).message }),
    );
  };

  return (
    <View>
      <View className="catadmin__actions">
        <View className="catadmin__action">
          <BigButton onClick={() => void openPage(urlOf('manageCatalogueItem'))}>新增事项</BigButton>
        </View>
        <View className="catadmin__action">
          <BigButton kind="secondary" onClick={() => void openPage(urlOf('manageCatalogueImport'))}>
            导入表格
          </BigButton>
        </View>
        <View className="catadmin__action">
          <BigButton kind="secondary" onClick={() => download('xlsx')}>
            导出 Excel
          </BigButton>
        </View>
        {isH5 ? (
          <View className="catadmin__action">
            <BigButton kind="secondary" onClick={() => download('csv')}>
              导出 CSV
            </BigButton>
          </View>
        ) : null}
      </View>
      {message ? <Text className={message.ok ? 'catadmin__ok' : 'catadmin__error'}>{message.text}</Text> : null}
      <View className="catadmin__tabs">
        <View className={`catadmin__tab${tab === 'items' ? ' catadmin__tab--on' : ''}`} ariaRole="tab" onClick={() => setTab('items')}>
          <Text>服务事项</Text>
        </View>
        <View className={`catadmin__tab${tab === 'bundles' ? ' catadmin__tab--on' : ''}`} ariaRole="tab" onClick={() => setTab('bundles')}>
          <Text>一件事一次办</Text>
        </View>
      </View>
      {tab === 'items' ? <Items /> : <Bundles />}
    </View>
  );
}

function Items(): ReactNode {
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const { state, retry } = useAsync(() => fetchAdminItems({ q: q || undefined, limit }), [q, limit]);
  // back from editing an item: show it as saved
  useShownAgain(retry);
  return (
    <View>
      <SearchField placeholder="事项名称、编码或部门" value={q} onSearch={(text) => { setQ(text); setLimit(PAGE); }} />
      {state.status === 'loading' ? <LoadingBlock text="正在加载事项…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.total === 0 ? <EmptyBlock title="没有找到事项" hint="换个词试试，或新增事项。" /> : null}
      {state.status === 'ready' ? (
        <View>
          <Text className="catadmin__row-meta">共 {state.data.total} 个事项</Text>
          {state.data.rows.map((row) => (
            <ItemRow key={row.id} row={row} />
          ))}
          {state.data.total > state.data.rows.length ? (
            <BigButton kind="secondary" onClick={() => setLimit(limit + PAGE)}>
              再显示{PAGE}个
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function ItemRow({ row }: { row: AdminItemRow }): ReactNode {
  return (
    <View className="catadmin__row" hoverClass="catadmin__row--pressed" ariaRole="link" onClick={() => void openPage(urlOf('manageCatalogueItem', { id: row.id }))}>
      <View className="catadmin__row-main">
        <Text className="catadmin__row-title">{row.name}</Text>
        <Text className="catadmin__row-meta">
          {row.code} · {row.departmentName} · 材料{row.materialCount}项
        </Text>
      </View>
      {row.published ? <Badge tone="success">已发布</Badge> : <Badge tone="warning">未发布</Badge>}
    </View>
  );
}

interface BundleDraft {
  code: string;
  name: string;
  summary: string;
  keywords: string;
  codes: string;
  published: boolean;
}

const draftOf = (b: AdminBundle | null): BundleDraft =>
  b
    ? { code: b.code, name: b.name, summary: b.summary, keywords: b.keywords, codes: b.items.map((i) => i.code).join(' '), published: b.published }
    : { code: '', name: '', summary: '', keywords: '', codes: '', published: true };

function Bundles(): ReactNode {
  const { state, retry } = useAsync(() => fetchAdminBundles(), []);
  const [editing, setEditing] = useState<{ id: string | null; draft: BundleDraft } | null>(null);
  const [keys] = useState(() => new ActionKeys());
  const [result, setResult] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);

  const save = (): void => {
    if (!editing) return;
    const d = editing.draft;
    const input = { code: d.code.trim(), name: d.name.trim(), summary: d.summary.trim(), keywords: d.keywords.trim(), popularity: 0, published: d.published, itemCodes: parseCodes(d.codes) };
    const keep = state.status === 'ready' ? state.data.bundles.find((b) => b.id === editing.id)?.popularity : undefined;
    saveAdminBundle({ ...input, popularity: keep ?? 0 }, editing.id, keys.keyFor(JSON.stringify(input))).then(
      (b) => {
        keys.finished();
        setResult({ ok: true, text: `已保存“${b.name}”` });
        setEditing(null);
        retry();
      },
      (e: unknown) => {
        const err = toApiError(e);
        setResult({ ok: false, text: err.message, fields: err.fields ? { ...err.fields } : undefined });
      },
    );
  };

  if (editing) {
    const d = editing.draft;
    const set = (patch: Partial<BundleDraft>) => setEditing({ ...editing, draft: { ...d, ...patch } });
    const f = result?.fields;
    return (
      <View>
        {result && !result.ok ? <Text className="catadmin__error">{result.text}</Text> : null}
        <TextField look="manage" maxLength={2000} label="编码" value={d.code} onChange={(v) => set({ code: v })} error={f?.code} placeholder="如 YJS-001" />
        <TextField look="manage" maxLength={2000} label="名称" value={d.name} onChange={(v) => set({ name: v })} error={f?.name} />
        <TextField look="manage" maxLength={2000} label="说明" value={d.summary} onChange={(v) => set({ summary: v })} error={f?.summary} kind="textarea" />
        <TextField look="manage" maxLength={2000} label="别名/关键词" value={d.keywords} onChange={(v) => set({ keywords: v })} error={f?.keywords} />
        <TextField look="manage" maxLength={2000}
          label="包含的事项编码"
          value={d.codes}
          onChange={(v) => set({ codes: v })}
          error={f?.itemCodes}
          hint="用空格或逗号隔开，预约时办理的事项放第一个"
          kind="textarea"
        />
        <View className="catadmin__small-buttons">
          <View className="catadmin__small-button" ariaRole="switch" onClick={() => set({ published: !d.published })}>
            <Text>{d.published ? '已发布（点一下改为不发布）' : '不发布（点一下改为发布）'}</Text>
          </View>
        </View>
        <View className="catadmin__actions">
          <View className="catadmin__action">
            <BigButton onClick={save}>保存</BigButton>
          </View>
          <View className="catadmin__action">
            <BigButton kind="secondary" onClick={() => { setEditing(null); setResult(null); }}>
              取消
            </BigButton>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View>
      {result?.ok ? <Text className="catadmin__ok">{result.text}</Text> : null}
      <BigButton kind="secondary" onClick={() => { setResult(null); setEditing({ id: null, draft: draftOf(null) }); }}>
        新增一件事
      </BigButton>
      {state.status === 'loading' ? <LoadingBlock text="正在加载…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready'
        ? state.data.bundles.map((b) => (
            <View key={b.id} className="catadmin__row" ariaRole="button" onClick={() => { setResult(null); setEditing({ id: b.id, draft: draftOf(b) }); }}>
              <View className="catadmin__row-main">
                <Text className="catadmin__row-title">{b.name}</Text>
                <Text className="catadmin__row-meta">
                  {b.code} · {b.items.map((i) => i.name).join('、')}
                </Text>
              </View>
              {b.published ? <Badge tone="success">已发布</Badge> : <Badge tone="warning">未发布</Badge>}
            </View>
          ))
        : null}
    </View>
  );
}
