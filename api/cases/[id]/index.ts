import { getCase } from '../../../server/cases/case-service';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';

export default route({
  GET: async (ctx) => ({ body: await getCase(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now) }),
});
