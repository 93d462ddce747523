import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  label: string;
  /** item count shown after the label */
  count?: number;
  selected: boolean;
  onClick: () => void;
}

/** A large filter choice ("行政许可 12"). */
export function Chip({ label, count, selected, onClick }: Props): ReactNode {
  return (
    <View
      className={`chip${selected ? ' chip--selected' : ''}`}
      hoverClass="chip--pressed"
      ariaRole="button"
      ariaLabel={selected ? `${label}，已选` : label}
      onClick={onClick}
    >
      <Text>{label}</Text>
      {count !== undefined ? <Text className="chip__count">{count}</Text> : null}
    </View>
  );
}
