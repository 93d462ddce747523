import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '@/hooks/useElderMode';
import './index.css';

/**
 * The one switch of 长辈模式: a large row saying what it does and whether it is on. The whole
 * row is the target; it changes at once (no confirmation pop-up) and is remembered.
 */
export function ElderSwitch({ compact = false }: { compact?: boolean }): ReactNode {
  const { elder, setElder } = useElderMode();
  return (
    <View
      className={`elder-switch${elder ? ' elder-switch--on' : ''}${compact ? ' elder-switch--compact' : ''}`}
      hoverClass="elder-switch--pressed"
      ariaRole="switch"
      ariaLabel={`长辈模式，${elder ? '已打开' : '已关闭'}`}
      onClick={() => setElder(!elder)}
    >
      <View className="elder-switch__text">
        <Text className="elder-switch__title">长辈模式</Text>
        {compact ? null : <Text className="elder-switch__hint">字更大、按钮更大、每屏内容更少</Text>}
      </View>
      <View className="elder-switch__track">
        <Text className="elder-switch__state">{elder ? '已开' : '已关'}</Text>
        <View className="elder-switch__knob" />
      </View>
    </View>
  );
}
