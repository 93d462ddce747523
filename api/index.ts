// The one Vercel function: every /api/… request is rewritten here (vercel.json) and answered by
// the router, the same app the local and self-hosted server mounts.
import { getRequestListener } from '@hono/node-server';
import { readConfig } from '../server/config/config';
import { createApiApp } from '../server/http/api-app';
import { OPERATIONS } from '../server/http/operations';

export default getRequestListener(createApiApp(OPERATIONS, { maxBodyBytes: readConfig().maxBodyBytes }).fetch);
