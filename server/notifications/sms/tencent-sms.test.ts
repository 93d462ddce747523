import { tencentCodeOutcome, tencentErrorOutcome } from './tencent-sms';

describe('Tencent SMS code → SendOutcome', () => {
  it.each([
    ['InvalidParameterValue.IncorrectPhoneNumber', { outcome: 'permanent', code: 'sms:InvalidParameterValue.IncorrectPhoneNumber' }],
    ['FailedOperation.PhoneNumberInBlacklist', { outcome: 'permanent', code: 'sms:FailedOperation.PhoneNumberInBlacklist' }],
    ['FailedOperation.TemplateIncorrectOrUnapproved', { outcome: 'permanent', code: 'sms:FailedOperation.TemplateIncorrectOrUnapproved' }],
    ['FailedOperation.SignatureIncorrectOrUnapproved', { outcome: 'permanent', code: 'sms:FailedOperation.SignatureIncorrectOrUnapproved' }],
    ['InvalidParameterValue.TemplateParameterFormatError', { outcome: 'permanent', code: 'sms:InvalidParameterValue.TemplateParameterFormatError' }],
    ['InvalidParameterValue.TemplateParameterLengthLimit', { outcome: 'permanent', code: 'sms:InvalidParameterValue.TemplateParameterLengthLimit' }],
    ['FailedOperation.MissingTemplateToModify', { outcome: 'permanent', code: 'sms:FailedOperation.MissingTemplateToModify' }],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', { outcome: 'permanent', code: 'sms:UnauthorizedOperation.SmsSdkAppIdVerifyFail' }],
    ['AuthFailure.SecretIdNotFound', { outcome: 'permanent', code: 'sms:AuthFailure.SecretIdNotFound' }],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', { outcome: 'transient', code: 'sms:LimitExceeded.PhoneNumberThirtySecondLimit', retryAfterSeconds: 30 }],
    ['LimitExceeded.PhoneNumberOneHourLimit', { outcome: 'transient', code: 'sms:LimitExceeded.PhoneNumberOneHourLimit', retryAfterSeconds: 3600 }],
    ['LimitExceeded.PhoneNumberDailyLimit', { outcome: 'transient', code: 'sms:LimitExceeded.PhoneNumberDailyLimit', retryAfterSeconds: 43200 }],
    ['LimitExceeded.SomethingNew', { outcome: 'transient', code: 'sms:LimitExceeded.SomethingNew', retryAfterSeconds: 60 }],
    ['RequestLimitExceeded', { outcome: 'transient', code: 'sms:RequestLimitExceeded', retryAfterSeconds: 1 }],
    ['InternalError.Timeout', { outcome: 'transient', code: 'sms:InternalError.Timeout' }],
    ['InternalError', { outcome: 'transient', code: 'sms:InternalError' }],
    ['FailedOperation.InsufficientBalanceInSmsPackage', { outcome: 'transient', code: 'sms:FailedOperation.InsufficientBalanceInSmsPackage' }],
    ['FailedOperation.SomethingNew', { outcome: 'transient', code: 'sms:FailedOperation.SomethingNew' }],
  ] as const)('%s', (code, outcome) => {
    expect(tencentCodeOutcome(code)).toEqual(outcome);
  });
});

describe('what the SDK throws → SendOutcome', () => {
  const sdkError = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);
  it.each([
    [sdkError('x', { code: 'AuthFailure.SignatureFailure' }), { outcome: 'permanent', code: 'sms:AuthFailure.SignatureFailure' }],
    [sdkError('Bad Gateway', { httpCode: 502 }), { outcome: 'transient', code: 'sms:http-502' }],
    [sdkError('network timeout at: https://sms.tencentcloudapi.com/'), { outcome: 'unknown', code: 'sms:timeout' }],
    [sdkError('Response timeout while trying to fetch https://sms.tencentcloudapi.com/ (over 5000ms)', { type: 'body-timeout' }), { outcome: 'unknown', code: 'sms:timeout' }],
    [sdkError('request to https://sms.tencentcloudapi.com/ failed, reason: connect ECONNREFUSED 1.2.3.4:443'), { outcome: 'transient', code: 'sms:network' }],
    [sdkError('request to https://sms.tencentcloudapi.com/ failed, reason: getaddrinfo ENOTFOUND sms.tencentcloudapi.com'), { outcome: 'transient', code: 'sms:network' }],
    [sdkError('request to https://sms.tencentcloudapi.com/ failed, reason: read ECONNRESET'), { outcome: 'unknown', code: 'sms:connection-lost' }],
    [sdkError('request to https://sms.tencentcloudapi.com/ failed, reason: socket hang up'), { outcome: 'unknown', code: 'sms:connection-lost' }],
    [sdkError('invalid json response body at https://sms.tencentcloudapi.com/ reason: Unexpected token <', { type: 'invalid-json' }), { outcome: 'transient', code: 'sms:not-json' }],
    [new TypeError('something else'), { outcome: 'unknown', code: 'sms:sdk-error' }],
  ])('%s', (error, outcome) => {
    expect(tencentErrorOutcome(error)).toEqual(outcome);
  });
});
