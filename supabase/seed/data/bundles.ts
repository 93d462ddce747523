// 一件事一次办 demo bundles: items a life event needs, handled as one matter at one window.
// Invented groupings in the spirit of Sichuan's "一件事" lists; the first item is the one a
// visit is booked for.
export interface SeedBundle {
  code: string;
  name: string;
  summary: string;
  keywords: string;
  popularity: number;
  /** item codes, the booked item first */
  items: string[];
}

export const bundles: SeedBundle[] = [
  {
    code: 'YJS-001',
    name: '新生儿出生一件事',
    summary: '孩子出生后要办的几件事一次办好：上户口、参加医保、出生医学证明咨询、育儿补贴申领。到一个窗口交一套材料，不用来回跑。',
    keywords: '生孩子 出生 上户口 新生儿医保 出生证',
    popularity: 80,
    items: ['HJ-005', 'YB-003', 'WJ-006', 'WJ-002'],
  },
  {
    code: 'YJS-002',
    name: '困难群众救助一件事',
    summary: '家里生活困难，可一次申请低保、临时救助、医疗救助和养老保险代缴，工作人员帮您看能享受哪些。',
    keywords: '低保 救助 困难 吃低保 困难户',
    popularity: 90,
    items: ['MZ-001', 'MZ-003', 'YB-010', 'SB-015'],
  },
  {
    code: 'YJS-003',
    name: '残疾人服务一件事',
    summary: '办残疾人证的同时，一并申请辅助器具适配和家庭无障碍改造。',
    keywords: '残疾证 辅具 轮椅 无障碍',
    popularity: 60,
    items: ['CL-001', 'CL-007', 'CL-009'],
  },
  {
    code: 'YJS-004',
    name: '城乡居民参保一件事',
    summary: '城乡居民医疗保险和养老保险一次参保登记。',
    keywords: '参保 医保 养老保险 社保',
    popularity: 70,
    items: ['YB-001', 'SB-001'],
  },
];
