// JSON shapes of the centre configuration API (managers and county admins) and of the public
// staff-on-duty notice, declared once as zod schemas: the operations answer with them, the
// OpenAPI document is generated from them, the API tests validate every answer against them,
// and the mini-program imports the inferred types (type-only imports).
import { z } from 'zod';
import { centerKind, openingSession } from './catalogue';
import { instant, isoDate, named, uuid } from './registry';

/** ISO 1 = Monday … 7 = Sunday, 'HH:mm' (the same shape the public centre detail answers). */
export { openingSession };
export type { OpeningSession } from './catalogue';

const weekday = z.int().min(1).max(7).meta({ description: 'ISO weekday, Monday = 1' });
const hhmm = z.string().meta({ description: 'HH:mm', examples: ['08:30'] });

export const managedWindow = named(
  'ManagedWindow',
  z.object({ id: uuid, number: z.int(), name: z.string(), active: z.boolean(), itemIds: z.array(uuid).meta({ description: 'the items it serves' }) }),
);
export type ManagedWindow = z.infer<typeof managedWindow>;

export const managedItem = named(
  'ManagedItem',
  z.object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    department: z.string(),
    enabled: z.boolean().meta({ description: 'handled at this centre' }),
  }),
);
export type ManagedItem = z.infer<typeof managedItem>;

const capacitySessionFields = {
  starts: hhmm,
  ends: hhmm,
  slotMinutes: z.int(),
  seats: z.int().meta({ description: 'seats per slot, walk-in seats included' }),
  walkInSeats: z.int().meta({ description: 'of those, kept for people who come without booking' }),
};
export const capacitySession = named('CapacitySession', z.object(capacitySessionFields));
export type CapacitySession = z.infer<typeof capacitySession>;

export const managedTemplate = named(
  'ManagedTemplate',
  z.object({
    id: uuid,
    windowId: uuid,
    weekday,
    ...capacitySessionFields,
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
  }),
);
export type ManagedTemplate = z.infer<typeof managedTemplate>;

export const managedOverride = named('ManagedOverride', z.object({ id: uuid, windowId: uuid, date: isoDate, ...capacitySessionFields }));
export type ManagedOverride = z.infer<typeof managedOverride>;

export const managedClosure = named(
  'ManagedClosure',
  z.object({
    id: uuid,
    date: isoDate,
    windowId: uuid.nullable().meta({ description: 'null = the whole centre' }),
    reason: z.string(),
  }),
);
export type ManagedClosure = z.infer<typeof managedClosure>;

/**
 * Booking rules as stored: snake_case like the database columns, although
 * POST …/rules takes them in camelCase (RulesRequest).
 */
export const managedRules = named(
  'ManagedRules',
  z.object({
    open_days_ahead: z.int(),
    close_hours_before: z.int(),
    cancel_hours_before: z.int(),
    weekly_cap: z.int(),
    monthly_cap: z.int(),
    rebook_block_minutes: z.int(),
    no_show_grace_minutes: z.int(),
    no_show_limit: z.int(),
    no_show_window_days: z.int(),
    restriction_days: z.int(),
  }),
  'booking rules, snake_case as stored (the database columns); POST /api/manage/centers/{id}/rules takes the same rules in camelCase (openDaysAhead …)',
);
export type ManagedRules = z.infer<typeof managedRules>;

export const managedStaff = named(
  'ManagedStaff',
  z.object({
    id: uuid,
    name: z.string(),
    post: z.string(),
    active: z.boolean(),
    dutyWeekdays: z.array(weekday),
    photoUrl: z.string().nullable().meta({ description: 'relative URL of the photo' }),
    hasPhoto: z.boolean(),
    consentAt: instant.nullable(),
    consentWithdrawnAt: instant.nullable(),
    public: z.boolean().meta({ description: 'shown to the public (active, consent given and not withdrawn)' }),
    onDutyToday: z.boolean(),
    todayOverride: z.boolean().nullable().meta({ description: "today's exception to the weekly days (null = none)" }),
  }),
);
export type ManagedStaff = z.infer<typeof managedStaff>;

export const keptSlot = named(
  'KeptSlot',
  z.object({
    windowId: uuid,
    start: instant,
    booked: z.int(),
    inConfig: z.boolean().meta({ description: 'false: the new configuration has no such slot; the booked seats were kept' }),
  }),
);
export type KeptSlot = z.infer<typeof keptSlot>;

export const centerConfig = named(
  'CenterConfig',
  z.object({
    center: z.object({ id: uuid, name: z.string(), kind: centerKind, township: z.string(), countyCode: z.string(), active: z.boolean() }),
    openingHours: z.array(openingSession),
    windows: z.array(managedWindow),
    items: z.array(managedItem).meta({ description: "the county's items, with whether this centre handles them" }),
    templates: z.array(managedTemplate),
    overrides: z.array(managedOverride).meta({ description: 'from today' }),
    closures: z.array(managedClosure).meta({ description: 'from today' }),
    rules: managedRules,
    staff: z.array(managedStaff),
    futureBookings: z.object({ count: z.int(), first: instant.nullable() }).meta({ description: 'active bookings from now on' }),
    reconciled: z
      .object({ slotsUpdated: z.int(), kept: z.array(keptSlot) })
      .optional()
      .meta({ description: 'after a capacity change: future slots brought in line, and those kept for their bookings' }),
    cancelledBookings: z.int().optional().meta({ description: 'after a closure with cancelAffected' }),
  }),
  "a centre's whole configuration for its manager or the county admin; after a capacity change also `reconciled`, after a closure `cancelledBookings`",
);
export type CenterConfig = z.infer<typeof centerConfig>;

export const managedCenterSummary = named(
  'ManagedCenterSummary',
  z.object({ id: uuid, name: z.string(), kind: centerKind, township: z.string(), active: z.boolean() }),
);
export type ManagedCenterSummary = z.infer<typeof managedCenterSummary>;

export const managedCenters = named('ManagedCenters', z.object({ centers: z.array(managedCenterSummary) }));
export type ManagedCenters = z.infer<typeof managedCenters>;

export const centerItemResult = named('CenterItemResult', z.object({ itemId: uuid, enabled: z.boolean() }));
export type CenterItemResult = z.infer<typeof centerItemResult>;

/** GET /api/centers/{id}/on-duty — public, consented staff only. */
export const onDutyStaff = named(
  'OnDutyStaff',
  z.object({ id: uuid, name: z.string(), post: z.string(), photoUrl: z.string().nullable().meta({ description: 'relative URL of the photo' }) }),
);
export type OnDutyStaff = z.infer<typeof onDutyStaff>;

export const onDuty = named('OnDuty', z.object({ centerId: uuid, date: isoDate, staff: z.array(onDutyStaff) }));
export type OnDuty = z.infer<typeof onDuty>;
