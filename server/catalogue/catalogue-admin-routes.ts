// The county admin's catalogue over HTTP: items and their materials, publishing, 一件事 bundles,
// departments, and the spreadsheet import and export. Who may (an active admin, own county
// only) is checked by the database.
import {
  adminBundle, adminBundleList, adminItem, adminItemPage, department, departmentList, importReport, saveItemResult,
} from '../contract/catalogue-admin';
import { idempotencyKey, jsonBody, queryObject, rawBody, requireLogin, uuidParam, validate } from '../http/handler';
import { type Operation, operation } from '../http/operation';
import { adminItemQuery, bundleInput, catalogueItemInput, departmentInput, exportQuery, importQuery, publishInput } from './catalogue-admin-requests';
import {
  exportCatalogue, getItem, importCatalogue, listBundles, listDepartments, listItems, saveBundle, saveDepartment, saveItem, setPublished,
} from './catalogue-admin-service';

const ADMIN =
  "Active county admins only, their own county (checked in the database): residents, staff and managers get 403 `FORBIDDEN`; a deactivated admin 401; another county's ids are 404.";

const TAGS = ['catalogue-admin'];

export const catalogueAdminOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/admin/catalogue/items',
    operationId: 'adminListItems',
    tags: TAGS,
    summary: "Admin: the county's items · 事项管理",
    description: `Items of the admin's county, published or not, by code; search by name, other names, code or department. ${ADMIN}`,
    auth: 'required',
    query: { schema: adminItemQuery, describe: { q: 'words to find', published: 'true / false: only published / unpublished', limit: 'page size (≤ 200)', offset: 'rows to skip' } },
    ok: { status: 200, description: 'one page', schema: adminItemPage },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({
      body: await listItems(ctx.app.db, requireLogin(ctx), validate(adminItemQuery, queryObject(ctx.req))),
    }),
  }),
  operation({
    method: 'post',
    path: '/api/admin/catalogue/items',
    operationId: 'adminCreateItem',
    tags: TAGS,
    summary: 'Admin: create an item · 新增事项',
    description: `An item with its ordered materials, published unless \`published: false\`. The server writes its search pinyin. Audited (\`catalogue.item_create\`). Requires \`Idempotency-Key\`. ${ADMIN}`,
    auth: 'required',
    idempotent: true,
    body: { schema: catalogueItemInput, name: 'CatalogueItemInput', required: true },
    ok: { status: 201, description: 'the new item', schema: saveItemResult },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null, ITEM_CODE_TAKEN: 'the county has an item with this code', DEPARTMENT_NOT_FOUND: 'no department with this code in the county', CONFLICT: 'a concurrent change' },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const row = validate(catalogueItemInput, jsonBody(ctx.req));
      return { status: 201, body: await saveItem(ctx.app.db, caller, row, ctx.now, null, key) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/admin/catalogue/items/{id}',
    operationId: 'adminGetItem',
    tags: TAGS,
    summary: 'Admin: one item · 事项详情',
    description: `The item with its materials, published or not. ${ADMIN}`,
    auth: 'required',
    pathId: 'the item',
    ok: { status: 200, description: 'the item', schema: adminItem },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null, ITEM_NOT_FOUND: 'no item with this id in the county' },
    handle: async (ctx) => ({ body: await getItem(ctx.app.db, requireLogin(ctx), uuidParam(ctx.req)) }),
  }),
  operation({
    method: 'put',
    path: '/api/admin/catalogue/items/{id}',
    operationId: 'adminUpdateItem',
    tags: TAGS,
    summary: 'Admin: replace an item · 修改事项',
    description: `The whole item; the materials list is replaced as a whole, in the given order, in one transaction. \`status\` says whether anything changed. Audited (\`catalogue.item_update\`, with the names of the changed fields). ${ADMIN}`,
    auth: 'required',
    pathId: 'the item',
    body: { schema: catalogueItemInput, name: 'CatalogueItemInput', required: true },
    ok: { status: 200, description: 'the item as stored', schema: saveItemResult },
    errors: {
      FORBIDDEN: 'not an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      ITEM_NOT_FOUND: 'no item with this id in the county',
      ITEM_CODE_TAKEN: 'another item has this code',
      DEPARTMENT_NOT_FOUND: 'no department with this code in the county',
      CONFLICT: 'a concurrent change',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const row = validate(catalogueItemInput, jsonBody(ctx.req));
      return { body: await saveItem(ctx.app.db, caller, row, ctx.now, id, null) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/catalogue/items/{id}/publish',
    operationId: 'adminPublishItem',
    tags: TAGS,
    summary: 'Admin: publish or stop publishing · 发布 / 停止发布',
    description: `\`{ published }\`. An unpublished item disappears from the residents' catalogue and cannot be booked; bookings already made stay valid. When it has future bookings, unpublishing answers 409 \`ITEM_HAS_FUTURE_BOOKINGS\` with \`details.count\` until the request says \`keepBookings: true\`. Audited. ${ADMIN}`,
    auth: 'required',
    pathId: 'the item',
    body: { schema: publishInput, name: 'PublishItemRequest', required: true },
    ok: { status: 200, description: 'the item', schema: adminItem },
    errors: {
      FORBIDDEN: 'not an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      ITEM_NOT_FOUND: 'no item with this id in the county',
      ITEM_HAS_FUTURE_BOOKINGS: 'future bookings exist and `keepBookings` was not set (`details.count`)',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const input = validate(publishInput, jsonBody(ctx.req));
      return { body: await setPublished(ctx.app.db, caller, id, input, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/admin/catalogue/departments',
    operationId: 'adminListDepartments',
    tags: TAGS,
    summary: 'Admin: departments · 实施部门',
    description: `The county's departments in display order, with their item counts. ${ADMIN}`,
    auth: 'required',
    ok: { status: 200, description: 'the departments', schema: departmentList },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await listDepartments(ctx.app.db, requireLogin(ctx)) }),
  }),
  operation({
    method: 'post',
    path: '/api/admin/catalogue/departments',
    operationId: 'adminCreateDepartment',
    tags: TAGS,
    summary: 'Admin: add a department · 新增部门',
    description: `Code and name are unique in the county, so a repeated request answers 409 \`DEPARTMENT_TAKEN\` instead of adding twice. Audited. ${ADMIN}`,
    auth: 'required',
    body: { schema: departmentInput, name: 'DepartmentInput', required: true },
    ok: { status: 201, description: 'the department', schema: department },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null, DEPARTMENT_TAKEN: 'the county has a department with this code or name' },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const input = validate(departmentInput, jsonBody(ctx.req));
      return { status: 201, body: await saveDepartment(ctx.app.db, caller, input, ctx.now, null) };
    },
  }),
  operation({
    method: 'put',
    path: '/api/admin/catalogue/departments/{id}',
    operationId: 'adminUpdateDepartment',
    tags: TAGS,
    summary: 'Admin: rename a department · 修改部门',
    description: `Code, name and order. Audited. ${ADMIN}`,
    auth: 'required',
    pathId: 'the department',
    body: { schema: departmentInput, name: 'DepartmentInput', required: true },
    ok: { status: 200, description: 'the department', schema: department },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null, DEPARTMENT_NOT_FOUND: 'no department with this id in the county', DEPARTMENT_TAKEN: 'another department has this code or name' },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const input = validate(departmentInput, jsonBody(ctx.req));
      return { body: await saveDepartment(ctx.app.db, caller, input, ctx.now, id) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/admin/catalogue/bundles',
    operationId: 'adminListBundles',
    tags: TAGS,
    summary: 'Admin: bundles · 一件事管理',
    description: `The county's bundles, published or not, with their items in order. ${ADMIN}`,
    auth: 'required',
    ok: { status: 200, description: 'the bundles', schema: adminBundleList },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await listBundles(ctx.app.db, requireLogin(ctx)) }),
  }),
  operation({
    method: 'post',
    path: '/api/admin/catalogue/bundles',
    operationId: 'adminCreateBundle',
    tags: TAGS,
    summary: 'Admin: create a bundle · 新增一件事',
    description: `\`itemCodes\`: item codes of the county, the one a visit is booked for first. Audited. Requires \`Idempotency-Key\`. ${ADMIN}`,
    auth: 'required',
    idempotent: true,
    body: { schema: bundleInput, name: 'BundleInput', required: true },
    ok: { status: 201, description: 'the bundle', schema: adminBundle },
    errors: {
      FORBIDDEN: 'not an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      ITEM_CODES_UNKNOWN: 'codes that are not items of the county (`details.codes`)',
      BUNDLE_CODE_TAKEN: 'the county has a bundle with this code',
      INVALID_INPUT: 'a value the database refuses',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const input = validate(bundleInput, jsonBody(ctx.req));
      return { status: 201, body: await saveBundle(ctx.app.db, caller, input, ctx.now, null, key) };
    },
  }),
  operation({
    method: 'put',
    path: '/api/admin/catalogue/bundles/{id}',
    operationId: 'adminUpdateBundle',
    tags: TAGS,
    summary: 'Admin: replace a bundle · 修改一件事',
    description: `The whole bundle and its ordered item list. Audited. ${ADMIN}`,
    auth: 'required',
    pathId: 'the bundle',
    body: { schema: bundleInput, name: 'BundleInput', required: true },
    ok: { status: 200, description: 'the bundle', schema: adminBundle },
    errors: {
      FORBIDDEN: 'not an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      BUNDLE_NOT_FOUND: 'no bundle with this id in the county',
      ITEM_CODES_UNKNOWN: 'codes that are not items of the county',
      BUNDLE_CODE_TAKEN: 'another bundle has this code',
      INVALID_INPUT: 'a value the database refuses',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const input = validate(bundleInput, jsonBody(ctx.req));
      return { body: await saveBundle(ctx.app.db, caller, input, ctx.now, id, null) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/catalogue/import',
    operationId: 'adminImportCatalogue',
    tags: TAGS,
    summary: 'Admin: import the catalogue spreadsheet · 导入目录',
    description: [
      "The file's bytes as the body (`Content-Type: application/octet-stream`): an .xlsx workbook, or a CSV in UTF-8 (with or without BOM) or GB18030/GBK. Layout: docs/catalogue-spreadsheet.md. At most 4 MB and 5000 items.",
      '`dryRun=true` (the default) checks every row and reports every problem (sheet, row, column, plain Chinese message) and what the import would do; nothing is written. `dryRun=false` checks the same way and, only when there is no problem at all, upserts every row by item code in one transaction (all or nothing); with problems it answers 422 `IMPORT_INVALID` whose `details.report` is the same report. Items not in the file are left as they are. Audited (`catalogue.import`, counts and codes).',
      ADMIN,
    ].join('\n\n'),
    auth: 'required',
    query: { schema: importQuery, describe: { dryRun: 'true (default): only check; false: apply when there is no problem' } },
    upload: { contentType: 'application/octet-stream', description: 'the .xlsx or .csv file as it is' },
    // Vercel's own request limit (4.5 MB); the import refuses files over 4 MB with its own message
    maxBodyBytes: 4.5 * 1024 * 1024,
    ok: { status: 200, description: 'the report', schema: importReport },
    errors: {
      FORBIDDEN: 'not an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      UNSUPPORTED_MEDIA_TYPE: 'the body is not sent as `application/octet-stream`',
      PAYLOAD_TOO_LARGE: 'a body over 4.5 MB',
      IMPORT_FILE_TOO_LARGE: 'a file over 4 MB, or an .xlsx that unpacks to more than 60 MB',
      IMPORT_TOO_MANY_ROWS: 'more than 5000 items (or 50000 materials)',
      IMPORT_FORMAT_UNSUPPORTED: 'an old .xls/.et workbook or a UTF-16 text file',
      IMPORT_FILE_UNREADABLE: 'binary junk, a damaged workbook or a CSV that is neither UTF-8 nor GB18030',
      IMPORT_FILE_EMPTY: 'no header and no rows',
      IMPORT_INVALID: 'dryRun=false and the file has problems: `details.report`, `details.errorCount`; nothing written',
      CONFLICT: 'a concurrent change',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { dryRun } = validate(importQuery, queryObject(ctx.req));
      return { body: await importCatalogue(ctx.app.db, caller, rawBody(ctx.req), dryRun, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/admin/catalogue/export',
    operationId: 'adminExportCatalogue',
    tags: TAGS,
    summary: 'Admin: export the catalogue · 导出目录',
    description: `Every item of the county with its materials as a download (\`Content-Disposition: attachment\`, Chinese file name in \`filename*\`), in the layout the import reads, so the file imports back to the same catalogue. CSV is UTF-8 with BOM; cells that a spreadsheet program would run as a formula (starting with = + - @) get a leading apostrophe, which the import removes. ${ADMIN}`,
    auth: 'required',
    query: { schema: exportQuery, describe: { format: 'xlsx (default) or csv' } },
    ok: {
      status: 200,
      description: 'the file',
      schema: null,
      files: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv; charset=utf-8'],
      headers: { 'Content-Disposition': { schema: { type: 'string' }, description: "attachment; filename=\"…\"; filename*=UTF-8''…" } },
    },
    errors: { FORBIDDEN: 'not an admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { format } = validate(exportQuery, queryObject(ctx.req));
      return { file: await exportCatalogue(ctx.app.db, caller, format, ctx.now) };
    },
  }),
];
