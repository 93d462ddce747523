import type { AdminItem, ImportReport } from '@contract/catalogue-admin';
import {
  blankItemForm, errorPlace, formToInput, importHeadline, importNextStep, importSummary, itemToForm, moveLine, parseCodes,
  spreadsheetKind,
} from './catalogueAdmin';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  dryRun: true, format: 'csv', encoding: 'utf-8', itemRows: 3, materialRows: 5, errors: [], created: 1, updated: 1,
  unchanged: 1, materialsReplaced: true, rows: [], ...over,
});

describe('import report', () => {
  it('says what to do next', () => {
    expect(importNextStep(report())).toBe('confirm');
    expect(importNextStep(report({ errors: [{ sheet: '事项', row: 2, column: '事项名称', message: 'x' }] }))).toBe('fix');
    expect(importNextStep(report({ created: 0, updated: 0 }))).toBe('nothing');
    expect(importNextStep(report({ dryRun: false }))).toBe('done');
    expect(importHeadline(report({ errors: [{ sheet: '事项', row: 2, column: null, message: 'x' }] }))).toBe('发现 1 处问题，请改正后重新选择文件');
  });
  it('sums up in plain words, future or past', () => {
    expect(importSummary(report())).toBe('将新增 1 个、更新 1 个事项，1 个没有变化');
    expect(importSummary(report({ dryRun: false }))).toBe('已新增 1 个、更新 1 个事项，1 个没有变化');
  });
  it('names the place of a problem', () => {
    expect(errorPlace({ sheet: '材料', row: 7, column: '序号', message: '' })).toBe('材料表第7行');
    expect(errorPlace({ sheet: '事项', row: null, column: null, message: '' })).toBe('事项表');
    expect(errorPlace({ sheet: '', row: null, column: null, message: '' })).toBe('');
  });
  it('accepts only .xlsx and .csv files', () => {
    expect([spreadsheetKind('目录.XLSX'), spreadsheetKind('a.csv'), spreadsheetKind('a.xls'), spreadsheetKind('a')]).toEqual(['xlsx', 'csv', null, null]);
  });
});

describe('item form', () => {
  const item: AdminItem = {
    id: 'i', code: 'MZ-001', name: '低保', category: 'confirmation', departmentCode: 'civil', departmentName: '民政局',
    handlingMode: 'commitment', legalDays: 30, promisedDays: 20, feeText: '不收费', summary: 's', conditions: 'c',
    maxVisits: 1, keywords: 'k', popularity: 5, published: true, isSample: false, updatedAt: '',
    materials: [{ name: '委托书', form: 'original', copies: 1, requirement: 'conditional', condition: '是否代办？', notes: null }],
  };
  it('round-trips an item', () => {
    const { id: _id, departmentName: _d, isSample: _s, updatedAt: _u, ...rest } = item;
    expect(formToInput(itemToForm(item))).toEqual({ ...rest, materials: [{ name: '委托书', form: 'original', copies: 1, condition: '是否代办？', notes: null }] });
  });
  it('sends wrong numbers as NaN for the server to name, an empty fee as free', () => {
    const input = formToInput({ ...blankItemForm('civil'), legalDays: '十', feeText: ' ' });
    expect(input.legalDays).toBeNaN();
    expect(input.feeText).toBe('不收费');
  });
  it('moves lines and reads code lists', () => {
    expect(moveLine(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLine(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(parseCodes('MZ-001 MZ-002，MZ-003、MZ-001')).toEqual(['MZ-001', 'MZ-002', 'MZ-003']);
  });
});
