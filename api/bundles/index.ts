import { facetQuery } from '../../server/catalogue/catalogue-queries';
import { listBundles } from '../../server/catalogue/catalogue-service';
import { queryObject, route, validate } from '../../server/http/handler';

// 一件事一次办 bundles to browse: all, or those one centre can handle whole.
export default route({
  GET: async ({ req, app, caller }) => ({
    body: await listBundles(app.db, caller, validate(facetQuery, queryObject(req))),
  }),
});
