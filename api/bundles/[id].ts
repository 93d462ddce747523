import { getBundle } from '../../server/catalogue/catalogue-service';
import { route, uuidParam } from '../../server/http/handler';

export default route({
  GET: async ({ req, app, caller }) => ({ body: await getBundle(app.db, caller, uuidParam(req)) }),
});
