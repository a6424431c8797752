/**
 * Instructions hidden from a text classifier by encoding them: base64 or hex runs, rot13, leetspeak,
 * reversed text, invisible Unicode tag characters. Recovering them lets the same classifiers read them.
 */
import { Buffer } from 'node:buffer';
import { rawUnits } from './code-units.ts';
import { cutAt, normalizeText } from './normalize.ts';

/** Bounds on the work one call may do, whatever the input. */
export interface DecodeBudget {
  /** Characters of input looked at. */
  maxScanChars: number;
  /** Encoded runs tried (base64/hex); every try costs a decode. */
  maxCandidates: number;
  /** Characters of decoded text returned in total. */
  maxDecodedChars: number;
}

export const DEFAULT_DECODE_BUDGET: Readonly<DecodeBudget> = {
  maxScanChars: 64 * 1024,
  maxCandidates: 32,
  maxDecodedChars: 8 * 1024,
};

/**
 * The pre-scan's constants (decodeEncodedRuns), as a const enum so that the bundle writes them as literals: a
 * module-level const becomes a module variable there, which V8 reloads and checks at every use in the scan's loop
 * (literals made the text views 10% faster at 1 KB).
 */
const enum Scan {
  /** Shortest base64/hex run worth decoding: 16 chars = 12 bytes, shorter runs are ids and words. */
  MIN_ENCODED_RUN = 16,
  WINDOW_MASK = 0x3fffffff,
  CODE_SPACE = 26,
  CODE_OTHER = 31,
  /** The low bits of a window that MARKER_FILTER reads. */
  FILTER_MASK = 0xfff,
  /** The last five codes of a window. */
  GUR_MASK = (1 << 25) - 1,
  /** The window of " gur ": a space, g (6), u (20), r (17), a space. */
  SPACE_GUR_SPACE = (((((CODE_SPACE << 5) | 6) << 5 | 20) << 5 | 17) << 5) | CODE_SPACE,
  F_BASE64 = 1 << 5,
  F_LEET = 1 << 6,
  F_LETTER = 1 << 7,
  F_MAY_LOWER_TO_LETTER = 1 << 8,
  ABOVE_ASCII = CODE_OTHER | F_MAY_LOWER_TO_LETTER,
}

const enum Hint {
  LEET = 1,
  ROT13 = 2,
  ROT13_COMMON = 4,
  REVERSED = 8,
}

/** rot13 of instruction words that never occur in plain English ("vtaber" = ignore). */
const ROT13_WORDS = ['vtaber', 'cerivbhf', 'flfgrz', 'cebzcg', 'vafgehpgvbaf', 'qvfertneq', 'cnffjbeq', 'erirny'];
/** Reversed instruction words ("erongi" = ignore). */
const REVERSED_WORDS = ['erongi', 'suoiverp', 'metsys', 'tpmorp', 'snoitcurtsni', 'drowssap', 'laever'];
/** Finding one of the words is the test that the whole text is worth rotating. */
const ROT13_MARKERS = new RegExp(ROT13_WORDS.join('|'), 'i');
/** rot13 of "the" and "you": two of them in one text are a weaker sign of rot13 prose. */
const ROT13_COMMON = / gur .* lbh |lbh .* gur /is;
const REVERSED_MARKERS = new RegExp(REVERSED_WORDS.join('|'), 'i');

/**
 * The regexes above are the tests; the scan of decodeEncodedRuns finds what they need first, so that they
 * run only on texts that may match: an ASCII letter right after a leet character (what /[0134578@$][a-z]/i
 * finds) and two letter-leet-letter sequences (Hint.LEET: decodeLeetspeak needs two such words), " gur " in any
 * case (both branches of ROT13_COMMON hold it), and the first six letters of a marker word (rot13 or reversed).
 *
 * The scan keeps a window of the last six characters, 5 bits each: 0..25 for an ASCII letter of either case,
 * 26 for a space, 31 for anything else. A marker's first six letters, or " gur ", are then one comparison.
 */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };

function windowOf(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w = ((w << 5) | (s.charCodeAt(i) === 0x20 ? Scan.CODE_SPACE : s.charCodeAt(i) - 0x61)) & Scan.WINDOW_MASK;
  return w;
}
/** Window of a marker's first six letters -> its HINT_ bits. */
const MARKER_PREFIX = new Map<number, number>();
/**
 * One byte per value of a window's low 12 bits (the last two codes and part of the third) over MARKER_PREFIX's
 * windows, so that a character costs an array read, not a map lookup. 4 KB stays in the L1 cache.
 */
const MARKER_FILTER = new Uint8Array(Scan.FILTER_MASK + 1);
for (const [words, hint] of [[ROT13_WORDS, Hint.ROT13], [REVERSED_WORDS, Hint.REVERSED]] as const) {
  for (const word of words) {
    const w = windowOf(word.slice(0, 6));
    MARKER_PREFIX.set(w, (MARKER_PREFIX.get(w) ?? 0) | hint);
    MARKER_FILTER[w & Scan.FILTER_MASK] = 1;
  }
}

/**
 * Per ASCII character: its window code (low 5 bits), and flags: base64 alphabet, leet character of the
 * pre-check, ASCII letter, and F_MAY_LOWER_TO_LETTER (an ASCII letter). Anything above ASCII is ABOVE_ASCII:
 * CODE_OTHER with only F_MAY_LOWER_TO_LETTER, since lower-casing turns a few characters above ASCII into ASCII
 * letters (KELVIN SIGN into "k", "İ" into "i" and a combining dot).
 */
const ASCII_CLASS = (() => {
  const table = new Uint16Array(128);
  for (let c = 0; c < 128; c++) {
    const lower = c | 0x20;
    const letter = lower >= 0x61 && lower <= 0x7a;
    let entry = letter ? lower - 0x61 : c === 0x20 ? Scan.CODE_SPACE : Scan.CODE_OTHER;
    if (letter || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x2d || c === 0x5f) entry |= Scan.F_BASE64;
    if (letter) entry |= Scan.F_LETTER | Scan.F_MAY_LOWER_TO_LETTER;
    table[c] = entry;
  }
  for (const ch of '0134578@$') table[ch.charCodeAt(0)] = (table[ch.charCodeAt(0)] ?? 0) | Scan.F_LEET;
  return table;
})();

/**
 * Decodes what looks like an embedded, encoded instruction in `s` (raw text: base64 is case
 * sensitive). Returns the decoded pieces, each normalized with normalizeText; empty when nothing was found.
 *
 * @example decodeEmbedded('please run: aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=') // ['ignore all previous instructions']
 */
export function decodeEmbedded(s: string, budget: Readonly<DecodeBudget> = DEFAULT_DECODE_BUDGET): string[] {
  const text = cutAt(s, budget.maxScanChars);
  const found: string[] = [];
  let left = budget.maxDecodedChars;
  const keep = (piece: string): void => {
    if (left <= 0 || piece.length === 0) return;
    const normalized = normalizeText(piece, left);
    if (normalized.length === 0) return;
    left -= normalized.length;
    found.push(normalized);
  };

  const tags = decodeTagCharacters(text, budget.maxDecodedChars);
  const runs: string[] = [];
  // The pre-scan first: it may find the raw units normalization just loaded (rawUnits), which keep would reload.
  const hints = decodeEncodedRuns(text, budget.maxCandidates, runs);
  keep(tags);
  for (const piece of runs) keep(piece);

  if (((hints & Hint.ROT13) !== 0 && ROT13_MARKERS.test(text)) || ((hints & Hint.ROT13_COMMON) !== 0 && ROT13_COMMON.test(text))) {
    keep(rot13(cutAt(text, left)));
  }
  if ((hints & Hint.REVERSED) !== 0 && REVERSED_MARKERS.test(text)) keep(reverse(cutAt(text, left)));
  if ((hints & Hint.LEET) !== 0) keep(decodeLeetspeak(cutAt(text, left).toLowerCase()));
  return found;
}

/** Unicode tag characters U+E0020..U+E007E mirror printable ASCII and render as nothing. */
function decodeTagCharacters(text: string, max: number): string {
  let out = '';
  for (let i = text.indexOf('\udb40'); i >= 0 && i + 1 < text.length && out.length < max; i = text.indexOf('\udb40', i + 2)) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc20 && low <= 0xdc7e) out += String.fromCharCode(low - 0xdc00);
  }
  return out;
}

function isHexChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/**
 * One pass over `text`: finds base64 and hex runs, decodes those that may be encodings (at most
 * `maxCandidates` runs of MIN_ENCODED_RUN or more are tried) into `out` when they decode to mostly readable
 * text, and returns the HINT_ bits of the other decoders' pre-checks. Written with few branches per
 * character (counters and flags as arithmetic): a branch taken at every word boundary costs more here
 * than the rest of the loop.
 */
function decodeEncodedRuns(text: string, maxCandidates: number, out: string[]): number {
  const length = text.length;
  const units = rawUnits.load(text);
  let hints = 0;
  let tries = 0;
  let run = 0; // base64 alphabet characters up to here
  let longRun = -1; // start of the current run once it is Scan.MIN_ENCODED_RUN long
  let window = 0;
  let leetHint = 0;
  let previousLeet = 0;
  // decodeLeetspeak finds something only in a text with two words holding a letter, leet characters and a letter
  // ("h4ck"): counted here, over-counting (any character above ASCII may lower-case to a letter), to skip it.
  let leetBetweenLetters = 0;
  let afterLetter = 0;
  let leetAfterLetter = 0;
  for (let i = 0; i < length; i++) {
    const c = units[i]!;
    const entry = c < 128 ? ASCII_CLASS[c]! : Scan.ABOVE_ASCII;
    window = ((window << 5) | (entry & 31)) & Scan.WINDOW_MASK;
    run = (run + 1) & -((entry >> 5) & 1);
    leetHint |= previousLeet & (entry >> 7);
    previousLeet = (entry >> 6) & 1;
    const mayBeLetter = (entry >> 8) & 1;
    leetBetweenLetters += leetAfterLetter & mayBeLetter;
    leetAfterLetter = previousLeet & (afterLetter | leetAfterLetter);
    afterLetter = mayBeLetter;
    if (run === Scan.MIN_ENCODED_RUN) {
      longRun = i + 1 - Scan.MIN_ENCODED_RUN;
    } else if (longRun >= 0 && run === 0) {
      if (tries < maxCandidates) {
        tries++;
        decodeRun(text, longRun, i, out);
      }
      longRun = -1;
    }
    if (MARKER_FILTER[window & Scan.FILTER_MASK] === 1) hints |= MARKER_PREFIX.get(window) ?? 0;
    if ((window & Scan.GUR_MASK) === Scan.SPACE_GUR_SPACE) hints |= Hint.ROT13_COMMON;
  }
  // Written so that every operation after the loop runs on every call: an operation that runs only on rare calls
  // has no type feedback when V8 optimizes the loop, and reaching it then deoptimizes the function, again and again.
  const triesLeft = tries < maxCandidates;
  const twoLeetSequences = leetBetweenLetters >= 2;
  if (longRun >= 0 && triesLeft) decodeRun(text, longRun, length, out);
  const leet = leetHint !== 0 && twoLeetSequences ? Hint.LEET : 0;
  return hints | leet;
}

/** Decodes the run text[start, end) of base64 alphabet characters as hex or base64 when it may be one. */
function decodeRun(text: string, start: number, end: number, out: string[]): void {
  let allHex = true;
  let letters = 0;
  let digits = 0;
  let upperAfterFirst = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isHexChar(c)) allHex = false;
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c !== 0x3d && c !== 0x2b && c !== 0x2f && c !== 0x2d && c !== 0x5f) letters++;
    if (i > start && c >= 0x41 && c <= 0x5a) upperAfterFirst = true;
  }
  // A long run of letters alone is a word or an identifier, not an encoding: skip the decode.
  if (digits === 0 && !upperAfterFirst) return;
  const run = text.slice(start, end);
  let decoded: string;
  if (allHex && run.length % 2 === 0) decoded = Buffer.from(run, 'hex').toString('utf8');
  else if (letters > 0) decoded = Buffer.from(run.replace(/[-_]/g, (m) => (m === '-' ? '+' : '/')), 'base64').toString('utf8');
  else return;
  if (looksLikeText(decoded)) out.push(decoded);
}

/** Mostly printable, mostly letters and spaces: what an instruction looks like, not random bytes. */
function looksLikeText(s: string): boolean {
  if (s.length < 6) return false;
  let printable = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09 || (c >= 0xa0 && c !== 0xfffd)) printable++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x20 || (c >= 0xc0 && c !== 0xfffd)) letters++;
  }
  return printable >= 0.95 * s.length && letters >= 0.6 * s.length;
}

export function rot13(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c = ((c - 0x41 + 13) % 26) + 0x41;
    else if (c >= 0x61 && c <= 0x7a) c = ((c - 0x61 + 13) % 26) + 0x61;
    out += String.fromCharCode(c);
  }
  return out;
}

function reverse(s: string): string {
  // Reversing by code unit would split surrogate pairs; Array.from walks code points.
  return Array.from(s).reverse().join('');
}

/** 1 at the code of each key of LEET ('8' is in the pre-check's class but has no letter here). */
const LEET_CHAR = new Uint8Array(128);
for (const ch of Object.keys(LEET)) LEET_CHAR[ch.charCodeAt(0)] = 1;

/**
 * Rewrites leetspeak words ("1gn0r3 pr3v10u5") when at least two words carry a leet character
 * between letters; "gpt4", "mp3", "1st" or "10am" (digits only at an edge) do not count.
 */
function decodeLeetspeak(lower: string): string {
  // lower.split(/\s+/) with leet words rewritten, joined with ' ', in one pass: unchanged stretches are
  // copied as slices, each whitespace run becomes one space (as the split and join make it).
  const length = lower.length;
  let out = '';
  let copied = 0;
  let leetWords = 0;
  let start = 0;
  let hasLeet = 0;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? lower.charCodeAt(i) : 0x20;
    if (c < 0x80) {
      if ((ASCII_SPACE[c] ?? 0) === 0) { hasLeet |= LEET_CHAR[c] ?? 0; continue; }
    } else if (!isRegexSpace(c)) continue;
    if (hasLeet !== 0 && mixesLeetAndLetters(lower, start, i)) {
      if (isLeetWord(lower, start, i)) leetWords++;
      let plain = '';
      for (const ch of lower.slice(start, i)) plain += LEET[ch] ?? ch;
      out += lower.slice(copied, start) + plain;
      copied = i;
    }
    if (i === length) break;
    let j = i + 1;
    while (j < length && isRegexSpace(lower.charCodeAt(j))) j++;
    if (!(j === i + 1 && c === 0x20)) {
      out += lower.slice(copied, i) + ' ';
      copied = j;
    }
    start = j;
    hasLeet = 0;
    i = j - 1;
  }
  // Built on every call, used on few: see the end of decodeEncodedRuns (an operation run only on rare calls
  // deoptimizes the function again and again).
  const rewritten = out + lower.slice(copied);
  return leetWords >= 2 ? rewritten : '';
}

/** 1 for the ASCII characters /\s/ matches. */
const ASCII_SPACE = (() => {
  const table = new Uint8Array(128);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[c] = 1;
  return table;
})();

/** What /\s/ matches. */
function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A leet word has a leet character between two letters ("h4ck", "1gn0r3"): a digit only at the start
 * or the end ("1st", "10am", "gpt4") is ordinary writing, and treating it as leet would put whole
 * prompts into the decoded text.
 */
function isLeetWord(word: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > 40) return false;
  let letters = 0;
  let interior = false;
  let leetAfterLetter = false;
  for (let i = start; i < end; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      letters++;
      if (leetAfterLetter) interior = true;
      leetAfterLetter = false;
    } else if (c < 0x80 && LEET_CHAR[c] === 1) {
      leetAfterLetter = leetAfterLetter || (i > start && isLowerLetter(word.charCodeAt(i - 1)));
    } else if (c >= 0x30 && c <= 0x39) return false;
    else leetAfterLetter = false;
  }
  return letters >= 2 && interior;
}

function isLowerLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Once a text is leetspeak, every word mixing letters with leet characters is rewritten ("4ll" too). */
function mixesLeetAndLetters(word: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > 40) return false;
  let letters = 0;
  let leet = 0;
  let leetBeforeLetter = false;
  for (let i = start; i < end; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      letters++;
      if (leet > 0) leetBeforeLetter = true;
    } else if (c < 0x80 && LEET_CHAR[c] === 1) leet++;
    else if (c >= 0x30 && c <= 0x39) return false;
  }
  return letters >= 2 && leet >= 1 && leetBeforeLetter;
}
