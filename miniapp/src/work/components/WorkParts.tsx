import { Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { EmptyBlock } from '@/components/StatusBlock';
import { TickBox } from '@/components/TickBox';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import type { Session } from '@/platform/session';
import { canUseWorkbench } from '../lib/workText';

/** The session when it is a staff account; otherwise a plain explanation (or the login page). */
export function useStaffSession(back: string): { session: Session | null; notStaff: boolean } {
  const session = useLoginRequired(back);
  return { session: session && canUseWorkbench(session.account.role) ? session : null, notStaff: !!session && !canUseWorkbench(session.account.role) };
}

export function NotStaff(): ReactNode {
  return (
    <EmptyBlock
      title="这里是窗口工作人员用的工作台"
      hint="您登录的不是工作人员账号。办事请回到首页。"
      actionText="回首页"
      onAction={() => void openPage(urlOf('home'))}
    />
  );
}

/** Two big tabs (今天 / 明天). */
export function Tabs<T extends string>({ tabs, value, onChange }: { tabs: readonly { value: T; label: string }[]; value: T; onChange: (v: T) => void }): ReactNode {
  return (
    <View className="work-tabs">
      {tabs.map((t) => (
        <View
          key={t.value}
          className={`work-tab${t.value === value ? ' work-tab--on' : ''}`}
          ariaRole="tab"
          ariaLabel={t.value === value ? `${t.label}，已选` : t.label}
          onClick={() => onChange(t.value)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** A reason the resident will read: tap a common one, or write it (其他原因). */
export function ReasonPicker({ choices, value, onChange, placeholder }: { choices: readonly string[]; value: string; onChange: (v: string) => void; placeholder: string }): ReactNode {
  return (
    <View>
      {choices.map((c) => (
        <TickBox key={c} label={c} checked={value === c} onToggle={() => onChange(value === c ? '' : c)} />
      ))}
      <View className="work__gap">
        <Textarea
          className="work-input"
          value={choices.includes(value) ? '' : value}
          maxlength={200}
          placeholder={placeholder}
          placeholderStyle="color:#6b7280"
          onInput={(e) => onChange(e.detail.value)}
        />
      </View>
    </View>
  );
}

/** "刚才叫了12号 [撤销]": shown while the latest action can be taken back. */
export function UndoBanner({ text, pending, onUndo }: { text: string; pending: boolean; onUndo: () => void }): ReactNode {
  if (text === '') return null;
  return (
    <View className="work__banner" ariaRole="status">
      <Text className="work__banner-text">{text}，点错了可以撤销（2分钟内）</Text>
      <View className="work__banner-action" ariaRole="button" onClick={pending ? undefined : onUndo}>
        <Text>{pending ? '撤销中…' : '撤销'}</Text>
      </View>
    </View>
  );
}

/** A small row of secondary buttons side by side. */
export function ButtonPair({ left, right }: { left: { text: string; onClick: () => void }; right: { text: string; onClick: () => void } }): ReactNode {
  return (
    <View className="work__row">
      <View className="work__half">
        <BigButton kind="secondary" onClick={left.onClick}>
          {left.text}
        </BigButton>
      </View>
      <View className="work__half">
        <BigButton kind="secondary" onClick={right.onClick}>
          {right.text}
        </BigButton>
      </View>
    </View>
  );
}
