/**
 * Deterministic text: answers are words drawn from a fixed vocabulary by a PRNG seeded with a hash
 * of the prompt, so one word is one token and the same prompt always yields the same answer.
 */

const VOCABULARY: readonly string[] = (
  'the model answer data signal request token stream value result system network gateway client ' +
  'server record policy budget window latency sample vector layer weight output input prompt query ' +
  'context memory cache index graph node edge path route filter batch queue event metric score ' +
  'threshold pattern feature label class cluster center margin error bound limit rate quota account ' +
  'service provider report audit trace span field schema format header body status reason detail ' +
  'simple quick clear careful steady stable robust precise useful common rare early late fast slow ' +
  'small large short long high low first final next prior local global shared private public open ' +
  'is are was can will may should could does makes keeps holds shows gives takes finds builds ' +
  'checks counts moves reads writes sends learns follows returns measures compares explains ' +
  'and or but so then also because while when where which that this these those with from into ' +
  'over under about between through across within without after before during each every some ' +
  'many most few several all any one two three four five often always rarely usually mostly'
).split(' ');

const REASONING_OPENERS: readonly string[] = ['First,', 'Considering', 'Next,', 'Therefore', 'Finally,'];

/** 32-bit FNV-1a over UTF-16 code units: fast, stable, good enough to seed a PRNG. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes a second integer into a hash (e.g. a choice index) without re-hashing any text. */
export function mixHash(hash: number, salt: number): number {
  let mixed = (hash ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x7feb352d);
  mixed = Math.imul(mixed ^ (mixed >>> 15), 0x846ca68b);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** xorshift32 stream; state must be non-zero. */
export class WordPicker {
  private state: number;
  constructor(seed: number) {
    this.state = seed === 0 ? 0x6d2b79f5 : seed >>> 0;
  }
  nextInt(): number {
    let state = this.state;
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    this.state = state >>> 0;
    return this.state;
  }
  /** Uniform in [0, 1). */
  nextUnit(): number {
    return this.nextInt() / 0x1_0000_0000;
  }
  nextWord(): string {
    return VOCABULARY[this.nextInt() % VOCABULARY.length] ?? 'the';
  }
}

/**
 * `count` tokens that concatenate into a sentence: the first is capitalised, the others carry their
 * leading space (as BPE tokens do), the last ends with a full stop.
 */
export function generateTokens(seed: number, count: number): string[] {
  const tokens: string[] = new Array<string>(count);
  const picker = new WordPicker(seed);
  for (let index = 0; index < count; index++) {
    const word = picker.nextWord();
    tokens[index] = index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : ` ${word}`;
  }
  if (count > 0) tokens[count - 1] += '.';
  return tokens;
}

/** Reasoning reads like a short chain of thought; still one token per word. */
export function generateReasoningTokens(seed: number, count: number): string[] {
  const tokens = generateTokens(mixHash(seed, 0x7e450), count);
  if (count > 0) tokens[0] = REASONING_OPENERS[seed % REASONING_OPENERS.length] ?? 'First,';
  return tokens;
}

export interface TokenLogprob {
  token: string;
  logprob: number;
  alternatives: { token: string; logprob: number }[];
}

/** Plausible logprobs: the chosen token is the most likely, alternatives decrease from there. */
export function tokenLogprobs(seed: number, tokens: readonly string[], topCount: number): TokenLogprob[] {
  const picker = new WordPicker(mixHash(seed, 0x10b9));
  return tokens.map((token) => {
    const logprob = -Math.round(picker.nextUnit() * 2000) / 1000;
    const alternatives = [{ token, logprob }];
    for (let rank = 1; rank < topCount; rank++) {
      alternatives.push({ token: ` ${picker.nextWord()}`, logprob: logprob - rank - Math.round(picker.nextUnit() * 1000) / 1000 });
    }
    return { token, logprob, alternatives };
  });
}

/** Splits a string into `pieces` nearly equal parts (for streamed JSON arguments). */
export function splitInPieces(text: string, pieces: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / pieces));
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts;
}

export function vocabularyWord(index: number): string {
  return VOCABULARY[index % VOCABULARY.length] ?? 'the';
}
