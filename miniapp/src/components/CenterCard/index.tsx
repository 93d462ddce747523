import { Text, View } from '@tarojs/components';
import type { CenterSummary } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { centerKindLabel } from '@/lib/centers';
import './index.css';

interface Props {
  center: CenterSummary;
  onOpen: (id: string) => void;
}

/** One centre in the home list; the whole card opens the centre page. */
export function CenterCard({ center, onOpen }: Props): ReactNode {
  return (
    <View
      className="center-card"
      hoverClass="center-card--pressed"
      ariaRole="link"
      ariaLabel={center.name}
      data-center-id={center.id}
      onClick={() => onOpen(center.id)}
    >
      <View className="center-card__head">
        <Text className="center-card__name">{center.name}</Text>
        <Badge tone={center.kind === 'center' ? 'primary' : 'neutral'}>
          {centerKindLabel(center.kind)}
        </Badge>
      </View>
      <Text className="center-card__line">乡镇：{center.township}</Text>
      <Text className="center-card__line">地址：{center.address}</Text>
      <Text className="center-card__line">电话：{center.phone}</Text>
      <Text className="center-card__more">查看开放时间和能办的事 ›</Text>
    </View>
  );
}
