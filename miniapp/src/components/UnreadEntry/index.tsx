import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { unreadBadgeText, unreadEntryLabel } from '@/lib/unreadBadge';
import './index.css';

/**
 * The 消息 row of 首页 and 工作台: the number of unread messages as text in a badge ("3条未读",
 * "99+条未读"); nothing when none are unread or the person is not logged in.
 */
export function UnreadEntry({ unread, onOpen }: { unread: number | null; onOpen: () => void }): ReactNode {
  const badge = unreadBadgeText(unread);
  return (
    <View className="unread-entry" hoverClass="unread-entry--pressed" ariaRole="link" ariaLabel={unreadEntryLabel(unread)} onClick={onOpen}>
      <Text className="unread-entry__title">消息</Text>
      {badge !== '' ? (
        <View className="unread-entry__badge">
          <Text className="unread-entry__count">{badge}</Text>
          <Text className="unread-entry__unit">条未读</Text>
        </View>
      ) : (
        <Text className="unread-entry__none">预约和办理的通知</Text>
      )}
      <Text className="unread-entry__arrow">›</Text>
    </View>
  );
}
