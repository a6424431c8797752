/**
 * language: ISO 639-1 code of the user text's main language, or 'und'. Campaigns often run one template in
 * several languages; the engine reads language next to the template fingerprint. One pass over the first
 * LANGUAGE_SAMPLE_CHARS of the (already normalized, lower-cased) user text: letters are counted by script, and
 * Latin-script words vote through a Map of frequent function words. No regular expressions.
 */
import type { RequestText, SignalFn } from './types.ts';

/** Enough text to tell languages apart; more only costs time. */
export const LANGUAGE_SAMPLE_CHARS = 2048;
/** Fewer letters than this say nothing reliable. */
const MIN_LETTERS = 8;

/** Frequent short words that mostly belong to one language (words shared by several are left out). */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'of', 'to', 'in', 'that', 'what', 'how', 'with', 'for', 'this', 'you', 'it', 'was', 'be', 'have', 'can', 'your', 'which', 'will', 'not', 'from', 'about', 'write', 'please'],
  es: ['el', 'los', 'las', 'del', 'que', 'es', 'por', 'para', 'con', 'una', 'como', 'pero', 'más', 'qué', 'cómo', 'está', 'son', 'muy', 'y', 'lo', 'su'],
  fr: ['le', 'les', 'des', 'est', 'et', 'une', 'du', 'pour', 'dans', 'qui', 'pas', 'sur', 'avec', 'ce', 'sont', 'vous', 'je', 'au', 'aux', 'comment', 'il', 'elle'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'auf', 'für', 'ich', 'sie', 'wie', 'was', 'den', 'dem', 'zu', 'auch', 'sind', 'bitte'],
  pt: ['não', 'uma', 'os', 'em', 'para', 'com', 'que', 'é', 'do', 'da', 'dos', 'das', 'como', 'mais', 'você', 'são', 'está', 'ao', 'pelo'],
  it: ['il', 'gli', 'della', 'che', 'è', 'di', 'per', 'non', 'una', 'sono', 'come', 'con', 'del', 'nel', 'questo', 'anche', 'ma', 'ed'],
  nl: ['het', 'een', 'van', 'en', 'is', 'niet', 'dat', 'op', 'met', 'voor', 'zijn', 'ik', 'je', 'wat', 'hoe', 'ook', 'maar', 'naar'],
};

const VOTES = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) {
    const languages = VOTES.get(word) ?? [];
    languages.push(language);
    VOTES.set(word, languages);
  }
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'hangul' | 'kana' | 'han';

function scriptOf(c: number): Script | undefined {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return 'latin';
  if (c < 0x370) return undefined;
  if (c <= 0x3ff) return 'greek';
  if (c <= 0x4ff) return 'cyrillic';
  if (c >= 0x5d0 && c <= 0x5ea) return 'hebrew';
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'kana';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'han';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return 'hangul';
  return undefined;
}

const SCRIPT_LANGUAGE: Readonly<Record<Exclude<Script, 'latin' | 'kana' | 'han' | 'cyrillic'>, string>> = {
  greek: 'el', arabic: 'ar', hebrew: 'he', devanagari: 'hi', thai: 'th', hangul: 'ko',
};

/** The main language of `text` (lower-cased, normalized), or 'und'. */
export function languageOfText(text: string): string {
  const end = Math.min(text.length, LANGUAGE_SAMPLE_CHARS);
  const letters = new Map<Script, number>();
  const votes = new Map<string, number>();
  let ukrainian = 0;
  let total = 0;
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    const script = scriptOf(c);
    if (script !== undefined) {
      total++;
      letters.set(script, (letters.get(script) ?? 0) + 1);
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) ukrainian++; // і ї є ґ
      if (script === 'latin') { if (start === -1) start = i; continue; }
    }
    if (start !== -1) {
      if (i - start <= 8) {
        const languages = VOTES.get(text.slice(start, i).toLowerCase());
        if (languages !== undefined) for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + 1 / languages.length);
      }
      start = -1;
    }
  }
  if (total < MIN_LETTERS) return 'und';
  let main: Script = 'latin';
  for (const [script, count] of letters) if (count > (letters.get(main) ?? 0)) main = script;
  if (main === 'han' || main === 'kana') return (letters.get('kana') ?? 0) > 0 ? 'ja' : 'zh';
  if (main === 'cyrillic') return ukrainian > 0 ? 'uk' : 'ru';
  if (main !== 'latin') return SCRIPT_LANGUAGE[main];
  let best = 'und';
  let bestVotes = 0;
  for (const [language, count] of votes) if (count > bestVotes) { best = language; bestVotes = count; }
  return bestVotes >= 1 ? best : 'und';
}

export const language: SignalFn<string> = (_req, text: RequestText) => languageOfText(text.user);
