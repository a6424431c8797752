/**
 * capability: which areas a request targets (math, coding, reasoning, agentic tool use, writing, chat, safety),
 * 0..1 each, several possibly high. A distiller sweeps areas; the engine compares an account's breadth and depth
 * across them. One pass over the characters of each text: tokens are looked up in one Map (cue words and
 * two-word phrases, see capability-lexicon.ts), punctuation and digits feed shape counts (operators between
 * numbers, code fences and braces, LaTeX commands, currency) in the same loop. No regular expressions.
 *
 * Per area: evidence = cue weights / length factor + shape evidence (capped), score = 1 - e^(-evidence).
 * A cue word repeated counts half as much each time, so at most twice its weight.
 * The length factor, sqrt(words / 120) when above 1, keeps a long text from reaching every area on incidental words.
 */
import type { NormalizedRequest } from '../protocol/types.ts';
import { CAPABILITY_CUES, LATEX_COMMANDS, TASK_VERBS } from './capability-lexicon.ts';
import { CAPABILITIES, type Capability, type RequestText, type SignalFn } from './types.ts';

const MATH = 0, CODING = 1, REASONING = 2, AGENTIC = 3, WRITING = 4, CHAT = 5, SAFETY = 6;

interface Cues {
  /** [area index, weight] pairs. */
  pairs: Array<[number, number]>;
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
/** Longer tokens are never cue words (base64 blobs, hashes): skip the lookup and its allocation. */
const LONGEST_CUE = 24;

function entryOf(word: string): LexiconEntry {
  let entry = LEXICON.get(word);
  if (entry === undefined) {
    entry = { pairs: [], scan: 0, seen: 0, head: false };
    LEXICON.set(word, entry);
  }
  return entry;
}

CAPABILITIES.forEach((area, index) => {
  for (const [cue, weight] of Object.entries(CAPABILITY_CUES[area])) {
    const space = cue.indexOf(' ');
    if (space === -1) {
      entryOf(cue).pairs.push([index, weight]);
      continue;
    }
    entryOf(cue.slice(0, space)).head = true;
    const phrase = PHRASES.get(cue) ?? { pairs: [], scan: 0, seen: 0 };
    phrase.pairs.push([index, weight]);
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
  for (const [area, w] of cues.pairs) t.cues[area] = (t.cues[area] ?? 0) + w * factor;
}

/** Counts gathered in the pass; every count is already multiplied by the text's weight. */
class Tally {
  readonly cues = new Float64Array(CAPABILITIES.length);
  words = 0;
  numbers = 0;
  /** + - * / ^ % × ÷ written right after a number or a closing parenthesis. */
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
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 0xc0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The state of one pass over one text; module-level and reused (no closure or allocation per call). */
class Scanner {
  text = '';
  weight = 1;
  t = new Tally();
  start = -1;
  upper = false;
  lowerThenUpper = false;
  underscore = false;
  letters = 0;
  lastLower = false;
  afterBackslash = false;
  /** The previous token when it starts a phrase, else ''. */
  head = '';

  /** Adds one text to `t`, `weight` per observation (the system prompt counts half). */
  scan(text: string, weight: number, t: Tally): void {
    this.text = text;
    this.weight = weight;
    this.t = t;
    this.start = -1;
    this.head = '';
    const length = text.length;
    let lastSignificant = 32; // previous non-space character
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (this.start === -1) this.beginToken(i);
        if (c >= 65 && c <= 90) {
          this.upper = true;
          if (this.lastLower) this.lowerThenUpper = true;
          this.lastLower = false;
          this.letters++;
        } else if (c >= 97 && c <= 122) {
          this.lastLower = true;
          this.letters++;
        } else if (c === 95) {
          if (this.letters > 0) this.underscore = true;
          this.lastLower = false;
        } else if (c >= 0xc0) {
          this.letters++;
          this.lastLower = false;
        }
        lastSignificant = c;
        continue;
      }
      if (this.start !== -1) this.endToken(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) continue;
      punctuation(c, lastSignificant, i + 1 < length ? text.charCodeAt(i + 1) : 0, i > 0 ? text.charCodeAt(i - 1) : 32, weight, t);
      lastSignificant = c;
    }
    if (this.start !== -1) this.endToken(length);
    this.text = '';
  }

  beginToken(i: number): void {
    this.start = i;
    this.upper = false;
    this.lowerThenUpper = false;
    this.underscore = false;
    this.letters = 0;
    this.lastLower = false;
    this.afterBackslash = i > 0 && this.text.charCodeAt(i - 1) === 92;
  }

  endToken(end: number): void {
    const t = this.t;
    const weight = this.weight;
    const start = this.start;
    this.start = -1;
    if (this.letters === 0) {
      t.numbers += weight;
      this.head = '';
      return;
    }
    t.words += weight;
    if (this.underscore || this.lowerThenUpper) t.identifiers += weight;
    if (end - start > LONGEST_CUE) {
      t.firstWord ??= '';
      this.head = '';
      return;
    }
    const raw = this.text.slice(start, end);
    const word = this.upper ? raw.toLowerCase() : raw;
    t.firstWord ??= word;
    if (this.afterBackslash && LATEX.has(word)) t.latex += weight;
    if (this.head !== '') {
      const phrase = PHRASES.get(`${this.head} ${word}`);
      if (phrase !== undefined) addCues(phrase, weight, t);
    }
    const entry = LEXICON.get(word);
    if (entry === undefined) {
      this.head = '';
      return;
    }
    addCues(entry, weight, t);
    this.head = entry.head ? word : '';
  }
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

const scanner = new Scanner();

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
  scanner.scan(text.userCased ?? text.user, 1, t);
  for (const decoded of text.decoded) scanner.scan(decoded, 1, t);
  // A system prompt sets the scene but is often boilerplate ("You are a helpful assistant"): half weight.
  scanner.scan(text.system, 0.5, t);

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
