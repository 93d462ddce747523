// The dispatcher: claims due notifications from the outbox (public.claim_notifications, which
// also picks each one's channel), sends them with bounded concurrency, and records each outcome
// (public.finish_delivery). It runs from Vercel Cron, from the local server's timer, and right
// after a change (./kick). Several may run at once: the database hands each notification to one.
//
// Never twice: a send is recorded as in flight before it starts; if this process dies before
// the outcome is recorded, the next run marks that attempt unknown and does not send it again.
import type { NotificationKind } from '../contract/notifications';
import type { DispatchRun } from '../contract/notifications';
import type { Database } from '../db/database';
import { SERVICE } from '../auth/tokens';
import { logError, logInfo } from '../core/log';
import type { SendOutcome } from './send-outcome';
import type { SmsProvider } from './sms/sms-provider';
import { linkOf, smsParams, type NoticeData, type TemplateKey, templateOf, wechatData } from './templates';
import { NOTIFICATION_KINDS } from '../contract/notifications';

/** One attempt as claim_notifications answers it. */
export interface DispatchJob {
  deliveryId: number;
  sendKey: string;
  channel: 'wechat' | 'sms';
  templateKey: TemplateKey;
  notificationId: string;
  kind: NotificationKind;
  data: NoticeData;
  at: string;
  bookingId: string | null;
  caseId: string | null;
  centerId: string | null;
  openid: string | null;
  templateId: string | null;
  phoneCiphertext: string | null;
  countryCode: string | null;
}

/** Which kinds go out on which channel, and with which template ids (claim_notifications' p_channels). */
export interface ChannelPlan {
  wechat: Partial<Record<NotificationKind, TemplateKey>> | null;
  wechatTemplates: Partial<Record<TemplateKey, string>>;
  sms: Partial<Record<NotificationKind, TemplateKey>> | null;
}

export interface WechatSender {
  sendSubscribeMessage(
    now: Date,
    msg: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }>; miniprogramState: 'formal' | 'trial' | 'developer' },
  ): Promise<SendOutcome>;
}

export interface DispatchDeps {
  db: Database;
  /** the clock, read at each step (a run can last seconds) */
  clock: () => Date;
  plan: ChannelPlan;
  wechat?: WechatSender;
  miniprogramState: 'formal' | 'trial' | 'developer';
  sms?: SmsProvider;
  /** SMS template id per template key */
  smsTemplates: Partial<Record<TemplateKey, string>>;
  /** the stored phone (E.164) from its ciphertext */
  decryptPhone(ciphertext: string): string;
}

export interface DispatchOptions {
  /** notifications claimed per call at most (never more than the free send slots) */
  batchSize?: number;
  /** sends in flight at once */
  concurrency?: number;
  /** how long a claimed send may take before another run presumes this one stopped */
  leaseSeconds?: number;
  /** stop starting new rounds after this long (Vercel functions have a time limit) */
  budgetMs?: number;
}

/** The plan for the configured channels: a kind goes out where its template is configured. */
export function channelPlan(
  wechatTemplates: Partial<Record<TemplateKey, string>>,
  smsTemplates: Partial<Record<TemplateKey, string>> | undefined,
  wechatReady: boolean,
): ChannelPlan {
  const pick = (ids: Partial<Record<TemplateKey, string>>) => {
    const out: Partial<Record<NotificationKind, TemplateKey>> = {};
    for (const kind of NOTIFICATION_KINDS) {
      const key = templateOf(kind);
      if (key && ids[key]) out[kind] = key;
    }
    return out;
  };
  return {
    wechat: wechatReady ? pick(wechatTemplates) : null,
    wechatTemplates: wechatReady ? wechatTemplates : {},
    sms: smsTemplates ? pick(smsTemplates) : null,
  };
}

type ClaimAnswer = Omit<DispatchRun, 'sent' | 'retrying' | 'fellBack'> & { jobs: DispatchJob[] };

const emptyRun = (): DispatchRun => ({ claimed: 0, sent: 0, retrying: 0, fellBack: 0, inboxOnly: 0, deferred: 0, obsolete: 0, dead: 0, recovered: 0 });

/**
 * Claim, send and record until nothing is due (or the budget is spent).
 *
 * Never more claimed than being sent: claim_notifications marks every attempt it hands out as in
 * flight, and if this process dies, each of them becomes unknown and is never sent again. So a
 * claim asks only for as many as can start at once (the free send slots, at most batchSize),
 * and the next claim waits until half the slots are free again. A crash leaves at most
 * `concurrency` attempts unknown, those really under way.
 */
export async function dispatch(deps: DispatchDeps, options: DispatchOptions = {}): Promise<DispatchRun> {
  const batchSize = options.batchSize ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const leaseSeconds = options.leaseSeconds ?? 60;
  const started = Date.now();
  const budgetMs = options.budgetMs ?? 20_000;
  const run = emptyRun();
  const inFlight = new Set<Promise<void>>();
  const refillAt = Math.max(1, Math.ceil(concurrency / 2));
  try {
    for (;;) {
      const claim = await deps.db.rpc<ClaimAnswer>(
        'claim_notifications',
        { p_now: deps.clock(), p_limit: Math.max(1, Math.min(batchSize, concurrency - inFlight.size)), p_lease_seconds: leaseSeconds, p_channels: deps.plan },
        SERVICE,
      );
      for (const k of ['claimed', 'inboxOnly', 'deferred', 'obsolete', 'dead', 'recovered'] as const) run[k] += claim[k];
      for (const job of claim.jobs) {
        const sending: Promise<void> = (async () => {
          const outcome = await sendOne(deps, job);
          const finished = await finish(deps, job, outcome);
          if (finished === 'sent') run.sent += 1;
          else if (finished === 'retry') run.retrying += 1;
          else if (finished === 'failed') run.fellBack += 1;
        })().finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
      const touched = claim.jobs.length + claim.inboxOnly + claim.deferred + claim.obsolete + claim.dead + claim.recovered;
      if (Date.now() - started > budgetMs) return run;
      if (touched === 0) {
        if (inFlight.size === 0) return run;
        // what the sends under way record may be due at once (a fallback to the next channel)
        await Promise.all(inFlight);
        continue;
      }
      while (concurrency - inFlight.size < refillAt) await Promise.race(inFlight);
    }
  } finally {
    await Promise.all(inFlight);
  }
}

/** One attempt on its channel. Providers answer outcomes; anything thrown happened before sending. */
async function sendOne(deps: DispatchDeps, job: DispatchJob): Promise<SendOutcome> {
  try {
    if (job.channel === 'wechat') {
      if (!deps.wechat || !job.openid || !job.templateId) return { outcome: 'permanent', code: 'wechat:not-configured' };
      const link = linkOf(job.kind, { bookingId: job.bookingId, centerId: job.centerId });
      return await deps.wechat.sendSubscribeMessage(deps.clock(), {
        touser: job.openid,
        templateId: job.templateId,
        page: link ? link.replace(/^\//, '') : undefined,
        data: wechatData(job.kind, job.data, job.at),
        miniprogramState: deps.miniprogramState,
      });
    }
    const templateId = deps.smsTemplates[job.templateKey];
    if (!deps.sms || !templateId || !job.phoneCiphertext) return { outcome: 'permanent', code: 'sms:not-configured' };
    let phone: string;
    try {
      phone = deps.decryptPhone(job.phoneCiphertext);
    } catch {
      return { outcome: 'permanent', code: 'sms:phone-unreadable' };
    }
    return await deps.sms.send({ phone, templateId, params: smsParams(job.kind, job.data, job.at), sendKey: job.sendKey });
  } catch (error) {
    logError(`notification ${job.sendKey}`, error);
    return { outcome: 'transient', code: 'internal' };
  }
}

async function finish(deps: DispatchDeps, job: DispatchJob, outcome: SendOutcome): Promise<string> {
  const code = outcome.outcome === 'sent' ? null : outcome.code;
  logInfo('notification sent', { sendKey: job.sendKey, channel: job.channel, kind: job.kind, outcome: outcome.outcome, code });
  try {
    const answer = await deps.db.rpc<{ status: string }>(
      'finish_delivery',
      {
        p_delivery: job.deliveryId,
        p_outcome: outcome.outcome,
        p_now: deps.clock(),
        // WeChat once answered errcode 0 without a msgid: still sent, never to be resent
        p_provider_id: outcome.outcome === 'sent' ? outcome.providerId || `${job.channel}:no-id` : null,
        p_code: code,
        p_retry_after: outcome.outcome === 'transient' ? (outcome.retryAfterSeconds ?? null) : null,
      },
      SERVICE,
    );
    return answer.status;
  } catch (error) {
    // the attempt stays in flight; when its lease ends a run marks it unknown (never resent)
    logError(`notification ${job.sendKey} finish`, error);
    return 'unrecorded';
  }
}
