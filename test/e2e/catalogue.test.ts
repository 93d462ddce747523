// Browser end-to-end: the H5 build in headless Chromium, used as a resident would: open the
// app, see the centres, search the catalogue, open a guide, read the materials, open a centre.
// Screenshots of each screen at phone size go to screenshots/ (git-ignored).
import { requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;

run('resident browses the catalogue in the H5 build', () => {
  const app = useH5App({ shots: 'catalogue-' });
  const { visible, shot } = app.ui;

  it('shows the centres on the home screen, with the sample-data notice', async () => {
    await app.ui.go('/');
    await visible().getByText('沙河镇便民服务中心').first().waitFor();
    await expect(visible().getByText('乡镇便民服务中心（32个）').count()).resolves.toBeGreaterThan(0);
    await shot('1-home');
    await visible().getByText(/演示数据/).first().scrollIntoViewIfNeeded();
    await expect(visible().getByText(/演示数据/).first().isVisible()).resolves.toBe(true);
    await shot('1-home-footer');
  });

  it('searches the catalogue by a word people use', async () => {
    await visible().locator('input').first().fill('低保');
    await visible().getByText('搜索', { exact: true }).first().click();
    await visible().getByText('最低生活保障', { exact: false }).first().waitFor();
    expect(app.page.url()).toContain('pages/catalogue/index');
    await shot('2-search');
  });

  it('opens the guide and reads the materials checklist', async () => {
    await visible().getByText(/最低生活保障/).first().click();
    await visible().locator('.material').first().waitFor();
    expect(await visible().locator('.material').count()).toBeGreaterThan(1);
    const text = await visible().innerText();
    expect(text).toMatch(/居民身份证/);
    expect(text).toMatch(/工作日|即办/);
    expect(text).toMatch(/原件|复印件/);
    await shot('3-guide');
    await visible().locator('.material').first().scrollIntoViewIfNeeded();
    await shot('4-materials');
  });

  it('opens a centre that offers the item: address, phone, opening hours', async () => {
    await visible().getByText(/便民服务中心$/).last().click();
    await visible().locator('.hours-line').first().waitFor();
    const text = await visible().innerText();
    expect(text).toMatch(/周一/);
    expect(text).toMatch(/0827-/);
    await shot('5-center');
  });
});
