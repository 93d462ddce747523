// Browser end-to-end: the H5 build at phone size, used as a villager would. Home → pick my
// township → search with sloppy punctuation → the guide → tick materials at home, answer a yes/no
// question, read "出门前带齐这N样", try to book with something missing and get the in-page warning;
// the ticks survive a reload; the centre; a weak network shows the saved copy with a banner.
// Then 长辈模式 is switched on in the settings and every main screen is visited again: text
// ≥ 18 px with line height ≥ 1.3, tap targets ≥ 60 px. Screenshots of every screen in both modes
// go to screenshots/ (normal-*.png, elder-*.png).
import { PHONE, requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';
import { expectElderSizes } from '../support/elder-checks';

const run = requireChromiumOrSkip() ? describe : describe.skip;

type Mode = 'normal' | 'elder';

run('elder mode and the materials checklist in the H5 build', () => {
  // the clipboard, to read what 复制清单 copied
  const app = useH5App({ shots: '', context: { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] } });
  const { visible, settled } = app.ui;

  const shot = (mode: Mode, name: string) => app.ui.shot(`${mode}-${name}`);
  const scrollTo = async (text: string | RegExp) => {
    const target = visible().getByText(text).first();
    await target.waitFor();
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await settled('the scroll to end');
  };

  const checkSizes = (mode: Mode) => expectElderSizes(app.page, mode === 'elder');

  /** The home screen with my centre; the first time, the township is picked. */
  const home = async (mode: Mode) => {
    await app.ui.go('/');
    await visible().getByText('办事指南', { exact: true }).first().waitFor();
    if (mode === 'normal') {
      await visible().getByText('您在哪个乡镇？').waitFor();
      await shot(mode, '0-pick-township');
      await visible().locator('.township-picker__choice', { hasText: '沙河镇' }).click();
    }
    await visible().getByText('我的服务中心').waitFor();
    await visible().locator('.center-today__badge').waitFor();
    const text = await visible().innerText();
    expect(text).toContain('沙河镇便民服务中心');
    expect(text).toMatch(/开门中|已关门|今天休息|今天不开门/);
    expect(text).toMatch(/打电话 0827-/);
    for (const label of ['办事指南', '预约办事', '我的预约', '办理进度']) expect(text).toContain(label);
    await shot(mode, '1-home');
    await checkSizes(mode);
  };

  /** Search with what people type: spaces, 、 and full-width letters are forgiven. */
  const search = async (mode: Mode) => {
    await visible().locator('input').first().fill(' 最低生活、保障 ');
    await visible().locator('.search-field__button').first().click();
    await visible().locator('.item-card', { hasText: '最低生活保障申请' }).first().waitFor();
    expect(decodeURIComponent(app.page.url())).toContain('q=最低生活 保障');
    await shot(mode, '2-search');
    await checkSizes(mode);
  };

  const openGuide = async (mode: Mode) => {
    await visible().locator('.item-card', { hasText: '最低生活保障申请' }).first().click();
    await visible().locator('.material-check').first().waitFor();
    await shot(mode, '3-guide');
    await checkSizes(mode);
  };

  it('home: picks my township and shows its day, the big buttons and a call button', async () => {
    await home('normal');
  });

  it('search: forgiving text finds the item', async () => {
    await search('normal');
  });

  it('guide: ticks materials, answers yes/no questions, sees the summary', async () => {
    await openGuide('normal');
    const first = visible().locator('.material-check').first();
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await expect(first.innerText()).resolves.toContain('我有了');

    // 是否委托他人代办？ 是 → the power of attorney joins the list
    const proxy = visible().locator('.yes-no', { hasText: '是否委托他人代办？' });
    await proxy.scrollIntoViewIfNeeded();
    const before = await visible().locator('.material-check').count();
    await proxy.locator('.yes-no__choice', { hasText: '是' }).click();
    await proxy.locator('.material-check', { hasText: '授权委托书' }).waitFor();
    expect(await visible().locator('.material-check').count()).toBe(before + 1);
    // 否 leaves the material off the list
    const student = visible().locator('.yes-no', { hasText: '在读学生' });
    await student.locator('.yes-no__choice', { hasText: '否' }).click();
    await student.getByText(/不用带：在校学生证明/).waitFor();
    await scrollTo(/^要带的材料/);
    await shot('normal', '4-checklist');
    await proxy.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('normal', '4-question');

    await scrollTo(/^出门前带齐这\d+样$/);
    const summary = await visible().locator('.summary').innerText();
    expect(summary).toContain('授权委托书');
    expect(summary).not.toContain('在校学生证明');
    await expect(visible().getByText(/已备好1样，还差\d+样/).count()).resolves.toBe(1);
    await shot('normal', '5-summary');

    // 复制清单，发给家人: plain text for a family chat, confirmed in the page
    await visible().getByText('复制清单，发给家人').click();
    await visible().getByText(/已复制。打开家人的微信聊天/).waitFor();
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^【最低生活保障申请】出门前带齐这\d+样：\n1\. 最低生活保障申请书（原件 1份）——已备好\n/);
    expect(copied).toContain('授权委托书（原件 1份）——还没准备好');
    expect(copied).toContain('办理地点：沙河镇便民服务中心，电话 0827-');
  });

  it('booking with something missing shows the warning in the page', async () => {
    const url = app.page.url();
    await visible().locator('.summary__action .big-button', { hasText: '去预约' }).click();
    const warning = visible().locator('.inline-confirm');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toMatch(/还有\d+样没准备好：.*授权委托书.*确定现在预约吗？/);
    expect(app.page.url()).toBe(url);
    await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot('normal', '6-warning');
    await warning.getByText('再看看').click();
    await expect(visible().locator('.inline-confirm').count()).resolves.toBe(0);
  });

  it('the ticks and answers are remembered on the phone', async () => {
    await app.page.reload();
    const first = visible().locator('.material-check').first();
    await first.waitFor();
    await expect(first.innerText()).resolves.toContain('我有了');
    await visible().locator('.material-check', { hasText: '授权委托书' }).waitFor();
  });

  it('centre: today, call button, opening hours', async () => {
    await scrollTo('在哪里办', );
    await visible().locator('.link-row', { hasText: '沙河镇便民服务中心' }).first().click();
    await visible().locator('.hours-line').first().waitFor();
    const text = await visible().innerText();
    expect(text).toMatch(/打电话 0827-/);
    expect(text).toContain('这是您的服务中心');
    await shot('normal', '7-center');
  });

  it('weak network: the saved copy with a banner, and 重试', async () => {
    await app.page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await app.page.reload();
    await visible().getByText(/网络不好，显示的是.*保存的内容/).waitFor();
    await visible().locator('.hours-line').first().waitFor();
    await shot('normal', '9-offline');
    await app.page.unroute('**/api/**');
    await visible().locator('.offline-banner__retry').click();
    await visible().locator('.offline-banner').waitFor({ state: 'detached' });
    await visible().locator('.hours-line').first().waitFor();
  });

  it('settings: switches 长辈模式 on', async () => {
    await app.ui.go('/');
    await visible().locator('.home__settings').click();
    await visible().getByText('这部手机上保存了什么').waitFor();
    await shot('normal', '8-settings');
    await visible().locator('.elder-switch').first().click();
    await visible().locator('.page.elder').waitFor();
    await expect(visible().locator('.elder-switch').first().innerText()).resolves.toContain('已开');
    await shot('elder', '8-settings');
    await checkSizes('elder');
  });

  it('elder mode: every main screen again with larger type and targets', async () => {
    await home('elder');
    await search('elder');
    await openGuide('elder');

    await scrollTo(/^要带的材料/);
    await shot('elder', '4-checklist');
    await scrollTo('是否委托他人代办？');
    await shot('elder', '4-question');
    await checkSizes('elder');

    await scrollTo(/^出门前带齐这\d+样$/);
    await shot('elder', '5-summary');
    await visible().locator('.summary__action .big-button', { hasText: '去预约' }).click();
    const warning = visible().locator('.inline-confirm');
    await warning.waitFor();
    await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot('elder', '6-warning');
    await checkSizes('elder');
    await warning.getByText('再看看').click();

    await scrollTo('在哪里办');
    await visible().locator('.link-row', { hasText: '沙河镇便民服务中心' }).first().click();
    await visible().locator('.hours-line').first().waitFor();
    await shot('elder', '7-center');
    await checkSizes('elder');

    await app.page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await app.page.reload();
    await visible().getByText(/网络不好，显示的是.*保存的内容/).waitFor();
    await shot('elder', '9-offline');
    await checkSizes('elder');
    await app.page.unroute('**/api/**');
  });
});
