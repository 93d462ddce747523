import { importQuery } from '../../../server/catalogue/catalogue-admin-requests';
import { importCatalogue } from '../../../server/catalogue/catalogue-admin-service';
import { queryObject, rawBody, requireLogin, route, validate } from '../../../server/http/handler';

// County admin: upload the catalogue spreadsheet (.xlsx or CSV, raw bytes as
// application/octet-stream). ?dryRun=true (the default) only checks and reports; dryRun=false
// applies every row or none.
export default route(
  {
    POST: async (ctx) => {
      const caller = requireLogin(ctx);
      const { dryRun } = validate(importQuery, queryObject(ctx.req));
      return { body: await importCatalogue(ctx.app.db, caller, rawBody(ctx.req), dryRun, ctx.now) };
    },
  },
  // Vercel's own request limit (4.5 MB); the import refuses files over 4 MB with its own message
  { maxBodyBytes: 4.5 * 1024 * 1024 },
);
