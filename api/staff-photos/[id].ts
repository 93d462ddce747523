import { staffPhoto } from '../../server/center-config/config-service';
import { headerValue, route, uuidParam } from '../../server/http/handler';

// Public: a consented staff member's photo, with its own content type. Revalidated on every
// use (ETag, 304), so a withdrawn consent takes effect at once even through caches.
export default route({
  GET: async (ctx) => {
    const photo = await staffPhoto(ctx.app, ctx.caller, uuidParam(ctx.req));
    const headers = {
      'Content-Type': photo.type,
      ETag: photo.etag,
      'Cache-Control': 'public, no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (headerValue(ctx.req, 'if-none-match') === photo.etag) return { status: 304, body: null, headers };
    return { body: photo.bytes, headers };
  },
});
