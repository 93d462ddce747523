// What kind of file was uploaded, and its text: XLSX by its zip signature; CSV as UTF-8 (with
// or without BOM) or, when the bytes are not valid UTF-8, GB18030 (what Excel and WPS on a
// Chinese Windows save as "CSV"). Anything else is refused with a sentence saying what to do.
import iconv from 'iconv-lite';
import { apiError } from '../../core/errors';

/** Vercel accepts request bodies up to 4.5 MB; the file must fit with room to spare. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** item rows in one file (a county has a few hundred; a province-wide list a few thousand) */
export const MAX_ITEM_ROWS = 5000;
export const MAX_MATERIAL_ROWS = 50_000;
/** an XLSX is a zip: refuse one that would unpack to more than this (a "zip bomb") */
export const MAX_XLSX_UNPACKED_BYTES = 60 * 1024 * 1024;

export type Sniffed = { format: 'xlsx' } | { format: 'csv'; text: string; encoding: 'utf-8' | 'gb18030' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // old .xls / .et
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Decide the format and decode a CSV; throws the import's file-level errors. */
export function sniffUpload(bytes: Buffer): Sniffed {
  if (bytes.length > MAX_FILE_BYTES) throw apiError('IMPORT_FILE_TOO_LARGE', undefined, { maxBytes: MAX_FILE_BYTES });
  if (startsWith(bytes, ZIP)) {
    checkZipSize(bytes);
    return { format: 'xlsx' };
  }
  if (startsWith(bytes, OLE)) throw apiError('IMPORT_FORMAT_UNSUPPORTED');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Excel's "Unicode text" (UTF-16, tab-separated)
    throw apiError('IMPORT_FORMAT_UNSUPPORTED');
  }
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw apiError('IMPORT_FILE_EMPTY');
  return { format: 'csv', ...decoded };
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030; binary junk is refused. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.includes(0)) throw apiError('IMPORT_FILE_UNREADABLE');
  let text: string;
  let encoding: 'utf-8' | 'gb18030';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(bytes, 'gb18030');
    encoding = 'gb18030';
  }
  if (!looksLikeText(text)) throw apiError('IMPORT_FILE_UNREADABLE');
  return { text, encoding };
}

/**
 * Text a person could have typed: no control characters but tab and line ends, no replacement
 * characters (bytes GB18030 could not map), hardly any private-use characters (what random
 * bytes decode to in GB18030).
 */
export function looksLikeText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text)) return false;
  const privateUse = text.match(/[\ue000-\uf8ff]/g)?.length ?? 0;
  return privateUse <= Math.max(2, text.length / 1000);
}

/**
 * Sum the uncompressed sizes listed in the zip's central directory (end-of-central-directory
 * record at the end of the file), so a small upload cannot unpack to gigabytes in memory.
 */
function checkZipSize(bytes: Buffer): void {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) throw apiError('IMPORT_FILE_UNREADABLE');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw apiError('IMPORT_FILE_UNREADABLE');
    total += bytes.readUInt32LE(offset + 24);
    if (total > MAX_XLSX_UNPACKED_BYTES) throw apiError('IMPORT_FILE_TOO_LARGE', undefined, { maxBytes: MAX_FILE_BYTES });
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
}
