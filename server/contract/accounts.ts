// Staff accounts, password login and the audit log: JSON shapes shared with the mini-program.

export type AppRole = 'resident' | 'staff' | 'manager' | 'admin' | 'agent';
/** roles an account administrator can give */
export type StaffRole = 'staff' | 'manager' | 'admin';

/** The account as a login answers it (and as tokens carry it). */
export interface LoginAccount {
  id: string;
  role: AppRole;
  displayName: string;
  centerId: string | null;
  countyCode: string | null;
  /** true: the account can do nothing until the password is changed (POST /api/auth/password) */
  mustChangePassword?: boolean;
}

export interface LoginResult {
  token: string;
  account: LoginAccount;
}

export interface PasswordLoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** A staff account as the administration screens show it. */
export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  role: AppRole;
  centerId: string | null;
  centerName: string | null;
  countyCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** set while locked after repeated wrong passwords */
  lockedUntil: string | null;
  wechatBound: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
}

export interface StaffAccountList {
  rows: StaffAccount[];
}

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
export interface AccountWithPassword {
  account: StaffAccount;
  /** null when this answers a retry of the same request (Idempotency-Key): reset to get a new one */
  temporaryPassword: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  centerId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditEntry[];
  /** pass as `before` for the next (older) page; null at the end */
  nextBefore: number | null;
}
