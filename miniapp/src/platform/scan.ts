// The camera's code scanner (Taro.scanCode) for staff checking a booking's QR code. On H5 there
// is no scanner: the page offers typing the 8-character code instead.
import Taro from '@tarojs/taro';
import { isWeapp } from './system';

export function canScan(): boolean {
  return isWeapp();
}

/** The scanned text, or null when the person closed the scanner or it failed. */
export async function scanCode(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return typeof result.result === 'string' && result.result.trim() !== '' ? result.result.trim() : null;
  } catch {
    return null;
  }
}
