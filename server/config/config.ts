// The server's configuration, read once from the environment and checked with a schema.
// Production refuses to start with a missing secret or an embedded database.
import { z } from 'zod';
import type { TencentSmsSettings } from '../notifications/sms/tencent-sms';

const backendSchema = z.enum(['pglite', 'pg', 'supabase']);
export type Backend = z.infer<typeof backendSchema>;

/** The channel templates a notification can use (one WeChat subscribe template and one SMS template each). */
export const TEMPLATE_KEYS = ['booking_status', 'reminder', 'case_progress', 'staff_task'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
/** booking_status → BOOKING_STATUS (WECHAT_TEMPLATE_BOOKING_STATUS, SMS_TEMPLATE_BOOKING_STATUS) */
const envName = (key: TemplateKey) => key.toUpperCase();

/** An optional setting where an empty value counts as unset (a blank line in a .env file). */
const optionalText = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(1).optional());
const templateId = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a template id is letters, digits, _ and -').optional());
const templateEnv = Object.fromEntries(
  TEMPLATE_KEYS.flatMap((k) => [
    [`WECHAT_TEMPLATE_${envName(k)}`, templateId()],
    [`SMS_TEMPLATE_${envName(k)}`, templateId()],
  ]),
) as Record<`${'WECHAT' | 'SMS'}_TEMPLATE_${Uppercase<TemplateKey>}`, ReturnType<typeof templateId>>;

const envSchema = z.object({
  APP_MODE: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  DATA_BACKEND: backendSchema.optional(),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  SUPABASE_URL: z.string().url().optional(),
  SUPABASE_ANON_KEY: z.string().min(1).optional(),
  SUPABASE_JWT_SECRET: z.string().min(32).optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  CRON_SECRET: z.string().min(16).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(4_500_000).default(1_000_000),
  WECHAT_APPID: z.string().trim().regex(/^wx[0-9a-f]{16}$/i, 'a mini-program AppID looks like wx + 16 hex characters').optional(),
  WECHAT_SECRET: z.string().trim().min(16).optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(200).max(30_000).default(5000),
  DATA_ENCRYPTION_KEY: z.string().trim().min(1).optional(),
  // notifications
  ...templateEnv,
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  SMS_PROVIDER: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['tencent']).optional()),
  TENCENT_SMS_SECRET_ID: optionalText(),
  TENCENT_SMS_SECRET_KEY: optionalText(),
  TENCENT_SMS_SDK_APP_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().regex(/^[0-9]{5,20}$/, 'the SMS SdkAppId is digits, e.g. 1400123456').optional()),
  TENCENT_SMS_SIGN_NAME: optionalText(),
  TENCENT_SMS_REGION: z.string().trim().regex(/^[a-z]{2,}-[a-z]+$/, 'a region like ap-guangzhou').default('ap-guangzhou'),
  TENCENT_SMS_ENDPOINT: z.string().trim().min(1).default('sms.tencentcloudapi.com'),
  TENCENT_SMS_TIMEOUT_MS: z.coerce.number().int().min(200).max(30_000).default(5000),
  NOTIFY_DISPATCH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
});

export interface Config {
  mode: 'development' | 'production';
  backend: Backend;
  databaseUrl?: string;
  poolSize: number;
  pgliteDir: string;
  supabase?: { url: string; anonKey: string; jwtSecret: string };
  /** secret for our own signed tokens */
  authSecret: string;
  /** secret a scheduler presents to run jobs (no jobs run without it) */
  cronSecret?: string;
  port: number;
  host: string;
  maxBodyBytes: number;
  /** the mini-program's AppID and AppSecret; undefined when either is missing (WeChat login answers 503) */
  wechat?: { appid: string; secret: string };
  /** base URL of the WeChat server API (a fake server in tests) */
  wechatApiBase: string;
  /** timeout of one WeChat API call */
  wechatTimeoutMs: number;
  /** 32-byte key for personal data encrypted at rest (AES-256-GCM) and its lookup HMAC */
  dataEncryptionKey: Buffer;
  notifications: NotificationsConfig;
}

export interface NotificationsConfig {
  /** WeChat subscribe-message template ids per template key; a missing key = not used */
  wechatTemplates: Partial<Record<TemplateKey, string>>;
  /** which version of the mini-program a subscribe message opens */
  miniprogramState: 'formal' | 'trial' | 'developer';
  /** undefined when SMS_PROVIDER is unset (no SMS is sent) */
  sms?: { provider: 'tencent'; settings: TencentSmsSettings; templates: Partial<Record<TemplateKey, string>> };
  /** how often the local timer runs the dispatcher; 0: no local timer (a scheduler calls it) */
  dispatchIntervalSeconds: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Only for development: a fixed secret so local tokens survive restarts.
const DEVELOPMENT_AUTH_SECRET = 'development-only-secret-never-used-in-production!';
// Only for development: a fixed data key (base64 of 32 bytes), so local data stays readable.
const DEVELOPMENT_DATA_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1kYXRhLWtleS0zMmJ5dGU=';

/** DATA_ENCRYPTION_KEY: standard base64 (or base64url) of exactly 32 random bytes. */
function dataKey(value: string): Buffer {
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new ConfigError('DATA_ENCRYPTION_KEY must be the base64 of 32 random bytes (openssl rand -base64 32)');
  return key;
}

/**
 * TENCENT_SMS_ENDPOINT: `host[:port]` (https), `https://host[:port]`, or `http://host:port` for a
 * local stand-in, outside production only (the request is signed, but the message and the
 * number would travel in clear).
 */
function smsEndpoint(value: string, mode: Config['mode']): Pick<TencentSmsSettings, 'endpoint' | 'protocol'> {
  const bare = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/;
  if (bare.test(value)) return { endpoint: value, protocol: 'https://' };
  const m = /^(https?):\/\/([A-Za-z0-9.-]+(?::[0-9]{1,5})?)\/?$/.exec(value);
  if (!m) throw new ConfigError('TENCENT_SMS_ENDPOINT must be a host[:port] like sms.tencentcloudapi.com, or http(s)://host:port');
  if (m[1] === 'http' && mode === 'production') throw new ConfigError('TENCENT_SMS_ENDPOINT must be https in production');
  return { endpoint: m[2]!, protocol: m[1] === 'http' ? 'http://' : 'https://' };
}

function templatesOf(e: Record<string, unknown>, prefix: 'WECHAT_TEMPLATE_' | 'SMS_TEMPLATE_'): Partial<Record<TemplateKey, string>> {
  const templates: Partial<Record<TemplateKey, string>> = {};
  for (const key of TEMPLATE_KEYS) {
    const id = e[`${prefix}${envName(key)}`];
    if (typeof id === 'string') templates[key] = id;
  }
  return templates;
}

function notificationsConfig(e: z.infer<typeof envSchema>, mode: Config['mode']): NotificationsConfig {
  let sms: NotificationsConfig['sms'];
  if (e.SMS_PROVIDER === 'tencent') {
    const required = ['TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'] as const;
    const missing = required.filter((name) => !e[name]);
    if (missing.length > 0) throw new ConfigError(`SMS_PROVIDER=tencent needs ${missing.join(', ')}`);
    sms = {
      provider: 'tencent',
      settings: {
        secretId: e.TENCENT_SMS_SECRET_ID!,
        secretKey: e.TENCENT_SMS_SECRET_KEY!,
        region: e.TENCENT_SMS_REGION,
        sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
        signName: e.TENCENT_SMS_SIGN_NAME!,
        ...smsEndpoint(e.TENCENT_SMS_ENDPOINT, mode),
        timeoutMs: e.TENCENT_SMS_TIMEOUT_MS,
      },
      templates: templatesOf(e, 'SMS_TEMPLATE_'),
    };
  }
  return {
    wechatTemplates: templatesOf(e, 'WECHAT_TEMPLATE_'),
    miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    sms,
    dispatchIntervalSeconds: e.NOTIFY_DISPATCH_INTERVAL_SECONDS,
  };
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const mode = e.APP_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'development');
  const backend: Backend =
    e.DATA_BACKEND ?? (e.SUPABASE_URL ? 'supabase' : e.DATABASE_URL ? 'pg' : 'pglite');

  if (backend === 'pg' && !e.DATABASE_URL) throw new ConfigError('DATABASE_URL is required for the pg backend');
  let supabase: Config['supabase'];
  if (backend === 'supabase') {
    if (!e.SUPABASE_URL || !e.SUPABASE_ANON_KEY || !e.SUPABASE_JWT_SECRET) {
      throw new ConfigError('SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_JWT_SECRET are required for the supabase backend');
    }
    supabase = { url: e.SUPABASE_URL, anonKey: e.SUPABASE_ANON_KEY, jwtSecret: e.SUPABASE_JWT_SECRET };
  }
  if (mode === 'production') {
    if (backend === 'pglite') throw new ConfigError('production needs DATABASE_URL (pg) or SUPABASE_URL (supabase), not the embedded database');
    if (!e.AUTH_SECRET) throw new ConfigError('AUTH_SECRET (at least 32 characters) is required in production');
    if (!e.DATA_ENCRYPTION_KEY) throw new ConfigError('DATA_ENCRYPTION_KEY (base64 of 32 random bytes) is required in production');
    if (!e.WECHAT_API_BASE.startsWith('https://')) throw new ConfigError('WECHAT_API_BASE must be https in production (the AppSecret travels in it)');
  }
  return {
    mode,
    backend,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    pgliteDir: e.PGLITE_DIR,
    supabase,
    authSecret: e.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    cronSecret: e.CRON_SECRET,
    port: e.PORT,
    host: e.HOST,
    maxBodyBytes: e.MAX_BODY_BYTES,
    wechat: e.WECHAT_APPID && e.WECHAT_SECRET ? { appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET } : undefined,
    wechatApiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
    wechatTimeoutMs: e.WECHAT_TIMEOUT_MS,
    dataEncryptionKey: dataKey(e.DATA_ENCRYPTION_KEY ?? DEVELOPMENT_DATA_KEY),
    notifications: notificationsConfig(e, mode),
  };
}
