// The demo accounts of the development login (supabase/seed/data/accounts.ts), as the H5 demo's
// login page offers them. Invented people.

export interface DemoAccount {
  login: string;
  name: string;
  /** who this is, in plain words */
  role: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'resident', name: '王秀英', role: '居民，给自己办事' },
  { login: 'family', name: '李强', role: '王秀英的家人，替她办事' },
  { login: 'agent', name: '赵红梅', role: '村代办员，替村民办事' },
  { login: 'manager-shahe', name: '刘军', role: '沙河镇便民服务中心负责人，设置中心' },
  { login: 'admin', name: '县政务服务管理员', role: '县管理员，设置全县的中心' },
];
