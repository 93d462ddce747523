import { listCenters } from '../../server/catalogue/catalogue-service';
import { centerQuery } from '../../server/catalogue/catalogue-queries';
import { queryObject, route, validate } from '../../server/http/handler';

export default route({
  GET: async ({ req, app, caller }) => ({
    body: await listCenters(app.db, caller, validate(centerQuery, queryObject(req))),
  }),
});
