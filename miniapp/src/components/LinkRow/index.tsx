import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  title: string;
  detail?: string;
  onClick: () => void;
}

/** A tappable row with an arrow, for links to another centre. */
export function LinkRow({ title, detail, onClick }: Props): ReactNode {
  return (
    <View className="link-row" hoverClass="link-row--pressed" ariaRole="link" onClick={onClick}>
      <View className="link-row__main">
        <Text className="link-row__title">{title}</Text>
        {detail ? <Text className="link-row__detail">{detail}</Text> : null}
      </View>
      <Text className="link-row__arrow">›</Text>
    </View>
  );
}
