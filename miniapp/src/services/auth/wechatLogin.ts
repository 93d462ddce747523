import type { Session } from '@/platform/session';
import { sendJson } from '@/platform/send';

/** POST /api/auth/wechat — exchanges a wx.login code for our token. */
export function wechatLogin(code: string): Promise<Session> {
  return sendJson<Session>('POST', '/api/auth/wechat', { body: { code }, login: false });
}
