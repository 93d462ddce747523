// Photos for the public staff notice: small JPEG or PNG images, checked by their bytes (the
// declared type must match), stored in the database and served with their own content type.

export const MAX_PHOTO_BYTES = 200 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the bytes are, by their signature (null: neither JPEG nor PNG). */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length > JPEG.length && starts(JPEG)) return 'image/jpeg';
  if (bytes.length > PNG.length && starts(PNG)) return 'image/png';
  return null;
}

/** Why a photo is refused, in plain words; null when it is fine. */
export function photoProblem(declared: PhotoType, base64: string): string | null {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return '照片是空的，请重新选择';
  if (bytes.length > MAX_PHOTO_BYTES) return '照片太大，请小于200KB';
  const actual = photoTypeOf(bytes);
  if (actual === null) return '照片只能是 JPG 或 PNG';
  if (actual !== declared) return '照片格式与文件内容不一致，请重新选择';
  return null;
}
