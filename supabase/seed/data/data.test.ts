import type { HandlingMode, ItemCategory, MaterialForm } from '../../../server/contract/catalogue';
import { centers, largeCenterKeys } from './centers';
import { county } from './county';
import { departmentPrefixes, departments } from './departments';
import { items } from './items';

const CATEGORIES: ItemCategory[] = ['permit', 'confirmation', 'public_service', 'convenience', 'other_power'];
const MODES: HandlingMode[] = ['immediate', 'commitment', 'joint', 'report_up', 'online'];
const FORMS: MaterialForm[] = ['original', 'copy', 'original_and_copy', 'electronic'];
const DEPARTMENTS = [
  'social_insurance', 'civil_affairs', 'disabled_persons', 'employment', 'medical_insurance', 'agriculture',
  'forestry', 'housing', 'natural_resources', 'health', 'veterans', 'justice', 'utilities', 'broadcasting',
  'telecom', 'tax', 'market_regulation', 'household_registration',
];
const LARGE_ONLY_DEPARTMENTS = ['tax', 'market_regulation', 'household_registration'];
/** large-town departments' items that every township nevertheless takes */
const LARGE_DEPARTMENT_EXCEPTIONS = ['SJ-013'];

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe('demo county', () => {
  it('is Nanjiang County, Bazhong, Sichuan', () => {
    expect(county).toEqual({ code: '511922', name: '南江县', city: '巴中市', province: '四川省' });
  });
});

describe('demo centres', () => {
  const mains = centers.filter((c) => c.kind === 'center');
  const stations = centers.filter((c) => c.kind === 'station');

  it('has 32 township centres: 1 subdistrict, 29 towns, 2 townships', () => {
    expect(mains).toHaveLength(32);
    expect(mains.filter((c) => c.township.endsWith('街道'))).toHaveLength(1);
    expect(mains.filter((c) => c.township.endsWith('镇'))).toHaveLength(29);
    expect(mains.filter((c) => c.township.endsWith('乡')).map((c) => c.township).sort()).toEqual(['团结乡', '神门乡'].sort());
    for (const c of mains) {
      expect(c.parentKey).toBeUndefined();
      expect(c.name).toBe(`${c.township}便民服务中心`);
    }
  });

  it('uses the township names known from public sources', () => {
    const names = mains.map((c) => c.township);
    for (const known of [
      '集州街道', '沙河镇', '长赤镇', '大河镇', '光雾山镇', '下两镇', '赶场镇', '杨坝镇', '天池镇', '关坝镇', '元潭镇', '坪河镇',
      '团结乡', '神门乡',
    ]) expect(names).toContain(known);
  });

  it('has 16 stations, each under an existing centre', () => {
    expect(stations).toHaveLength(16);
    const mainKeys = new Set(mains.map((c) => c.key));
    for (const s of stations) {
      expect(s.parentKey && mainKeys.has(s.parentKey)).toBe(true);
      expect(s.name).toMatch(/便民服务站$/);
      expect(s.key).toMatch(/^st-[a-z]+$/);
      expect(s.scheduleNote).toBeTruthy();
    }
  });

  it('has unique keys, names and phones in the allowed formats', () => {
    expect(duplicates(centers.map((c) => c.key))).toEqual([]);
    expect(duplicates(centers.map((c) => c.name))).toEqual([]);
    expect(duplicates(centers.map((c) => c.phone))).toEqual([]);
    for (const c of centers) {
      expect(c.key).toMatch(/^[a-z][a-z-]{1,30}$/);
      expect(c.phone).toMatch(/^[0-9][0-9-]{4,19}$/);
      expect(c.phone).toMatch(/^0827-8\d{6}$/);
      expect(c.name.length).toBeGreaterThanOrEqual(2);
      expect(c.name.length).toBeLessThanOrEqual(60);
      expect(c.township.length).toBeLessThanOrEqual(30);
      expect(c.address).toMatch(/^南江县/);
      expect(c.address.length).toBeLessThanOrEqual(200);
      expect((c.scheduleNote ?? '').length).toBeLessThanOrEqual(200);
      expect(c.isSample).toBe(true);
    }
  });

  it('places centres in Nanjiang', () => {
    for (const c of centers) {
      expect(Math.abs((c.latitude ?? 32.35) - 32.35)).toBeLessThanOrEqual(0.4);
      expect(Math.abs((c.longitude ?? 106.84) - 106.84)).toBeLessThanOrEqual(0.4);
    }
  });

  it('has valid, non-overlapping opening sessions', () => {
    for (const c of centers) {
      expect(c.sessions.length).toBeGreaterThan(0);
      const byDay = new Map<number, [number, number][]>();
      for (const s of c.sessions) {
        expect(s.opens).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(s.closes).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(minutes(s.opens)).toBeLessThan(minutes(s.closes));
        expect(s.weekdays.length).toBeGreaterThan(0);
        expect(duplicates(s.weekdays.map(String))).toEqual([]);
        for (const d of s.weekdays) {
          expect(Number.isInteger(d) && d >= 1 && d <= 7).toBe(true);
          byDay.set(d, [...(byDay.get(d) ?? []), [minutes(s.opens), minutes(s.closes)]]);
        }
      }
      for (const [day, ranges] of byDay) {
        const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i]![0] < sorted[i - 1]![1]) throw new Error(`${c.key}: sessions overlap on weekday ${day}`);
        }
      }
    }
  });

  it('opens centres on all working days and stations only on some days', () => {
    const days = (key: string) => new Set(centers.find((c) => c.key === key)!.sessions.flatMap((s) => s.weekdays));
    for (const c of mains) for (const d of [1, 2, 3, 4, 5]) expect(days(c.key).has(d)).toBe(true);
    expect(stations.some((s) => days(s.key).size < 5)).toBe(true);
  });

  it('marks 8–10 existing centres as large', () => {
    expect(largeCenterKeys.length).toBeGreaterThanOrEqual(8);
    expect(largeCenterKeys.length).toBeLessThanOrEqual(10);
    expect(duplicates(largeCenterKeys)).toEqual([]);
    for (const key of largeCenterKeys) expect(mains.some((c) => c.key === key)).toBe(true);
    expect(largeCenterKeys).toContain('jizhou');
  });
});

describe('demo departments', () => {
  it('covers the departments of the field study with valid codes and unique short names', () => {
    expect(departments.map((d) => d.code).sort()).toEqual([...DEPARTMENTS].sort());
    expect(duplicates(departments.map((d) => d.name))).toEqual([]);
    for (const d of departments) {
      expect(d.code).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
      expect(d.name.length).toBeGreaterThanOrEqual(2);
      expect(d.name.length).toBeLessThanOrEqual(12);
      expect(departmentPrefixes[d.code]).toMatch(/^[A-Z]{2,3}$/);
    }
    expect(duplicates(Object.values(departmentPrefixes))).toEqual([]);
  });
});

describe('demo items', () => {
  it('has at least 260 items with unique codes and names', () => {
    expect(items.length).toBeGreaterThanOrEqual(260);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.name))).toEqual([]);
  });

  it('uses every department, category and handling mode', () => {
    for (const d of DEPARTMENTS) expect(items.some((i) => i.department === d)).toBe(true);
    for (const c of CATEGORIES) expect(items.some((i) => i.category === c)).toBe(true);
    for (const m of MODES) expect(items.some((i) => i.handlingMode === m)).toBe(true);
    // public service and convenience are the most common categories
    const count = (c: ItemCategory) => items.filter((i) => i.category === c).length;
    expect(count('public_service')).toBeGreaterThan(count('permit'));
    expect(count('convenience')).toBeGreaterThan(count('permit'));
  });

  it('has well-formed fields', () => {
    const departmentCodes = new Set(departments.map((d) => d.code));
    for (const i of items) {
      const where = `${i.code} ${i.name}`;
      expect(departmentCodes.has(i.department)).toBe(true);
      expect(i.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/);
      expect(i.code).toMatch(new RegExp(`^${departmentPrefixes[i.department]}-\\d{3}$`));
      expect(CATEGORIES).toContain(i.category);
      expect(MODES).toContain(i.handlingMode);
      expect(i.name.length).toBeGreaterThanOrEqual(2);
      expect(i.name.length).toBeLessThanOrEqual(100);
      expect(i.summary.length).toBeGreaterThanOrEqual(1);
      expect(i.summary.length).toBeLessThanOrEqual(2000);
      expect(i.conditions.length).toBeGreaterThanOrEqual(1);
      expect(i.conditions.length).toBeLessThanOrEqual(2000);
      expect((i.keywords ?? '').length).toBeLessThanOrEqual(500);
      if (i.fee !== undefined) {
        expect(i.fee.length).toBeGreaterThanOrEqual(1);
        expect(i.fee.length).toBeLessThanOrEqual(200);
      }
      expect(Number.isInteger(i.legalDays) && i.legalDays >= 0 && i.legalDays <= 365).toBe(true);
      expect(Number.isInteger(i.promisedDays) && i.promisedDays >= 0).toBe(true);
      if (i.promisedDays > i.legalDays) throw new Error(`${where}: promised ${i.promisedDays} > legal ${i.legalDays}`);
      if (i.handlingMode === 'immediate' && i.promisedDays !== 0) throw new Error(`${where}: 即办 must promise 0 days`);
      expect([0, 1, 2]).toContain(i.maxVisits);
      expect(Number.isInteger(i.popularity) && i.popularity >= 0 && i.popularity <= 100).toBe(true);
      expect(['all', 'centers', 'large']).toContain(i.offeredAt);
    }
  });

  it('offers tax, market regulation and household registration only in large towns', () => {
    for (const i of items) {
      if (LARGE_ONLY_DEPARTMENTS.includes(i.department) && !LARGE_DEPARTMENT_EXCEPTIONS.includes(i.code)) {
        expect(`${i.code} ${i.offeredAt}`).toBe(`${i.code} large`);
      }
    }
  });

  it('has 1–8 well-formed materials per item; conditional ⇔ condition question', () => {
    for (const i of items) {
      expect(i.materials.length).toBeGreaterThanOrEqual(1);
      expect(i.materials.length).toBeLessThanOrEqual(8);
      expect(duplicates(i.materials.map((m) => m.name))).toEqual([]);
      for (const m of i.materials) {
        const where = `${i.code} ${m.name}`;
        expect(m.name.length).toBeGreaterThanOrEqual(2);
        expect(m.name.length).toBeLessThanOrEqual(200);
        expect(FORMS).toContain(m.form);
        expect(Number.isInteger(m.copies) && m.copies >= 0 && m.copies <= 20).toBe(true);
        if (m.form === 'electronic') expect(m.copies).toBe(0);
        else expect(m.copies).toBeGreaterThanOrEqual(1);
        expect((m.notes ?? '').length).toBeLessThanOrEqual(500);
        if (m.notes !== undefined) expect(m.notes.length).toBeGreaterThan(0);
        if ('condition' in m && m.condition === undefined) throw new Error(`${where}: condition key without a value`);
        if (m.condition !== undefined) {
          expect(m.condition.length).toBeGreaterThanOrEqual(2);
          expect(m.condition.length).toBeLessThanOrEqual(200);
          if (!m.condition.endsWith('？')) throw new Error(`${where}: condition must be a question ending with ？`);
        }
      }
    }
  });

  it('gives every station and centre a useful list', () => {
    const everywhere = items.filter((i) => i.offeredAt === 'all').length;
    const atCentres = items.filter((i) => i.offeredAt !== 'large').length;
    expect(everywhere).toBeGreaterThanOrEqual(100);
    expect(atCentres).toBeGreaterThan(everywhere);
  });
});

describe('demo bundles (一件事一次办)', () => {
  const { bundles } = require('./bundles') as typeof import('./bundles');
  const byCode = new Map(items.map((it) => [it.code, it]));

  it('have unique codes and at least two known items each', () => {
    expect(duplicates(bundles.map((b) => b.code))).toEqual([]);
    for (const b of bundles) {
      expect(b.items.length).toBeGreaterThanOrEqual(2);
      expect(duplicates(b.items)).toEqual([]);
      for (const code of b.items) expect(byCode.has(code)).toBe(true);
    }
  });

  it('can each be handled whole at some centre', () => {
    const everywhere = (offeredAt: string, c: (typeof centers)[number]) =>
      offeredAt === 'all' || (c.kind === 'center' && (offeredAt === 'centers' || largeCenterKeys.includes(c.key)));
    for (const b of bundles) {
      const whole = centers.filter((c) => b.items.every((code) => everywhere(byCode.get(code)!.offeredAt, c)));
      expect(whole.length).toBeGreaterThan(0);
    }
  });
});
