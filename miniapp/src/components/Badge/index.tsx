import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

export type BadgeTone = 'primary' | 'danger' | 'warning' | 'success' | 'neutral';

/** A short label (必需, 视情况, 中心, 即办…) in a high-contrast colour pair. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }): ReactNode {
  return <Text className={`badge badge--${tone}`}>{children}</Text>;
}
