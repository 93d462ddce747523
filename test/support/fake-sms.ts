// A stand-in for Tencent Cloud SMS on 127.0.0.1 that speaks Tencent Cloud API 3.0 for one
// action, SendSms (version 2021-01-11), the way sms.tencentcloudapi.com does:
//   POST / with JSON { PhoneNumberSet, SmsSdkAppId, SignName, TemplateId, TemplateParamSet, SessionContext }
//   headers X-TC-Action: SendSms, X-TC-Version: 2021-01-11, X-TC-Timestamp, X-TC-Region,
//   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=…, Signature=…
//   → 200 { Response: { SendStatusSet: [{ SerialNo, PhoneNumber, Fee, SessionContext, Code, Message, IsoCode }], RequestId } }
//   → 200 { Response: { Error: { Code, Message }, RequestId } } for a request-level error
//
// The signature is verified with the secret key like Tencent does (a wrong key answers
// AuthFailure.SignatureFailure). One difference, because the fake listens on a port: the
// service in the credential scope must be the first label of the host (what the SDK signs for a
// custom endpoint: `sms` for sms.tencentcloudapi.com, `127` for 127.0.0.1), and `host` is
// signed without the port (as the SDK does).
//
// Per-number problems come back inside SendStatusSet (Code ≠ 'Ok'), as Tencent answers them:
// a mainland number must be +861[3-9]\d{9} (also 0086…, 86… or 11 digits, like Tencent accepts);
// the parameters must be as many as the template's and each at most its maximum length.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { listen } from '../../server/http/server';

export interface FakeSmsOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
}

export interface FakeSmsMessage {
  /** as sent, E.164 */
  phone: string;
  templateId: string;
  params: string[];
  sessionContext: string;
  serialNo: string;
}

export interface FakeSmsRequest {
  headers: Record<string, string>;
  body: unknown;
  /** what the fake answered: 'Ok', a per-number Code, or the request-level Error.Code */
  code: string;
}

export interface FakeSms {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, for TENCENT_SMS_ENDPOINT / the SDK's httpProfile.endpoint */
  endpoint: string;
  /** an approved template with this many parameters, each at most maxParamLength characters (default 12) */
  defineTemplate(templateId: string, paramCount: number, maxParamLength?: number): void;
  /** answer the next requests with these request-level error codes, in order (e.g. 'RequestLimitExceeded', 'InternalError.Timeout') */
  failNext(...codes: string[]): void;
  /** wait this long before answering (the message is still sent after the wait) */
  delayMs: number;
  /** a second message to the same number within 30 seconds answers LimitExceeded.PhoneNumberThirtySecondLimit (off by default) */
  thirtySecondLimit: boolean;
  /** every message sent (Code 'Ok'), oldest first */
  messages: FakeSmsMessage[];
  /** every request as received (headers and body), with what was answered */
  requests: FakeSmsRequest[];
  /** messages, requests, scripted failures, the delay, the 30-second limit and its history; templates stay */
  reset(): void;
  close(): Promise<void>;
}

const ACTION = 'SendSms';
const VERSION = '2021-01-11';
const REGIONS = new Set(['ap-guangzhou', 'ap-beijing', 'ap-nanjing']);
const MESSAGES: Record<string, string> = {
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  'AuthFailure.SignatureExpire': 'Signature expired. Timestamp is out of range (more than 300 seconds from the server time).',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.InvalidAuthorization': 'Authorization header is invalid.',
  'InvalidAction': 'The action requested is invalid for this service.',
  'NoSuchVersion': 'The requested version does not exist or is not supported.',
  'MissingParameter': 'A required parameter is missing.',
  'UnsupportedRegion': 'The region is not supported by this action.',
  'InvalidParameterValue.SdkAppIdNotExist': 'SdkAppId not exist.',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'signature format is incorrect or signature is not approved',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'template is not approved or request content does not match the approved template content',
  'FailedOperation.FailResolvePacket': 'request package parse failed',
  'RequestLimitExceeded': 'Your current request times exceeds the limit.',
  'InternalError.Timeout': 'request timeout to operator',
  'InternalError.SendAndRecvFail': 'send and receive fail',
  'InvalidParameterValue.IncorrectPhoneNumber': 'incorrect number format',
  'InvalidParameterValue.TemplateParameterFormatError': 'the number of template parameters does not match the template',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'single template parameter exceeds the length limit',
  'LimitExceeded.PhoneNumberThirtySecondLimit': 'the same number sends more than 1 message in 30 seconds',
};

const sha256hex = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** +8613812345678, 008613812345678, 8613812345678 or 13812345678 → +8613812345678; anything else undefined */
function mainland(phone: string): string | undefined {
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(phone);
  return m ? `+86${m[1]}` : undefined;
}

export async function startFakeSms(options: FakeSmsOptions): Promise<FakeSms> {
  const templates = new Map<string, { paramCount: number; maxParamLength: number }>();
  const failures: string[] = [];
  /** number → times of messages sent to it */
  const sentAt = new Map<string, number[]>();

  const fake: FakeSms = {
    url: '',
    endpoint: '',
    delayMs: 0,
    thirtySecondLimit: false,
    messages: [],
    requests: [],
    defineTemplate(templateId, paramCount, maxParamLength = 12) {
      templates.set(templateId, { paramCount, maxParamLength });
    },
    failNext(...codes) {
      failures.push(...codes);
    },
    reset() {
      fake.messages.length = 0;
      fake.requests.length = 0;
      failures.length = 0;
      fake.delayMs = 0;
      fake.thirtySecondLimit = false;
      sentAt.clear();
    },
    close: async () => undefined,
  };

  /** undefined when the request is signed with our secret, else the error code */
  function signatureProblem(headers: Record<string, string>, raw: string): string | undefined {
    const auth = headers.authorization ?? '';
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return 'AuthFailure.InvalidAuthorization';
    const [, secretId, date, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
    if (secretId !== options.secretId) return 'AuthFailure.SecretIdNotFound';
    const timestamp = Number(headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp)) return 'MissingParameter';
    if (Math.abs(Date.now() / 1000 - timestamp) > 300) return 'AuthFailure.SignatureExpire';
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
    const hostname = (headers.host ?? '').replace(/:\d+$/, '');
    if (service !== hostname.split('.')[0]) return 'AuthFailure.SignatureFailure';
    const names = signedHeaders.split(';');
    if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
    const canonicalHeaders = names.map((n) => `${n}:${n === 'host' ? hostname : (headers[n] ?? '').trim()}\n`).join('');
    const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256hex(raw)].join('\n');
    const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256hex(canonicalRequest)].join('\n');
    const key = hmac(hmac(hmac(`TC3${options.secretKey}`, date), service), 'tc3_request');
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
    return expected === signature ? undefined : 'AuthFailure.SignatureFailure';
  }

  function answer(headers: Record<string, string>, raw: string): { body: unknown; code: string } {
    const requestId = randomUUID();
    const fail = (code: string) => ({ body: { Response: { Error: { Code: code, Message: MESSAGES[code] ?? code }, RequestId: requestId } }, code });
    if (headers['x-tc-action'] === undefined || headers['x-tc-version'] === undefined || headers['x-tc-timestamp'] === undefined) return fail('MissingParameter');
    const problem = signatureProblem(headers, raw);
    if (problem) return fail(problem);
    if (headers['x-tc-action'] !== ACTION) return fail('InvalidAction');
    if (headers['x-tc-version'] !== VERSION) return fail('NoSuchVersion');
    if (!REGIONS.has(headers['x-tc-region'] ?? '')) return fail('UnsupportedRegion');
    const scripted = failures.shift();
    if (scripted !== undefined) return fail(scripted);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail('FailedOperation.FailResolvePacket');
    }
    const numbers = body.PhoneNumberSet;
    if (!Array.isArray(numbers) || numbers.length === 0 || typeof body.TemplateId !== 'string' || typeof body.SmsSdkAppId !== 'string') return fail('MissingParameter');
    if (body.SmsSdkAppId !== options.sdkAppId) return fail('InvalidParameterValue.SdkAppIdNotExist');
    if (body.SignName !== options.signName) return fail('FailedOperation.SignatureIncorrectOrUnapproved');
    const template = templates.get(body.TemplateId);
    if (!template) return fail('FailedOperation.TemplateIncorrectOrUnapproved');
    const params = Array.isArray(body.TemplateParamSet) ? body.TemplateParamSet.map(String) : [];
    const sessionContext = typeof body.SessionContext === 'string' ? body.SessionContext : '';
    const now = Date.now();
    const statuses = numbers.map((given) => {
      const phone = String(given);
      const status = (code: string, serialNo = '') => ({
        SerialNo: serialNo,
        PhoneNumber: phone,
        Fee: code === 'Ok' ? 1 : 0,
        SessionContext: sessionContext,
        Code: code,
        Message: code === 'Ok' ? 'send success' : (MESSAGES[code] ?? code),
        IsoCode: 'CN',
      });
      const number = mainland(phone);
      if (!number) return status('InvalidParameterValue.IncorrectPhoneNumber');
      if (params.length !== template.paramCount) return status('InvalidParameterValue.TemplateParameterFormatError');
      if (params.some((p) => [...p].length > template.maxParamLength)) return status('InvalidParameterValue.TemplateParameterLengthLimit');
      const recent = (sentAt.get(number) ?? []).filter((t) => now - t < 30_000);
      if (fake.thirtySecondLimit && recent.length > 0) return status('LimitExceeded.PhoneNumberThirtySecondLimit');
      sentAt.set(number, [...recent, now]);
      const serialNo = `2433:${randomBytes(10).toString('hex')}`;
      fake.messages.push({ phone, templateId: body.TemplateId as string, params, sessionContext, serialNo });
      return status('Ok', serialNo);
    });
    return { body: { Response: { SendStatusSet: statuses, RequestId: requestId } }, code: statuses.length === 1 ? statuses[0]!.Code : 'Ok' };
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
    if (req.method !== 'POST' || !(headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ Response: { Error: { Code: 'InvalidParameter', Message: 'only POST application/json' }, RequestId: randomUUID() } }));
    }
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // kept as text
    }
    const result = answer(headers, raw);
    fake.requests.push({ headers, body, code: result.code });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result.body));
  });
  const port = await listen(server, 0, '127.0.0.1');
  fake.url = `http://127.0.0.1:${port}`;
  fake.endpoint = `127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
