// Health and the scheduled job (the OpenAPI document itself is served by the router).
import { timingSafeEqual } from 'node:crypto';
import { SERVICE } from '../auth/tokens';
import { health, type Health } from '../contract/catalogue';
import type { NoShowRun } from '../contract/system';
import { noShowRun } from '../contract/system';
import { apiError } from '../core/errors';
import { ANONYMOUS } from '../db/database';
import { headerValue } from '../http/handler';
import { operation } from '../http/operation';

// Vercel Cron (hourly) or a crontab line sends `Authorization: Bearer $CRON_SECRET`.
export function authorise(header: string | undefined, secret: string | undefined): void {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret ?? ''}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) throw apiError('FORBIDDEN');
}

export const systemOperations = [
  operation({
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    tags: ['system'],
    summary: 'Service health · 服务状态',
    description: 'The database backend, the latest applied migration and the mode. Not cached.',
    auth: 'none',
    ok: { status: 200, description: 'up', schema: health, headers: { 'Cache-Control': { schema: { const: 'no-store' } } } },
    errors: {},
    handle: async ({ app }) => {
      const { migration } = await app.db.rpc<{ migration: string | null }>('health', {}, ANONYMOUS);
      const body: Health = { status: 'ok', backend: app.db.backend, migration, mode: app.config.mode };
      return { body, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  operation({
    method: 'get',
    path: '/api/jobs/no-shows',
    operationId: 'runNoShowJob',
    tags: ['jobs'],
    summary: 'Scheduled job: mark no-shows · 爽约处理',
    description: [
      'For the scheduler (Vercel Cron or a crontab line), authorised by `Authorization: Bearer <CRON_SECRET>`, not by a user token. Safe to run repeatedly.',
      'Bookings still booked or confirmed `no_show_grace_minutes` (15) after their slot ended become `no_show`. A person with `no_show_limit` (3) no-shows whose slots started in the last `no_show_window_days` (90) loses online booking for `restriction_days` (30), unless already restricted; agents and staff can still book for them. Stored idempotent answers past their retention are deleted.',
    ].join('\n\n'),
    auth: 'cron',
    ok: { status: 200, description: 'what the run did', schema: noShowRun, headers: { 'Cache-Control': { schema: { const: 'no-store' } } } },
    errors: { FORBIDDEN: '`CRON_SECRET` is not set on the server, or the header does not carry it' },
    handle: async ({ req, app, now }) => {
      authorise(headerValue(req, 'authorization'), app.config.cronSecret);
      const at = { p_now: now.toISOString() };
      const marked = await app.db.rpc<Omit<NoShowRun, 'purgedIdempotencyKeys'>>('mark_no_shows', at, SERVICE);
      const purged = await app.db.rpc<Pick<NoShowRun, 'purgedIdempotencyKeys'>>('purge_idempotency_keys', at, SERVICE);
      const body: NoShowRun = { ...marked, ...purged };
      return { body, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
];
