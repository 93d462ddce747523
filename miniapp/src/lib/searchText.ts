// What a villager types, made into what the catalogue search understands: the server matches
// every word as a substring (AND), so separators become single spaces.

/** The server's limit on `q`. */
export const MAX_SEARCH_LENGTH = 50;

/** Question words around the real words ("低保怎么办理？" → "低保"). Longest first. */
const FILLERS = [
  '需要什么材料',
  '要什么材料',
  '要带什么',
  '需要什么',
  '在哪里办',
  '怎么办理',
  '如何办理',
  '在哪办',
  '怎么办',
  '怎样办',
  '怎么弄',
  '如何',
];

// Chinese and Western punctuation people put between words; "-" is kept (item codes use it)
const SEPARATORS = /[\s、，,。．.；;：:！!？?／/\\|｜·•“”"‘’'（）()【】[\]《》<>〈〉…~～]+/g;

/** Full-width letters, digits and signs → half-width; the ideographic space → a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/**
 * "  养老、认证 " → "养老 认证"; "ＡＢＣ１２" → "ABC12"; "低保怎么办理？" → "低保".
 * Filler words are dropped only when something else remains.
 */
export function normalizeSearchText(raw: string): string {
  const spaced = toHalfWidth(raw).replace(SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
  let words = spaced;
  for (const filler of FILLERS) words = words.split(filler).join(' ');
  words = words.replace(/\s+/g, ' ').trim();
  const result = words === '' ? spaced : words;
  return result.slice(0, MAX_SEARCH_LENGTH).trim();
}
