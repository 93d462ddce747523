import { ConfigError, readConfig } from './config';

const DEV = { APP_MODE: 'development' };
const TENCENT = {
  SMS_PROVIDER: 'tencent',
  TENCENT_SMS_SECRET_ID: 'AKIDexample0123456789',
  TENCENT_SMS_SECRET_KEY: 'secret-key-example-0123456789',
  TENCENT_SMS_SDK_APP_ID: '1400123456',
  TENCENT_SMS_SIGN_NAME: '便民服务',
};
const PRODUCTION = {
  APP_MODE: 'production',
  DATABASE_URL: 'postgres://u:p@db.example.com:5432/app',
  AUTH_SECRET: 'a-production-auth-secret-of-at-least-32-chars',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('notifications configuration', () => {
  it('defaults: no templates, formal, no SMS, a 30-second dispatcher timer', () => {
    expect(readConfig(DEV).notifications).toEqual({ wechatTemplates: {}, miniprogramState: 'formal', sms: undefined, dispatchIntervalSeconds: 30 });
  });

  it('reads the WeChat templates per key, the mini-program state and the interval (0 disables the timer)', () => {
    const n = readConfig({
      ...DEV,
      WECHAT_TEMPLATE_BOOKING_STATUS: ' AbC-123_xyz ',
      WECHAT_TEMPLATE_STAFF_TASK: 'tpl2',
      WECHAT_TEMPLATE_REMINDER: '',
      WECHAT_MINIPROGRAM_STATE: 'trial',
      NOTIFY_DISPATCH_INTERVAL_SECONDS: '0',
    }).notifications;
    expect(n.wechatTemplates).toEqual({ booking_status: 'AbC-123_xyz', staff_task: 'tpl2' });
    expect(n.miniprogramState).toBe('trial');
    expect(n.dispatchIntervalSeconds).toBe(0);
  });

  it('refuses a bad state, a bad template id, a negative interval', () => {
    expect(() => readConfig({ ...DEV, WECHAT_MINIPROGRAM_STATE: 'release' })).toThrow(ConfigError);
    expect(() => readConfig({ ...DEV, WECHAT_TEMPLATE_REMINDER: 'has spaces in it' })).toThrow(/WECHAT_TEMPLATE_REMINDER/);
    expect(() => readConfig({ ...DEV, NOTIFY_DISPATCH_INTERVAL_SECONDS: '-1' })).toThrow(/NOTIFY_DISPATCH_INTERVAL_SECONDS/);
  });

  it('SMS_PROVIDER=tencent: settings with the defaults, and the SMS templates', () => {
    const n = readConfig({ ...DEV, ...TENCENT, SMS_TEMPLATE_REMINDER: '2000001', SMS_TEMPLATE_CASE_PROGRESS: '2000002' }).notifications;
    expect(n.sms).toEqual({
      provider: 'tencent',
      settings: {
        secretId: TENCENT.TENCENT_SMS_SECRET_ID,
        secretKey: TENCENT.TENCENT_SMS_SECRET_KEY,
        region: 'ap-guangzhou',
        sdkAppId: '1400123456',
        signName: '便民服务',
        endpoint: 'sms.tencentcloudapi.com',
        protocol: 'https://',
        timeoutMs: 5000,
      },
      templates: { reminder: '2000001', case_progress: '2000002' },
    });
  });

  it('SMS_PROVIDER unset: no SMS, even with Tencent credentials', () => {
    const { SMS_PROVIDER: _, ...credentials } = TENCENT;
    expect(readConfig({ ...DEV, ...credentials }).notifications.sms).toBeUndefined();
  });

  it.each(['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'] as const)(
    'SMS_PROVIDER=tencent without %s is a ConfigError naming it',
    (name) => {
      const env = { ...DEV, ...TENCENT, [name]: '' };
      expect(() => readConfig(env)).toThrow(ConfigError);
      expect(() => readConfig(env)).toThrow(new RegExp(name));
    },
  );

  it('refuses another provider and a SdkAppId that is not digits', () => {
    expect(() => readConfig({ ...DEV, SMS_PROVIDER: 'aliyun' })).toThrow(/SMS_PROVIDER/);
    expect(() => readConfig({ ...DEV, ...TENCENT, TENCENT_SMS_SDK_APP_ID: 'app-1' })).toThrow(/TENCENT_SMS_SDK_APP_ID/);
  });

  it('endpoint: host[:port] and https:// anywhere, http://host:port outside production only', () => {
    const settings = (endpoint: string, base: Record<string, string> = DEV) => readConfig({ ...base, ...TENCENT, TENCENT_SMS_ENDPOINT: endpoint }).notifications.sms?.settings;
    expect(settings('sms.ap-guangzhou.tencentcloudapi.com')).toMatchObject({ endpoint: 'sms.ap-guangzhou.tencentcloudapi.com', protocol: 'https://' });
    expect(settings('https://sms.tencentcloudapi.com/')).toMatchObject({ endpoint: 'sms.tencentcloudapi.com', protocol: 'https://' });
    expect(settings('http://127.0.0.1:4321')).toMatchObject({ endpoint: '127.0.0.1:4321', protocol: 'http://' });
    expect(settings('https://sms.tencentcloudapi.com', PRODUCTION)).toMatchObject({ protocol: 'https://' });
    expect(() => settings('http://127.0.0.1:4321', PRODUCTION)).toThrow(/https in production/);
    expect(() => settings('ftp://sms.tencentcloudapi.com')).toThrow(ConfigError);
    expect(() => settings('https://sms.tencentcloudapi.com/path')).toThrow(ConfigError);
  });

  it('region and timeout', () => {
    const s = readConfig({ ...DEV, ...TENCENT, TENCENT_SMS_REGION: 'ap-beijing', TENCENT_SMS_TIMEOUT_MS: '1500' }).notifications.sms?.settings;
    expect(s).toMatchObject({ region: 'ap-beijing', timeoutMs: 1500 });
    expect(() => readConfig({ ...DEV, ...TENCENT, TENCENT_SMS_REGION: 'Guangzhou' })).toThrow(/TENCENT_SMS_REGION/);
  });
});
