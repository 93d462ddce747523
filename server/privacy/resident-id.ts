// The 18-digit resident ID number (居民身份证号码, GB 11643-1999): 6-digit address code, 8-digit
// date of birth, 3-digit sequence, 1 check character (ISO 7064 MOD 11-2, 'X' for 10). Checked
// before anything is stored or looked up, so a mistyped number is refused at once instead of
// creating a second person.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
const SHAPE = /^[1-9][0-9]{16}[0-9X]$/;

/** Trim, drop inner spaces and upper-case the X: the form numbers are stored and hashed in. */
export function normaliseResidentId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Why a (normalised) number is not a valid resident ID, or null when it is. */
export function residentIdProblem(id: string): 'shape' | 'birth_date' | 'checksum' | null {
  if (!SHAPE.test(id)) return 'shape';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

export function isValidResidentId(value: string): boolean {
  return residentIdProblem(normaliseResidentId(value)) === null;
}

/** Plain Chinese for each problem, as the form shows it. */
export const RESIDENT_ID_MESSAGES = {
  shape: '身份证号应是18位：17位数字加最后1位数字或X',
  birth_date: '身份证号里的出生日期不对，请核对',
  checksum: '身份证号有一位输错了，请对着身份证再核对一遍',
} as const;
