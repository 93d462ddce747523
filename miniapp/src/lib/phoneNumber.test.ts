import { phoneButtonResult } from './phoneNumber';

describe('phoneButtonResult', () => {
  it('takes the one-time code of an agreed request', () => {
    expect(phoneButtonResult({ errMsg: 'getPhoneNumber:ok', code: 'abc123' })).toEqual({ kind: 'code', code: 'abc123' });
  });
  it('hears a refusal as a refusal, not an error', () => {
    expect(phoneButtonResult({ errMsg: 'getPhoneNumber:fail user deny' })).toEqual({ kind: 'declined' });
    expect(phoneButtonResult({ errMsg: 'getPhoneNumber:fail:user cancel' })).toEqual({ kind: 'declined' });
  });
  it('treats anything else as a failure', () => {
    expect(phoneButtonResult({ errMsg: 'getPhoneNumber:ok' })).toEqual({ kind: 'failed' });
    expect(phoneButtonResult({ errMsg: 'getPhoneNumber:fail no permission' })).toEqual({ kind: 'failed' });
    expect(phoneButtonResult(undefined)).toEqual({ kind: 'failed' });
  });
});
