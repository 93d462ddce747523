import { searchItems } from '../../server/catalogue/catalogue-service';
import { itemQuery } from '../../server/catalogue/catalogue-queries';
import { queryObject, route, validate } from '../../server/http/handler';

export default route({
  GET: async ({ req, app, caller }) => ({
    body: await searchItems(app.db, caller, validate(itemQuery, queryObject(req))),
  }),
});
