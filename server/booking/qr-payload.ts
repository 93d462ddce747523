// The booking QR code: the booking code plus a short server signature, so a screenshot of a
// forged code is refused at the window. Staff may also type the 8-character code alone.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'BMFW1';
const CODE = /^[2-9A-HJ-NP-Z]{8}$/;

export function qrPayload(secret: string, code: string): string {
  return `${PREFIX}.${code}.${signature(secret, code)}`;
}

/** The booking code in a typed code or a scanned payload; null when it is neither or forged. */
export function codeFromScan(secret: string, input: string): string | null {
  const text = input.trim();
  if (CODE.test(text.toUpperCase())) return text.toUpperCase();
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !CODE.test(parts[1]!)) return null;
  const expected = Buffer.from(signature(secret, parts[1]!));
  const given = Buffer.from(parts[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? parts[1]! : null;
}

function signature(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`booking:${code}`).digest('base64url').slice(0, 16);
}
