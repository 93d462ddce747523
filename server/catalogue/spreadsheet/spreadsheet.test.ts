// The spreadsheet layer on its own: encoding detection, the two CSV parts, XLSX cells,
// formula neutralisation, and every row rule — without a database.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CatalogueItemInput } from '../../contract/catalogue-admin';
import { ApiError } from '../../core/errors';
import { neutralise, unneutralise } from './cells';
import { decodeText, looksLikeText, MAX_FILE_BYTES, sniffUpload } from './decode';
import { ITEM_COLUMNS, MATERIAL_COLUMNS, normaliseHeader } from './layout';
import { readCsv, readXlsx } from './read';
import { readInteger, readRows, readYesNo } from './rows';
import { catalogueCsv, catalogueXlsx } from './write';

const departments = [{ code: 'civil_affairs', name: '县民政局' }];
const item = (code: string, over: Partial<CatalogueItemInput> = {}): CatalogueItemInput => ({
  code, name: '最低生活保障申请', category: 'confirmation', departmentCode: 'civil_affairs', handlingMode: 'commitment',
  legalDays: 30, promisedDays: 20, feeText: '不收费', summary: '生活困难的可以申请。\n第二行。', conditions: '人均收入低于标准。',
  maxVisits: 1, keywords: '低保 吃低保', popularity: 88, published: true,
  materials: [
    { name: '申请书', form: 'original', copies: 1, condition: null, notes: '窗口领取, 可代填' },
    { name: '委托书', form: 'original', copies: 1, condition: '是否委托他人代办？', notes: null },
  ],
  ...over,
});
const data = (items: CatalogueItemInput[]) => ({ county: { code: '511922', name: '南江县' }, departments, items });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : String(e);
  }
  return null;
};

describe('encoding detection', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF事项编码,名称', 'utf8'))).toEqual({ text: '事项编码,名称', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('事项编码', 'utf8')).encoding).toBe('utf-8');
  });
  it('falls back to GB18030 for GBK bytes (Excel on Chinese Windows)', () => {
    expect(decodeText(iconv.encode('事项编码,最低生活保障', 'gbk'))).toEqual({ text: '事项编码,最低生活保障', encoding: 'gb18030' });
    expect(decodeText(iconv.encode('𠀀 GB18030 四字节', 'gb18030')).text).toBe('𠀀 GB18030 四字节');
  });
  it('refuses binary junk, NUL bytes, control characters', () => {
    expect(code(() => decodeText(Buffer.from([0x41, 0x00, 0x42])))).toBe('IMPORT_FILE_UNREADABLE');
    expect(code(() => decodeText(Buffer.from([0x41, 0x01, 0x42])))).toBe('IMPORT_FILE_UNREADABLE');
    const junk = Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 31) % 0x7f)));
    expect(code(() => decodeText(junk))).toBe('IMPORT_FILE_UNREADABLE');
    expect(looksLikeText('正常的文字\r\n第二行\t制表')).toBe(true);
  });
  it('tells XLSX, old XLS, UTF-16 and empty files apart; refuses files over the limit', () => {
    expect(sniffUpload(Buffer.from('事项编码\r\n', 'utf8'))).toMatchObject({ format: 'csv' });
    expect(code(() => sniffUpload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toBe('IMPORT_FORMAT_UNSUPPORTED');
    expect(code(() => sniffUpload(Buffer.from([0xff, 0xfe, 0x41, 0x00])))).toBe('IMPORT_FORMAT_UNSUPPORTED');
    expect(code(() => sniffUpload(Buffer.from('\uFEFF \r\n', 'utf8')))).toBe('IMPORT_FILE_EMPTY');
    expect(code(() => sniffUpload(Buffer.alloc(MAX_FILE_BYTES + 1, 0x41)))).toBe('IMPORT_FILE_TOO_LARGE');
    expect(code(() => sniffUpload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])))).toBe('IMPORT_FILE_UNREADABLE');
  });
  it('refuses a zip that would unpack to far more than it weighs', () => {
    // a central directory entry claiming 100 MB uncompressed
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(100 * 1024 * 1024, 24);
    const head = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(head.length, 16);
    expect(code(() => sniffUpload(Buffer.concat([head, entry, eocd])))).toBe('IMPORT_FILE_TOO_LARGE');
  });
});

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x'])('%j gets an apostrophe and loses it on import', (v) => {
    expect(neutralise(v)).toBe(`'${v}`);
    expect(unneutralise(neutralise(v))).toBe(v);
  });
  it('leaves ordinary text and a genuine leading apostrophe alone', () => {
    expect(neutralise('身份证')).toBe('身份证');
    expect(unneutralise("'引号开头")).toBe("'引号开头");
  });
});

describe('layout', () => {
  it('matches headers without blanks or bracketed notes', () => {
    expect(normaliseHeader(' 法定时限 (工作日) ')).toBe('法定时限');
    expect(normaliseHeader('\uFEFF事项编码')).toBe('事项编码');
    expect(normaliseHeader('*事项名称')).toBe('事项名称');
  });
  it('has unique headers', () => {
    for (const columns of [ITEM_COLUMNS, MATERIAL_COLUMNS]) {
      const names = columns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normaliseHeader));
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('cell readers', () => {
  it('reads integers with units people write', () => {
    expect(readInteger('20')).toBe(20);
    expect(readInteger(' 20 ')).toBe(20);
    expect(readInteger('20个工作日', /^(个?工作日|天|日)$/)).toBe(20);
    expect(readInteger('')).toBeUndefined();
    expect(readInteger('二十')).toBeNaN();
    expect(readInteger('20天')).toBeNaN();
  });
  it('reads yes and no', () => {
    expect([readYesNo('是'), readYesNo('否'), readYesNo(''), readYesNo('也许')]).toEqual([true, false, undefined, null]);
  });
});

describe('round trip without a database', () => {
  const items = [item('MZ-001'), item('=EVIL', { name: '@危险的名称', keywords: '-减号', materials: [] })];

  it('CSV: export → read → the same rows', () => {
    const bytes = catalogueCsv(data(items));
    const sniffed = sniffUpload(bytes);
    expect(sniffed).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    const read = readRows(readCsv((sniffed as { text: string }).text), departments);
    // '=EVIL' is not a valid code: reported, not silently changed
    expect(read.errors).toEqual([expect.objectContaining({ sheet: '事项', row: 3, column: '事项编码' })]);
    expect(read.rows).toEqual([items[0]]);
  });

  it('XLSX: export → read → the same rows, neutralised cells included', async () => {
    const ok = [item('MZ-001'), item('MZ-002', { name: '@危险的名称', keywords: '-减号', feeText: '=10元' })];
    const bytes = await catalogueXlsx(data(ok), new Date('2026-12-01T01:00:00Z'));
    expect(sniffUpload(bytes)).toEqual({ format: 'xlsx' });
    const tables = await readXlsx(bytes);
    expect(tables.items.rows[1]!.cells[1]).toBe("'@危险的名称");
    const read = readRows(tables, departments);
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual(ok);
  });

  it('XLSX as people edit it: numbers, formulas (by their result), rich text, other sheet names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(ITEM_COLUMNS.map((c) => c.header));
    ws.addRow(['A-1', { richText: [{ text: '临时' }, { text: '救助' }] }, '其他行权事项', '县民政局', '承诺办',
      { formula: '10+5', result: 15 }, 5, '', '说明', '条件', 1, '', 7, true]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const read = readRows(await readXlsx(bytes), departments);
    expect(read.errors).toEqual([]);
    expect(read.materialsPresent).toBe(false);
    expect(read.rows[0]).toMatchObject({ code: 'A-1', name: '临时救助', category: 'other_power', legalDays: 15, popularity: 7, published: true });
  });
});

describe('row rules', () => {
  const header = ITEM_COLUMNS.map((c) => c.header).join(',');
  const mheader = MATERIAL_COLUMNS.map((c) => c.header).join(',');
  const rows = (csv: string) => readRows(readCsv(csv), departments);

  it('accepts label aliases and a department given by code', () => {
    const r = rows(`${header}\nA-1,名称,便民服务,civil_affairs,联办,5,5,,s,c,0次,,,\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ handlingMode: 'joint', departmentCode: 'civil_affairs', maxVisits: 0, popularity: 0, published: true, feeText: '不收费' });
  });

  it('a material without a question cannot be 视情况; one with a question cannot be 必需', () => {
    const r = rows(`${header}\nA-1,名称,便民服务,县民政局,即办,5,5,,s,c,1,,,\n\n${mheader}\nA-1,1,身份证,原件,1,视情况,,\nA-1,2,户口簿,原件,1,必需,是否迁户？,\nA-1,3,委托书,原件,,,是否代办？,\n`);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[5, '判断问题（视情况时填）'], [6, '是否必需']]);
    // the item is left out because two of its materials are wrong
    expect(r.rows).toEqual([]);
  });

  it('a CSV whose material part has its own header only is read as "no materials" for its items', () => {
    const r = rows(`${header}\nA-1,名称,便民服务,县民政局,即办,5,5,,s,c,1,,,\n${mheader}\n`);
    expect(r).toMatchObject({ errors: [], materialsPresent: true, materialRows: 0 });
    expect(r.rows[0]!.materials).toEqual([]);
  });

  it('reports promised > legal even when another cell of the row is wrong too', () => {
    const r = rows(`${header}\nA-1,名称,便民服务,没有的局,即办,5,9,,s,c,1,,,\n`);
    expect(r.errors.map((e) => e.column)).toEqual(['实施部门', '承诺时限（工作日）']);
  });

  it('more than 100 materials for one item is reported on the item', () => {
    const lines = Array.from({ length: 101 }, (_, i) => `A-1,${i + 1},材料${i},原件,1,,,`).join('\n');
    const r = rows(`${header}\nA-1,名称,便民服务,县民政局,即办,5,5,,s,c,1,,,\n${mheader}\n${lines}\n`);
    expect(r.errors.some((e) => e.message.includes('序号应填1到100'))).toBe(true);
  });
});
