import type { SeedCounty } from '../types';

/** 南江县（巴中市，四川省）— 行政区划代码 511922. */
export const county: SeedCounty = {
  code: '511922',
  name: '南江县',
  city: '巴中市',
  province: '四川省',
};
