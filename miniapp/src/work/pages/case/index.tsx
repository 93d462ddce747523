import { Text, Textarea, View } from '@tarojs/components';
import type { CaseDetail } from '@contract/cases';
import type { ItemDetail } from '@contract/catalogue';
import { useEffect, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { ItemCard } from '@/components/ItemCard';
import { PageRoot } from '@/components/PageRoot';
import { SearchField } from '@/components/SearchField';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { SummaryRow } from '@/components/SummaryRow';
import { TickBox } from '@/components/TickBox';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { urlOf } from '@/lib/routes';
import { usePageParams } from '@/platform/page';
import { fetchItem } from '@/services/catalogue/fetchItem';
import { fetchItems } from '@/services/catalogue/fetchItems';
import { NotStaff, ReasonPicker, UndoBanner, useStaffSession } from '../../components/WorkParts';
import {
  CASE_ACTION_LABELS,
  CASE_LABELS,
  REJECT_REASONS,
  caseActions,
  clockText,
  durationText,
  missingList,
  type CaseStepAction,
} from '../../lib/workText';
import { acceptCase } from '../../services/acceptCase';
import { caseStep } from '../../services/caseStep';
import { fetchCase } from '../../services/fetchCase';
import { undoCaseStep } from '../../services/undoCaseStep';
import '../../work.css';

const STEP_TITLES: Record<string, string> = {
  accepted: '受理',
  needs_supplement: '要求补正',
  supplemented: '材料补齐',
  forwarded: '上报县里',
  completed: '办结',
  rejected: '不予受理',
  rated: '群众已评价',
};

/** 办件: accept (受理), then 补正 / 补齐 / 上报 / 办结 / 不予受理, with 撤销 for 2 minutes. */
export default function CasePage(): ReactNode {
  const { id, booking: bookingId, ticket } = usePageParams('workCase');
  const { session, notStaff } = useStaffSession(urlOf('workCase', { id, booking: bookingId, ticket }));
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const { state, retry } = useAsync<CaseDetail | null>(() => {
    if (!session) return new Promise<CaseDetail | null>(() => undefined);
    return id === '' ? Promise.resolve(null) : fetchCase(id);
  }, [id, session]);
  // a walk-in ticket issued without an item: staff choose what the person came for
  const accept = useSubmit(
    (itemId: string | undefined, key: string) =>
      acceptCase(bookingId !== '' ? { bookingId } : { ticketNumber: ticket ?? 0, ...(itemId ? { itemId } : {}) }, key),
    (c) => setKase(c),
  );
  const needsItem = accept.error?.code === 'ITEM_REQUIRED';
  const shown = kase ?? (state.status === 'ready' ? state.data : null);

  return (
    <PageRoot className="work work-case">
      {notStaff ? <NotStaff /> : null}
      {state.status === 'loading' && session ? <LoadingBlock text="正在打开办件…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' && !shown ? (
        <View>
          <Text className="work__title">受理这件事</Text>
          <Text className="work__hint">受理后开始计算承诺办结时间，群众的进度里会看到“已受理”。</Text>
          <View className="work__gap">
            {needsItem ? (
              <ItemChooser onChoose={(itemId) => accept.submit(itemId)} />
            ) : (
              <ActionButton pending={accept.pending} error={accept.error} onRetry={accept.retry} onClick={() => accept.submit(undefined)}>
                确认受理
              </ActionButton>
            )}
          </View>
        </View>
      ) : null}
      {shown ? <CaseView kase={shown} onCase={setKase} /> : null}
    </PageRoot>
  );
}

/** "这位群众办什么事？": search the catalogue and tap the item (walk-ins without one). */
function ItemChooser({ onChoose }: { onChoose: (itemId: string) => void }): ReactNode {
  const [q, setQ] = useState('');
  const { state } = useAsync(() => (q === '' ? Promise.resolve(null) : fetchItems({ q, limit: 6 })), [q]);
  return (
    <Section title="这位群众办什么事？" note="取号时没有选事项：搜一下，点要办的事就受理">
      <SearchField placeholder="如：低保、医保" value={q} onSearch={setQ} />
      {state.status === 'loading' && q !== '' ? <LoadingBlock text="正在查找…" /> : null}
      {state.status === 'error' ? <Text className="work__hint">{state.error.message}</Text> : null}
      {state.status === 'ready' && state.data
        ? state.data.data.rows.map((item) => <ItemCard key={item.id} item={item} onOpen={onChoose} />)
        : null}
      {state.status === 'ready' && state.data && state.data.data.rows.length === 0 ? <Text className="work__hint">没有找到，换个说法试试</Text> : null}
    </Section>
  );
}

function CaseView({ kase, onCase }: { kase: CaseDetail; onCase: (c: CaseDetail) => void }): ReactNode {
  const [open, setOpen] = useState<CaseStepAction | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    fetchItem(kase.itemId).then((f) => setItem(f.data), () => undefined);
  }, [kase.itemId]);
  useEffect(() => {
    // the undo banner goes away by itself when its 2 minutes are over
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const step = useSubmit(
    (a: { action: CaseStepAction; body: Record<string, unknown> }, key: string) => caseStep(kase.id, a.action, a.body, key),
    (c) => {
      setOpen(null);
      setTicked([]);
      setTyped('');
      setReason('');
      setNote('');
      onCase(c);
    },
  );
  const undo = useSubmit((_: void, key: string) => undoCaseStep(kase.id, key), (c) => onCase(c));
  const undoable = kase.undo && new Date(kase.undo.until).getTime() >= now.getTime() ? `刚才做了“${STEP_TITLES[kase.undo.kind] ?? kase.undo.kind}”` : '';
  const missing = missingList(ticked, typed);

  const send = (action: CaseStepAction): void => {
    if (action === 'supplement') step.submit({ action, body: { missing } });
    else if (action === 'reject') step.submit({ action, body: { reason: reason.trim() } });
    else if (action === 'complete') step.submit({ action, body: note.trim() === '' ? {} : { outcome: note.trim() } });
    else if (action === 'forward') step.submit({ action, body: note.trim() === '' ? {} : { note: note.trim() } });
    else step.submit({ action, body: {} });
  };
  const ready = (action: CaseStepAction): boolean => (action === 'supplement' ? missing.length > 0 : action === 'reject' ? reason.trim() !== '' : true);

  return (
    <View>
      {kase.voided ? <Text className="work__error">受理已撤销，这个办件不再有效。</Text> : null}
      <UndoBanner text={kase.voided ? '' : undoable} pending={undo.pending} onUndo={() => undo.submit()} />
      {undo.error ? <Text className="work__error">{undo.error.message}</Text> : null}
      <View className="work-card__top">
        <Text className="work__title">{kase.itemName}</Text>
        <Badge tone={kase.status === 'completed' ? 'success' : kase.status === 'rejected' ? 'danger' : 'primary'}>{CASE_LABELS[kase.status]}</Badge>
      </View>
      <View className="work__gap">
        {kase.ticketNumber !== null ? <SummaryRow label="排队号" value={`${kase.ticketNumber}号`} /> : null}
        <SummaryRow label="承诺办结" value={kase.promisedDays === 0 ? '即办（当天）' : `${kase.promisedBy ?? ''}（${kase.promisedDays}个工作日）`} />
        {kase.missingMaterials.length > 0 ? <SummaryRow label="要补交" value={kase.missingMaterials.join('、')} /> : null}
        {kase.handlingSeconds !== null ? <SummaryRow label="办理用时" value={durationText(kase.handlingSeconds)} /> : null}
      </View>

      {!kase.voided && open === null
        ? caseActions(kase.status).map((action) => (
            <View key={action} className="work__gap">
              <BigButton kind={action === 'complete' || action === 'supplemented' ? 'primary' : 'secondary'} onClick={() => setOpen(action)}>
                {CASE_ACTION_LABELS[action]}
              </BigButton>
            </View>
          ))
        : null}

      {open !== null ? (
        <Section title={CASE_ACTION_LABELS[open]}>
          {open === 'supplement' ? (
            <View>
              <Text className="work__hint">勾出缺的材料，群众会看到这张清单</Text>
              {(item?.materials ?? []).map((m) => (
                <TickBox
                  key={m.id}
                  label={m.name}
                  checked={ticked.includes(m.name)}
                  onToggle={() => setTicked((t) => (t.includes(m.name) ? t.filter((x) => x !== m.name) : [...t, m.name]))}
                />
              ))}
              <View className="work__gap">
                <Textarea className="work-input" value={typed} maxlength={400} placeholder="其他缺的材料（可不填）" placeholderStyle="color:#6b7280" onInput={(e) => setTyped(e.detail.value)} />
              </View>
            </View>
          ) : null}
          {open === 'reject' ? <ReasonPicker choices={REJECT_REASONS} value={reason} onChange={setReason} placeholder="其他原因，请写清楚（群众会看到）" /> : null}
          {open === 'complete' || open === 'forward' ? (
            <Textarea
              className="work-input"
              value={note}
              maxlength={200}
              placeholder={open === 'complete' ? '办好了告诉群众什么（可不填），例如：证件已办好，请带身份证来领' : '给县里部门的说明（可不填）'}
              placeholderStyle="color:#6b7280"
              onInput={(e) => setNote(e.detail.value)}
            />
          ) : null}
          <View className="work__gap">
            <ActionButton
              kind={open === 'reject' ? 'danger' : 'primary'}
              pending={step.pending}
              error={step.error}
              onRetry={step.retry}
              onClick={() => (ready(open) ? send(open) : undefined)}
            >
              {ready(open) ? `确定${CASE_ACTION_LABELS[open]}` : open === 'supplement' ? '请先勾出缺的材料' : '请先选或写原因'}
            </ActionButton>
          </View>
          <View className="work__gap">
            <BigButton kind="secondary" onClick={() => setOpen(null)}>
              先不做
            </BigButton>
          </View>
        </Section>
      ) : null}

      <Section title="办理记录">
        {kase.steps.map((s, i) => (
          <Text key={`${s.kind}-${i}`} className="work-card__line">
            {clockText(s.at)} {STEP_TITLES[s.kind] ?? s.kind}
            {s.undone ? '（已撤销）' : ''}
          </Text>
        ))}
      </Section>
    </View>
  );
}
