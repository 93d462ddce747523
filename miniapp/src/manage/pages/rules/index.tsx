import { Text, View } from '@tarojs/components';
import type { CenterConfig, ManagedRules, OpeningSession } from '@contract/center-config';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Chip } from '@/components/Chip';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useSubmit } from '@/hooks/useSubmit';
import { WEEKDAY_LABELS, weekdayLabel } from '@/lib/centerConfig';
import { groupOpeningHours } from '@/lib/openingHours';
import { usePageParams } from '@/platform/page';
import { saveOpeningHours, saveRules } from '@/services/manage/manage';
import { TextField } from '@/components/Field';
import { Notice } from '../../shared/Notice';
import { urlOf } from '@/lib/routes';
import { useCenterConfig } from '../../shared/useCenterConfig';
import '../../shared/manage.css';

/** 开放时间和预约规则: the hours residents read, and how booking works at this centre. */
export default function RulesPage(): ReactNode {
  const { id } = usePageParams('manageRules');
  const { state, config, replace, retry } = useCenterConfig(id, urlOf('manageRules', { id }));
  return (
    <PageRoot className="manage">
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {!config && state.status !== 'error' ? <LoadingBlock /> : null}
      {config ? (
        <View>
          <Text className="page-title">{config.center.name}</Text>
          <Hours config={config} onSaved={replace} />
          <Rules config={config} onSaved={replace} />
        </View>
      ) : null}
    </PageRoot>
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function Hours({ config, onSaved }: { config: CenterConfig; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [am, setAm] = useState(['08:30', '12:00']);
  const [pm, setPm] = useState(['14:00', '17:30']);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const save = useSubmit((a: { hours: OpeningSession[] }) => saveOpeningHours(config.center.id, a.hours), (next) => {
    onSaved(next);
    setDone('已保存，群众打开中心页就能看到。');
  });
  const submit = (): void => {
    setDone('');
    const sessions = [am, pm].filter(([o, c]) => o!.trim() !== '' || c!.trim() !== '');
    if (sessions.some(([o, c]) => !TIME.test(o!.trim()) || !TIME.test(c!.trim()))) return setProblem('时间请写成 08:30 这样');
    if (sessions.some(([o, c]) => o!.trim() >= c!.trim())) return setProblem('开门时间要早于关门时间');
    // the chosen days get these sessions; the other days keep theirs
    const kept = config.openingHours.filter((h) => !days.includes(h.weekday));
    const fresh = days.flatMap((weekday) => sessions.map(([opens, closes]) => ({ weekday, opens: opens!.trim(), closes: closes!.trim() })));
    setProblem('');
    save.submit({ hours: [...kept, ...fresh].sort((a, b) => a.weekday - b.weekday || (a.opens < b.opens ? -1 : 1)) });
  };
  return (
    <Section title="开放时间" note="群众在中心页看到的时间；能预约的时段在“窗口号源”里设置">
      {groupOpeningHours(config.openingHours).map((line) => (
        <Text key={line.days} className="m-line">
          {line.days}：{line.sessions.join('，')}
        </Text>
      ))}
      <View className="m-row m-gap">
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <Chip key={d} label={WEEKDAY_LABELS[d - 1]!} selected={days.includes(d)} onClick={() => setDays((x) => (x.includes(d) ? x.filter((y) => y !== d) : [...x, d]))} />
        ))}
      </View>
      <View className="m-row">
        <TextField look="manage" label="上午开门" value={am[0]!} onChange={(v) => setAm([v, am[1]!])} maxLength={5} />
        <TextField look="manage" label="上午关门" value={am[1]!} onChange={(v) => setAm([am[0]!, v])} maxLength={5} />
      </View>
      <View className="m-row">
        <TextField look="manage" label="下午开门" value={pm[0]!} onChange={(v) => setPm([v, pm[1]!])} maxLength={5} />
        <TextField look="manage" label="下午关门" value={pm[1]!} onChange={(v) => setPm([pm[0]!, v])} maxLength={5} />
      </View>
      <Text className="m-line m-line--muted">所选的{days.map(weekdayLabel).join('、') || '日子'}按上面的时间开放；两段都留空就是不开放</Text>
      {problem ? <Notice tone="warn">{problem}</Notice> : null}
      {done ? <Notice tone="ok">{done}</Notice> : null}
      <ActionButton pending={save.pending} error={save.error} onRetry={save.retry} onClick={submit}>
        保存开放时间
      </ActionButton>
    </Section>
  );
}

const RULE_FIELDS: { key: keyof ManagedRules; field: string; label: string }[] = [
  { key: 'open_days_ahead', field: 'openDaysAhead', label: '可提前几天预约' },
  { key: 'close_hours_before', field: 'closeHoursBefore', label: '开始前几小时停止预约' },
  { key: 'cancel_hours_before', field: 'cancelHoursBefore', label: '开始前几小时不能再取消' },
  { key: 'weekly_cap', field: 'weeklyCap', label: '每人每周最多预约几次' },
  { key: 'monthly_cap', field: 'monthlyCap', label: '每人每月最多预约几次' },
  { key: 'no_show_grace_minutes', field: 'noShowGraceMinutes', label: '过了时段几分钟没来算爽约' },
  { key: 'no_show_limit', field: 'noShowLimit', label: '爽约几次暂停网上预约' },
  { key: 'no_show_window_days', field: 'noShowWindowDays', label: '爽约次数按最近几天算' },
  { key: 'restriction_days', field: 'restrictionDays', label: '暂停网上预约几天' },
];

function Rules({ config, onSaved }: { config: CenterConfig; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(RULE_FIELDS.map((f) => [f.field, String(config.rules[f.key])])),
  );
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const save = useSubmit((a: Record<string, number>) => saveRules(config.center.id, a), (next) => {
    onSaved(next);
    setDone('已保存，之后的预约按新规则办理；已有的预约不受影响。');
  });
  const submit = (): void => {
    setDone('');
    const rules: Record<string, number> = {};
    for (const f of RULE_FIELDS) {
      const v = values[f.field]!.trim();
      if (!/^\d{1,5}$/.test(v)) return setProblem(`“${f.label}”请填数字`);
      rules[f.field] = Number(v);
    }
    setProblem('');
    save.submit(rules);
  };
  return (
    <Section title="预约规则" note="改了以后只管之后的新预约">
      {RULE_FIELDS.map((f) => (
        <TextField look="manage" key={f.field} label={f.label} value={values[f.field]!} kind="number" maxLength={5} onChange={(v) => setValues((x) => ({ ...x, [f.field]: v }))} />
      ))}
      {problem ? <Notice tone="warn">{problem}</Notice> : null}
      {done ? <Notice tone="ok">{done}</Notice> : null}
      <ActionButton pending={save.pending} error={save.error} onRetry={save.retry} onClick={submit}>
        保存预约规则
      </ActionButton>
    </Section>
  );
}
