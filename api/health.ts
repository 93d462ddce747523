import type { Health } from '../server/contract/catalogue';
import { ANONYMOUS } from '../server/db/database';
import { route } from '../server/http/handler';

export default route({
  GET: async ({ app }) => {
    const { migration } = await app.db.rpc<{ migration: string | null }>('health', {}, ANONYMOUS);
    const body: Health = { status: 'ok', backend: app.db.backend, migration, mode: app.config.mode };
    return { body, headers: { 'Cache-Control': 'no-store' } };
  },
});
