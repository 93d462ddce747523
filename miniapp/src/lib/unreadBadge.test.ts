import { unreadBadgeText, unreadEntryLabel } from './unreadBadge';

describe('the unread badge', () => {
  it('shows the number as text, nothing for none, 99+ above 99', () => {
    expect(unreadBadgeText(0)).toBe('');
    expect(unreadBadgeText(null)).toBe('');
    expect(unreadBadgeText(undefined)).toBe('');
    expect(unreadBadgeText(-1)).toBe('');
    expect(unreadBadgeText(1)).toBe('1');
    expect(unreadBadgeText(99)).toBe('99');
    expect(unreadBadgeText(100)).toBe('99+');
    expect(unreadEntryLabel(3)).toBe('消息，3条未读');
    expect(unreadEntryLabel(0)).toBe('消息');
  });
});
