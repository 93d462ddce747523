// Pinyin for a forgiving search: villagers type pinyin ("dibao", "db") on phones without a
// Chinese keyboard they are used to, and pick homophones by mistake ("低包" for 低保). Items and
// bundles store a pinyin text written by the server whenever their name or keywords are
// written (seed, catalogue import, edits); queries are converted the same way.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const LATIN_TERM = /^[a-z]{2,40}$/;

function syllables(text: string, pattern: 'pinyin' | 'first'): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', pattern, nonZh: 'removed', v: true }).map((s) => s.toLowerCase());
}

/** "最低生活保障申请" → "zuidishenghuobaozhangshenqing zdshbzsq"; one pair per phrase, space-separated. */
export function searchPinyin(phrases: readonly string[]): string {
  const tokens: string[] = [];
  for (const phrase of phrases) {
    // keywords are separated by spaces or Chinese commas: each is a phrase of its own
    for (const part of phrase.split(/[\s,，、;；]+/)) {
      if (!HAN.test(part)) continue;
      const full = syllables(part, 'pinyin').join('');
      const initials = syllables(part, 'first').join('');
      if (full) tokens.push(full);
      if (initials.length >= 2) tokens.push(initials);
    }
  }
  return [...new Set(tokens)].join(' ').slice(0, 2000);
}

/** How one search term is matched against the pinyin text: typed pinyin as is, Chinese as its pinyin. */
export function termPinyin(term: string): { kind: 'latin' | 'han'; pinyin: string } | null {
  const t = term.toLowerCase();
  if (LATIN_TERM.test(t)) return { kind: 'latin', pinyin: t };
  if (!HAN.test(t)) return null;
  const full = syllables(t, 'pinyin').join('');
  return full.length >= 2 ? { kind: 'han', pinyin: full } : null;
}
