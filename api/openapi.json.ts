import { route } from '../server/http/handler';
import { buildOpenApi } from '../server/http/openapi';

export default route({
  GET: async () => ({ body: buildOpenApi(), headers: { 'Cache-Control': 'public, max-age=300' } }),
});
