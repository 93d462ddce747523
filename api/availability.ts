import { availabilityQuery } from '../server/booking/booking-requests';
import { availability } from '../server/booking/booking-service';
import { queryObject, route, validate } from '../server/http/handler';

export default route({
  GET: async ({ req, app, caller, now }) => {
    const q = validate(availabilityQuery, queryObject(req));
    return { body: await availability(app, caller, { centerId: q.center, itemId: q.item, from: q.from, to: q.to }, now) };
  },
});
