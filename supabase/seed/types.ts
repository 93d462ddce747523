// Shapes of the demo catalogue that `generate.ts` turns into `supabase/seed.sql`.
// Everything here is sample data: real names where public sources give them, the rest
// invented and marked `isSample`.
import type { HandlingMode, ItemCategory, MaterialForm } from '../../server/contract/catalogue';

export interface SeedCounty {
  code: string; // 6-digit administrative division code
  name: string;
  city: string;
  province: string;
}

export interface SeedSession {
  /** ISO weekdays this session applies to, 1 = Monday */
  weekdays: number[];
  opens: string; // 'HH:mm'
  closes: string;
}

export interface SeedCenter {
  /** stable key used to derive the id and to link stations and items */
  key: string;
  kind: 'center' | 'station';
  /** key of the parent centre, for a station */
  parentKey?: string;
  name: string;
  township: string;
  address: string;
  phone: string;
  scheduleNote?: string;
  latitude?: number;
  longitude?: number;
  /** true when the name or any detail is invented */
  isSample: boolean;
  sessions: SeedSession[];
}

export interface SeedDepartment {
  code: string; // ^[a-z][a-z0-9_]{1,39}$
  name: string;
}

export interface SeedMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  /** present for a conditional material: the yes/no question that decides it */
  condition?: string;
  notes?: string;
}

export interface SeedItem {
  code: string; // unique in the county, ^[A-Za-z0-9][A-Za-z0-9-]{1,39}$
  name: string;
  category: ItemCategory;
  department: string; // SeedDepartment.code
  handlingMode: HandlingMode;
  legalDays: number;
  promisedDays: number; // <= legalDays; 0 = 即办
  fee?: string; // omitted = 不收费
  summary: string;
  conditions: string;
  maxVisits: number; // 0 = 全程网办, 1 = 最多跑一次
  keywords?: string;
  popularity: number; // relative demand, 0–100
  materials: SeedMaterial[];
  /** where it is offered: 'all' centres, 'centers' only (not stations), or 'large' towns only */
  offeredAt: 'all' | 'centers' | 'large';
}
