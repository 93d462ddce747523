// Masks personal data (resident ID numbers, mobile numbers) wherever it may be shown or
// logged: keep enough to recognise it, never enough to use it.

/** 510123199001011234 → 5101**********1234 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

const ID_NUMBER = /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;
// also with a country code: +8613812345678, 008613812345678, 86-138…
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])|(?<=(?:\+|00)?86[- ]?)1[3-9][0-9]{9}(?![0-9])/g;

/** Mask every ID number and mobile number inside a free text (log lines, error details). */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone);
}

/** 王秀英 → 王*英, 张三 → 张*: enough for staff to match a person holding their ID card. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
