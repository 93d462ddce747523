import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  title: string;
  /** one line under the title: what it does, how it stands */
  detail?: string;
  on: boolean;
  /** while a change is being saved: says so and ignores taps */
  pending?: boolean;
  onToggle: () => void;
}

/**
 * An on/off setting as one large row (the whole row is the target) saying 已开 / 已关 in words,
 * not only by colour or the knob's side. Looks like the 长辈模式 switch.
 */
export function SwitchRow({ title, detail, on, pending = false, onToggle }: Props): ReactNode {
  return (
    <View
      className={`switch-row${on ? ' switch-row--on' : ''}${pending ? ' switch-row--pending' : ''}`}
      hoverClass={pending ? 'none' : 'switch-row--pressed'}
      ariaRole="switch"
      ariaLabel={`${title}，${on ? '已打开' : '已关闭'}`}
      onClick={pending ? undefined : onToggle}
    >
      <View className="switch-row__text">
        <Text className="switch-row__title">{title}</Text>
        {detail ? <Text className="switch-row__detail">{detail}</Text> : null}
      </View>
      <View className="switch-row__track">
        <Text className="switch-row__state">{pending ? '…' : on ? '已开' : '已关'}</Text>
        <View className="switch-row__knob" />
      </View>
    </View>
  );
}
