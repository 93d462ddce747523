import { Image, Text, View } from '@tarojs/components';
import type { CenterConfig, ManagedStaff } from '@contract/center-config';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Chip } from '@/components/Chip';
import { InlineConfirm } from '@/components/InlineConfirm';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useSubmit } from '@/hooks/useSubmit';
import { WEEKDAY_LABELS, weekdaysText } from '@/lib/centerConfig';
import { choosePhoto } from '@/platform/files';
import { usePageParams } from '@/platform/page';
import { apiBaseUrl } from '@/platform/request';
import { createStaff, updateStaff, uploadStaffPhoto } from '@/services/manage/manage';
import { TextField } from '@/components/Field';
import { Notice } from '../../shared/Notice';
import { urlOf } from '@/lib/routes';
import { useCenterConfig } from '../../shared/useCenterConfig';
import '../../shared/manage.css';

/**
 * 在岗公示: who the public sees on duty (name, post). Nobody is shown until their consent is
 * recorded here (with the time); withdrawing it hides them at once.
 */
export default function OnDutyPage(): ReactNode {
  const { id } = usePageParams('manageOnDuty');
  const { state, config, replace, retry } = useCenterConfig(id, urlOf('manageOnDuty', { id }));
  return (
    <PageRoot className="manage">
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {!config && state.status !== 'error' ? <LoadingBlock /> : null}
      {config ? (
        <View>
          <Text className="page-title">{config.center.name}</Text>
          <Section title="工作人员" note="今天在岗且本人同意公示的，群众在中心页能看到">
            {config.staff.length === 0 ? <Text className="m-line m-line--muted">还没有添加</Text> : null}
            {config.staff.map((s) => (
              <StaffRow key={s.id} centerId={config.center.id} staff={s} onSaved={replace} />
            ))}
          </Section>
          <AddStaff centerId={config.center.id} onSaved={replace} />
        </View>
      ) : null}
    </PageRoot>
  );
}

function StaffRow({ centerId, staff, onSaved }: { centerId: string; staff: ManagedStaff; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [asking, setAsking] = useState<'consent' | 'withdraw' | null>(null);
  const change = useSubmit((a: { consent?: boolean; today?: boolean | null }) => updateStaff(centerId, staff.id, a), (next) => {
    setAsking(null);
    onSaved(next);
  });
  const [photoNote, setPhotoNote] = useState('');
  const photo = useSubmit(
    async () => {
      const chosen = await choosePhoto();
      return chosen ? uploadStaffPhoto(centerId, staff.id, chosen) : null;
    },
    (next) => {
      setPhotoNote(next ? '照片已保存' : '');
      if (next) onSaved(next);
    },
  );
  const status = staff.public ? (staff.onDutyToday ? '今天公示中' : '今天不在岗') : staff.consentWithdrawnAt ? '已撤回同意，不公示' : '未同意公示';
  return (
    <View className="m-item">
      {staff.photoUrl ? <Image className="m-photo" src={`${apiBaseUrl()}${staff.photoUrl}`} mode="aspectFill" ariaLabel={`${staff.name}的照片`} /> : null}
      {staff.hasPhoto && !staff.photoUrl ? <Text className="m-line m-line--muted">已有照片（本人同意公示后群众才能看到）</Text> : null}
      <Text className="m-line">
        {staff.name}（{staff.post}）
      </Text>
      <Text className="m-line m-line--muted">
        {status}；在岗：{weekdaysText(staff.dutyWeekdays)}
        {staff.todayOverride === null ? '' : staff.todayOverride ? '，今天临时在岗' : '，今天临时不在'}
      </Text>
      {asking === 'consent' ? (
        <InlineConfirm
          message={`请确认${staff.name}本人已同意在中心页公示姓名和岗位。记录同意的时间会保存。`}
          cancelText="还没有同意"
          confirmText="本人已同意"
          onCancel={() => setAsking(null)}
          onConfirm={() => change.submit({ consent: true })}
        />
      ) : null}
      {asking === 'withdraw' ? (
        <InlineConfirm
          message={`撤回后马上不再公示${staff.name}。`}
          cancelText="不撤回"
          confirmText="撤回同意"
          onCancel={() => setAsking(null)}
          onConfirm={() => change.submit({ consent: false })}
        />
      ) : null}
      {asking === null ? (
        <View className="m-row m-gap">
          {staff.public ? (
            <ActionButton kind="secondary" pending={change.pending} onClick={() => setAsking('withdraw')}>撤回公示同意</ActionButton>
          ) : (
            <ActionButton pending={change.pending} onClick={() => setAsking('consent')}>记录本人同意公示</ActionButton>
          )}
          <ActionButton kind="secondary" pending={change.pending} onClick={() => change.submit({ today: !staff.onDutyToday })}>
            {staff.onDutyToday ? '今天不在岗' : '今天在岗'}
          </ActionButton>
          <ActionButton kind="secondary" pending={photo.pending} onClick={() => photo.submit(undefined)}>
            {staff.hasPhoto ? '换照片' : '上传照片'}
          </ActionButton>
        </View>
      ) : null}
      {change.error ? <Notice tone="warn">{change.error.message}</Notice> : null}
      {photo.error ? <Notice tone="warn">{photo.error.message}</Notice> : null}
      {photoNote ? <Text className="m-line m-line--muted">{photoNote}</Text> : null}
    </View>
  );
}

function AddStaff({ centerId, onSaved }: { centerId: string; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [problem, setProblem] = useState('');
  const add = useSubmit(
    (a: { name: string; post: string; dutyWeekdays: number[] }, key: string) => createStaff(centerId, a, key),
    (next) => {
      onSaved(next);
      setName('');
      setPost('');
    },
  );
  const submit = (): void => {
    if (name.trim() === '') return setProblem('请填写姓名');
    if (post.trim().length < 2) return setProblem('请填写岗位，例如“民政窗口”');
    setProblem('');
    add.submit({ name: name.trim(), post: post.trim(), dutyWeekdays: days });
  };
  return (
    <Section title="添加工作人员" note="添加后先不公示，记录本人同意后才公示">
      <TextField look="manage" label="姓名" value={name} onChange={setName} maxLength={20} />
      <TextField look="manage" label="岗位" value={post} onChange={setPost} placeholder="例如：民政窗口" maxLength={30} />
      <Text className="m-line">哪几天在岗</Text>
      <View className="m-row">
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <Chip key={d} label={WEEKDAY_LABELS[d - 1]!} selected={days.includes(d)} onClick={() => setDays((x) => (x.includes(d) ? x.filter((y) => y !== d) : [...x, d].sort()))} />
        ))}
      </View>
      {problem ? <Notice tone="warn">{problem}</Notice> : null}
      <ActionButton pending={add.pending} error={add.error} onRetry={add.retry} onClick={submit}>
        添加
      </ActionButton>
    </Section>
  );
}
