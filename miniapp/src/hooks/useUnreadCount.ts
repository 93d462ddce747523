import { useState } from 'react';
import { useShown } from '@/platform/page';
import { loadSession } from '@/platform/session';
import { fetchUnreadCount } from '@/services/notifications/fetchUnreadCount';

/**
 * How many messages are unread, fetched each time the page is shown; null when logged out (no
 * request then) or when the count could not be fetched (the badge is a hint: the inbox itself
 * shows errors).
 */
export function useUnreadCount(): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useShown(() => {
    if (!loadSession()) {
      setUnread(null);
      return;
    }
    fetchUnreadCount().then(
      (count) => setUnread(count.unread),
      () => setUnread(null),
    );
  });
  return unread;
}
