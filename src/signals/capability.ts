/**
 * capability: which areas a request targets (math, coding, reasoning, agentic tool use, writing, chat, safety),
 * 0..1 each, several possibly high. A distiller sweeps areas; the engine compares an account's breadth and depth
 * across them. One pass over the characters of each text: tokens are looked up in one Map (cue words and
 * two-word phrases, see capability-lexicon.ts), punctuation and digits feed shape counts (operators between
 * numbers, code fences and braces, LaTeX commands, currency) in the same loop. No regular expressions. The plain
 * words of the cased user text are left in userCasedWords for the template's tokenizer (see word-spans.ts).
 *
 * Per area: evidence = cue weights / length factor + shape evidence (capped), score = 1 - e^(-evidence).
 * A cue word repeated counts half as much each time, so at most twice its weight.
 * The length factor, sqrt(words / 120) when above 1, keeps a long text from reaching every area on incidental words.
 */
import type { NormalizedRequest } from '../protocol/types.ts';
import { CAPABILITY_CUES, LATEX_COMMANDS, TASK_VERBS } from './capability-lexicon.ts';
import { CodeUnits, userCasedUnits } from './text/code-units.ts';
import { CAPABILITIES, type Capability, type RequestText, type SignalFn } from './types.ts';
import { userCasedWords, type WordSpans } from './word-spans.ts';

const MATH = 0, CODING = 1, REASONING = 2, AGENTIC = 3, WRITING = 4, CHAT = 5, SAFETY = 6;

interface Cues {
  /** Area indices and their weights, in parallel (flat arrays of numbers: no pair object to load per cue). */
  areas: number[];
  weights: number[];
  /** The scan that last saw this cue and how often it did: repeats count half as much each time. */
  scan: number;
  seen: number;
}

interface LexiconEntry extends Cues {
  /** True when this word starts a two-word phrase in PHRASES. */
  head: boolean;
}

const LEXICON = new Map<string, LexiconEntry>();
const PHRASES = new Map<string, Cues>();
const LATEX = new Set(LATEX_COMMANDS);
const TASKS = new Set(TASK_VERBS);
/**
 * The scan's numeric constants, as a const enum so that the bundle writes them as literals: a module-level const
 * is a module variable there, which V8 reloads and checks at every use in the scan's loop (and unboxes, for a
 * number above 2^31 like TOKEN_HASH_SEED).
 */
const enum Scan {
  /** Longer tokens are never cue words (base64 blobs, hashes): skip the lookup and its allocation. */
  LONGEST_CUE = 24,
  /** What a character is to the scan: part of a token (isWordCode), a space between tokens, or another character. */
  K_WORD = 0,
  K_SPACE = 1,
  K_OTHER = 2,
  /** Slots of the cue-word table (WORD_SLOTS) and the shift that takes a hash to one: 32 - log2(WORD_SLOTS_SIZE). */
  WORD_SLOTS_SIZE = 4096,
  WORD_SLOT_SHIFT = 32 - 12,
  TOKEN_HASH_SEED = 0x811c9dc5,
}

function entryOf(word: string): LexiconEntry {
  let entry = LEXICON.get(word);
  if (entry === undefined) {
    entry = { areas: [], weights: [], scan: 0, seen: 0, head: false };
    LEXICON.set(word, entry);
  }
  return entry;
}

CAPABILITIES.forEach((area, index) => {
  for (const [cue, weight] of Object.entries(CAPABILITY_CUES[area])) {
    const space = cue.indexOf(' ');
    if (space === -1) {
      const entry = entryOf(cue);
      entry.areas.push(index);
      entry.weights.push(weight);
      continue;
    }
    entryOf(cue.slice(0, space)).head = true;
    const phrase = PHRASES.get(cue) ?? { areas: [], weights: [], scan: 0, seen: 0 };
    phrase.areas.push(index);
    phrase.weights.push(weight);
    PHRASES.set(cue, phrase);
  }
});

/**
 * Numbers each call, so repeats can be counted on the lexicon entries themselves without a per-call map.
 * Calls are synchronous and never nest, so this does not make the signal impure: the output depends on the input only.
 */
let scans = 0;

/** Adds a cue's weights, halved for each earlier sighting in this call: a word said 400 times is not 400 cues. */
function addCues(cues: Cues, weight: number, t: Tally): void {
  if (cues.scan !== scans) { cues.scan = scans; cues.seen = 0; }
  const factor = weight / (1 << (cues.seen < 16 ? cues.seen : 16));
  cues.seen++;
  const { areas, weights } = cues;
  for (let k = 0; k < areas.length; k++) {
    const area = areas[k]!;
    t.cues[area] = (t.cues[area] ?? 0) + weights[k]! * factor;
  }
}

/** Counts gathered in the pass; every count is already multiplied by the text's weight. */
class Tally {
  readonly cues = new Float64Array(CAPABILITIES.length);
  words = 0;
  numbers = 0;
  /** + - * / ^ % × ÷ written right after a number or a closing parenthesis ("3×4" is arithmetic, not a word). */
  arithmetic = 0;
  equals = 0;
  /** == != => <= >= && || ++ -> and friends. */
  codeOperators = 0;
  /** { } ; and closing tags. */
  codePunctuation = 0;
  /** name( : a call or a definition. */
  calls = 0;
  /** snake_case or camelCase identifiers. */
  identifiers = 0;
  backticks = 0;
  latex = 0;
  dollars = 0;
  /** The first word of the first text scanned (the user's), lower-cased. */
  firstWord: string | undefined;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || isWideWordCode(c);
}

/** Whether a code unit from U+00C0 up is part of a token: all are but the two arithmetic signs in Latin-1, × and ÷. */
function isWideWordCode(c: number): boolean {
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
}

const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => (isWordCode(c) ? Scan.K_WORD : c === 32 || c === 10 || c === 9 || c === 13 ? Scan.K_SPACE : Scan.K_OTHER));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The cue words and phrase tails by their lower-cased ASCII letters, so that a token is looked up without
 * becoming a string: open addressing on a full hash of the token, which the scan computes as it reads the
 * characters (tokenHashStep), then a compare of the text on a hash hit. Most tokens are no cue word and stop
 * at an empty slot, so they cost no compare. Ids index WORD_TEXT and WORD_ENTRY (undefined for a phrase tail
 * that is not a cue word itself).
 */
/** Per slot: id + 1 (0 when empty), and the full token hash of that word. */
const WORD_SLOTS = new Int16Array(Scan.WORD_SLOTS_SIZE);
const WORD_HASHES = new Int32Array(Scan.WORD_SLOTS_SIZE);
const WORD_TEXT: string[] = [];
const WORD_ENTRY: Array<LexiconEntry | undefined> = [];
/** Per head id, its phrases' tail ids and cues in PHRASE_TAILS and PHRASE_CUES (a head has a handful). */
const PHRASE_TAILS: number[][] = [];
const PHRASE_CUES: Cues[][] = [];

/**
 * One step of the token hash (FNV-1a over the code units with bit 5 set): the same for both cases of an ASCII
 * letter, so the scan hashes the cased text as its lower-cased lookup. Other characters may share a value
 * ('_' and DEL), which the compare on a hit sorts out.
 */
function tokenHashStep(h: number, c: number): number {
  return Math.imul(h ^ (c | 0x20), 0x01000193);
}

function wordSlot(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> Scan.WORD_SLOT_SHIFT;
}

function wordIdOf(word: string): number {
  let hash = Scan.TOKEN_HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = tokenHashStep(hash, word.charCodeAt(k));
  for (let slot = wordSlot(hash); ; slot = (slot + 1) & (Scan.WORD_SLOTS_SIZE - 1)) {
    const id = (WORD_SLOTS[slot] ?? 0) - 1;
    if (id < 0) {
      WORD_TEXT.push(word);
      WORD_ENTRY.push(LEXICON.get(word));
      WORD_SLOTS[slot] = WORD_TEXT.length;
      WORD_HASHES[slot] = hash;
      return WORD_TEXT.length - 1;
    }
    if (WORD_TEXT[id] === word) return id;
  }
}

for (const word of LEXICON.keys()) if (/^[a-z0-9_]+$/.test(word)) wordIdOf(word);
for (const [cue, phrase] of PHRASES) {
  const space = cue.indexOf(' ');
  const head = cue.slice(0, space);
  const tail = cue.slice(space + 1);
  // A tail with a space or a character above ASCII can never be one ASCII token: those phrases never match.
  if (/^[a-z0-9_]+$/.test(head) && /^[a-z0-9_]+$/.test(tail)) {
    const headId = wordIdOf(head);
    const tailId = wordIdOf(tail);
    (PHRASE_TAILS[headId] ??= []).push(tailId);
    (PHRASE_CUES[headId] ??= []).push(phrase);
  }
}

/** The cues of the phrase of head id `head` and tail id `tail`, if there is one. */
function phraseOf(head: number, tail: number): Cues | undefined {
  const tails = PHRASE_TAILS[head];
  if (tails === undefined) return undefined;
  for (let k = 0; k < tails.length; k++) if (tails[k] === tail) return PHRASE_CUES[head]?.[k];
  return undefined;
}

/**
 * Id of the ASCII token units[start, end) lower-cased (`hash` its token hash), or -1 when it is neither a cue
 * word nor a phrase tail.
 */
function lookupWord(units: Uint16Array, start: number, end: number, hash: number): number {
  const size = end - start;
  for (let slot = wordSlot(hash); ; slot = (slot + 1) & (Scan.WORD_SLOTS_SIZE - 1)) {
    const id = (WORD_SLOTS[slot] ?? 0) - 1;
    if (id < 0) return -1;
    if (WORD_HASHES[slot] !== hash) continue;
    const word = WORD_TEXT[id] ?? '';
    if (word.length === size && sameLowerAscii(word, units, start, size)) return id;
  }
}

/** Each ASCII code lower-cased: a load, where a range test would be a branch on every letter's case. */
const LOWER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));

/** Whether `word` equals units[start, start + size) (ASCII) with upper case lowered. */
function sameLowerAscii(word: string, units: Uint16Array, start: number, size: number): boolean {
  for (let k = 0; k < size; k++) if (word.charCodeAt(k) !== LOWER_ASCII[units[start + k]!]) return false;
  return true;
}

/**
 * The state of one pass over one text, module-level and reused (no closure or allocation per call). The
 * per-character loop keeps its flags in locals; a token's end goes to endToken.
 */
let scanText = '';
let scanUnits: Uint16Array = new Uint16Array(0);
let scanWeight = 1;
let scanTally = new Tally();
/** The previous token's id when it starts a phrase, else -1; or, for a token above ASCII, its text in headWord. */
let headId = -1;
let headWord = '';

const textUnits = new CodeUnits();

/**
 * Adds one text to `t`, `weight` per observation (the system prompt counts half), read through `codeUnits`;
 * records its plain words in `words` when given.
 */
function scan(text: string, weight: number, t: Tally, codeUnits: CodeUnits, words?: WordSpans): void {
  const units = codeUnits.load(text);
  words?.begin(text);
  scanText = text;
  scanUnits = units;
  scanWeight = weight;
  scanTally = t;
  headId = -1;
  headWord = '';
  const length = text.length;
  let lastSignificant = 32; // previous non-space character
  for (let i = 0; i < length; i++) {
    let c = units[i]!;
    let kind = c < 128 ? ASCII_KIND[c]! : isWideWordCode(c) ? Scan.K_WORD : Scan.K_OTHER;
    if (kind === Scan.K_WORD) {
      // A token, read to its end by an inner loop (the zeros after the text end it there).
      const start = i;
      let hash = Scan.TOKEN_HASH_SEED;
      let upper = false;
      let lowerThenUpper = false;
      let underscore = false;
      let underscores = 0;
      let letters = 0;
      let lastLower = false;
      let wide = false;
      do {
        if (c >= 97 && c <= 122) {
          lastLower = true;
          letters++;
        } else if (c >= 65 && c <= 90) {
          upper = true;
          if (lastLower) lowerThenUpper = true;
          lastLower = false;
          letters++;
        } else if (c === 95) {
          if (letters > 0) underscore = true;
          underscores++;
          lastLower = false;
        } else if (c >= 0xc0) {
          letters++;
          lastLower = false;
          wide = true;
        }
        hash = tokenHashStep(hash, c);
        c = units[++i]!;
      } while (c < 128 ? ASCII_KIND[c] === Scan.K_WORD : isWideWordCode(c));
      lastSignificant = units[i - 1]!;
      // A plain word (ASCII letters and digits, a letter among them): its token hash is the template's word hash.
      if (letters > 0 && !wide && underscores === 0) words?.add(start, i, hash, i - start - letters);
      endToken(start, i, hash, letters, underscore || lowerThenUpper, upper, wide);
      if (i >= length) break;
      kind = c < 128 ? ASCII_KIND[c]! : Scan.K_OTHER;
    }
    if (kind === Scan.K_SPACE) continue;
    punctuation(c, lastSignificant, units[i + 1]!, i > 0 ? units[i - 1]! : 32, weight, t);
    lastSignificant = c;
  }
  scanText = '';
}

function endToken(start: number, end: number, hash: number, letters: number, identifier: boolean, upper: boolean, wide: boolean): void {
  const t = scanTally;
  const weight = scanWeight;
  if (letters === 0) {
    t.numbers += weight;
    headId = -1;
    headWord = '';
    return;
  }
  t.words += weight;
  if (identifier) t.identifiers += weight;
  if (end - start > Scan.LONGEST_CUE) {
    t.firstWord ??= '';
    headId = -1;
    headWord = '';
    return;
  }
  const text = scanText;
  const afterBackslash = start > 0 && scanUnits[start - 1] === 92;
  if (wide) {
    // Above ASCII: the general path (lower-casing is Unicode's), by strings.
    const raw = text.slice(start, end);
    endWordString(upper ? raw.toLowerCase() : raw, afterBackslash, t, weight);
    return;
  }
  if (t.firstWord === undefined || afterBackslash || headWord !== '') {
    const raw = text.slice(start, end);
    const word = upper ? raw.toLowerCase() : raw;
    t.firstWord ??= word;
    if (afterBackslash && LATEX.has(word)) t.latex += weight;
    if (headWord !== '') {
      // The previous token was read as a string: look the phrase up the same way.
      endWordString(word, false, t, weight, true);
      return;
    }
  }
  const id = lookupWord(scanUnits, start, end, hash);
  if (headId >= 0 && id >= 0) {
    const phrase = phraseOf(headId, id);
    if (phrase !== undefined) addCues(phrase, weight, t);
  }
  const entry = id >= 0 ? WORD_ENTRY[id] : undefined;
  if (entry === undefined) {
    headId = -1;
    return;
  }
  addCues(entry, weight, t);
  headId = entry.head ? id : -1;
}

/**
 * A token looked up as a string (what every token was before the id tables): for tokens above ASCII and for
 * the token after one. `phraseOnly` skips what the caller already did (first word, LaTeX).
 */
function endWordString(word: string, afterBackslash: boolean, t: Tally, weight: number, phraseOnly = false): void {
  if (!phraseOnly) {
    t.firstWord ??= word;
    if (afterBackslash && LATEX.has(word)) t.latex += weight;
  }
  const head = headWord !== '' ? headWord : headId >= 0 ? WORD_TEXT[headId] ?? '' : '';
  if (head !== '') {
    const phrase = PHRASES.get(`${head} ${word}`);
    if (phrase !== undefined) addCues(phrase, weight, t);
  }
  const entry = LEXICON.get(word);
  headId = -1;
  headWord = '';
  if (entry === undefined) return;
  addCues(entry, weight, t);
  if (entry.head) headWord = word;
}

/** Shape counts from one punctuation character, given its neighbours. */
function punctuation(c: number, lastSignificant: number, next: number, previous: number, weight: number, t: Tally): void {
  switch (c) {
    case 43: case 42: case 47: case 94: case 37: case 45: case 0xd7: case 0xf7: // + * / ^ % - × ÷
      if (isDigit(lastSignificant) || lastSignificant === 41) t.arithmetic += weight;
      if ((c === 43 && next === 43) || (c === 45 && next === 62)) t.codeOperators += weight; // ++ ->
      break;
    case 61: // =
      if (next === 61 || next === 62 || lastSignificant === 33) t.codeOperators += weight;
      else if (lastSignificant !== 60 && lastSignificant !== 62 && lastSignificant !== 61) t.equals += weight;
      break;
    case 38: case 124: // && ||
      if (next === c) t.codeOperators += weight;
      break;
    case 123: case 125: case 59: // { } ;
      t.codePunctuation += weight;
      break;
    case 60: // </ <=
      if (next === 47) t.codePunctuation += weight;
      else if (next === 61) t.codeOperators += weight;
      break;
    case 40: // name(
      if (isWordCode(previous)) t.calls += weight;
      break;
    case 96: // `
      t.backticks += weight;
      break;
    case 36: // $
      t.dollars += weight;
      break;
  }
}


function capped(count: number, cap: number): number {
  return count < cap ? count : cap;
}

function saturate(evidence: number): number {
  return evidence > 0 ? 1 - Math.exp(-evidence) : 0;
}

/** Request-shape evidence for agentic tool use: tools offered, tool calls made, tool results returned. */
function agenticShape(req: NormalizedRequest): number {
  let evidence = req.tools.length > 0 ? 1.5 : 0;
  let toolResults = 0;
  let toolCalls = 0;
  for (const turn of req.turns) {
    if (turn.role === 'tool') toolResults++;
    if (turn.toolCalls !== undefined && turn.toolCalls.length > 0) toolCalls++;
  }
  if (toolResults > 0) evidence += 1.2;
  if (toolCalls > 0) evidence += 0.8;
  const choice = req.params.tool_choice;
  if (choice === 'required' || choice === 'any' || choice === 'function' || choice === 'tool' || choice === 'allowed_tools') evidence += 0.6;
  return evidence;
}

export const capability: SignalFn<Record<Capability, number>> = (req, text: RequestText) => {
  scans = (scans + 1) | 0;
  const t = new Tally();
  // The cased view when there is one: camelCase identifiers are a coding cue.
  scan(text.userCased ?? text.user, 1, t, userCasedUnits, userCasedWords);
  for (const decoded of text.decoded) scan(decoded, 1, t, textUnits);
  // A system prompt sets the scene but is often boilerplate ("You are a helpful assistant"): half weight.
  scan(text.system, 0.5, t, textUnits);

  const lengthFactor = t.words > 120 ? Math.sqrt(t.words / 120) : 1;
  const cues = t.cues;
  for (let area = 0; area < cues.length; area++) cues[area] = (cues[area] ?? 0) / lengthFactor;

  const math = (cues[MATH] ?? 0) + 0.12 * capped(t.numbers, 12) + 0.4 * capped(t.arithmetic, 8) + 0.15 * capped(t.equals, 6)
    + 0.6 * capped(t.latex, 6) + 0.25 * capped(t.dollars, 4);
  const coding = (cues[CODING] ?? 0) + 0.3 * capped(t.backticks / 3, 4) + 0.15 * capped(t.codePunctuation, 16)
    + 0.25 * capped(t.calls, 8) + 0.35 * capped(t.identifiers, 8) + 0.3 * capped(t.codeOperators, 6)
    + 0.08 * capped(t.equals, 6);
  const reasoning = (cues[REASONING] ?? 0);
  const agentic = (cues[AGENTIC] ?? 0) + agenticShape(req);
  const writing = (cues[WRITING] ?? 0);
  const safety = (cues[SAFETY] ?? 0);

  const scores: Record<Capability, number> = {
    math: saturate(math),
    coding: saturate(coding),
    reasoning: saturate(reasoning),
    agentic_tool_use: saturate(agentic),
    writing: saturate(writing),
    chat: 0,
    safety: saturate(safety),
  };

  // Chat is what is left when no task shows: greetings, short turns, a conversation that goes on.
  let userTurns = 0;
  for (const turn of req.turns) if (turn.role === 'user') userTurns++;
  let chat = (cues[CHAT] ?? 0);
  const task = t.firstWord !== undefined && TASKS.has(t.firstWord);
  if (text.user.length > 0 && text.user.length <= 160 && !task) chat += 0.6;
  if (userTurns >= 3) chat += 0.4;
  const taskScore = Math.max(scores.math, scores.coding, scores.reasoning, scores.agentic_tool_use, scores.writing);
  scores.chat = saturate(chat) * (1 - 0.8 * taskScore);
  return scores;
};
