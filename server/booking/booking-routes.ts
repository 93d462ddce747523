// Booking over HTTP: availability (no login), a resident's bookings (book, list, one with its
// timeline, cancel, reschedule, reminders), and the staff's confirm and decline. Rules and
// permissions are checked in the database (the SQL functions the services call).
import { booking, bookingDetail, bookingList, availability as availabilityShape, reminderConsents } from '../contract/booking';
import { ratingResult } from '../contract/cases';
import { declineBody, ratingBody } from '../cases/case-requests';
import { confirmBooking, declineBooking, rateBooking } from '../cases/case-service';
import { RATING_INDICATORS } from '../cases/rating-indicators';
import { idempotencyKey, jsonBody, optionalIdempotencyKey, optionalJsonBody, queryObject, requireLogin, uuidParam, validate } from '../http/handler';
import { type Operation, operation, optionalKeyParameter } from '../http/operation';
import { availabilityQuery, bookingBody, cancelBody, rescheduleBody } from './booking-requests';
import { availability, book, cancel, getBooking, listMine, MAX_AVAILABILITY_DAYS, reschedule } from './booking-service';
import { recordReminderConsent, reminderBody } from './reminders';

const CUT_OFF =
  'Rules are per centre (`booking_rules`); defaults: booking opens 14 days ahead (today … today + 14, Shanghai dates) and closes 1 hour before the slot starts; cancelling and rescheduling close 1 hour before the booked start.';

const INDICATORS = `${RATING_INDICATORS.map((i) => `\`${i.code}\` ${i.label}`).join(', ')}`;

export const bookingOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/availability',
    operationId: 'getAvailability',
    tags: ['booking'],
    summary: 'Bookable days and slots · 可预约时段',
    description: [
      `For one centre and item, every date from \`from\` to \`to\` (at most ${MAX_AVAILABILITY_DAYS} days): open or not and why (statutory holiday with its name, weekend, closure, not yet open, already past, no capacity, full), and the slots with the seats left online. No login needed.`,
      'All windows serving the item pool their seats per start time; walk-in seats are not counted. On an adjusted working day (调休) the Monday hours apply.',
      CUT_OFF,
    ].join('\n\n'),
    auth: 'none',
    query: {
      schema: availabilityQuery,
      describe: { center: 'the centre', item: 'the service item', from: 'first date, YYYY-MM-DD (Shanghai)', to: `last date, YYYY-MM-DD, not before \`from\`` },
    },
    ok: { status: 200, description: 'the days', schema: availabilityShape },
    errors: {
      INVALID_DATE_RANGE: `more than ${MAX_AVAILABILITY_DAYS} days`,
      CENTER_NOT_FOUND: 'no active centre has this id',
      ITEM_NOT_FOUND: 'no published item has this id',
      ITEM_NOT_OFFERED: 'the centre does not handle this item',
    },
    handle: async ({ req, app, caller, now }) => {
      const q = validate(availabilityQuery, queryObject(req));
      return { body: await availability(app, caller, { centerId: q.center, itemId: q.item, from: q.from, to: q.to }, now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/bookings',
    operationId: 'listMyBookings',
    tags: ['booking'],
    summary: 'My bookings · 我的预约',
    description: 'Bookings the caller made and bookings for the people linked to the caller (family, agent clients), latest slot first.',
    auth: 'required',
    ok: { status: 200, description: 'the bookings', schema: bookingList },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await listMine(ctx.app, requireLogin(ctx)) }),
  }),
  operation({
    method: 'post',
    path: '/api/bookings',
    operationId: 'book',
    tags: ['booking'],
    summary: 'Book a slot · 预约',
    description: [
      'Takes one seat at `slotStart` (a start time from availability) for the caller, or for `applicantId`: a person linked to the caller who consented (family, or an agent\'s client). Answers 201 with the booking, its code and QR payload.',
      'Rules, checked in one transaction: the slot must be bookable now (open day, within the booking horizon, at least the cut-off before it starts); one active booking per applicant and item; per applicant at most `weekly_cap` (2) bookings per ISO week and `monthly_cap` (6) per calendar month (Shanghai), counting every booking that was not cancelled or declined; an applicant who cancelled a booking cannot take the same start time at the same centre again for `rebook_block_minutes` (60) (the seat is free for everyone else at once); a person restricted after repeated no-shows cannot book for themselves or through family (agents and staff still can).',
      CUT_OFF,
      'Requires `Idempotency-Key`: a retry with the same key and body answers the first booking again (201), even if the slot has closed since.',
    ].join('\n\n'),
    auth: 'required',
    idempotent: true,
    body: { schema: bookingBody, name: 'BookingRequest', required: true },
    ok: { status: 201, description: 'booked (or the first answer to this Idempotency-Key)', schema: booking },
    errors: {
      PASSWORD_CHANGE_REQUIRED: null,
      CENTER_NOT_FOUND: 'no active centre has this id',
      ITEM_NOT_FOUND: 'no published item has this id',
      ITEM_NOT_OFFERED: 'the centre does not handle this item',
      SLOT_NOT_AVAILABLE: 'not a slot start of that day, the day is closed, beyond the horizon or past the cut-off; `details.reason` says why when the whole day is closed',
      APPLICANT_NOT_LINKED: '`applicantId` is not the caller nor a consenting linked person',
      BOOKING_RESTRICTED: 'online booking suspended after repeated no-shows; `details.until`',
      ALREADY_BOOKED: 'the applicant has an active booking for this item',
      SLOT_RECENTLY_RELEASED: 'the applicant cancelled this start time at this centre less than `details.minutes` ago',
      WEEKLY_LIMIT_REACHED: 'the applicant has `details.limit` bookings that ISO week',
      MONTHLY_LIMIT_REACHED: 'the applicant has `details.limit` bookings that month',
      SLOT_FULL: 'no seat left at that time',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const input = validate(bookingBody, jsonBody(ctx.req));
      return { status: 201, body: await book(ctx.app, caller, input, key, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/bookings/{id}',
    operationId: 'getBooking',
    tags: ['booking'],
    summary: 'One booking with its timeline · 预约详情',
    description: 'A booking the caller may see, with its timeline (booked, rescheduled, cancelled, checked in, no-show …).',
    auth: 'required',
    pathId: 'the booking',
    ok: { status: 200, description: 'the booking', schema: bookingDetail },
    errors: { PASSWORD_CHANGE_REQUIRED: null, BOOKING_NOT_FOUND: 'no such booking, or not one the caller may see' },
    handle: async (ctx) => ({ body: await getBooking(ctx.app, requireLogin(ctx), uuidParam(ctx.req)) }),
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/cancel',
    operationId: 'cancelBooking',
    tags: ['booking'],
    summary: 'Cancel a booking · 取消预约',
    description: [
      'Cancels a booking of the caller or of a person linked to them and frees its seat at once. The body is optional (`{ "reason": "临时有事" }`). Cancelling a cancelled booking answers it again (200).',
      'Open until `cancel_hours_before` (1) hours before the slot starts; after that the resident phones the centre.',
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    idempotent: true,
    body: { schema: cancelBody, name: 'CancelRequest', required: false },
    ok: { status: 200, description: 'the cancelled booking', schema: booking },
    errors: {
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
      BOOKING_NOT_ACTIVE: 'already checked in, completed, declined or a no-show',
      CANCEL_TOO_LATE: 'less than `details.hours` before the slot starts',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const { reason } = validate(cancelBody, optionalJsonBody(ctx.req));
      return { body: await cancel(ctx.app, caller, id, reason, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/reschedule',
    operationId: 'rescheduleBooking',
    tags: ['booking'],
    summary: 'Move a booking to another time · 改期',
    description: [
      'Moves the booking to another start time at the same centre, for the same item; id and code stay, the status becomes `booked` again and the timeline gets a `rescheduled` event.',
      'Atomic: the new seat is taken first and the old one is released in the same transaction; when the new slot is full (409 `SLOT_FULL`) or any rule refuses, the booking is unchanged. Moving to its current start time answers the booking unchanged. The caps apply with the booking itself left out.',
      CUT_OFF,
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    idempotent: true,
    body: { schema: rescheduleBody, name: 'RescheduleRequest', required: true },
    ok: { status: 200, description: 'the moved booking (or the first answer to this Idempotency-Key)', schema: booking },
    errors: {
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
      BOOKING_NOT_ACTIVE: 'cancelled, checked in, completed, declined or a no-show',
      CANCEL_TOO_LATE: 'the booked slot starts in less than `details.hours`',
      CENTER_NOT_FOUND: "the booking's centre has been withdrawn",
      ITEM_NOT_FOUND: "the booking's item has been withdrawn",
      ITEM_NOT_OFFERED: 'the centre no longer handles the item',
      SLOT_NOT_AVAILABLE: 'the new time is not a bookable slot start',
      WEEKLY_LIMIT_REACHED: 'the new time would pass the weekly cap',
      MONTHLY_LIMIT_REACHED: 'the new time would pass the monthly cap',
      BOOKING_RESTRICTED: 'online booking is suspended for the applicant after repeated no-shows (`details.until`)',
      SLOT_RECENTLY_RELEASED: 'the applicant cancelled this very slot less than `details.minutes` ago',
      SLOT_FULL: 'no seat left at the new time; the booking is unchanged',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const { slotStart } = validate(rescheduleBody, jsonBody(ctx.req));
      return { body: await reschedule(ctx.app, caller, id, slotStart, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/reminders',
    operationId: 'recordReminderConsent',
    tags: ['booking'],
    summary: 'Reminders the resident allowed · 订阅提醒',
    description: [
      "After `wx.requestSubscribeMessage` (asked from a tap, at most 3 templates), the mini-program reports which templates it asked for and which the resident accepted, for a booking the caller may see (their own or a linked person's) that is still booked or confirmed. Each accepted template is recorded once per request: it allows WeChat to deliver one message (a reminder, a change) to the caller later. Nothing accepted records nothing.",
      'An Idempotency-Key is optional here: with one, a retry answers the first result and records nothing again.',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    extraParameters: [optionalKeyParameter('optional: a fresh random key per tap, reused on retries (8–100 characters of A–Z a–z 0–9 _ -)')],
    body: { schema: reminderBody, name: 'ReminderRequest', required: true },
    ok: { status: 200, description: "the caller's unsent accepts for this booking", schema: reminderConsents },
    errors: {
      PASSWORD_CHANGE_REQUIRED: null,
      IDEMPOTENCY_KEY_REQUIRED: 'an Idempotency-Key header was sent but is not 8–100 characters of A–Z a–z 0–9 _ -',
      BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
      BOOKING_NOT_ACTIVE: 'cancelled, checked in, completed, declined or a no-show',
      IDEMPOTENCY_KEY_REUSED: null,
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = optionalIdempotencyKey(ctx.req);
      const body = validate(reminderBody, jsonBody(ctx.req));
      return { body: await recordReminderConsent(ctx.app, caller, id, body, ctx.now, key) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/confirm',
    operationId: 'confirmBooking',
    tags: ['staff'],
    summary: 'Staff: confirm a booking · 确认预约',
    description: [
      "Staff and managers of the booking's centre: a pending booking (`booked`) becomes `confirmed`; the timeline gets `confirmed`. Confirming a confirmed booking answers it again. Admins and residents are refused; another centre's booking is not found. The applicant's name is masked.",
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    idempotent: true,
    ok: { status: 200, description: 'the confirmed booking', schema: booking },
    errors: {
      FORBIDDEN: 'the caller is not staff or a manager of a centre',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: "no such booking at the caller's centre",
      BOOKING_NOT_PENDING: 'checked in, completed, cancelled, declined or a no-show',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      return { body: await confirmBooking(ctx.app, caller, id, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/decline',
    operationId: 'declineBooking',
    tags: ['staff'],
    summary: 'Staff: decline a booking · 拒绝预约',
    description: [
      "Staff and managers of the booking's centre decline a booking that is not checked in yet (`booked` or `confirmed`) with a reason the resident reads (`statusReason`, and `{ reason }` in the timeline). The seat is freed at once. Declining a declined booking answers it again.",
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    idempotent: true,
    body: { schema: declineBody, name: 'DeclineRequest', required: true },
    ok: { status: 200, description: 'the declined booking', schema: booking },
    errors: {
      INVALID_INPUT: 'the reason is empty or too long',
      FORBIDDEN: 'the caller is not staff or a manager of a centre',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: "no such booking at the caller's centre",
      BOOKING_NOT_PENDING: 'checked in, completed, cancelled or a no-show',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const { reason } = validate(declineBody, jsonBody(ctx.req));
      return { body: await declineBooking(ctx.app, caller, id, reason, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/{id}/rating',
    operationId: 'rateBooking',
    tags: ['cases'],
    summary: 'Rate the service · 好差评',
    description: [
      `The applicant, or a family member linked with consent, rates a booking once its case is completed or rejected; once per booking. \`level\` 1–5 (5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意), \`indicators\` from the standard list (${INDICATORS}), an optional comment (≤ 300 characters).`,
      'Level 1 or 2 opens a rectification (整改) for the centre\'s manager, due 10 working days later: the answer has `followUp: true`, `followUpBy` and `followUpMessage` to show the resident. The timeline gets `rated`. Village agents and staff cannot rate.',
      'Requires `Idempotency-Key`: a retry answers the first rating (201).',
    ].join('\n\n'),
    auth: 'required',
    pathId: 'the booking',
    idempotent: true,
    body: { schema: ratingBody, name: 'RatingRequest', required: true },
    ok: { status: 201, description: 'the rating', schema: ratingResult },
    errors: {
      INVALID_INPUT: 'a value the database refuses',
      FORBIDDEN: 'the caller may see the booking but is not the applicant or consenting family (an agent, staff)',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
      RATING_NOT_YET: 'the case is not completed or rejected yet (or there is no case)',
      ALREADY_RATED: 'this booking has been rated',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const input = validate(ratingBody, jsonBody(ctx.req));
      return { status: 201, body: await rateBooking(ctx.app, caller, id, input, key, ctx.now) };
    },
  }),
];
