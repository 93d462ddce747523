// Browser end-to-end: the resident's booking journey in the H5 build, as a person does it at
// 375×667: find an item, tap 去预约, agree to the privacy notice and log in (demo account), choose
// the centre, a day and a time, confirm, see the QR code and the code, cancel, book again, move it
// to today, open 我的预约; then window staff (through the API) confirm, check in, accept, ask for a
// missing material and complete, and the resident follows the timeline and rates the service.
// The API runs on a fixed clock (Tuesday 1 December 2026, 09:00 Shanghai); the page's clock is
// fixed to the same moment so "today" and the 14 days agree with the server.
// Screenshots of each step go to screenshots/booking-*.png (git-ignored).
import type { Booking, BookingDetail } from '../../server/contract/booking';
import { requireChromiumOrSkip } from '../support/browser';
import { useH5App } from '../support/h5';

const run = requireChromiumOrSkip() ? describe : describe.skip;

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
const ITEM = '低保、特困证明开具';
const CENTER = '沙河镇便民服务中心';

run('resident books a slot and follows the case in the H5 build', () => {
  const app = useH5App({ clock, shots: 'booking-' });
  const { visible, text, tap, shot, goBook } = app.ui;
  let residentToken: string;
  let staffToken: string;
  let bookingId = '';
  let keyNo = 0;
  const key = () => `e2e-booking-${++keyNo}-${Date.now()}`;

  beforeAll(async () => {
    residentToken = await app.api.login('resident');
    staffToken = await app.api.login('staff-shahe');
  });

  const bookingOfPage = () => new URL(app.page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  const asResident = <T>(p: string) => app.api.call<T>('GET', p, { token: residentToken });
  const staff = <T = any>(p: string, body?: unknown) => app.api.call<T>('POST', p, { token: staffToken, body, idempotencyKey: key() });

  it('finds the item, taps 去预约, reads the privacy notice and logs in as 王秀英', async () => {
    await app.ui.go('/');
    await visible().locator('input').first().fill('低保');
    await tap('搜索', true);
    await tap(ITEM);
    await text('去预约', true).waitFor();
    // the guide may first ask about materials not ticked yet: go ahead anyway
    await goBook();

    await text('用户隐私保护指引').waitFor();
    expect(app.page.url()).toContain('pages/login/index');
    const notice = await visible().innerText();
    expect(notice).toMatch(/我们收集什么/);
    expect(notice).toMatch(/保存多久/);
    await shot('01-privacy');
    await tap('同意', true);
    await text('王秀英').waitFor();
    await shot('02-login');
    await tap('王秀英');
    await text('选择去哪里办').waitFor();
    expect(app.page.url()).toContain('pages/book/index');
  });

  it('chooses among the centres offering the item, then a day with closed days greyed and a time', async () => {
    await text(CENTER).waitFor();
    await shot('03-center');
    await tap(CENTER);
    await text('选择哪一天去').waitFor();
    await text('12月2日 明天').waitFor();
    const days = await visible().innerText();
    expect(days).toMatch(/12月1日 今天/);
    expect(days).toMatch(/12月6日 周日\s*周末休息/);
    expect(days).toMatch(/还有\d+个号/);
    expect(await visible().locator('.choice-tile--disabled').count()).toBeGreaterThan(0);
    await shot('04-day');
    await tap('12月2日 明天');
    await text('选择几点去').waitFor();
    expect(await visible().innerText()).toMatch(/上午 9:30\s*还剩4个号/);
    await shot('05-time');
    await tap('上午 9:30', true);
  });

  it('confirms from a plain summary with the materials, and sees the QR code and the code', async () => {
    await text('核对后确认').waitFor();
    await text('本人（王秀英）').waitFor();
    const summary = await visible().innerText();
    expect(summary).toContain(ITEM);
    expect(summary).toContain(CENTER);
    expect(summary).toContain('12月2日（周三）上午9:30–10:00');
    expect(summary).toMatch(/申请人居民身份证/);
    await shot('06-confirm');
    await tap('确认预约', true);
    await text('预约成功！').waitFor();

    bookingId = bookingOfPage();
    const { body: booking } = await asResident<BookingDetail>(`/api/bookings/${bookingId}`);
    expect(booking).toMatchObject({ status: 'booked', itemName: ITEM, centerName: CENTER, slotStart: '2026-12-02T09:30:00+08:00' });
    const page1 = await visible().innerText();
    expect(page1).toContain('请在12月2日（周三）上午9:30前到沙河镇便民服务中心');
    expect(page1).toContain(`${booking.code.slice(0, 4)} ${booking.code.slice(4)}`);
    const src = await visible().locator('.qr-code__image img').first().getAttribute('src');
    expect(src?.startsWith('data:image/gif;base64,')).toBe(true);
    await shot('07-booked');
    await visible().locator('.qr-code').first().scrollIntoViewIfNeeded();
    await shot('08-qr-code');
  });

  it('cancels after a plain-words confirm step', async () => {
    await tap('取消预约', true);
    await text('确定要取消这个预约吗？').waitFor();
    await shot('09-cancel-confirm');
    await tap('确定取消', true);
    await text('已取消预约').waitFor();
    await text('预约已取消。还要办的话，可以重新预约').waitFor();
    await shot('10-cancelled');
    const { body } = await asResident<Booking>(`/api/bookings/${bookingId}`);
    expect(body.status).toBe('cancelled');
  });

  it('books again at the last-used centre, then moves it to today (the old time kept until then)', async () => {
    await app.page.goBack(); // back to the guide
    await goBook();
    // the centre used last time is chosen already: straight to the day
    await text('选择哪一天去').waitFor();
    expect(await visible().innerText()).toContain(CENTER);
    await tap('12月2日 明天');
    await tap('上午 10:00', true);
    await tap('确认预约', true);
    await text('预约成功！').waitFor();
    bookingId = bookingOfPage();

    await tap('改时间', true);
    await text('第1步，共3步').waitFor();
    expect(await visible().innerText()).toContain('原来的时间');
    await tap('12月1日 今天');
    await tap('上午 10:30', true);
    await text('确认改到这个时间').waitFor();
    await shot('11-reschedule');
    await tap('确认改到这个时间', true);
    await text('时间已改好！').waitFor();
    expect(await visible().innerText()).toContain('12月1日（周二）上午10:30–11:00');
    const { body } = await asResident<BookingDetail>(`/api/bookings/${bookingId}`);
    expect(body).toMatchObject({ status: 'booked', slotStart: '2026-12-01T10:30:00+08:00' });
    expect(body.timeline.map((e) => e.kind)).toEqual(['booked', 'rescheduled']);
  });

  it('lists the bookings in 我的预约: the one still ahead first, the cancelled one below', async () => {
    await tap('查看我的全部预约', true);
    await text('还没去的（1个）').waitFor();
    const list = await visible().innerText();
    expect(list).toContain('办过的和取消的（1个）');
    expect(list.indexOf('12月1日（周二）上午10:30')).toBeLessThan(list.indexOf('已取消'));
    await shot('12-my-bookings');
  });

  it('follows the case as staff confirm, check in, accept and ask for a missing material', async () => {
    // staff at the window, through the API
    const probe = await staff(`/api/bookings/${bookingId}/confirm`);
    if (probe.status === 404 && probe.body?.error?.code === 'NOT_FOUND') {
      console.warn('SKIPPED: the staff case endpoints are not in this API yet (POST /api/bookings/{id}/confirm answered 404)');
      return;
    }
    expect(probe.status).toBe(200);
    const booking = (await asResident<Booking>(`/api/bookings/${bookingId}`)).body;
    expect((await staff('/api/bookings/check-in', { code: booking.qrPayload })).status).toBe(200);
    const accepted = await staff<{ id: string }>('/api/cases', { bookingId });
    expect(accepted.status).toBe(201);
    const caseId = accepted.body.id;
    expect((await staff(`/api/cases/${caseId}/supplement`, { missing: ['户口簿复印件'] })).status).toBe(200);

    await tap('查看详情'); // the first card: the booking still ahead when the list was shown
    await text('请补交：户口簿复印件').waitFor();
    const detail = await visible().innerText();
    expect(detail).toMatch(/已到窗口签到/);
    expect(detail).toMatch(/排队号：\d+号/);
    expect(detail).toMatch(/需要补交材料\s*[\s\S]*要补交：户口簿复印件/);
    await shot('13-supplement');
    await visible().locator('.timeline').scrollIntoViewIfNeeded();
    await shot('14-timeline');

    expect((await staff(`/api/cases/${caseId}/supplemented`)).status).toBe(200);
    expect((await staff(`/api/cases/${caseId}/complete`, { outcome: '证明已开好，请带身份证到窗口领取' })).status).toBe(200);
  });

  it('rates the completed matter; a bad rating says it will be followed up', async () => {
    const { body } = await asResident<BookingDetail>(`/api/bookings/${bookingId}`);
    if (body.case?.status !== 'completed') return; // the staff step above was skipped
    await app.page.reload();
    await text('已办结，可以评价。证明已开好，请带身份证到窗口领取。').waitFor();
    await text('您对这次办事满意吗？').scrollIntoViewIfNeeded();
    await shot('15-rate');
    await tap('不满意', true);
    await tap('办事效率', true);
    await visible().locator('textarea').first().fill('材料要求没有提前说清楚');
    await text('提交评价').scrollIntoViewIfNeeded();
    await shot('16-rate-filled');
    await tap('提交评价', true);
    await text('谢谢，我们会跟进').waitFor();
    await shot('17-rated');

    const rated = (await asResident<BookingDetail>(`/api/bookings/${bookingId}`)).body;
    expect(rated.rating).toMatchObject({ level: 2, indicators: ['efficiency'], comment: '材料要求没有提前说清楚', followUp: true });
    expect(await visible().innerText()).toMatch(/联系您/);
  });

  it('in 长辈模式 the booking screens keep every text ≥ 19 px and every target ≥ 60 px', async () => {
    await app.page.evaluate(() => localStorage.setItem('bmfw:elder-mode', JSON.stringify({ data: { v: 1, on: true } })));
    const check = async () => {
      await visible().locator('.page.elder').first().waitFor();
      const problems = await visible().evaluate((root) => {
        const found: string[] = [];
        for (const el of Array.from(root.querySelectorAll('.choice-tile, .big-button, .summary-row__action, .tick-box'))) {
          const box = el.getBoundingClientRect();
          if (box.height > 0 && box.height < 59.5) found.push(`target ${el.className} ${Math.round(box.height)}px`);
        }
        for (const el of Array.from(root.querySelectorAll('[class*="booking"] *, [class*="choice-tile"], [class*="summary-row"] *, [class*="timeline"] *'))) {
          const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (own && size < 18.5) found.push(`text "${(el.textContent ?? '').trim().slice(0, 12)}" ${size}px`);
        }
        return found;
      });
      expect(problems).toEqual([]);
    };
    // a fresh load reads the setting (the app keeps it in memory once read)
    const open = async (hash: string) => {
      await app.page.goto(`${app.api.url}/${hash}`);
      await app.page.reload();
    };
    await open('#/pages/bookings/index');
    await text('办过的和取消的').waitFor();
    await check();
    await shot('18-elder-my-bookings');
    await open(`#/pages/booking/index?id=${bookingId}`);
    await text('办理进度').waitFor();
    await check();
    await shot('19-elder-booking');
    const { body } = await asResident<Booking>(`/api/bookings/${bookingId}`);
    await open(`#/pages/book/index?item=${body.itemId}&center=${body.centerId}`);
    await text('选择哪一天去').waitFor();
    await check();
    await shot('20-elder-day');
    await app.page.evaluate(() => localStorage.removeItem('bmfw:elder-mode'));
  });
});
