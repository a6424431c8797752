/**
 * The main language of a text, cheaply: by Unicode script, and for Latin script by counting the
 * most frequent function words of each language. Good enough to tell a campaign's language mix.
 */

const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

function stopSlot(h: number): number {
  return (h ^ (h >>> 10) ^ (h >>> 20)) & 1023;
}

/** Characters looked at: the language of a prompt is clear from its first few KB. */
const MAX_CHARS = 4096;
/** Letters a text needs before any guess. */
const MIN_LETTERS = 8;

/** Function words that are frequent in one language and rare in the others of the list. */
const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'of', 'to', 'in', 'that', 'it', 'with', 'for', 'you', 'this', 'what', 'how', 'was', 'have'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'que', 'de', 'en', 'por', 'para', 'con', 'una', 'del', 'como', 'pero', 'muy', 'ella', 'tiene', 'después', 'qué', 'cuántos', 'cuántas', 'más', 'su', 'se', 'al'],
  fr: ['le', 'la', 'les', 'et', 'est', 'que', 'de', 'des', 'du', 'une', 'pour', 'dans', 'avec', 'pas', 'qui', 'sur', 'vous', 'elle', 'il', 'à', 'au', 'son', 'sa', 'combien', 'je', 'nous', 'ont'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'mit', 'den', 'von', 'ich', 'sie', 'auf', 'auch', 'wie'],
  pt: ['o', 'os', 'as', 'e', 'é', 'que', 'de', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'mais'],
  it: ['il', 'lo', 'gli', 'e', 'è', 'che', 'di', 'un', 'una', 'per', 'con', 'non', 'sono', 'della', 'nel', 'anche', 'come'],
  nl: ['de', 'het', 'een', 'en', 'is', 'van', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'ik', 'je', 'wat', 'ook', 'maar'],
  tr: ['bir', 've', 'bu', 'için', 'ile', 'de', 'da', 'ne', 'çok', 'daha', 'gibi', 'olan', 'ama', 'mi', 'var', 'ben', 'sen'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'to', 'jest', 'że', 'z', 'do', 'jak', 'co', 'ale', 'tak', 'po', 'od', 'czy'],
  vi: ['và', 'là', 'của', 'có', 'không', 'một', 'những', 'các', 'được', 'cho', 'với', 'này', 'trong', 'người', 'tôi', 'bạn', 'để'],
  id: ['dan', 'yang', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'ada', 'saya', 'akan', 'juga', 'ke', 'apa', 'bisa', 'kamu'],
};

/** The languages in a fixed order: scores are kept per index. */
const LANGUAGES: readonly string[] = Object.keys(STOP_WORDS);

/** One stop word: its code units, the languages it votes for (indices into LANGUAGES) and the weight of each vote. */
interface StopWord {
  word: string;
  langs: readonly number[];
  /** 1 / langs.length: a word shared by several languages ("de", "la") is weaker evidence for each. */
  vote: number;
}

/** Longest stop word, in code units: longer words are not looked up. */
let longestStopWord = 0;
/**
 * Stop words by hash of their code units (FNV-1a, as the scan computes it), open addressing: slot -> index + 1
 * into STOP_LIST, 0 when empty. The scan hashes each word as it reads it, so no word becomes a string.
 */
const STOP_SLOTS = new Int16Array(1024);
const STOP_LIST: StopWord[] = [];
const STOP_HASHES: number[] = [];
{
  const byWord = new Map<string, number[]>();
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const w of words) {
      const list = byWord.get(w) ?? [];
      list.push(LANGUAGES.indexOf(lang));
      byWord.set(w, list);
    }
  }
  for (const [word, langs] of byWord) {
    let h = FNV_OFFSET_32;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME_32);
    let slot = stopSlot(h);
    while ((STOP_SLOTS[slot] ?? 0) !== 0) slot = (slot + 1) & (STOP_SLOTS.length - 1);
    STOP_LIST.push({ word, langs, vote: 1 / langs.length });
    STOP_HASHES.push(h);
    STOP_SLOTS[slot] = STOP_LIST.length;
    if (word.length > longestStopWord) longestStopWord = word.length;
  }
}

type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'greek';
const SCRIPTS: readonly Script[] = ['latin', 'han', 'kana', 'hangul', 'cyrillic', 'arabic', 'hebrew', 'devanagari', 'thai', 'greek'];
const LATIN = 0, HAN = 1, KANA = 2, HANGUL = 3, CYRILLIC = 4, ARABIC = 5, HEBREW = 6, DEVANAGARI = 7, THAI = 8, GREEK = 9;

/** 1 for an ASCII letter. */
const ASCII_LETTER = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x41; c <= 0x5a; c++) table[c] = table[c + 32] = 1;
  return table;
})();

/** What /\p{L}/u says of a BMP code unit, filled as characters are met: 0 not asked yet, 1 letter, 2 not. */
const BMP_LETTER = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

function isLetterAboveAscii(c: number): boolean {
  let known = BMP_LETTER[c] ?? 0;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    BMP_LETTER[c] = known;
  }
  return known === 1;
}

/** Script index (into SCRIPTS) of a character, or -1. */
function scriptIndexOf(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return LATIN;
  if (c < 0x370) return -1;
  if (c <= 0x3ff) return GREEK;
  if (c <= 0x52f) return CYRILLIC;
  if (c >= 0x590 && c <= 0x5ff) return HEBREW;
  if (c >= 0x600 && c <= 0x6ff) return ARABIC;
  if (c >= 0x900 && c <= 0x97f) return DEVANAGARI;
  if (c >= 0xe00 && c <= 0xe7f) return THAI;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return KANA;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return HAN;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return HANGUL;
  return -1;
}

const SCRIPT_LANGUAGE: Readonly<Record<Exclude<Script, 'latin' | 'cyrillic' | 'han' | 'kana'>, string>> = {
  hangul: 'ko', arabic: 'ar', hebrew: 'he', devanagari: 'hi', thai: 'th', greek: 'el',
};

/** Per-call counters, reused: detectLanguage is synchronous and never nests. */
const scriptCounts = new Int32Array(SCRIPTS.length);
/** Scripts in the order they were first seen: ties between scripts go to the first seen. */
const scriptOrder = new Int32Array(SCRIPTS.length);
const scores = new Float64Array(LANGUAGES.length);

/**
 * ISO 639-1 code of the main language of `s`, or 'und' when there is too little text or no clear winner.
 *
 * @example detectLanguage('Wie viele Äpfel hat sie, und ist das nicht genug?') // 'de'
 */
export function detectLanguage(s: string): string {
  const text = s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s;
  scriptCounts.fill(0);
  let seen = 0;
  let letters = 0;
  let ukrainian = 0;
  let bulgarianHint = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // Branch-free for ASCII: a letter is Latin, anything else counts nowhere.
      const letter = ASCII_LETTER[c] ?? 0;
      letters += letter;
      scriptCounts[LATIN] = (scriptCounts[LATIN] ?? 0) + letter;
      if ((scriptCounts[LATIN] ?? 0) === 1 && letter !== 0) scriptOrder[seen++] = LATIN;
      continue;
    }
    const script = scriptIndexOf(c);
    if (script < 0) continue;
    letters++;
    const count = (scriptCounts[script] ?? 0) + 1;
    scriptCounts[script] = count;
    if (count === 1) scriptOrder[seen++] = script;
    if (script === CYRILLIC) {
      // і ї є ґ are Ukrainian letters absent from Russian; ъ is common in Bulgarian and ы is not Bulgarian.
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 || c === 0x406 || c === 0x407 || c === 0x404) ukrainian++;
      if (c === 0x44a) bulgarianHint++;
      if (c === 0x44b || c === 0x44d) bulgarianHint -= 2;
    }
  }
  if (letters < MIN_LETTERS) return 'und';
  let top = -1;
  let topCount = 0;
  for (let k = 0; k < seen; k++) {
    const script = scriptOrder[k] ?? 0;
    const count = scriptCounts[script] ?? 0;
    if (count > topCount) { top = script; topCount = count; }
  }
  if (top < 0) return 'und';
  // Japanese writes with Han and kana together: any real share of kana means Japanese.
  if ((top === HAN || top === KANA) && (scriptCounts[KANA] ?? 0) >= 0.1 * topCount) return 'ja';
  if (top === HAN) return 'zh';
  if (top === KANA) return 'ja';
  if (top === CYRILLIC) return ukrainian > 0 ? 'uk' : bulgarianHint > 1 ? 'bg' : 'ru';
  if (top === LATIN) return latinLanguage(text);
  return SCRIPT_LANGUAGE[SCRIPTS[top] as Exclude<Script, 'latin' | 'cyrillic' | 'han' | 'kana'>];
}

/**
 * The language whose stop words the text holds most: words are the maximal runs of letters (\p{L}) of the
 * lower-cased text, each looked up by a hash computed while it is read.
 */
function latinLanguage(text: string): string {
  const lower = text.toLowerCase();
  scores.fill(0);
  const length = lower.length;
  let start = 0;
  let h = FNV_OFFSET_32;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? lower.charCodeAt(i) : 0x20;
    if (c < 0x80 ? (ASCII_LETTER[c] ?? 0) !== 0 : isLetterAt(lower, i, c)) {
      h = Math.imul(h ^ c, FNV_PRIME_32);
      continue;
    }
    const size = i - start;
    if (size > 0 && size <= longestStopWord) vote(lower, start, size, h);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
      // A surrogate pair that is not a letter (isLetterAt said so) is one code point: skip both halves.
      const low = lower.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    start = i + 1;
    h = FNV_OFFSET_32;
  }
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let lang = 0; lang < scores.length; lang++) {
    const score = scores[lang] ?? 0;
    if (score > bestScore) { second = bestScore; best = lang; bestScore = score; }
    else if (score > second) second = score;
  }
  return bestScore >= 1 && bestScore > second && best >= 0 ? LANGUAGES[best] ?? 'und' : 'und';
}

/**
 * Whether the character at `i` (code unit `c`, above ASCII) is a letter: a BMP letter, or the high half
 * of a surrogate pair whose code point is a letter (the scan then reads the low half as a letter too).
 */
function isLetterAt(s: string, i: number, c: number): boolean {
  if (c < 0xd800 || c > 0xdfff) return isLetterAboveAscii(c);
  if (c <= 0xdbff) {
    const low = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    return low >= 0xdc00 && low <= 0xdfff && LETTER.test(s.slice(i, i + 2));
  }
  // A low half: a letter when it completes a pair whose code point is a letter.
  const high = i > 0 ? s.charCodeAt(i - 1) : 0;
  return high >= 0xd800 && high <= 0xdbff && LETTER.test(s.slice(i - 1, i + 1));
}

/** Adds the votes of the word s[start, start + size) when it is a stop word (hash `h` of its code units). */
function vote(s: string, start: number, size: number, h: number): void {
  for (let slot = stopSlot(h); ; slot = (slot + 1) & (STOP_SLOTS.length - 1)) {
    const entry = STOP_SLOTS[slot] ?? 0;
    if (entry === 0) return;
    if (STOP_HASHES[entry - 1] !== h) continue;
    const stop = STOP_LIST[entry - 1];
    if (stop === undefined || stop.word.length !== size) continue;
    let same = true;
    for (let k = 0; k < size && same; k++) same = stop.word.charCodeAt(k) === s.charCodeAt(start + k);
    if (!same) continue;
    for (const lang of stop.langs) scores[lang] = (scores[lang] ?? 0) + stop.vote;
    return;
  }
}
