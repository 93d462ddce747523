import { createTestDatabase } from '../test/support/database';
import type { Caller } from '../server/db/database';
import { catalogueCsv } from '../server/catalogue/spreadsheet/write';
import { importCatalogue } from '../server/catalogue/catalogue-admin-service';

async function main() {
  const t = await createTestDatabase();
  const [admin] = await t.db.query<{ id: string }>(`select id from users where dev_login = 'admin'`);
  const caller: Caller = { role: 'authenticated', claims: { sub: admin!.id } };
  const items = Array.from({ length: 5000 }, (_, i) => ({
    code: `B-${i}`, name: `批量事项${i}号申请`, category: 'convenience' as const, departmentCode: 'civil_affairs', handlingMode: 'immediate' as const,
    legalDays: 5, promisedDays: 1, feeText: '不收费', summary: '说明'.repeat(40), conditions: '条件'.repeat(20), maxVisits: 1, keywords: '批量 测试',
    popularity: i % 100, published: true,
    materials: Array.from({ length: 5 }, (_, j) => ({ name: `材料${j}`, form: 'original' as const, copies: 1, condition: j === 4 ? '是否代办？' : null, notes: null })),
  }));
  const csv = catalogueCsv({ county: { code: '511922', name: '南江县' }, departments: [{ code: 'civil_affairs', name: '县民政局' }], items });
  console.log('csv bytes', csv.length);
  for (const dry of [true, false, true]) {
    const t0 = Date.now();
    const r = await importCatalogue(t.db, caller, csv, dry, new Date());
    console.log(dry ? 'dry' : 'apply', Date.now() - t0, 'ms', r.created, r.updated, r.unchanged, r.errors.length);
  }
  await t.drop();
}
main().catch((e) => { console.error(e); process.exit(1); });
