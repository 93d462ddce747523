import { timingSafeEqual } from 'node:crypto';
import { SERVICE } from '../../server/auth/tokens';
import { apiError } from '../../server/http/errors';
import { headerValue, route } from '../../server/http/handler';

// Scheduled job (Vercel Cron hourly, or a crontab line on a self-hosted server): mark no-shows,
// restrict repeat offenders, forget old idempotency keys. Authorised by
// `Authorization: Bearer $CRON_SECRET`.
function authorise(header: string | undefined, secret: string | undefined): void {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret ?? ''}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) throw apiError('FORBIDDEN');
}

export default route(
  {
    GET: async ({ req, app, now }) => {
      authorise(headerValue(req, 'authorization'), app.config.cronSecret);
      const at = { p_now: now.toISOString() };
      const noShows = await app.db.rpc<Record<string, number>>('mark_no_shows', at, SERVICE);
      const purged = await app.db.rpc<Record<string, number>>('purge_idempotency_keys', at, SERVICE);
      return { body: { ...noShows, ...purged }, headers: { 'Cache-Control': 'no-store' } };
    },
  },
  { bearerTokens: false },
);
