// The booking code as staff read it: a QR code (the server-signed payload) drawn as a GIF data
// URL, which an <Image> shows on WeChat and in a browser alike, and the 8 characters in groups.
import qrcode from 'qrcode-generator';

export interface QrImage {
  /** data:image/gif;base64,… */
  dataUrl: string;
  /** modules per side, quiet zone excluded */
  modules: number;
  /** pixels per side of the GIF, quiet zone included */
  pixels: number;
}

/** Pixels per module: the GIF is drawn at this size and scaled down on screen (crisp on 3× screens). */
const CELL = 8;
/** Quiet zone of 4 modules, as the QR standard asks, so scanners find the code on any background. */
const QUIET_MODULES = 4;

/**
 * The QR code of a booking payload. Level M (15% damage tolerated: a cracked phone screen still
 * scans) with the smallest version that fits. Empty input → null.
 */
export function qrImage(payload: string): QrImage | null {
  const text = payload.trim();
  if (text === '') return null;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  return {
    dataUrl: qr.createDataURL(CELL, CELL * QUIET_MODULES),
    modules,
    pixels: (modules + 2 * QUIET_MODULES) * CELL,
  };
}

/** "7K3MQ2XP" → "7K3M Q2XP": two groups of four are easier to read out and type. */
export function groupedCode(code: string): string {
  const clean = code.replace(/\s+/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)} ${clean.slice(4)}` : clean;
}
