import { requireLogin, route } from '../server/http/handler';

export default route({
  GET: async (ctx) => ({ body: await ctx.app.db.rpc('my_account', {}, requireLogin(ctx)) }),
});
