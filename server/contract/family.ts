// JSON shapes of family proxies (亲友代办) and of the people staff register for those who phone
// or walk in: who acts for whom, how the person consented, and the masked identity shown.
// Declared once as zod schemas; the operations answer with them, OpenAPI is generated from
// them, the mini-program imports the inferred types.
import { z } from 'zod';
import { normaliseResidentId, RESIDENT_ID_MESSAGES, residentIdProblem } from '../privacy/resident-id';
import { instant, named, uuid } from './registry';

/** An 18-digit resident ID number, normalised (upper-case X, no spaces) and checked (GB 11643). */
export const residentIdNumber = z
  .string()
  .max(40)
  .transform(normaliseResidentId)
  .superRefine((id, ctx) => {
    const problem = residentIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_MESSAGES[problem] });
  })
  .meta({ description: '18-digit resident ID number (GB 11643 checksum); spaces and a lower-case x are accepted' });

/** How the person said yes: a code read back from their SMS, their own WeChat, or at the centre. */
export const consentMethod = z.enum(['sms', 'wechat', 'center']);
export type ConsentMethod = z.infer<typeof consentMethod>;

export const RELATIONSHIPS = ['父母', '祖父母', '配偶', '子女', '兄弟姐妹', '其他亲属'] as const;
export const relationship = z.enum(RELATIONSHIPS).meta({ description: 'what the person is to the family member (e.g. 父母: the family member is their child)' });
export type Relationship = z.infer<typeof relationship>;

const maskedId = z.string().meta({ description: 'masked resident ID number', examples: ['5119**********1234'] });
const maskedPhone = z.string().nullable().meta({ description: 'masked mobile number; null when none is known', examples: ['138****5678'] });

export const consentCode = named(
  'ConsentCode',
  z.object({
    sentTo: z.string().meta({ description: 'the masked number the code went to', examples: ['138****5678'] }),
    sentAt: instant,
    expiresAt: instant,
    attemptsLeft: z.int().min(0),
    resendAfter: instant.meta({ description: 'a new code can be asked for from then on' }),
    delivered: z.boolean().meta({ description: 'false when the SMS could not be handed to the provider (then: resend, WeChat card or at the centre)' }),
    demoCode: z.string().optional().meta({ description: 'only on a local demo without an SMS provider (never in production): the code itself' }),
  }),
  'the last consent code sent to the person',
);
export type ConsentCode = z.infer<typeof consentCode>;

export const familyLink = named(
  'FamilyLink',
  z.object({
    personId: uuid,
    name: z.string(),
    idNumber: maskedId,
    phone: maskedPhone,
    relationship,
    status: z.enum(['pending', 'consented']).meta({ description: 'pending: the person has not said yes yet; nothing about them can be seen or booked' }),
    consentedVia: consentMethod.nullable(),
    requestedAt: instant,
    consentedAt: instant.nullable(),
    code: consentCode.nullable().meta({ description: 'while pending: the last code sent' }),
  }),
  'a person the caller acts for (or has asked to), with how they consented',
);
export type FamilyLink = z.infer<typeof familyLink>;

export const familyList = named('FamilyList', z.object({ people: z.array(familyLink), limit: z.int().meta({ description: 'how many people one account may manage' }) }));
export type FamilyList = z.infer<typeof familyList>;

export const addFamilyBody = z.object({
  name: z.string().trim().min(1).max(20).meta({ description: 'the name on the ID card' }),
  idNumber: residentIdNumber,
  phone: z.string().trim().meta({ description: "the person's mobile number (11 digits); the code goes here unless a number is already on record for them" }),
  relationship,
});
export type AddFamilyRequest = z.infer<typeof addFamilyBody>;

export const confirmCodeBody = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/).meta({ description: 'the 6 digits from the SMS' }) });

export const familyInvite = named(
  'FamilyInvite',
  z.object({
    token: z.string().meta({ description: 'opaque; travels in the shared card' }),
    path: z.string().meta({ description: 'the mini-program page the card opens' }),
    title: z.string().meta({ description: "the card's title" }),
    expiresAt: instant,
  }),
  'a WeChat card the family member shares with the person, who confirms in their own WeChat',
);
export type FamilyInvite = z.infer<typeof familyInvite>;

export const inviteView = named(
  'FamilyInviteView',
  z.object({
    requesterName: z.string().meta({ description: 'who asks to act for the person' }),
    relationship,
    personName: z.string().meta({ description: 'masked' }),
    idNumber: maskedId,
    phone: maskedPhone,
    expiresAt: instant,
    status: z.enum(['open', 'accepted', 'expired', 'ended']),
    canAccept: z.boolean(),
    why: z.string().nullable().meta({ description: 'when canAccept is false: what to do, in plain Chinese' }),
  }),
  'what the person sees when opening the shared card',
);
export type InviteView = z.infer<typeof inviteView>;

export const proxy = named(
  'Proxy',
  z.object({
    userId: uuid,
    name: z.string(),
    relationship,
    since: instant,
    via: consentMethod,
  }),
  'someone who acts for the caller',
);
export const proxyList = named('ProxyList', z.object({ proxies: z.array(proxy) }));
export type Proxy = z.infer<typeof proxy>;
export type ProxyList = z.infer<typeof proxyList>;

export const endedLink = named('EndedLink', z.object({ ended: z.boolean().meta({ description: 'false when there was no link (ending twice is not an error)' }) }));

// --- staff: people who phone or walk in -------------------------------------------------

export const registeredPerson = named(
  'RegisteredPerson',
  z.object({
    id: uuid,
    name: z.string(),
    idNumber: maskedId.nullable(),
    phone: maskedPhone,
    hasAccount: z.boolean().meta({ description: 'the person uses the mini-program themselves' }),
  }),
  'a person as staff see them: masked',
);
export type RegisteredPerson = z.infer<typeof registeredPerson>;

export const registerPersonBody = z.object({
  name: z.string().trim().min(1).max(20),
  idNumber: residentIdNumber,
  phone: z.string().trim().optional().meta({ description: 'for the SMS notifications; keeps the number on record when left out' }),
});
export type RegisterPersonRequest = z.infer<typeof registerPersonBody>;

export const lookupPersonBody = z.object({ idNumber: residentIdNumber });

export const pendingConsent = z.object({
  requesterId: uuid,
  requesterName: z.string(),
  relationship,
  requestedAt: instant,
});
export const personLookup = named(
  'PersonLookup',
  z.object({
    person: registeredPerson.nullable().meta({ description: 'null: nobody with this ID number yet' }),
    pendingConsents: z.array(pendingConsent).meta({ description: 'family members waiting for this person to consent (to confirm at the window, ID card in hand)' }),
  }),
);
export type PersonLookup = z.infer<typeof personLookup>;

export const confirmAtCenterBody = z.object({ idNumber: residentIdNumber, requesterId: uuid });

export const personContact = named(
  'PersonContact',
  z.object({
    phone: z.string().nullable().meta({ description: 'the full number, to call the person; this read is written to the audit log' }),
  }),
);
export type PersonContact = z.infer<typeof personContact>;
