import { getFacets } from '../../server/catalogue/catalogue-service';
import { facetQuery } from '../../server/catalogue/catalogue-queries';
import { queryObject, route, validate } from '../../server/http/handler';

export default route({
  GET: async ({ req, app, caller }) => ({
    body: await getFacets(app.db, caller, validate(facetQuery, queryObject(req))),
  }),
});
