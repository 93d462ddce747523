// The dispatcher wired to the running app: its database, clock, configured channels and
// providers. Three ways it runs: `runDispatch` (the cron route), `kickDispatch` right after a
// change (in the background of the request; on Vercel kept alive with waitUntil), and
// `startDispatchTimer` in the Node server (reminders come due with no request at all).
import { waitUntil } from '@vercel/functions';
import type { App } from '../app';
import { PHONE_CONTEXT, cipherOf } from '../auth/wechat-login';
import type { DispatchRun } from '../contract/notifications';
import { logError } from '../core/log';
import { wechatClient } from '../wechat/client';
import { channelPlan, dispatch, type DispatchDeps, type DispatchOptions } from './dispatcher';
import { smsProvider } from './sms';

export function dispatchDeps(app: App): DispatchDeps {
  const n = app.config.notifications;
  const wechat = app.config.wechat ? wechatClient(app) : undefined;
  const sms = smsProvider(app);
  return {
    db: app.db,
    clock: () => (app.clock ? app.clock() : new Date()),
    plan: channelPlan(n.wechatTemplates, sms ? n.sms?.templates : undefined, wechat !== undefined),
    wechat,
    miniprogramState: n.miniprogramState,
    sms,
    smsTemplates: n.sms?.templates ?? {},
    decryptPhone: (ciphertext) => cipherOf(app).decrypt(ciphertext, PHONE_CONTEXT),
  };
}

export function runDispatch(app: App, options?: DispatchOptions): Promise<DispatchRun> {
  return dispatch(dispatchDeps(app), options);
}

// One background run per app at a time; a kick during a run asks for one more afterwards.
const running = new WeakMap<App, { again: boolean; done: Promise<void> }>();

/** Send what a change just wrote, without holding up the answer. */
export function kickDispatch(app: App): Promise<void> {
  const current = running.get(app);
  if (current) {
    current.again = true;
    return current.done;
  }
  const state = { again: false, done: Promise.resolve() };
  state.done = (async () => {
    try {
      do {
        state.again = false;
        await runDispatch(app, { budgetMs: 10_000 });
      } while (state.again);
    } catch (error) {
      logError('notification dispatch', error);
    } finally {
      running.delete(app);
    }
  })();
  running.set(app, state);
  waitUntil(state.done);
  return state.done;
}

/** Resolves when the app's background run (if any) has ended: before closing its database. */
export async function dispatchSettled(app: App): Promise<void> {
  for (let run = running.get(app); run; run = running.get(app)) await run.done;
}

/** The Node server's timer (NOTIFY_DISPATCH_INTERVAL_SECONDS; 0 = off). Answers a stop function. */
export function startDispatchTimer(app: App): () => void {
  const seconds = app.config.notifications.dispatchIntervalSeconds;
  if (seconds <= 0) return () => undefined;
  const timer = setInterval(() => void kickDispatch(app), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
