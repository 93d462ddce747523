// Demo accounts for the development login (`npm start`, tests). Invented people.
import type { AppRole } from '../../../server/auth/tokens';

export interface SeedAccount {
  login: string;
  role: AppRole;
  displayName: string;
  /** centre key for staff and managers */
  centerKey?: string;
  /** county code for admins */
  countyCode?: string;
  /** people this account acts for besides itself (their own account's login, or a person without one) */
  actsFor?: { person: string; relation: 'family' | 'agent_client' }[];
  /** staff-type accounts: the username of the password login (password DEMO_STAFF_PASSWORD) */
  username?: string;
}

/** The password of every demo staff account (development and demos only; documented in README). */
export const DEMO_STAFF_PASSWORD = 'bmfw2026';

/** People without an account (an agent's clients). */
export const seedPersons: { key: string; name: string }[] = [{ key: 'chen-defu', name: '陈德福' }];

export const accounts: SeedAccount[] = [
  { login: 'resident', role: 'resident', displayName: '王秀英' },
  { login: 'family', role: 'resident', displayName: '李强', actsFor: [{ person: 'resident', relation: 'family' }] },
  {
    login: 'agent',
    role: 'agent',
    displayName: '赵红梅',
    actsFor: [
      { person: 'resident', relation: 'agent_client' },
      { person: 'chen-defu', relation: 'agent_client' },
    ],
  },
  { login: 'staff-shahe', role: 'staff', displayName: '周敏', centerKey: 'shahe', username: 'zhoumin' },
  { login: 'manager-shahe', role: 'manager', displayName: '刘军', centerKey: 'shahe', username: 'liujun' },
  { login: 'admin', role: 'admin', displayName: '县政务服务管理员', countyCode: '511922', username: 'admin' },
];
