// Many notifications at once, for the crash and race tests and the notification benchmark:
// rows written straight with SQL (a few hundred or ten thousand in a second), half of them for
// residents reachable by WeChat (an openid the fake issued and one accept of the booking_status
// template, recorded in reminder_consents and granted on the fake), half for persons reachable
// only by SMS (a phone on file, encrypted with the development key as the server stores it).
// Each notification carries a unique item name, which both channels send (WeChat thing1, SMS
// {1}), so every message the fakes received can be traced to one notification; SMS also by its
// send key (SessionContext = `<notification id>:s<n>`).
//
// audit() compares the database's final states with what the fakes received.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DispatchRun } from '../../server/contract/notifications';
import { PHONE_CONTEXT } from '../../server/auth/wechat-login';
import { SERVICE } from '../../server/auth/tokens';
import { readConfig } from '../../server/config/config';
import type { Caller, SqlDatabase } from '../../server/db/database';
import { availability, book } from '../../server/booking/booking-service';
import { fieldCipher } from '../../server/privacy/crypto';
import type { NotifyChannels } from './notify-channels';
import { WECHAT_TEMPLATE_IDS } from './notify-channels';

/** Monday 7 December 2026, 09:00 in Shanghai: outside quiet hours. */
export const LOAD_NOW = new Date('2026-12-07T01:00:00Z');

export const FINAL_STATES = ['delivered', 'inbox_only', 'dead', 'unknown', 'obsolete'] as const;

export interface SeededNotification {
  id: string;
  channel: 'wechat' | 'sms';
  /** the unique item name both channels carry */
  item: string;
  /** WeChat: the recipient's openid; SMS: the E.164 number */
  address: string;
}

const devConfig = () => readConfig({ APP_MODE: 'development' });

/**
 * One real booking (the catalogue's first bookable slot on the coming days), made with the
 * booking service as a resident would: reminder_consents need a booking to belong to.
 */
export async function anchorBooking(db: SqlDatabase, now = LOAD_NOW): Promise<string> {
  const app = { config: devConfig(), db, clock: () => now };
  const account = await db.rpc<{ id: string }>('login_user', { p_dev_login: 'load-anchor', p_display_name: '压测锚点' }, SERVICE);
  const caller: Caller = { role: 'authenticated', claims: { sub: account.id, app_role: 'resident' } };
  const pairs = await db.query<{ center_id: string; item_id: string }>(
    `select w.center_id, wi.item_id from public.window_items wi join public.windows w on w.id = wi.window_id
     where w.active order by w.center_id, wi.item_id limit 40`,
  );
  for (const p of pairs) {
    try {
      const a = await availability(app, caller, { centerId: p.center_id, itemId: p.item_id, from: '2026-12-08', to: '2026-12-11' }, now);
      const slot = a.days.flatMap((d) => d.slots).find((s) => s.remaining > 0);
      if (!slot) continue;
      const b = await book(app, caller, { centerId: p.center_id, itemId: p.item_id, slotStart: slot.start }, `load-anchor-${p.item_id}`, now);
      return b.id;
    } catch {
      // not offered there: the next pair
    }
  }
  throw new Error('no bookable slot for the anchor booking');
}

let phoneCounter = 0;

/**
 * `count` notifications of kind booking_confirmed, due at `now`: `wechatShare` of them to new
 * WeChat residents (each with one accept), the rest to new persons with a phone and no account.
 * `tag` must be new for each call on a database (it makes the openids and item names).
 */
export async function seedNotifications(
  db: SqlDatabase,
  ch: NotifyChannels,
  o: { tag: string; count: number; wechatShare?: number; bookingId: string; now?: Date; consentsOnFake?: number },
): Promise<SeededNotification[]> {
  const now = o.now ?? LOAD_NOW;
  const nWechat = Math.round(o.count * (o.wechatShare ?? 0.5));
  const nSms = o.count - nWechat;
  const item = (i: number) => `${o.tag}-${String(i).padStart(5, '0')}`;
  // the SMS template cuts a parameter at 12 characters: the name must arrive whole
  if (item(o.count).length > 12) throw new Error(`tag ${o.tag} too long for unique item names`);
  const base = { centerName: '沙河镇便民服务中心', startsAt: '2026-12-08T09:30:00+08:00', bookingCode: 'ABCDEFGH' };
  const template = WECHAT_TEMPLATE_IDS.booking_status;
  const out: SeededNotification[] = [];

  if (nWechat > 0) {
    const openids: string[] = [];
    const items: string[] = [];
    for (let i = 0; i < nWechat; i++) {
      const openid = ch.wechat.openidOf(`${o.tag}-w${i}`);
      ch.wechat.grantConsent(openid, template, o.consentsOnFake ?? 1);
      openids.push(openid);
      items.push(item(i));
    }
    const rows = await db.query<{ id: string; item: string }>(
      `with u as (
         insert into public.users (display_name, wechat_openid)
         select '压测住户' || x.i, x.openid from unnest($1::text[]) with ordinality x(openid, i)
         returning id, wechat_openid
       ), c as (
         insert into public.reminder_consents (booking_id, user_id, template_id, accepted_at)
         select $2::uuid, u.id, $3, $4::timestamptz from u
       )
       insert into public.notifications (user_id, kind, data, created_at, due_at, send_after, same_day)
       select u.id, 'booking_confirmed', $5::jsonb || jsonb_build_object('itemName', x.item), $4::timestamptz, $4::timestamptz, $4::timestamptz, true
       from u join unnest($1::text[], $6::text[]) x(openid, item) on x.openid = u.wechat_openid
       returning id, data ->> 'itemName' as item`,
      [openids, o.bookingId, template, now.toISOString(), JSON.stringify(base), items],
    );
    const openidOf = new Map(items.map((it, i) => [it, openids[i]!]));
    for (const r of rows) out.push({ id: r.id, channel: 'wechat', item: r.item, address: openidOf.get(r.item)! });
  }

  if (nSms > 0) {
    const cipher = fieldCipher(devConfig().dataEncryptionKey);
    const items: string[] = [];
    const phones: string[] = [];
    const ciphertexts: string[] = [];
    const hmacs: string[] = [];
    const masked: string[] = [];
    for (let i = 0; i < nSms; i++) {
      const local = `139${String(++phoneCounter).padStart(8, '0')}`;
      const e164 = `+86${local}`;
      items.push(item(nWechat + i));
      phones.push(e164);
      ciphertexts.push(cipher.encrypt(e164, PHONE_CONTEXT));
      hmacs.push(cipher.lookupHash(e164, PHONE_CONTEXT));
      masked.push(`${local.slice(0, 3)}****${local.slice(-4)}`);
    }
    const rows = await db.query<{ id: string; item: string; phone: string }>(
      `with x as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) x(item, phone, ciphertext, hmac, masked)
       ), p as (
         insert into public.persons (full_name) select '压测' || x.item from x returning id, full_name
       ), ph as (
         insert into public.person_phones (person_id, phone_ciphertext, phone_hmac, phone_masked, country_code, verified_at, updated_at)
         select p.id, x.ciphertext, x.hmac, x.masked, '86', $6::timestamptz, $6::timestamptz from p join x on p.full_name = '压测' || x.item
       )
       insert into public.notifications (person_id, kind, data, created_at, due_at, send_after, same_day)
       select p.id, 'booking_confirmed', $7::jsonb || jsonb_build_object('itemName', x.item), $6::timestamptz, $6::timestamptz, $6::timestamptz, true
       from p join x on p.full_name = '压测' || x.item
       returning id, data ->> 'itemName' as item`,
      [items, phones, ciphertexts, hmacs, masked, now.toISOString(), JSON.stringify(base)],
    );
    const phoneOf = new Map(items.map((it, i) => [it, phones[i]!]));
    for (const r of rows) out.push({ id: r.id, channel: 'sms', item: r.item, address: phoneOf.get(r.item)! });
  }
  return out;
}

export interface Audit {
  total: number;
  states: Record<string, number>;
  /** not in a final state */
  notFinal: string[];
  /** received more than once (on one channel or both) */
  duplicated: string[];
  /** delivered (or should have gone out and is not unknown) but never received */
  lost: string[];
  /** received but the database says it was not sent (not delivered, not unknown) */
  receivedNotRecorded: string[];
  /** unknown: received once (the request had left) / never received (it had not) */
  unknownReceived: number;
  unknownNotReceived: number;
  /** messages the fakes received for these notifications */
  received: number;
  /** messages the fakes received that belong to none of them */
  strangers: number;
}

/**
 * Every seeded notification against the fakes. `expectAllSent`: each one could be delivered (a
 * channel, a consent, no scripted failure), so anything final other than delivered / unknown is
 * lost as well.
 */
export async function audit(db: SqlDatabase, ch: NotifyChannels, seeded: readonly SeededNotification[], expectAllSent = true): Promise<Audit> {
  const byItem = new Map(seeded.map((s) => [s.item, s]));
  const counts = new Map<string, number>();
  let strangers = 0;
  const note = (id: string | undefined) => {
    if (!id) return void strangers++;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  const bookingStatus = WECHAT_TEMPLATE_IDS.booking_status;
  for (const m of ch.wechat.subscribeMessages) {
    const s = byItem.get(m.data.thing1?.value ?? '');
    note(s && s.channel === 'wechat' && s.address === m.touser && m.templateId === bookingStatus ? s.id : undefined);
  }
  for (const m of ch.sms.messages) {
    const s = byItem.get(m.params[0] ?? '');
    const keyId = m.sessionContext.split(':')[0];
    note(s && s.channel === 'sms' && s.address === m.phone && keyId === s.id ? s.id : undefined);
  }
  const rows = await db.query<{ id: string; state: string }>(`select id::text, state from public.notifications where id = any($1::uuid[])`, [
    seeded.map((s) => s.id),
  ]);
  const states: Record<string, number> = {};
  const result: Audit = {
    total: seeded.length,
    states,
    notFinal: [],
    duplicated: [],
    lost: [],
    receivedNotRecorded: [],
    unknownReceived: 0,
    unknownNotReceived: 0,
    received: 0,
    strangers,
  };
  for (const r of rows) {
    states[r.state] = (states[r.state] ?? 0) + 1;
    const n = counts.get(r.id) ?? 0;
    result.received += n;
    if (!(FINAL_STATES as readonly string[]).includes(r.state)) result.notFinal.push(r.id);
    if (n > 1) result.duplicated.push(r.id);
    if (r.state === 'unknown') {
      if (n === 0) result.unknownNotReceived++;
      else result.unknownReceived++;
    } else if (r.state === 'delivered') {
      if (n === 0) result.lost.push(r.id);
    } else {
      if (n > 0) result.receivedNotRecorded.push(r.id);
      else if (expectAllSent && (FINAL_STATES as readonly string[]).includes(r.state)) result.lost.push(r.id);
    }
  }
  const found = new Set(rows.map((r) => r.id));
  result.notFinal.push(...seeded.filter((s) => !found.has(s.id)).map((s) => s.id));
  return result;
}

export interface DispatcherChild {
  pid: number;
  /** resolves when the child printed ready (DISPATCH_WAIT_GO) */
  ready: Promise<void>;
  /** let a waiting child start */
  go(): void;
  /** the child's totals when it finished by itself; rejects when it failed or was killed */
  done: Promise<{ total: DispatchRun; ms: number }>;
  /** resolves when the process is gone, whatever the reason */
  exited: Promise<void>;
  kill(): void;
}

/** test/support/dispatcher-process.ts in a child Node process (tsx), against `databaseUrl` and the fakes. */
export function spawnDispatcher(o: {
  databaseUrl?: string;
  channelEnv: Record<string, string>;
  now: Date;
  batchSize?: number;
  concurrency?: number;
  leaseSeconds?: number;
  waitForGo?: boolean;
  /** the baseline instead: these ready-made sends straight to the providers (a JSON file of RawSend[]) */
  rawFile?: string;
}): DispatcherChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'dispatcher-process.ts')], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      JEST_WORKER_ID: '',
      LOG_LEVEL: 'warn',
      DISPATCH_DATABASE_URL: o.databaseUrl ?? '',
      DISPATCH_CHANNEL_ENV: JSON.stringify(o.channelEnv),
      DISPATCH_NOW: o.now.toISOString(),
      DISPATCH_BATCH: String(o.batchSize ?? 100),
      DISPATCH_CONCURRENCY: String(o.concurrency ?? 8),
      DISPATCH_LEASE: String(o.leaseSeconds ?? 60),
      DISPATCH_WAIT_GO: o.waitForGo ? '1' : '0',
      DISPATCH_RAW_FILE: o.rawFile ?? '',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  let result: { total: DispatchRun; ms: number } | undefined;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{"type":')) return;
    const msg = JSON.parse(line) as { type: string; total?: DispatchRun; ms?: number };
    if (msg.type === 'ready') onReady();
    if (msg.type === 'done') result = { total: msg.total!, ms: msg.ms! };
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const done = exited.then((code) => {
    if (code === 0 && result) return result;
    throw new Error(`dispatcher process ${child.pid} ended with ${code ?? child.signalCode}: ${stderr.slice(-2000)}`);
  });
  done.catch(() => undefined);
  return {
    pid: child.pid!,
    ready,
    go: () => child.stdin!.write('go\n'),
    done,
    exited: exited.then(() => undefined),
    kill: () => child.kill('SIGKILL'),
  };
}
