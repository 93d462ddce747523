// 好差评 follow-up over HTTP for managers (their centre) and county admins (their county): the
// ratings with a summary, and closing a follow-up (整改). Scope is checked in the database.
import { ratingList, rectification } from '../contract/follow-up';
import { jsonBody, queryObject, requireLogin, uuidParam, validate } from '../http/handler';
import { type Operation, operation } from '../http/operation';
import { closeRectification, closeRectificationBody, listRatings, ratingsQuery } from './follow-up';

export const followUpOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/manage/ratings',
    operationId: 'listRatings',
    tags: ['manage'],
    summary: 'Managers: ratings and follow-ups · 好差评统计',
    description:
      "The centre's manager (their centre) and the county admin (their county, or one centre with `center`): the ratings newest first, each with the item, the centre, who finished the case, the booking code and its follow-up (整改); and a summary over the filter: total, satisfied (levels 4–5), 满意率, per level, per indicator, open and overdue follow-ups. Dates are Shanghai dates of the rating.",
    auth: 'required',
    query: {
      schema: ratingsQuery,
      describe: {
        center: 'one centre (admins); a manager may give their own',
        from: 'first date, YYYY-MM-DD',
        to: 'last date, YYYY-MM-DD',
        bad: '`true`: only 不满意 and 非常不满意 rows (the summary still covers all)',
        limit: 'page size, 1–100',
        offset: 'rows to skip',
      },
    },
    ok: { status: 200, description: 'the ratings and the summary', schema: ratingList },
    errors: { FORBIDDEN: 'not a manager or an admin', PASSWORD_CHANGE_REQUIRED: null, CENTER_NOT_FOUND: "the centre is not in the caller's scope" },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await listRatings(ctx.app.db, caller, validate(ratingsQuery, queryObject(ctx.req)), ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/rectifications/{id}/close',
    operationId: 'closeRectification',
    tags: ['manage'],
    summary: 'Managers: close a follow-up · 整改办结',
    description:
      "The centre's manager or the county admin records what was done about a bad rating; the resident reads it on their booking. Closing again with the same words answers the same; with other words it is 409.",
    auth: 'required',
    pathId: 'the follow-up',
    body: { schema: closeRectificationBody, name: 'CloseRectificationRequest', required: true },
    ok: { status: 200, description: 'the closed follow-up', schema: rectification },
    errors: {
      FORBIDDEN: 'not a manager or an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      RECTIFICATION_NOT_FOUND: "no such follow-up in the caller's centre or county",
      RECTIFICATION_CLOSED: 'already closed with other words',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const { resolution } = validate(closeRectificationBody, jsonBody(ctx.req));
      return { body: await closeRectification(ctx.app.db, caller, id, resolution, ctx.now) };
    },
  }),
];
