// Browser end-to-end: the county admin on a desktop browser (the H5 build) logs in with the
// demo login, checks a CSV with mistakes (dry run: every row problem in a table), fixes it,
// imports it, edits the new item, and a resident then finds the item in the catalogue.
// Screenshots at desktop size and at 375×667 go to screenshots/ (git-ignored).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;
const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'zh-CN' };

const ITEM_HEADER = '事项编码,事项名称,事项类型,实施部门,办理方式,法定时限（工作日）,承诺时限（工作日）,收费,办事指南/摘要,受理条件,最多跑几次,别名/关键词,热度,是否发布';
const MATERIAL_HEADER = '所属事项编码,序号,材料名称,材料形式,份数,是否必需,判断问题（视情况时填）,备注';
const csv = (department: string, promised: number) =>
  `\uFEFF${[
    ITEM_HEADER,
    `NJ-E2E-01,山羊养殖补贴申请,公共服务,${department},承诺办,20,${promised},不收费,养山羊的农户可以申请养殖补贴，每年申请一次。,本县养殖户,1,养羊补贴 羊补贴,10,是`,
    '',
    MATERIAL_HEADER,
    'NJ-E2E-01,1,申请人居民身份证,原件,1,必需,,核验后退还',
    'NJ-E2E-01,2,养殖情况说明,原件,1,必需,,村委会盖章',
  ].join('\r\n')}\r\n`;

run('county admin imports the catalogue spreadsheet in the H5 build', () => {
  const app = useH5App({ shots: 'catalogue-admin-', context: DESKTOP });
  const { visible, text, shot } = app.ui;
  const dir = mkdtempSync(path.join(tmpdir(), 'catalogue-e2e-'));
  const badFile = path.join(dir, '目录-有错.csv');
  const goodFile = path.join(dir, '目录-改好.csv');

  beforeAll(() => {
    writeFileSync(badFile, csv('县畜牧局', 30)); // unknown department, promised > legal
    writeFileSync(goodFile, csv('县农业农村局', 10));
  });


  it('opens 目录管理, logs in as the county admin and sees the items', async () => {
    await app.ui.go('/manage/pages/catalogue/index');
    await text('同意', true).waitFor();
    await text('同意', true).click();
    await text('县政务服务管理员').click();
    await text('事项目录管理').waitFor();
    await text(/共 \d+ 个事项/).waitFor();
    expect(app.page.url()).toContain('manage/pages/catalogue/index');
    expect(await visible().innerText()).toMatch(/居民身份证到期换领/);
    await shot('1-list-desktop');
  });

  it('checks a CSV with mistakes: nothing written, every problem listed by row and column', async () => {
    await text('导入表格', true).click();
    await text('导入事项目录').waitFor();
    const chooser = app.page.waitForEvent('filechooser');
    await text('选择文件', true).click();
    await (await chooser).setFiles(badFile);
    await text(/发现 \d+ 处问题/).waitFor();
    const table = await visible().locator('.catadmin__table').innerText();
    expect(table).toMatch(/事项表第2行/);
    expect(table).toMatch(/没有“县畜牧局”这个实施部门/);
    expect(table).toMatch(/承诺时限不能超过法定时限/);
    expect(await visible().getByText('确认导入', { exact: true }).count()).toBe(0);
    expect((await app.t.db.query(`select 1 from service_items where code = 'NJ-E2E-01'`)).length).toBe(0);
    await shot('2-dry-run-errors-desktop');
  });

  it('chooses the corrected file, sees what will change, and confirms', async () => {
    const chooser = app.page.waitForEvent('filechooser');
    await text('重新选择文件', true).click();
    await (await chooser).setFiles(goodFile);
    await text('检查通过，可以导入').waitFor();
    expect(await visible().innerText()).toMatch(/将新增 1 个、更新 0 个事项/);
    await shot('3-dry-run-ok-desktop');
    await text('确认导入', true).click();
    await text('导入完成').waitFor();
    expect(await visible().innerText()).toMatch(/已新增 1 个、更新 0 个事项/);
    await shot('4-imported-desktop');
    const rows = await app.t.db.query<{ name: string }>(`select name from service_items where code = 'NJ-E2E-01'`);
    expect(rows).toEqual([{ name: '山羊养殖补贴申请' }]);
  });

  it('opens the new item, reorders its materials and saves', async () => {
    await app.page.goBack();
    await text('事项目录管理').waitFor();
    await visible().locator('input').first().fill('NJ-E2E-01');
    await text('搜索', true).click();
    await text('山羊养殖补贴申请', true).click();
    await text('申请材料（2项）').waitFor();
    await visible().getByText('下移', { exact: true }).first().click();
    await text('保存修改', true).click();
    await text('已保存，群众现在看到的是新内容').waitFor();
    await shot('5-item-saved-desktop');
    const materials = await app.t.db.query<{ name: string }>(
      `select m.name from item_materials m join service_items i on i.id = m.item_id where i.code = 'NJ-E2E-01' order by m.position`);
    expect(materials.map((m) => m.name)).toEqual(['养殖情况说明', '申请人居民身份证']);
  });

  it('a resident finds the new item in the catalogue', async () => {
    const phone = await app.open(PHONE);
    await phone.go('/');
    const pv = phone.visible;
    await pv().locator('input').first().fill('养羊补贴');
    await pv().getByText('搜索', { exact: true }).first().click();
    await pv().getByText('山羊养殖补贴申请').first().waitFor();
    await phone.shot('6-resident-finds-it');
    await phone.page.close();
  });

  it('the admin pages work at phone size too', async () => {
    const phone = await app.open(PHONE);
    const token = await app.api.login('admin');
    await phone.go('/');
    await phone.page.evaluate((session) => localStorage.setItem('bmfw:session', JSON.stringify({ data: session })), {
      token,
      account: { id: 'admin', role: 'admin', displayName: '县政务服务管理员' },
    });
    await phone.go('/manage/pages/catalogue/index');
    const pv = phone.visible;
    await pv().getByText(/共 \d+ 个事项/).first().waitFor();
    await phone.shot('7-list-phone');
    await pv().getByText('导入表格', { exact: true }).first().click();
    await pv().getByText('选择文件', { exact: true }).first().waitFor();
    await phone.shot('8-import-phone');
    await phone.page.close();
  });
});
