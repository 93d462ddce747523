import { Text, View } from '@tarojs/components';
import type { CapacitySession, CenterConfig } from '@contract/center-config';
import { useEffect, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Chip } from '@/components/Chip';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useSubmit } from '@/hooks/useSubmit';
import { readSession, type SessionForm, WEEKDAY_LABELS, windowWeek } from '@/lib/centerConfig';
import { usePageParams } from '@/platform/page';
import { saveTemplates, updateWindow } from '@/services/manage/manage';
import { TextField } from '@/components/Field';
import { Notice } from '../../shared/Notice';
import { urlOf } from '@/lib/routes';
import { useCenterConfig } from '../../shared/useCenterConfig';
import '../../shared/manage.css';

const EMPTY: SessionForm = { starts: '', ends: '', slotMinutes: '30', seats: '2', walkInSeats: '1' };

/** 窗口号源: a window's weekly sessions (slot length, seats, walk-in seats), changed per weekday. */
export default function CapacityPage(): ReactNode {
  const { id } = usePageParams('manageCapacity');
  const { state, config, replace, retry } = useCenterConfig(id, urlOf('manageCapacity', { id }));
  return (
    <PageRoot className="manage">
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {!config && state.status !== 'error' ? <LoadingBlock /> : null}
      {config ? <CapacityView config={config} onSaved={replace} /> : null}
    </PageRoot>
  );
}

function CapacityView({ config, onSaved }: { config: CenterConfig; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [windowId, setWindowId] = useState(config.windows[0]?.id ?? '');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [morning, setMorning] = useState<SessionForm>({ ...EMPTY, starts: '08:30', ends: '12:00' });
  const [afternoon, setAfternoon] = useState<SessionForm>({ ...EMPTY, starts: '14:00', ends: '17:30' });
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const window = config.windows.find((w) => w.id === windowId);

  useEffect(() => setDone(''), [windowId]);

  const save = useSubmit(
    (a: { sessions: CapacitySession[] }) => saveTemplates(config.center.id, windowId, weekdays, a.sessions),
    (next) => {
      onSaved(next);
      const kept = next.reconciled?.kept ?? [];
      setDone(kept.length > 0 ? `已保存。${kept.length}个时段已有预约，原有预约保留不变，号数按已约人数保留。` : '已保存，之后的号源已按新设置更新。');
    },
  );
  const toggle = useSubmit((a: { active: boolean }) => updateWindow(config.center.id, windowId, a), (next) => onSaved(next));

  const submit = (): void => {
    setDone('');
    const sessions: CapacitySession[] = [];
    for (const form of [morning, afternoon]) {
      if (form.starts.trim() === '' && form.ends.trim() === '') continue;
      const read = readSession(form);
      if ('problem' in read) return setProblem(read.problem);
      sessions.push(read.session);
    }
    if (weekdays.length === 0) return setProblem('请至少选一天');
    setProblem('');
    save.submit({ sessions });
  };

  const dayChip = (d: number): ReactNode => (
    <Chip
      key={d}
      label={WEEKDAY_LABELS[d - 1]!}
      selected={weekdays.includes(d)}
      onClick={() => setWeekdays((w) => (w.includes(d) ? w.filter((x) => x !== d) : [...w, d].sort()))}
    />
  );

  return (
    <View>
      <Text className="page-title">{config.center.name}</Text>
      <Section title="选择窗口">
        <View className="m-row">
          {config.windows.map((w) => (
            <Chip key={w.id} label={`${w.name}${w.active ? '' : '（停用）'}`} selected={w.id === windowId} onClick={() => setWindowId(w.id)} />
          ))}
        </View>
      </Section>
      {window ? (
        <Section title={`${window.name}现在的号源`}>
          {windowWeek(config.templates, window.id).map((d) => (
            <View key={d.weekday} className="m-item">
              <Text className="m-line">{d.label}</Text>
              {d.lines.map((line) => (
                <Text key={line} className="m-line m-line--muted">
                  {line}
                </Text>
              ))}
            </View>
          ))}
          <View className="m-gap">
            <ActionButton kind="secondary" pending={toggle.pending} error={toggle.error} onRetry={toggle.retry} onClick={() => toggle.submit({ active: !window.active })}>
              {window.active ? '停用这个窗口' : '启用这个窗口'}
            </ActionButton>
          </View>
        </Section>
      ) : null}
      <Section title="改号源" note="选哪几天，再填上午、下午两段（不开放的那段留空）">
        <View className="m-row">{[1, 2, 3, 4, 5, 6, 7].map(dayChip)}</View>
        <SessionFields title="上午" form={morning} onChange={setMorning} />
        <SessionFields title="下午" form={afternoon} onChange={setAfternoon} />
        {problem ? <Notice tone="warn">{problem}</Notice> : null}
        {done ? <Notice tone="ok">{done}</Notice> : null}
        <ActionButton pending={save.pending} error={save.error} onRetry={save.retry} onClick={submit}>
          保存号源
        </ActionButton>
      </Section>
    </View>
  );
}

function SessionFields({ title, form, onChange }: { title: string; form: SessionForm; onChange: (f: SessionForm) => void }): ReactNode {
  const set = (key: keyof SessionForm) => (value: string) => onChange({ ...form, [key]: value });
  return (
    <View className="m-item">
      <Text className="m-line">{title}</Text>
      <View className="m-row">
        <TextField look="manage" label="开始" value={form.starts} onChange={set('starts')} placeholder="08:30" maxLength={5} />
        <TextField look="manage" label="结束" value={form.ends} onChange={set('ends')} placeholder="12:00" maxLength={5} />
      </View>
      <View className="m-row">
        <TextField look="manage" label="每段分钟" value={form.slotMinutes} onChange={set('slotMinutes')} kind="number" maxLength={3} />
        <TextField look="manage" label="每段号数" value={form.seats} onChange={set('seats')} kind="number" maxLength={3} />
        <TextField look="manage" label="其中现场号" value={form.walkInSeats} onChange={set('walkInSeats')} kind="number" maxLength={3} />
      </View>
    </View>
  );
}
