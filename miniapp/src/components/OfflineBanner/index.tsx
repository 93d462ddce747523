import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useNow } from '@/hooks/useNow';
import { savedCopyNotice } from '@/lib/savedNotice';
import './index.css';

interface Props {
  /** when the shown content was saved; nothing is shown when null (fresh data) */
  savedAt: number | null;
  onRetry: () => void;
}

/** "网络不好，显示的是5分钟前保存的内容" with 重试, over a screen showing a saved copy. */
export function OfflineBanner({ savedAt, onRetry }: Props): ReactNode {
  return savedAt === null ? null : <Banner savedAt={savedAt} onRetry={onRetry} />;
}

function Banner({ savedAt, onRetry }: { savedAt: number; onRetry: () => void }): ReactNode {
  // the age is re-read every minute only while the banner shows
  const now = useNow();
  return (
    <View className="offline-banner" ariaRole="status">
      <Text className="offline-banner__text">{savedCopyNotice(savedAt, now.getTime())}</Text>
      <View className="offline-banner__retry" hoverClass="offline-banner__retry--pressed" ariaRole="button" onClick={onRetry}>
        <Text>重试</Text>
      </View>
    </View>
  );
}
