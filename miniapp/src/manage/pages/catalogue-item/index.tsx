import { Text, View } from '@tarojs/components';
import type { AdminItem, Department } from '@contract/catalogue-admin';
import { useEffect, useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { InlineConfirm } from '@/components/InlineConfirm';
import { PageRoot } from '@/components/PageRoot';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import {
  blankItemForm, blankMaterial, CATEGORY_OPTIONS, FORM_OPTIONS, formToInput, type ItemForm, itemToForm, MODE_OPTIONS,
  moveLine, type MaterialForm_,
} from '@/lib/catalogueAdmin';
import { ActionKeys } from '@/lib/idempotency';
import { urlOf } from '@/lib/routes';
import { replacePage } from '@/platform/navigation';
import { scrollToElement, setPageTitle, usePageParams } from '@/platform/page';
import { type ApiError, toApiError } from '@/platform/request';
import { fetchAdminItem } from '@/services/catalogueAdmin/fetchAdminItem';
import { fetchDepartments } from '@/services/catalogueAdmin/fetchDepartments';
import { publishAdminItem } from '@/services/catalogueAdmin/publishAdminItem';
import { saveAdminItem } from '@/services/catalogueAdmin/saveAdminItem';
import { ChoiceField, TextField } from '@/components/Field';
import { AdminOnly } from '../../catalogue/AdminOnly';
import '../../catalogue/catalogue-admin.css';

/** Edit one item and its materials checklist (or create one when opened without id). */
export default function ManageItemPage(): ReactNode {
  const { id } = usePageParams('manageCatalogueItem');
  return (
    <PageRoot className="catadmin">
      <View className="catadmin__inner">
        <AdminOnly back={urlOf('manageCatalogueItem', { id: id || undefined })}>{() => <Loader id={id || null} />}</AdminOnly>
      </View>
    </PageRoot>
  );
}

function Loader({ id }: { id: string | null }): ReactNode {
  const { state, retry } = useAsync(
    async () => ({ departments: (await fetchDepartments()).departments, item: id ? await fetchAdminItem(id) : null }),
    [id],
  );
  if (state.status === 'loading') return <LoadingBlock text="正在加载事项…" />;
  if (state.status === 'error') return <ErrorBlock message={state.error.message} onRetry={retry} />;
  return <Editor departments={state.data.departments} initial={state.data.item} />;
}

function Editor({ departments, initial }: { departments: Department[]; initial: AdminItem | null }): ReactNode {
  const [item, setItem] = useState<AdminItem | null>(initial);
  const [form, setForm] = useState<ItemForm>(() => (initial ? itemToForm(initial) : blankItemForm(departments[0]?.code ?? '')));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [askUnpublish, setAskUnpublish] = useState<string | null>(null);
  const [keys] = useState(() => new ActionKeys());
  useEffect(() => setPageTitle(item ? item.name : '新增事项'), [item]);

  const set = (patch: Partial<ItemForm>): void => {
    setForm({ ...form, ...patch });
    setSaved(null);
  };
  const setMaterial = (index: number, patch: Partial<MaterialForm_>): void =>
    set({ materials: form.materials.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const fieldError = (key: string): string | null => error?.fields?.[key] ?? null;

  const save = (): void => {
    const input = formToInput(form);
    setBusy(true);
    setError(null);
    saveAdminItem(input, item?.id ?? null, keys.keyFor(JSON.stringify(input))).then(
      (result) => {
        keys.finished();
        setBusy(false);
        setSaved(result.status === 'unchanged' ? '没有修改，不需要保存' : '已保存，群众现在看到的是新内容');
        if (!item) {
          // the new item's own page: "back" returns to the list
          void replacePage(urlOf('manageCatalogueItem', { id: result.item.id }));
          return;
        }
        setItem(result.item);
        setForm(itemToForm(result.item));
      },
      (e: unknown) => {
        setBusy(false);
        setError(toApiError(e));
        scrollToElement('.catadmin__error');
      },
    );
  };

  const publish = (published: boolean, keepBookings = false): void => {
    if (!item) return;
    setAskUnpublish(null);
    setError(null);
    publishAdminItem(item.id, { published, keepBookings }).then(
      (next) => {
        setItem(next);
        setForm({ ...form, published: next.published });
        setSaved(next.published ? '已发布，群众可以查到和预约' : '已停止发布，群众查不到了');
      },
      (e: unknown) => {
        const err = toApiError(e);
        if (err.code === 'ITEM_HAS_FUTURE_BOOKINGS') setAskUnpublish(err.message);
        else setError(err);
      },
    );
  };

  const deptOptions = departments.map((d) => ({ value: d.code, label: d.name }));
  return (
    <View>
      <View className="catadmin__head">
        <Text className="page-title">{item ? item.name : '新增事项'}</Text>
        {item ? <Text className="page-lead">{item.published ? '已发布：群众能查到和预约' : '未发布：群众查不到'}</Text> : null}
      </View>
      {error ? <Text className="catadmin__error">{error.message}</Text> : null}
      {saved ? <Text className="catadmin__ok">{saved}</Text> : null}
      {askUnpublish ? (
        <InlineConfirm
          message={askUnpublish}
          confirmText="仍然停止发布"
          cancelText="先不停"
          onConfirm={() => publish(false, true)}
          onCancel={() => setAskUnpublish(null)}
        />
      ) : null}

      <TextField look="manage" label="事项编码" value={form.code} onChange={(v) => set({ code: v })} error={fieldError('code')} placeholder="如 MZ-001" maxLength={40} />
      <TextField look="manage" label="事项名称" value={form.name} onChange={(v) => set({ name: v })} error={fieldError('name')} maxLength={100} />
      <ChoiceField look="manage" label="事项类型" value={form.category} options={CATEGORY_OPTIONS} onChange={(v) => set({ category: v })} />
      <ChoiceField look="manage" label="实施部门" value={form.departmentCode} options={deptOptions} onChange={(v) => set({ departmentCode: v })} error={fieldError('departmentCode')} />
      <ChoiceField look="manage" label="办理方式" value={form.handlingMode} options={MODE_OPTIONS} onChange={(v) => set({ handlingMode: v })} />
      <TextField look="manage" maxLength={2000} label="法定时限（工作日）" value={form.legalDays} onChange={(v) => set({ legalDays: v })} error={fieldError('legalDays')} narrow />
      <TextField look="manage" maxLength={2000} label="承诺时限（工作日）" value={form.promisedDays} onChange={(v) => set({ promisedDays: v })} error={fieldError('promisedDays')} narrow />
      <TextField look="manage" maxLength={2000} label="最多跑几次" value={form.maxVisits} onChange={(v) => set({ maxVisits: v })} error={fieldError('maxVisits')} narrow hint="0 = 全程网办" />
      <TextField look="manage" maxLength={2000} label="热度" value={form.popularity} onChange={(v) => set({ popularity: v })} error={fieldError('popularity')} narrow hint="越大越靠前" />
      <TextField look="manage" maxLength={2000} label="收费" value={form.feeText} onChange={(v) => set({ feeText: v })} error={fieldError('feeText')} hint="不收费就写“不收费”" />
      <TextField look="manage" maxLength={2000} label="办事指南/摘要" value={form.summary} onChange={(v) => set({ summary: v })} error={fieldError('summary')} kind="textarea" hint="用群众听得懂的话" />
      <TextField look="manage" maxLength={2000} label="受理条件" value={form.conditions} onChange={(v) => set({ conditions: v })} error={fieldError('conditions')} kind="textarea" />
      <TextField look="manage" maxLength={2000} label="别名/关键词" value={form.keywords} onChange={(v) => set({ keywords: v })} error={fieldError('keywords')} hint="群众常说的叫法，用空格隔开，如：低保 吃低保" />

      <Text className="group-title">申请材料（{form.materials.length}项）</Text>
      {form.materials.map((m, i) => (
        <View key={i} className="catadmin__row" style={{ display: 'block' }}>
          <TextField look="manage" label={`第${i + 1}项 材料名称`} value={m.name} onChange={(v) => setMaterial(i, { name: v })} error={fieldError(`materials.${i}.name`)} maxLength={200} />
          <ChoiceField look="manage" label="材料形式" value={m.form} options={FORM_OPTIONS} onChange={(v) => setMaterial(i, { form: v })} />
          <TextField look="manage" maxLength={2000} label="份数" value={m.copies} onChange={(v) => setMaterial(i, { copies: v })} error={fieldError(`materials.${i}.copies`)} narrow />
          <TextField look="manage" maxLength={2000}
            label="判断问题（视情况时填）"
            value={m.condition}
            onChange={(v) => setMaterial(i, { condition: v })}
            error={fieldError(`materials.${i}.condition`)}
            hint="不填 = 必须带；填了 = 视情况，如“是否委托他人代办？”"
          />
          <TextField look="manage" maxLength={2000} label="备注" value={m.notes} onChange={(v) => setMaterial(i, { notes: v })} error={fieldError(`materials.${i}.notes`)} />
          <View className="catadmin__small-buttons">
            <View className="catadmin__small-button" ariaRole="button" onClick={() => set({ materials: moveLine(form.materials, i, -1) })}>
              <Text>上移</Text>
            </View>
            <View className="catadmin__small-button" ariaRole="button" onClick={() => set({ materials: moveLine(form.materials, i, 1) })}>
              <Text>下移</Text>
            </View>
            <View
              className="catadmin__small-button catadmin__small-button--danger"
              ariaRole="button"
              onClick={() => set({ materials: form.materials.filter((_, j) => j !== i) })}
            >
              <Text>删除这项</Text>
            </View>
          </View>
        </View>
      ))}
      <View className="catadmin__actions">
        <View className="catadmin__action">
          <BigButton kind="secondary" onClick={() => set({ materials: [...form.materials, blankMaterial()] })}>
            添加一项材料
          </BigButton>
        </View>
      </View>

      <View className="catadmin__actions">
        <View className="catadmin__action">
          <BigButton onClick={save} disabled={busy}>
            {busy ? '正在保存…' : item ? '保存修改' : '保存新事项'}
          </BigButton>
        </View>
        {item ? (
          <View className="catadmin__action">
            <BigButton kind="secondary" onClick={() => publish(!item.published)}>
              {item.published ? '停止发布' : '发布'}
            </BigButton>
          </View>
        ) : null}
      </View>
    </View>
  );
}
