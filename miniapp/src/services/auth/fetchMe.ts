import type { Person } from '@/lib/bookingChoices';
import { getWithLogin } from '@/platform/send';

export interface Me {
  id: string;
  role: string;
  displayName: string;
  /** the phone given through WeChat, masked (138****5678); null when none */
  phone: string | null;
  /** the people the caller may book for, self first */
  people: Person[];
}

/** GET /api/me — the account and the people it may book for. */
export async function fetchMe(): Promise<Me> {
  const me = await getWithLogin<Me>('/api/me');
  return { ...me, phone: typeof me.phone === 'string' ? me.phone : null, people: Array.isArray(me.people) ? me.people : [] };
}
