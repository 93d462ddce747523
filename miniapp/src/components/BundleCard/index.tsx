import { Text, View } from '@tarojs/components';
import type { BundleSummary } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { bundleItemsText } from '@/lib/bundleGuide';
import './index.css';

interface Props {
  bundle: BundleSummary;
  onOpen: (id: string) => void;
}

/** A 一件事 bundle in a result list: several items, one trip; opens its merged guide. */
export function BundleCard({ bundle, onOpen }: Props): ReactNode {
  return (
    <View className="bundle-card" hoverClass="bundle-card--pressed" ariaRole="link" ariaLabel={bundle.name} onClick={() => onOpen(bundle.id)}>
      <View className="bundle-card__badges">
        <Badge tone="success">一件事一次办</Badge>
      </View>
      <Text className="bundle-card__name">{bundle.name}</Text>
      <Text className="bundle-card__line">{bundleItemsText(bundle.items)}</Text>
    </View>
  );
}
