// The summary of the 用户隐私保护指引 shown before anything personal is collected.
// The retention wording follows the archive rules the county sets (to be confirmed with it).
// Bump PRIVACY_VERSION when the wording changes what is collected: everyone is asked again.

export const PRIVACY_VERSION = '2026-12-01';

export interface PrivacyPoint {
  title: string;
  text: string;
}

export const PRIVACY_POINTS: readonly PrivacyPoint[] = [
  {
    title: '我们收集什么',
    text: '您的微信身份标识（用来认出是您，不含微信密码和聊天内容）、您的预约和办事进度；手机号只有您自己愿意填时才收集。',
  },
  {
    title: '用来做什么',
    text: '只用来帮您预约、让窗口认出您的预约、通知您办理进度。不做广告，不卖给任何人。',
  },
  {
    title: '保存多久',
    text: '登录状态在本手机上保留7天。预约和办件记录按政务服务档案规定的期限保存，到期删除。',
  },
  {
    title: '谁能看到',
    text: '只有您、您授权的家人或代办员，以及为您办事的中心工作人员。',
  },
];

export const PRIVACY_TITLE = '用户隐私保护指引';
export const PRIVACY_DECLINED_TEXT =
  '不同意也没关系：您仍然可以查看办事指南和服务中心，也可以直接到窗口现场办理。只是不能在手机上预约。';
