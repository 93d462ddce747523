// The 消息 entry of 首页 and 工作台: the unread count as the badge shows it (main package: kept tiny).

/** The badge on 消息: '' for none, the number as text, "99+" above 99. */
export function unreadBadgeText(unread: number | null | undefined): string {
  if (!unread || !Number.isFinite(unread) || unread <= 0) return '';
  return unread > 99 ? '99+' : String(Math.floor(unread));
}

/** What a screen reader says for the 消息 entry: "消息，3条未读" / "消息". */
export function unreadEntryLabel(unread: number | null | undefined): string {
  const badge = unreadBadgeText(unread);
  return badge === '' ? '消息' : `消息，${badge}条未读`;
}
