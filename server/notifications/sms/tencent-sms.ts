// Tencent Cloud SMS (短信) through the pinned SDK (tencentcloud-sdk-nodejs-sms, API 2021-01-11):
// SendSms to one number, its answer mapped to a SendOutcome.
//
// How the SDK behaves (tencentcloud-sdk-nodejs-common 4.1.x, read from its source):
// - it signs with TC3-HMAC-SHA256 and POSTs JSON to `httpProfile.protocol + endpoint + '/'`; the
//   endpoint may carry a port, so `http://` + `127.0.0.1:PORT` reaches a local fake (the signed
//   service name is the endpoint's first label, `sms` for sms.tencentcloudapi.com);
// - `httpProfile.reqTimeout` is in seconds and becomes node-fetch's `timeout` (× 1000), so a
//   fraction of a second works;
// - an API error (`Response.Error`) is thrown as TencentCloudSDKHttpException with `.code`; an
//   HTTP status other than 200 is thrown with `.httpCode`; a network failure or a timeout is
//   thrown with node-fetch's message only (`network timeout at: …`, `request to … failed,
//   reason: connect ECONNREFUSED …`), so that message is what tells them apart here;
// - with `http_proxy` in the environment and no `agent`, it tunnels through that proxy: an
//   `http://` endpoint (the fake) gets its own agent so it is always reached directly.
//
// The phone number is never logged: Tencent's messages are logged with every long digit run
// replaced, and only our code and Tencent's RequestId are kept.
import { Agent } from 'node:http';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import { logError } from '../../core/log';
import { NOT_SENT_NETWORK_CODES, type SendOutcome } from '../send-outcome';
import type { SmsMessage, SmsProvider } from './sms-provider';

export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  /** e.g. ap-guangzhou */
  region: string;
  /** the SMS application's SdkAppId, e.g. 1400xxxxxx */
  sdkAppId: string;
  /** the approved signature's text (签名内容), e.g. 便民服务 */
  signName: string;
  /** host[:port], default sms.tencentcloudapi.com */
  endpoint: string;
  protocol: 'https://' | 'http://';
  /** per SendSms call */
  timeoutMs: number;
}

export const DEFAULT_TENCENT_SMS_ENDPOINT = 'sms.tencentcloudapi.com';

/** Codes after which this message will never be delivered by SMS: the number, the template or our account must change. */
export const TENCENT_PERMANENT_CODES: ReadonlySet<string> = new Set([
  'InvalidParameterValue.IncorrectPhoneNumber',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'InvalidParameterValue.TemplateParameterFormatError',
  'InvalidParameterValue.TemplateParameterLengthLimit',
  'FailedOperation.MissingTemplateToModify',
  'FailedOperation.ContainSensitiveWord',
  'FailedOperation.FailResolvePacket',
  'FailedOperation.JsonParseFail',
]);
/** Code prefixes that are permanent too: credentials, permissions, a request we built wrong. */
export const TENCENT_PERMANENT_PREFIXES = ['UnauthorizedOperation.', 'AuthFailure.', 'InvalidParameter.', 'InvalidParameterValue.', 'MissingParameter.', 'UnsupportedOperation.'];

/** LimitExceeded.* codes and when the limit is over (seconds); any other LimitExceeded.* waits a minute. */
export const TENCENT_LIMIT_RETRY_AFTER: ReadonlyMap<string, number> = new Map([
  ['LimitExceeded.PhoneNumberThirtySecondLimit', 30],
  ['LimitExceeded.PhoneNumberOneHourLimit', 3600],
  ['LimitExceeded.PhoneNumberDailyLimit', 43200],
  ['LimitExceeded.DeliveryFrequencyLimit', 30],
  ['LimitExceeded.AppDailyLimit', 3600],
  ['LimitExceeded.DailyLimit', 3600],
  ['LimitExceeded.AppCountryOrRegionDailyLimit', 3600],
  ['LimitExceeded.AppGlobalDailyLimit', 3600],
  ['LimitExceeded.AppMainlandChinaDailyLimit', 3600],
]);

/**
 * The SendOutcome of a Tencent error code (a SendStatusSet entry's Code other than 'Ok', or the
 * request's Response.Error.Code). Transient: limits, RequestLimitExceeded, InternalError.*, an
 * empty SMS package, and any code not named here (Tencent answered, so it did not deliver).
 */
export function tencentCodeOutcome(tencentCode: string): SendOutcome {
  const code = `sms:${tencentCode}`;
  if (tencentCode.startsWith('LimitExceeded.')) {
    return { outcome: 'transient', code, retryAfterSeconds: TENCENT_LIMIT_RETRY_AFTER.get(tencentCode) ?? 60 };
  }
  if (tencentCode === 'RequestLimitExceeded' || tencentCode.startsWith('RequestLimitExceeded.')) return { outcome: 'transient', code, retryAfterSeconds: 1 };
  if (tencentCode.startsWith('InternalError') || tencentCode === 'FailedOperation.InsufficientBalanceInSmsPackage') return { outcome: 'transient', code };
  if (TENCENT_PERMANENT_CODES.has(tencentCode) || TENCENT_PERMANENT_PREFIXES.some((p) => tencentCode.startsWith(p))) return { outcome: 'permanent', code };
  return { outcome: 'transient', code };
}

type SdkError = Error & { code?: unknown; httpCode?: unknown; type?: unknown; requestId?: unknown };

const TIMEOUT_MESSAGE = /network timeout at|Response timeout while trying to fetch|aborted/i;
const NETWORK_MESSAGE = /failed, reason: (?:[a-z]+ )?([A-Z][A-Z0-9_]+)?/;

/** The SendOutcome of something the SDK threw. */
export function tencentErrorOutcome(error: unknown): SendOutcome {
  const e = (error ?? {}) as SdkError;
  if (typeof e.code === 'string' && e.code !== '') return tencentCodeOutcome(e.code);
  if (typeof e.httpCode === 'number') return { outcome: 'transient', code: `sms:http-${e.httpCode}` };
  const message = String(e.message ?? '');
  if (e.type === 'request-timeout' || e.type === 'body-timeout' || TIMEOUT_MESSAGE.test(message)) return { outcome: 'unknown', code: 'sms:timeout' };
  if (e.type === 'invalid-json') return { outcome: 'transient', code: 'sms:not-json' };
  const network = NETWORK_MESSAGE.exec(message);
  if (network) {
    // refused, DNS: nothing went out; reset, hang up: it may have reached Tencent
    return network[1] && NOT_SENT_NETWORK_CODES.has(network[1]) ? { outcome: 'transient', code: 'sms:network' } : { outcome: 'unknown', code: 'sms:connection-lost' };
  }
  return { outcome: 'unknown', code: 'sms:sdk-error' };
}

/** Free text from Tencent or the SDK, safe to log: no digit run long enough to be a phone number. */
const scrub = (text: unknown) => String(text ?? '').replace(/\+?\d[\d -]{5,}\d/g, '[digits]').slice(0, 200);
/** Tencent's RequestId is a UUID; anything else is not logged. */
const requestId = (id: unknown) => (typeof id === 'string' && /^[0-9a-f-]{8,64}$/i.test(id) ? id : '-');
const describe = (o: SendOutcome) => (o.outcome === 'sent' ? 'sent' : `${o.outcome} ${o.code}`);

export function createTencentSms(settings: TencentSmsSettings): SmsProvider {
  const client = new sms.v20210111.Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: {
      signMethod: 'TC3-HMAC-SHA256',
      httpProfile: {
        reqMethod: 'POST',
        endpoint: settings.endpoint,
        protocol: settings.protocol,
        reqTimeout: settings.timeoutMs / 1000,
        ...(settings.protocol === 'http://' ? { agent: new Agent({ keepAlive: false }) } : {}),
      },
    },
  });

  return {
    name: 'tencent',
    async send(msg: SmsMessage): Promise<SendOutcome> {
      let answer: Awaited<ReturnType<typeof client.SendSms>>;
      try {
        answer = await client.SendSms({
          PhoneNumberSet: [msg.phone],
          SmsSdkAppId: settings.sdkAppId,
          SignName: settings.signName,
          TemplateId: msg.templateId,
          TemplateParamSet: msg.params,
          SessionContext: msg.sendKey,
        });
      } catch (error) {
        const outcome = tencentErrorOutcome(error);
        const e = (error ?? {}) as SdkError;
        logError('sms tencent SendSms', `${describe(outcome)}: ${scrub(e.message)} (RequestId ${requestId(e.requestId)})`);
        return outcome;
      }
      const status = answer.SendStatusSet?.[0];
      if (!status) {
        logError('sms tencent SendSms', `answer without a SendStatusSet (RequestId ${requestId(answer.RequestId)})`);
        return { outcome: 'unknown', code: 'sms:no-status' };
      }
      if (status.Code === 'Ok') return { outcome: 'sent', providerId: String(status.SerialNo ?? '') };
      const outcome = tencentCodeOutcome(String(status.Code ?? 'Unknown'));
      logError('sms tencent SendSms', `${describe(outcome)}: ${scrub(status.Message)} (RequestId ${requestId(answer.RequestId)})`);
      return outcome;
    },
  };
}
