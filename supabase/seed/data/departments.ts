import type { SeedDepartment } from '../types';

// Departments whose business is handled at the township service centres (the field study:
// 社保、民政、残联、就业、医保、农业、林业、住建、自然资源和规划、卫健、退役军人事务、司法、
// 水电气、广电、通信; larger towns add 税务、市场监管、派出所户籍). Names are short enough
// for a phone list. Order is the display order.
export const departments: SeedDepartment[] = [
  { code: 'social_insurance', name: '县社保中心' },
  { code: 'medical_insurance', name: '县医疗保障局' },
  { code: 'civil_affairs', name: '县民政局' },
  { code: 'disabled_persons', name: '县残疾人联合会' },
  { code: 'employment', name: '县就业服务中心' },
  { code: 'agriculture', name: '县农业农村局' },
  { code: 'forestry', name: '县林业局' },
  { code: 'natural_resources', name: '县自然资源和规划局' },
  { code: 'housing', name: '县住房和城乡建设局' },
  { code: 'health', name: '县卫生健康局' },
  { code: 'veterans', name: '县退役军人事务局' },
  { code: 'justice', name: '县司法局' },
  { code: 'utilities', name: '供水供电供气' },
  { code: 'broadcasting', name: '广电网络公司' },
  { code: 'telecom', name: '电信移动联通' },
  { code: 'tax', name: '县税务局' },
  { code: 'market_regulation', name: '县市场监督管理局' },
  { code: 'household_registration', name: '派出所（户籍）' },
];

/** Department code → item code prefix (e.g. social_insurance → SB-001). */
export const departmentPrefixes: Record<string, string> = {
  social_insurance: 'SB',
  medical_insurance: 'YB',
  civil_affairs: 'MZ',
  disabled_persons: 'CL',
  employment: 'JY',
  agriculture: 'NY',
  forestry: 'LY',
  natural_resources: 'ZR',
  housing: 'ZJ',
  health: 'WJ',
  veterans: 'TY',
  justice: 'SF',
  utilities: 'SDQ',
  broadcasting: 'GD',
  telecom: 'TX',
  tax: 'SW',
  market_regulation: 'SJ',
  household_registration: 'HJ',
};
