import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** A large tick box with its label (the whole row is the target). */
export function TickBox({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: () => void }): ReactNode {
  return (
    <View
      className={`tick-box${checked ? ' tick-box--checked' : ''}`}
      hoverClass="tick-box--pressed"
      ariaRole="checkbox"
      ariaLabel={checked ? `${label}，已勾选` : label}
      onClick={onToggle}
    >
      <Text className="tick-box__mark">{checked ? '✓' : ''}</Text>
      <Text className="tick-box__label">{label}</Text>
    </View>
  );
}
