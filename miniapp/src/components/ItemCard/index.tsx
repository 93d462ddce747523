import { Text, View } from '@tarojs/components';
import type { ItemSummary } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { promisedDaysText } from '@/lib/guideText';
import './index.css';

interface Props {
  item: ItemSummary;
  onOpen: (id: string) => void;
}

/** One catalogue item in a result list; opens its guide. */
export function ItemCard({ item, onOpen }: Props): ReactNode {
  const promise = promisedDaysText(item.promisedDays);
  return (
    <View
      className="item-card"
      hoverClass="item-card--pressed"
      ariaRole="link"
      ariaLabel={item.name}
      onClick={() => onOpen(item.id)}
    >
      <Text className="item-card__name">{item.name}</Text>
      <Text className="item-card__line">{item.department.name}</Text>
      <View className="item-card__badges">
        <Badge tone="neutral">{item.categoryLabel}</Badge>
        <Badge tone={item.promisedDays > 0 ? 'primary' : 'success'}>{promise}</Badge>
      </View>
    </View>
  );
}
