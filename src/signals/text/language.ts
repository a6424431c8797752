/**
 * The main language of a text, cheaply: by Unicode script, and for Latin script by counting the
 * most frequent function words of each language. Good enough to tell a campaign's language mix.
 */
import { userUnits } from './code-units.ts';
import { isKnownLowerCase } from './normalize.ts';

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

/** One stop word and the languages it votes for (indices into LANGUAGES). */
interface StopWord {
  word: string;
  langs: readonly number[];
  /** 1 / langs.length: a word shared by several languages ("de", "la") is weaker evidence for each. */
  vote: number;
}

/**
 * Slot of a word by its length and first, second and last code units: computed once per word at its end, so
 * the scan does no per-character hashing. Words are compared in full on a hit.
 */
function stopSlot(size: number, first: number, second: number, last: number): number {
  const h = Math.imul(size, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(second, 0xc2b2ae35) ^ Math.imul(last, 0x27d4eb2f);
  return (h ^ (h >>> 15)) & (STOP_SLOTS_SIZE - 1);
}

const STOP_SLOTS_SIZE = 1024;
/** Open addressing: slot -> index + 1 into STOP_LIST, 0 when empty. */
const STOP_SLOTS = new Int16Array(STOP_SLOTS_SIZE);
const STOP_LIST: StopWord[] = [];
/**
 * 1 for each (length, first and last code unit, 5 low bits each) of a stop word: most other words are told apart
 * by one load, without hashing.
 */
const STOP_SHAPES = new Uint8Array(16 * 32 * 32);

function shapeOf(size: number, first: number, last: number): number {
  return (size << 10) | ((first & 31) << 5) | (last & 31);
}

/** Longest stop word, in code units: longer words are not looked up. */
let longestStopWord = 0;
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
    const size = word.length;
    let slot = stopSlot(size, word.charCodeAt(0), size > 1 ? word.charCodeAt(1) : 0, word.charCodeAt(size - 1));
    while ((STOP_SLOTS[slot] ?? 0) !== 0) slot = (slot + 1) & (STOP_SLOTS_SIZE - 1);
    STOP_LIST.push({ word, langs, vote: 1 / langs.length });
    STOP_SLOTS[slot] = STOP_LIST.length;
    if (size > longestStopWord) longestStopWord = size;
    STOP_SHAPES[shapeOf(size, word.charCodeAt(0), word.charCodeAt(size - 1))] = 1;
  }
}

type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'greek';
const SCRIPTS: readonly Script[] = ['latin', 'han', 'kana', 'hangul', 'cyrillic', 'arabic', 'hebrew', 'devanagari', 'thai', 'greek'];
const LATIN = 0, HAN = 1, KANA = 2, HANGUL = 3, CYRILLIC = 4, ARABIC = 5, HEBREW = 6, DEVANAGARI = 7, THAI = 8, GREEK = 9;

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

const SCRIPT_LANGUAGE: Readonly<Record<Exclude<Script, 'latin' | 'cyrillic' | 'han' | 'kana'>, string>> = {
  hangul: 'ko', arabic: 'ar', hebrew: 'he', devanagari: 'hi', thai: 'th', greek: 'el',
};

/**
 * Per-call state, reused: detectLanguage is synchronous and never nests. Script counts cover the characters
 * above ASCII only (ASCII letters are counted apart, as Latin); firstAt is where each script was first seen,
 * so that a tie between scripts goes to the first seen.
 */
const scriptCounts = new Int32Array(SCRIPTS.length);
const firstAt = new Int32Array(SCRIPTS.length);
const scores = new Float64Array(LANGUAGES.length);
let ukrainian = 0;
let bulgarianHint = 0;

function resetCounts(): void {
  scriptCounts.fill(0);
  firstAt.fill(-1);
  scores.fill(0);
  ukrainian = 0;
  bulgarianHint = 0;
}

/** Counts a character above ASCII at index `i` for its script (see scriptIndexOf). */
function countScript(c: number, i: number): void {
  const script = scriptIndexOf(c);
  if (script < 0) return;
  const count = (scriptCounts[script] ?? 0) + 1;
  scriptCounts[script] = count;
  if (count === 1) firstAt[script] = i;
  if (script === CYRILLIC) {
    // і ї є ґ are Ukrainian letters absent from Russian; ъ is common in Bulgarian and ы is not Bulgarian.
    if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 || c === 0x406 || c === 0x407 || c === 0x404) ukrainian++;
    if (c === 0x44a) bulgarianHint++;
    if (c === 0x44b || c === 0x44d) bulgarianHint -= 2;
  }
}

/** Script counts of `text` (characters above ASCII); returns the number of ASCII letters. */
function countScripts(text: string): number {
  let ascii = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) ascii += ASCII_LETTER[c] ?? 0;
    else countScript(c, i);
  }
  return ascii;
}

/**
 * ISO 639-1 code of the main language of `s`, or 'und' when there is too little text or no clear winner.
 *
 * @example detectLanguage('Wie viele Äpfel hat sie, und ist das nicht genug?') // 'de'
 */
export function detectLanguage(s: string): string {
  if (s === votedText) return votedLanguage;
  const text = s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s;
  // Stop words are matched in the lower-cased text. Signals pass the lower-cased user view, which needs no copy
  // (isKnownLowerCase): one pass then counts scripts and stop words together.
  const lower = isKnownLowerCase(s) ? text : text.toLowerCase();
  const together = lower === text;
  resetCounts();
  return languageOfCounts(text, lower, together ? scanWords(lower, true) : countScripts(text));
}

/**
 * The language the counts say (scriptCounts and firstAt over the characters above ASCII, `asciiLetters` ASCII
 * letters, and the stop-word votes when `lower` is `text`; otherwise the votes are cast here if the text is Latin).
 */
function languageOfCounts(text: string, lower: string, asciiLetters: number): string {
  const together = lower === text;
  let letters = asciiLetters;
  for (let k = 0; k < SCRIPTS.length; k++) letters += scriptCounts[k] ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  if (asciiLetters > 0) {
    scriptCounts[LATIN] = (scriptCounts[LATIN] ?? 0) + asciiLetters;
    const firstAscii = firstAsciiLetter(text);
    const firstOther = firstAt[LATIN] ?? -1;
    firstAt[LATIN] = firstOther >= 0 && firstOther < firstAscii ? firstOther : firstAscii;
  }
  let top = -1;
  let topCount = 0;
  let topFirst = 0;
  for (let k = 0; k < SCRIPTS.length; k++) {
    const count = scriptCounts[k] ?? 0;
    const first = firstAt[k] ?? 0;
    if (count > topCount || (count === topCount && count > 0 && first < topFirst)) { top = k; topCount = count; topFirst = first; }
  }
  if (top < 0) return 'und';
  // Japanese writes with Han and kana together: any real share of kana means Japanese.
  if ((top === HAN || top === KANA) && (scriptCounts[KANA] ?? 0) >= 0.1 * topCount) return 'ja';
  if (top === HAN) return 'zh';
  if (top === KANA) return 'ja';
  if (top === CYRILLIC) return ukrainian > 0 ? 'uk' : bulgarianHint > 1 ? 'bg' : 'ru';
  if (top === LATIN) {
    if (!together) scanWords(lower, false);
    return bestLanguage();
  }
  return SCRIPT_LANGUAGE[SCRIPTS[top] as Exclude<Script, 'latin' | 'cyrillic' | 'han' | 'kana'>];
}

function firstAsciiLetter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && ASCII_LETTER[c] === 1) return i;
  }
  return text.length;
}

/** Where each word of the current scan starts and ends (end exclusive): at most one word per two characters. */
const wordStarts = new Int32Array(MAX_CHARS + 1);
const wordEnds = new Int32Array(MAX_CHARS + 1);

/**
 * Votes the stop words of `lower`: words are the maximal runs of letters (\p{L}), each looked up when it ends.
 * With `scripts`, also counts the scripts of the characters above ASCII (valid when `lower` is the text itself).
 * Returns the number of ASCII letters.
 *
 * The character loop has no branch on letters: it records every word's bounds with arithmetic (a branch at
 * each word boundary would mispredict twice a word), and the words are looked up in a second loop.
 */
function scanWords(lower: string, scripts: boolean): number {
  const length = lower.length;
  const units = userUnits.load(lower);
  let ascii = 0;
  let words = 0;
  let start = 0;
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const c = units[i]!;
    let letter: number;
    if (c < 0x80) {
      letter = ASCII_LETTER[c] ?? 0;
      ascii += letter;
    } else {
      if (scripts) countScript(c, i);
      letter = isLetterAt(lower, i, c) ? 1 : 0;
    }
    // A word ends here when the previous character was a letter and this one is not.
    wordStarts[words] = start;
    wordEnds[words] = i;
    words += previous & (letter ^ 1);
    // The next word starts after this character unless this one is a letter.
    start += (i + 1 - start) & (letter - 1);
    previous = letter;
  }
  wordStarts[words] = start;
  wordEnds[words] = length;
  words += previous;
  for (let w = 0; w < words; w++) {
    const from = wordStarts[w] ?? 0;
    const size = (wordEnds[w] ?? 0) - from;
    if (size <= longestStopWord && STOP_SHAPES[shapeOf(size, units[from]!, units[from + size - 1]!)] === 1) vote(units, from, size);
  }
  return ascii;
}

/** The language with the highest score, when it is at least 1 and strictly above every other; else 'und'. */
function bestLanguage(): string {
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
 * Whether the character at `i` (code unit `c`, above ASCII) is a letter: a BMP letter, or either half of a
 * surrogate pair whose code point is a letter.
 */
function isLetterAt(s: string, i: number, c: number): boolean {
  if (c < 0xd800 || c > 0xdfff) return isLetterAboveAscii(c);
  if (c <= 0xdbff) {
    const low = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    return low >= 0xdc00 && low <= 0xdfff && isAstralLetter(c, low);
  }
  const high = i > 0 ? s.charCodeAt(i - 1) : 0;
  return high >= 0xd800 && high <= 0xdbff && isAstralLetter(high, c);
}

/** What /\p{L}/u says of the code point of a surrogate pair, remembered. */
const ASTRAL_LETTER = new Map<number, boolean>();

function isAstralLetter(high: number, low: number): boolean {
  const codePoint = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let known = ASTRAL_LETTER.get(codePoint);
  if (known === undefined) {
    known = LETTER.test(String.fromCodePoint(codePoint));
    if (ASTRAL_LETTER.size < 4096) ASTRAL_LETTER.set(codePoint, known);
  }
  return known;
}

/**
 * The language of the last text whose characters a caller fed to the calls below (startWordVotes ..
 * finishWordVotes): the classifier's character pass splits the lower-cased user view into words anyway, and its
 * words split at digits and at characters that are no letters are the words scanWords would find. detectLanguage
 * then answers for that text without scanning it again.
 */
let votedText: string | undefined;
let votedLanguage = 'und';
/** ASCII letters of the words voted since startWordVotes. */
let votedLetters = 0;
/** False once a letter fell outside the words (see voteSymbolAboveAscii): the votes then miss a word. */
let votesComplete = true;

/**
 * Starts the votes of a lower-cased text split elsewhere into words (runs of ASCII letters, digits and letters
 * above ASCII) and other characters: each word goes to voteLetters, voteLetterRuns or voteWordAboveAscii, each
 * other character above ASCII to voteSymbolAboveAscii, and finishWordVotes ends them (see votedText).
 */
export function startWordVotes(): void {
  resetCounts();
  votedLetters = 0;
  votesComplete = true;
}

/** A word of lower-case ASCII letters, units[start, start + size). */
export function voteLetters(units: Uint16Array, start: number, size: number): void {
  votedLetters += size;
  voteIfStopWord(units, start, size);
}

function voteIfStopWord(units: Uint16Array, start: number, size: number): void {
  if (size <= longestStopWord && STOP_SHAPES[shapeOf(size, units[start]!, units[start + size - 1]!)] === 1) vote(units, start, size);
}

/** A word of lower-case ASCII letters and digits, units[start, end): its words are the runs between the digits. */
export function voteLetterRuns(units: Uint16Array, start: number, end: number): void {
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && ASCII_LETTER[units[i]!] === 1) continue;
    if (i > from) voteLetters(units, from, i - from);
    from = i + 1;
  }
}

/**
 * A word holding characters above ASCII, units[start, end) of `lower`: they count for their scripts, and its words
 * are its runs of letters (\p{L}, as scanWords reads them; a combining mark splits them).
 */
export function voteWordAboveAscii(lower: string, units: Uint16Array, start: number, end: number): void {
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end) {
      const c = units[i]!;
      if (c < 0x80) {
        if (ASCII_LETTER[c] === 1) { votedLetters++; continue; }
      } else {
        countScript(c, i);
        if (isLetterAt(lower, i, c)) continue;
      }
    }
    if (i > from) voteIfStopWord(units, from, i - from);
    from = i + 1;
  }
}

/**
 * A character above ASCII at `i` of `lower` outside the words: it counts for its script. Should it be a letter (a
 * few letters sit in symbol blocks, and astral letters in surrogate pairs), the words split around it are not the
 * detector's, and the votes are dropped.
 */
export function voteSymbolAboveAscii(lower: string, i: number, c: number): void {
  countScript(c, i);
  if (isLetterAt(lower, i, c)) votesComplete = false;
}

/**
 * Ends the votes of `text`: when every character went to one of the calls above and the text is within what
 * detectLanguage reads, detectLanguage(text) is now what the counts say. Otherwise the votes are dropped.
 */
export function finishWordVotes(text: string): void {
  if (!votesComplete || text.length > MAX_CHARS) {
    votedText = undefined;
    return;
  }
  votedText = text;
  votedLanguage = languageOfCounts(text, text, votedLetters);
}

/** Adds the votes of the word s[start, start + size) when it is a stop word. */
function vote(s: Uint16Array, start: number, size: number): void {
  const first = s[start]!;
  const second = size > 1 ? s[start + 1]! : 0;
  const last = s[start + size - 1]!;
  for (let slot = stopSlot(size, first, second, last); ; slot = (slot + 1) & (STOP_SLOTS_SIZE - 1)) {
    const entry = STOP_SLOTS[slot] ?? 0;
    if (entry === 0) return;
    const stop = STOP_LIST[entry - 1];
    if (stop === undefined || !sameWord(stop.word, s, start, size)) continue;
    const langs = stop.langs;
    for (let k = 0; k < langs.length; k++) {
      const lang = langs[k] ?? 0;
      scores[lang] = (scores[lang] ?? 0) + stop.vote;
    }
    return;
  }
}

/** Whether `word` equals s[start, start + size). */
function sameWord(word: string, s: Uint16Array, start: number, size: number): boolean {
  if (word.length !== size) return false;
  for (let k = 0; k < size; k++) if (word.charCodeAt(k) !== s[start + k]) return false;
  return true;
}
