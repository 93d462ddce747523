// Browser end-to-end: the window staff's workbench in the H5 build at 375×667. A resident books
// a slot for today (through the API); 周敏 logs in through the demo login, confirms the booking
// from today's list, checks the person in by typing the code, calls them at window 1, accepts
// the matter, asks for a missing material (补正), marks it brought and completes it — while the
// resident's timeline (read through the API as the resident) follows each step. Screenshots of
// the staff screens, normal and 长辈模式, go to screenshots/staff-*.png (git-ignored).
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page as ItemPage } from '../../server/contract/catalogue';
import { requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
const ITEM = '低保、特困证明开具';

run('window staff confirm, check in, call, 补正 and complete in the H5 build', () => {
  const app = useH5App({ clock, shots: 'staff-' });
  const { visible, text, tap, shot } = app.ui;
  let residentToken: string;
  let booking: Booking;

  beforeAll(async () => {
    residentToken = await app.api.login('resident');
    const center = (await app.api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    const item = (await app.api.get<ItemPage<ItemSummary>>(`/api/items?center=${center.id}&q=${encodeURIComponent('低保')}&limit=20`)).body.rows.find((i) => i.name === ITEM)!;
    const { body } = await app.api.get<Availability>(`/api/availability?center=${center.id}&item=${item.id}&from=2026-12-01&to=2026-12-01`);
    const slot = body.days[0]!.slots.find((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)!;
    const res = await app.api.call<Booking>('POST', '/api/bookings', { token: residentToken, idempotencyKey: 'e2e-staff-book-1', body: { centerId: center.id, itemId: item.id, slotStart: slot.start } });
    expect(res.status).toBe(201);
    booking = res.body;
  });

  const timeline = async () =>
    (await app.api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: residentToken })).body.timeline.map((e) => e.kind);
  const setElder = (on: boolean) =>
    // what the 长辈模式 switch stores (lib/elderMode storedElderMode), read when the app starts
    app.page.evaluate((value) => localStorage.setItem('bmfw:elder-mode', JSON.stringify({ data: { v: 1, on: value } })), on);

  it('周敏 logs in through the demo login and lands on today\'s list, pending first', async () => {
    await app.ui.demoLogin('周敏', '/work/pages/today/index');
    await text('周敏，您好').waitFor();
    await text('待确认（1）').waitFor();
    const list = await visible().innerText();
    expect(list).toContain('王*英');
    expect(list).not.toContain('王秀英');
    expect(list).toContain(ITEM);
    await shot('01-today');
  });

  it('confirms the booking; the resident sees 中心已确认', async () => {
    await tap('王*英');
    await text('确认预约', true).waitFor();
    expect(await visible().innerText()).toContain('材料清单');
    await shot('02-booking');
    await tap('确认预约', true);
    await text(/已确认，群众会看到/).waitFor();
    expect(await timeline()).toEqual(['booked', 'confirmed']);
    await shot('03-confirmed');
  });

  it('checks the person in by typing the code', async () => {
    await app.ui.go('/work/pages/checkin/index');
    await text('输入预约码（8位）').waitFor();
    await visible().locator('input').first().fill(booking.code.toLowerCase());
    await shot('04-checkin');
    await tap('查这个预约', true);
    await text('核对预约').waitFor();
    await tap('确认签到', true);
    await text(/已签到/).waitFor();
    expect(await visible().innerText()).toMatch(/\d+号/);
    await shot('05-checked-in');
    expect(await timeline()).toEqual(['booked', 'confirmed', 'checked_in']);
  });

  it('calls them at window 1: the choices replace 叫下一位; the resident sees 已叫号', async () => {
    await app.ui.go('/work/pages/queue/index');
    await tap('1号综合窗口', true);
    await text('叫下一位', true).waitFor();
    await shot('06-queue-idle');
    await tap('叫下一位', true);
    await text('人到了，开始办理', true).waitFor();
    const screen = await visible().innerText();
    expect(screen).toContain('再叫一次（已叫1/3次）');
    expect(screen).toMatch(/刚才叫了\d+号/);
    expect(screen).not.toContain('叫下一位');
    await shot('07-queue-called');
    expect((await timeline()).at(-1)).toBe('called');
    await tap('人到了，开始办理', true);
    await text('办完了，叫下一位', true).waitFor();
    await shot('08-queue-serving');
  });

  it('accepts, asks for a missing material, and the resident sees exactly what to bring', async () => {
    await tap('受理', true);
    await text('确认受理', true).waitFor();
    await tap('确认受理', true);
    await text('缺材料，要补正', true).waitFor();
    await text(/刚才做了“受理”/).waitFor();
    await shot('09-case-accepted');
    await tap('缺材料，要补正', true);
    await text('勾出缺的材料，群众会看到这张清单').waitFor();
    const firstMaterial = visible().locator('.tick-box').first();
    const name = (await firstMaterial.innerText()).trim();
    await firstMaterial.click();
    await shot('10-case-supplement');
    await tap('确定缺材料，要补正', true);
    await text('材料补齐了', true).waitFor();
    const seen = (await app.api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: residentToken })).body;
    expect(seen.case).toMatchObject({ status: 'needs_supplement', missingMaterials: [name] });
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'needs_supplement', data: { missing: [name] } });
  });

  it('the materials are brought and the case is completed; the resident sees 已办结', async () => {
    await tap('材料补齐了', true);
    await tap('确定材料补齐了', true);
    await text('办结', true).waitFor();
    await tap('办结', true);
    await visible().locator('textarea').first().fill('证明已开好，请带身份证到窗口领取');
    await tap('确定办结', true);
    await text('已办结', true).waitFor();
    await shot('11-case-completed');
    const seen = (await app.api.call<BookingDetail>('GET', `/api/bookings/${booking.id}`, { token: residentToken })).body;
    expect(seen.status).toBe('completed');
    expect(seen.timeline.map((e) => e.kind)).toEqual([
      'booked', 'confirmed', 'checked_in', 'called', 'accepted', 'needs_supplement', 'supplemented', 'completed',
    ]);
  });

  it('the staff screens in 长辈模式 (elder mode)', async () => {
    await setElder(true);
    await app.ui.go('/work/pages/today/index');
    await app.page.reload();
    await text('周敏，您好').waitFor();
    expect(await visible().locator('.page.elder').count()).toBeGreaterThan(0);
    await shot('elder-01-today');
    await app.ui.go('/work/pages/queue/index');
    await text('办完了，叫下一位', true).waitFor();
    await shot('elder-02-queue');
    await app.ui.go('/work/pages/checkin/index');
    await text('输入预约码（8位）').waitFor();
    await shot('elder-03-checkin');
    await setElder(false);
  });

  it('accepts a walk-in who took a number without an item: staff search and tap the item', async () => {
    const staffToken = await app.api.login('staff-shahe');
    const ticket = await app.api.call<{ number: number }>('POST', '/api/tickets', { token: staffToken, body: {}, idempotencyKey: `walk-${Date.now()}` });
    expect(ticket.status).toBe(201);
    await app.ui.go(`/work/pages/case/index?ticket=${ticket.body.number}`);
    await tap('确认受理', true);
    await text('这位群众办什么事？').waitFor();
    await visible().locator('input').first().fill('低保');
    await visible().locator('.search-field__button').first().click();
    await visible().locator('.item-card', { hasText: '最低生活保障申请' }).first().click();
    await text('已受理', true).waitFor();
    await shot('12-walk-in-accepted');
  });
});
