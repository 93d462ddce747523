import { useEffect, useState } from 'react';
import { goToLogin } from '@/platform/auth';
import { loadSession, type Session } from '@/platform/session';

/**
 * For pages that show or change the person's own data: without a session, go to the login page
 * (which comes back to `back`). Returns the session, or null while leaving.
 */
export function useLoginRequired(back: string): Session | null {
  const [session] = useState<Session | null>(() => loadSession());
  useEffect(() => {
    if (!session) void goToLogin(back);
  }, [session, back]);
  return session;
}
