// JSON shapes of village agents' errands (代办): the request, the hand-overs on its timeline,
// the agent's queue and what the centre manager sees go wrong. Declared once as zod schemas.
import { z } from 'zod';
import { instant, isoDate, named, uuid } from './registry';

export const village = named(
  'Village',
  z.object({
    id: uuid,
    centerId: uuid.meta({ description: 'the township service centre the village belongs to' }),
    name: z.string().meta({ examples: ['青杠村'] }),
    kind: z.enum(['village', 'community']).meta({ description: 'village: 村; community: 社区' }),
    sample: z.boolean().meta({ description: 'true for the demo data: not a real village list' }),
    agents: z.int().min(0).meta({ description: 'active agents serving it' }),
  }),
);
export const villageList = named('VillageList', z.object({ villages: z.array(village) }));
export type Village = z.infer<typeof village>;

export const ERRAND_STATUSES = ['requested', 'accepted', 'collected', 'filed', 'returned', 'signed', 'cancelled'] as const;
export const errandStatus = z.enum(ERRAND_STATUSES).meta({
  description: 'requested: waiting for an agent; accepted: an agent will visit; collected: 拿件, papers with the agent; filed: handed in at the centre; returned: 送件, result handed back; signed: 签收, done; cancelled',
});
export type ErrandStatus = z.infer<typeof errandStatus>;

export const visitPart = z.enum(['morning', 'afternoon', 'any']).meta({ description: 'morning: 上午; afternoon: 下午; any: 全天都行' });

export const ERRAND_EVENT_KINDS = ['requested', 'accepted', 'released', 'visit_missed', 'collected', 'booked', 'filed', 'progress', 'returned', 'signed', 'cancelled'] as const;
export const errandEvent = named(
  'ErrandEvent',
  z.object({
    kind: z.enum(ERRAND_EVENT_KINDS),
    at: instant,
    actorName: z.string().nullable().meta({ description: 'who did it' }),
    actorRole: z.string().nullable(),
    note: z.string().nullable(),
    materials: z.array(z.string()).optional().meta({ description: 'collected: the papers ticked as taken' }),
    signedBy: z.string().optional().meta({ description: 'signed: who signed for the result' }),
  }),
);
export type ErrandEvent = z.infer<typeof errandEvent>;

export const errandProblem = z.enum(['unassigned', 'visit_missed', 'visit_overdue', 'papers_not_returned']).meta({
  description: 'unassigned: no agent took it for a working day; visit_missed: the agent recorded a missed visit; visit_overdue: the visit day passed and nothing was collected; papers_not_returned: nothing was handed back although the case finished over 2 days ago, or the papers were collected over 10 days ago',
});
export type ErrandProblem = z.infer<typeof errandProblem>;

const errandFields = {
  id: uuid,
  status: errandStatus,
  centerId: uuid,
  centerName: z.string(),
  villageId: uuid,
  villageName: z.string(),
  itemId: uuid,
  itemName: z.string(),
  person: z.object({ id: uuid, name: z.string().meta({ description: 'masked except for the assigned agent, the person and their family' }) }),
  address: z.string().meta({ description: 'where to visit (shown to the village agents and the centre)' }),
  visitDate: isoDate,
  visitPart,
  note: z.string().nullable(),
  requestedAt: instant,
  requestedBy: z.string().meta({ description: 'who asked: 本人, a family member, or the centre' }),
  agent: z.object({ id: uuid, name: z.string() }).nullable(),
  bookingId: uuid.nullable(),
  problems: z.array(errandProblem),
};

export const errandSummary = named('ErrandSummary', z.object(errandFields));
export type ErrandSummary = z.infer<typeof errandSummary>;

export const errandMaterial = z.object({ id: uuid, name: z.string(), form: z.string(), copies: z.int(), collected: z.boolean() });

export const errandDetail = named(
  'ErrandDetail',
  z.object({
    ...errandFields,
    materials: z.array(errandMaterial).meta({ description: "the item's materials, ticked as collected (拿件)" }),
    timeline: z.array(errandEvent),
    actions: z.array(z.enum(['accept', 'release', 'visit_missed', 'collect', 'file', 'progress', 'return', 'sign', 'cancel', 'contact'])).meta({
      description: 'what the caller may do now',
    }),
  }),
);
export type ErrandDetail = z.infer<typeof errandDetail>;

export const errandList = named(
  'ErrandList',
  z.object({
    errands: z.array(errandSummary),
  }),
);
export type ErrandList = z.infer<typeof errandList>;

export const requestErrandBody = z.object({
  personId: uuid.meta({ description: 'who the errand is for: the caller, a consenting family member, or (staff) a registered person' }),
  itemId: uuid,
  villageId: uuid,
  address: z.string().trim().min(2).max(100),
  visitDate: isoDate,
  visitPart,
  note: z.string().trim().max(200).optional(),
});
export type RequestErrand = z.infer<typeof requestErrandBody>;

export const noteBody = z.object({ note: z.string().trim().max(200).optional() });
export const collectBody = z.object({
  materialIds: z.array(uuid).max(50).meta({ description: 'the papers taken (ticked against the item materials)' }),
  note: z.string().trim().max(200).optional(),
});
export const signBody = z.object({
  signedBy: z.string().trim().min(1).max(20).meta({ description: 'the name of whoever signed for the result: the person or a family member' }),
  note: z.string().trim().max(200).optional(),
});
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(200) });
export const fileBody = z.object({
  bookingId: uuid.optional().meta({ description: 'the booking made for the errand (when not already linked)' }),
  note: z.string().trim().max(200).optional(),
});
