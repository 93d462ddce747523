// The SMS provider of this app, made once per configuration (one SDK client per warm instance).
import type { App } from '../../app';
import type { Config } from '../../config/config';
import type { SmsProvider } from './sms-provider';
import { createTencentSms } from './tencent-sms';

export type { SmsMessage, SmsProvider } from './sms-provider';

const providers = new WeakMap<Config, SmsProvider>();

/** The configured SMS provider; undefined when SMS_PROVIDER is unset (no SMS is sent). */
export function smsProvider(app: App): SmsProvider | undefined {
  const sms = app.config.notifications.sms;
  if (!sms) return undefined;
  let provider = providers.get(app.config);
  if (!provider) {
    provider = createTencentSms(sms.settings);
    providers.set(app.config, provider);
  }
  return provider;
}
