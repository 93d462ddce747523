import Taro from '@tarojs/taro';
import { dialableNumber } from '@/lib/centers';

/** Opens the phone's dialler. Resolves false when the person cancels or the platform refuses. */
export async function callPhone(phone: string): Promise<boolean> {
  const phoneNumber = dialableNumber(phone);
  if (phoneNumber === '') return false;
  try {
    await Taro.makePhoneCall({ phoneNumber });
    return true;
  } catch {
    return false;
  }
}
