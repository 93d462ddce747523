// The clock in Asia/Shanghai, for "today" and "now" on the phone. China has kept UTC+8 all
// year since 1991, so this is a fixed offset: the phone's own time zone is never read.
// `now` is always passed in, so everything built on this is a pure function.

const OFFSET_MS = 8 * 3600_000;

export interface ShanghaiClock {
  /** 'YYYY-MM-DD' in Shanghai */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** minutes since midnight in Shanghai, 0 … 1439 */
  minutes: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function shanghaiClock(now: Date): ShanghaiClock {
  const t = new Date(now.getTime() + OFFSET_MS);
  return {
    date: `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`,
    weekday: ((t.getUTCDay() + 6) % 7) + 1,
    minutes: t.getUTCHours() * 60 + t.getUTCMinutes(),
  };
}

/** "08:30" → 510; anything unreadable → null. */
export function minutesOfClock(hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(hhmm.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59) return null;
  return hours * 60 + minutes;
}
