import { urlOf } from './routes';

export interface HomeAction {
  key: 'guide' | 'book' | 'bookings' | 'progress';
  label: string;
  hint: string;
  url: string;
}

/**
 * The four big buttons of the home screen. Booking starts at the resident's centre when one
 * is known; progress (办件进度) is followed from the booking, so it opens 我的预约 too.
 */
export function homeActions(myCenterId?: string | null): HomeAction[] {
  return [
    { key: 'guide', label: '办事指南', hint: '查要带的材料', url: urlOf('catalogue') },
    { key: 'book', label: '预约办事', hint: '先约好时间', url: urlOf('book', { center: myCenterId }) },
    { key: 'bookings', label: '我的预约', hint: '看预约和取号码', url: urlOf('bookings') },
    { key: 'progress', label: '办理进度', hint: '事情办到哪了', url: urlOf('bookings') },
  ];
}
