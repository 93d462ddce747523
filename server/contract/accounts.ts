// Accounts, logins, staff account administration and the audit log: JSON shapes declared once
// as zod schemas (the operations answer with them, the OpenAPI document is generated from
// them, the API tests validate every answer against them); the mini-program imports the
// inferred types (type-only imports). The request types stay plain interfaces: their zod
// schemas are in server/accounts/account-requests.ts, server/auth/dev-login.ts and
// server/auth/wechat-login.ts.
import { z } from 'zod';
import { TOKEN_TTL_SECONDS } from '../auth/tokens';
import { instant, named, uuid } from './registry';

export const appRole = z.enum(['resident', 'staff', 'manager', 'admin', 'agent']);
export type AppRole = z.infer<typeof appRole>;
/** roles an account administrator can give */
export type StaffRole = 'staff' | 'manager' | 'admin';

const accountFields = {
  id: uuid,
  role: appRole,
  displayName: z.string(),
  centerId: uuid.nullable().meta({ description: 'staff and managers: their centre' }),
  countyCode: z.string().nullable().meta({ description: 'admins: their county' }),
};

/** The account as a resident login (WeChat, development) answers it and tokens carry it. */
export const account = named('Account', z.object(accountFields));
export type Account = z.infer<typeof account>;

/** The account as a password or staff WeChat login answers it (and as tokens carry it). */
export const loginAccount = named(
  'LoginAccount',
  z.object({
    ...accountFields,
    mustChangePassword: z
      .boolean()
      .meta({ description: 'true: nothing works until POST /api/auth/password (a new account, or reset by an admin)' }),
  }),
  'The account a password or staff WeChat login answers',
);
/**
 * Every login answer that has the flag sends it; the type keeps it optional, as the mini-program
 * also reads the plain `Account` of a resident login through it.
 */
export type LoginAccount = Omit<z.infer<typeof loginAccount>, 'mustChangePassword'> & { mustChangePassword?: boolean };

const TTL_DAYS = TOKEN_TTL_SECONDS / 86400;

/** The answer of the WeChat and development logins: a resident's account, or (WeChat `as: 'staff'`) a staff one. */
export const residentLoginResult = named(
  'LoginResult',
  z.object({
    token: z
      .string()
      .meta({ description: `our own signed token (HS256), valid ${TTL_DAYS} days: send it as \`Authorization: Bearer <token>\`` }),
    account: z.union([loginAccount, account]).meta({ description: "the account; a staff WeChat login (`as: 'staff'`) answers it with `mustChangePassword`" }),
  }),
);
export type ResidentLoginResult = z.infer<typeof residentLoginResult>;

/** The answer of the staff password login. */
export const staffLoginResult = named(
  'StaffLoginResult',
  z.object({
    token: z.string().meta({ description: `our own signed token (HS256), valid ${TTL_DAYS} days` }),
    account: loginAccount,
  }),
);
export type LoginResult = { token: string; account: LoginAccount };

export const changedPassword = named('ChangedPassword', z.object({ account: loginAccount }));
export type ChangedPassword = { account: LoginAccount };

/** GET /api/me: the account behind the token and the people the caller may book for. */
export const myAccount = named(
  'MyAccount',
  z.object({
    ...accountFields,
    phone: z
      .string()
      .nullable()
      .meta({ description: 'the phone number given through WeChat, masked (138****5678); null when none', examples: ['138****5678'] }),
    people: z.array(
      z.object({
        id: uuid,
        name: z.string(),
        relation: z.enum(['self', 'family', 'agent_client']),
        consented: z.boolean().meta({ description: 'only consenting people can be booked for (`applicantId`)' }),
      }),
    ),
  }),
);
export type MyAccount = z.infer<typeof myAccount>;

/** POST /api/auth/wechat/phone: the number as stored, masked. */
export const phoneResult = named(
  'PhoneResult',
  z.object({ phone: z.string().meta({ description: 'the number as stored, masked', examples: ['138****5678'] }) }),
);
export type PhoneResult = z.infer<typeof phoneResult>;

export interface PasswordLoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A staff account as the administration screens show it. */
export const staffAccount = named(
  'StaffAccount',
  z.object({
    id: uuid,
    username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/),
    displayName: z.string(),
    role: appRole,
    centerId: uuid.nullable(),
    centerName: z.string().nullable(),
    countyCode: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: instant.nullable().meta({ description: 'set while locked after repeated wrong passwords' }),
    wechatBound: z.boolean().meta({ description: 'a WeChat is bound for one-tap login (the openid is never answered)' }),
    lastLoginAt: instant.nullable(),
    passwordChangedAt: instant.nullable(),
    createdAt: instant,
  }),
  'A staff account as administrators see it: no password hash, no openid',
);
export type StaffAccount = z.infer<typeof staffAccount>;

export const staffAccountList = named('StaffAccountList', z.object({ rows: z.array(staffAccount) }));
export type StaffAccountList = z.infer<typeof staffAccountList>;

export interface CreateAccountRequest {
  username: string;
  displayName: string;
  role: StaffRole;
  centerId?: string | null;
}

export interface UpdateAccountRequest {
  displayName?: string;
  role?: StaffRole;
  centerId?: string | null;
}

/** A new account or a reset: the temporary password is shown once and never again. */
export const accountWithPassword = named(
  'AccountWithPassword',
  z.object({
    account: staffAccount,
    temporaryPassword: z
      .string()
      .nullable()
      .meta({ description: 'shown once, never stored in clear; null on an Idempotency-Key retry (reset the password to get a new one)' }),
  }),
);
export type AccountWithPassword = z.infer<typeof accountWithPassword>;

export const auditEntry = named(
  'AuditEntry',
  z.object({
    id: z.int(),
    at: instant,
    actorId: uuid.nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().meta({ description: 'role at the time, or `system` (command line)' }),
    centerId: uuid.nullable(),
    action: z.string().meta({ examples: ['account.create'] }),
    targetType: z.string(),
    targetId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).meta({ description: 'what changed; never personal data in clear' }),
  }),
);
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = named(
  'AuditPage',
  z.object({
    rows: z.array(auditEntry),
    nextBefore: z.int().nullable().meta({ description: 'pass as `before` for the next, older page; null at the end' }),
  }),
);
export type AuditPage = z.infer<typeof auditPage>;
