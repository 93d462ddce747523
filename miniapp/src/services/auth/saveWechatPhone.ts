import { postWithLogin } from '@/platform/send';

/**
 * POST /api/auth/wechat/phone — the one-time code from WeChat's 手机号快速验证 button; the
 * server asks WeChat for the number, keeps it encrypted and answers it masked.
 */
export async function saveWechatPhone(code: string): Promise<{ phone: string }> {
  return postWithLogin<{ phone: string }>('/api/auth/wechat/phone', { code });
}
