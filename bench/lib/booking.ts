// Booking helpers shared by the benchmarks: finding seats through GET /api/availability, and
// users. (public.book generates and checks the candidate slots itself: nothing to precompute.)
import { createHash } from 'node:crypto';
import type { Availability } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { Caller, Database } from '../../server/db/database';
import type { ApiClient } from './api';

/** Tuesday 1 December 2026, 09:00 in Shanghai: the servers' fixed "now". */
export const BENCH_NOW = new Date('2026-12-01T01:00:00Z');

export const SERVICE: Caller = { role: 'service_role', claims: {} };

export const residentCaller = (userId: string): Caller => ({ role: 'authenticated', claims: { sub: userId, app_role: 'resident' } });

export interface CentreInfo {
  center: CenterSummary;
  items: ItemSummary[];
}

export async function centresWithItems(api: ApiClient, itemsPerCentre = 20): Promise<CentreInfo[]> {
  const { body } = await api.request<{ centers: CenterSummary[] }>('GET', '/api/centers');
  return Promise.all(
    body.centers.map(async (center) => {
      const items = (await api.request<Page<ItemSummary>>('GET', `/api/items?center=${center.id}&limit=${itemsPerCentre}`)).body.rows;
      return { center, items };
    }),
  );
}

export interface OpenSlot {
  centerId: string;
  start: string;
  remaining: number;
  capacity: number;
}

/** Start times with seats left, per GET /api/availability (all windows serving the item pooled). */
export async function openSlots(api: ApiClient, centerId: string, itemId: string, from: string, to: string): Promise<OpenSlot[]> {
  const res = await api.request<Availability>('GET', `/api/availability?center=${centerId}&item=${itemId}&from=${from}&to=${to}`);
  if (res.status !== 200) throw new Error(`availability ${centerId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.days.flatMap((d) => d.slots.filter((s) => s.remaining > 0).map((s) => ({ centerId, start: s.start, remaining: s.remaining, capacity: s.capacity })));
}

/** Users made with the service-role rpc login_user (as the development login does). */
export async function makeUsers(db: Database, prefix: string, n: number, concurrency = 8): Promise<string[]> {
  const ids: string[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const account = await db.rpc<{ id: string }>('login_user', { p_dev_login: `${prefix}-${i}`, p_display_name: `压测${i}` }, SERVICE);
        ids[i] = account.id;
      }
    }),
  );
  return ids;
}

/** The request hash the service computes for a booking body (same shape, same digest). */
export function requestHash(body: { centerId: string; itemId: string; slotStart: string }): string {
  return createHash('sha256').update(JSON.stringify({ ...body, slotStart: new Date(body.slotStart).toISOString() })).digest('hex');
}

/** Outcome label of an API answer: "201", "409 SLOT_FULL", … */
export function outcomeOf(status: number, body: unknown): string {
  const code = (body as { error?: { code?: string } } | null)?.error?.code;
  return code ? `${status} ${code}` : String(status);
}

/** Outcome label of a direct rpc: "ok" or the SQL error's message (our stable code). */
export function dbOutcome(error: unknown): string {
  const e = error as { sqlState?: string; message?: string };
  return e?.sqlState ? `${e.sqlState} ${e.message}` : `error: ${String(error)}`;
}
