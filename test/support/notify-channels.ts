// Both notification channels for a test or a benchmark: the fake WeChat and the fake Tencent
// SMS on 127.0.0.1, with our templates defined on them exactly as they would be in the WeChat
// console and the SMS console, and the environment that points the server at them.
import { TEMPLATE_KEYS, type TemplateKey } from '../../server/contract/notifications';
import { SMS_PARAM_MAX, SMS_TEMPLATES, WECHAT_TEMPLATES } from '../../server/notifications/templates';
import { type FakeSms, startFakeSms } from './fake-sms';
import { type FakeWechat, startFakeWechat } from './fake-wechat';

export const SMS_CREDENTIALS = {
  secretId: 'AKIDfakeSecretId0123456789abcdef',
  secretKey: 'fakeSecretKey0123456789abcdefgh',
  sdkAppId: '1400000001',
  signName: '便民服务',
};

/** the template ids the consoles gave (any ids; the server reads them from the environment) */
export const WECHAT_TEMPLATE_IDS: Record<TemplateKey, string> = {
  booking_status: 'tplBookingStatus0001',
  reminder: 'tplReminder0002',
  case_progress: 'tplCaseProgress0003',
  staff_task: 'tplStaffTask0004',
};
export const SMS_TEMPLATE_IDS: Record<TemplateKey, string> = {
  booking_status: '2100001',
  reminder: '2100002',
  case_progress: '2100003',
  staff_task: '2100004',
};

export interface NotifyChannels {
  wechat: FakeWechat;
  sms: FakeSms;
  /** the server's environment for both channels */
  env: Record<string, string>;
  /** the template key a WeChat template id is for */
  keyOfWechatTemplate(id: string): TemplateKey | undefined;
  close(): Promise<void>;
}

export async function startNotifyChannels(): Promise<NotifyChannels> {
  const wechat = await startFakeWechat();
  const sms = await startFakeSms(SMS_CREDENTIALS);
  for (const key of TEMPLATE_KEYS) {
    wechat.defineTemplate(WECHAT_TEMPLATE_IDS[key], WECHAT_TEMPLATES[key].fields);
    sms.defineTemplate(SMS_TEMPLATE_IDS[key], (SMS_TEMPLATES[key].match(/\{\d\}/g) ?? []).length, SMS_PARAM_MAX);
  }
  const env: Record<string, string> = {
    WECHAT_APPID: wechat.appid,
    WECHAT_SECRET: wechat.secret,
    WECHAT_API_BASE: wechat.url,
    WECHAT_TIMEOUT_MS: '2000',
    SMS_PROVIDER: 'tencent',
    TENCENT_SMS_SECRET_ID: SMS_CREDENTIALS.secretId,
    TENCENT_SMS_SECRET_KEY: SMS_CREDENTIALS.secretKey,
    TENCENT_SMS_SDK_APP_ID: SMS_CREDENTIALS.sdkAppId,
    TENCENT_SMS_SIGN_NAME: SMS_CREDENTIALS.signName,
    TENCENT_SMS_ENDPOINT: sms.url,
    TENCENT_SMS_TIMEOUT_MS: '2000',
  };
  for (const key of TEMPLATE_KEYS) {
    env[`WECHAT_TEMPLATE_${key.toUpperCase()}`] = WECHAT_TEMPLATE_IDS[key];
    env[`SMS_TEMPLATE_${key.toUpperCase()}`] = SMS_TEMPLATE_IDS[key];
  }
  return {
    wechat,
    sms,
    env,
    keyOfWechatTemplate: (id) => TEMPLATE_KEYS.find((k) => WECHAT_TEMPLATE_IDS[k] === id),
    close: async () => {
      await wechat.close();
      await sms.close();
    },
  };
}
