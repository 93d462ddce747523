import { departmentInput } from '../../../../server/catalogue/catalogue-admin-requests';
import { listDepartments, saveDepartment } from '../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, validate } from '../../../../server/http/handler';

// County admin: the county's departments (GET); add one (POST; a repeat answers DEPARTMENT_TAKEN).
export default route({
  GET: async (ctx) => ({ body: await listDepartments(ctx.app.db, requireLogin(ctx)) }),
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const input = validate(departmentInput, jsonBody(ctx.req));
    return { status: 201, body: await saveDepartment(ctx.app.db, caller, input, ctx.now, null) };
  },
});
