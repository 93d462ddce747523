/** "5分钟前", "2小时前", "3天前", "刚才": how old a saved copy is, from ms timestamps. */
export function agoText(savedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - savedAt) / 60_000);
  if (minutes < 1) return '刚才';
  if (minutes < 60) return `${minutes}分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时前`;
  return `${Math.floor(hours / 24)}天前`;
}

/** A week-old copy may be out of date: say so. */
const OLD_COPY_MS = 7 * 24 * 3600_000;

/** The banner over a screen that shows saved content because the network failed. */
export function savedCopyNotice(savedAt: number, now: number): string {
  const text = `网络不好，显示的是${agoText(savedAt, now)}保存的内容`;
  return now - savedAt > OLD_COPY_MS ? `${text}，可能已有变化` : text;
}
