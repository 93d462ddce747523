import { timingSafeEqual } from 'node:crypto';
import { SERVICE } from '../../server/auth/tokens';
import { apiError } from '../../server/http/errors';
import { headerValue, route } from '../../server/http/handler';

// Scheduled job (Vercel Cron, or a crontab line on a self-hosted server): mark no-shows and
// restrict repeat offenders. Authorised by `Authorization: Bearer $CRON_SECRET`.
function authorise(header: string | undefined, secret: string | undefined): void {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret ?? ''}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) throw apiError('FORBIDDEN');
}

export default route(
  {
    GET: async ({ req, app, now }) => {
      authorise(headerValue(req, 'authorization'), app.config.cronSecret);
      return { body: await app.db.rpc('mark_no_shows', { p_now: now.toISOString() }, SERVICE), headers: { 'Cache-Control': 'no-store' } };
    },
  },
  { bearerTokens: false },
);
