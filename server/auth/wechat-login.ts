// WeChat login for the resident's mini-program: `wx.login` code → jscode2session → openid →
// our own signed token (the session_key never leaves the WeChat client, ../wechat/client.ts).
// And the phone number by the code-based getPhoneNumber flow, stored encrypted at rest.
import { z } from 'zod';
import type { App } from '../app';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import { type FieldCipher, fieldCipher } from '../privacy/crypto';
import { maskPhone } from '../privacy/mask';
import { wechatClient } from '../wechat/client';
import { type Account, issueToken, SERVICE } from './tokens';
import { staffWechatLogin } from './wechat-binding';

/** a code from wx.login or from the getPhoneNumber button: opaque, single use, short-lived */
const wechatCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, '微信凭证格式不对，请重新打开小程序');

export const wechatLoginBody = z.object({
  code: wechatCode.describe('the code from wx.login (valid 5 minutes, single use)'),
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('the name of a new account (default 微信用户); ignored when the account exists'),
  as: z
    .enum(['resident', 'staff'])
    .optional()
    .describe('resident (default): the resident account of this WeChat, made on first login; staff: the staff account this WeChat was bound to (POST /api/auth/wechat/bind)'),
});

export const wechatPhoneBody = z.object({
  code: wechatCode.describe('the code of the getPhoneNumber button (`e.detail.code`), single use'),
});

/** encryption context (authenticated data) of a phone number in person_phones */
export const PHONE_CONTEXT = 'person_phones.phone';

export async function wechatLogin(app: App, input: z.infer<typeof wechatLoginBody>, now: Date): Promise<{ token: string; account: Account }> {
  const { openid } = await wechatClient(app).jscode2session(input.code);
  if (input.as === 'staff') return staffWechatLogin(app, openid, now);
  const account = await app.db.rpc<Account>('login_user', { p_wechat_openid: openid, p_display_name: input.displayName ?? null }, SERVICE);
  return { token: await issueToken(app.config.authSecret, account, now), account };
}

const ciphers = new WeakMap<Buffer, FieldCipher>();
/** The app's field cipher (one per key). */
export function cipherOf(app: App): FieldCipher {
  let c = ciphers.get(app.config.dataEncryptionKey);
  if (!c) ciphers.set(app.config.dataEncryptionKey, (c = fieldCipher(app.config.dataEncryptionKey)));
  return c;
}

/** Ask WeChat for the number the user agreed to share; store it encrypted; answer it masked. */
export async function saveWechatPhone(app: App, caller: Caller, code: string, now: Date): Promise<{ phone: string }> {
  const userId = caller.claims.sub;
  if (caller.role !== 'authenticated' || typeof userId !== 'string') throw apiError('UNAUTHENTICATED');
  const { purePhoneNumber, countryCode } = await wechatClient(app).getPhoneNumber(code, now);
  const normalised = `+${countryCode}${purePhoneNumber}`;
  const cipher = cipherOf(app);
  return app.db.rpc<{ phone: string }>(
    'save_person_phone',
    {
      p_user: userId,
      p_ciphertext: cipher.encrypt(normalised, PHONE_CONTEXT),
      p_hmac: cipher.lookupHash(normalised, PHONE_CONTEXT),
      p_masked: maskPhone(purePhoneNumber),
      p_country_code: countryCode,
      p_now: now,
    },
    SERVICE,
  );
}

