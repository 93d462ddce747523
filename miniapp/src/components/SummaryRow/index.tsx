import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  label: string;
  value: string;
  /** a small link after the value ("换一个") */
  actionText?: string;
  onAction?: () => void;
}

/** "办什么　最低生活保障申请": one fact of a booking, label above value on narrow screens. */
export function SummaryRow({ label, value, actionText, onAction }: Props): ReactNode {
  return (
    <View className="summary-row">
      <Text className="summary-row__label">{label}</Text>
      <View className="summary-row__main">
        <Text className="summary-row__value">{value}</Text>
        {actionText && onAction ? (
          <View className="summary-row__action" hoverClass="summary-row__action--pressed" ariaRole="button" onClick={onAction}>
            <Text>{actionText}</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
