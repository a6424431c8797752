/**
 * The template fingerprint: the same prompt skeleton filled with different problems maps to shared
 * LSH keys, so the engine can count one template across many requests and accounts.
 *
 * A distillation wrapper ("Solve the following problem. Articulate your reasoning step by step
 * before the final answer: {PROBLEM}") is usually a prefix and/or suffix around a filler that can be
 * most of the text, so a sketch of the whole text alone misses it. Keys therefore come from several
 * views of the masked token stream, each with its own prefix:
 *   s<band>:  the system prompt (MinHash bands)
 *   f<band>:  the whole user text (MinHash bands)
 *   h<band>:, t<band>:  the first and last WINDOW_TOKENS tokens (MinHash bands): a wrapper of that order
 *   he<n>:, te<n>:  the exact first and last n tokens, n in EDGE_TOKENS: short wrappers, where a
 *             window would be mostly filler
 * A view with fewer than MIN_CONTENT_TOKENS real words (placeholders and punctuation do not count)
 * gives no key, so empty, tiny or all-filler texts do not all land in one bucket.
 */
import type { RequestText, TemplateFingerprint } from './types.ts';
import { combineHash, fmix32, hex32Key } from './text/hash.ts';
import { CodeUnits, userCasedUnits } from './text/code-units.ts';
import { detectLanguage } from './text/language.ts';
import { maskTokens, newTokenStream, type TokenStream } from './template-mask.ts';
import { bandKeys, minhashInto, simhashOf, Sketch } from './template-minhash.ts';

export { estimateJaccard } from './template-minhash.ts';

/** Head and tail window for the fuzzy edge views. */
export const WINDOW_TOKENS = 32;
/** Exact edge lengths, in tokens. */
export const EDGE_TOKENS: readonly number[] = [8, 16];
const HEAD_EDGE_PREFIXES = EDGE_TOKENS.map((edge) => `he${edge}:`);
const TAIL_EDGE_PREFIXES = EDGE_TOKENS.map((edge) => `te${edge}:`);
/** Real words a view needs before it may give keys. */
export const MIN_CONTENT_TOKENS = 4;
/** Real words an exact edge needs: an edge of common words ("can you please help me") is everyone's. */
const MIN_EDGE_CONTENT = 6;
/** Below this many tokens the text is treated as a bag of words: 3-grams of a short text are mostly filler. */
const SHORT_TEXT_TOKENS = 16;

const userTokens = newTokenStream();
const systemTokens = newTokenStream();
const systemUnits = new CodeUnits();
const shingles = new Uint32Array(userTokens.hashes.length);
const scratch = new Uint32Array(Sketch.MINHASH_BINS);

/** Distinct seeds per view, so the same band value in two views gives two different keys. */
const SEED = { s: 0x1b873593, f: 0x38b34ae5, h: 0x5bd1e995, t: 0x7feb352d, he: 0x2c1b3c6d, te: 0x297a2d39 } as const;

/**
 * The fingerprint of a request's text (see TemplateFingerprint).
 *
 * @example templateOf(requestText(req)).lshKeys // ['f0:3fa2…', …, 'h0:…', 'he8:…']
 */
export function templateOf(text: RequestText): TemplateFingerprint {
  const keys = text.system.length > 0 ? systemKeys(text.system).slice() : [];
  const userCased = text.userCased;
  maskTokens(userCased ?? text.user, userCased !== undefined, userTokens, userCasedUnits);
  return fingerprintStream(userTokens, keys);
}

/**
 * The keys of a system prompt, remembered for the last one: most traffic repeats a handful of system prompts
 * ("You are a helpful assistant."), and a short prompt's signature is mostly densification.
 */
let lastSystem = '';
let lastSystemKeys: readonly string[] = [];

function systemKeys(system: string): readonly string[] {
  if (system === lastSystem) return lastSystemKeys;
  const keys: string[] = [];
  maskTokens(system, false, systemTokens, systemUnits);
  const n = fillShingles(systemTokens);
  if (contentIn(systemTokens, 0, systemTokens.length) >= MIN_CONTENT_TOKENS && minhashInto(shingles, 0, n, scratch)) {
    bandKeys(scratch, 's', SEED.s, keys);
  }
  lastSystem = system;
  lastSystemKeys = keys;
  return keys;
}

/**
 * The fingerprint of one normalized text as user text (no system prompt): for tests and offline tools.
 * Pass text with its case (normalizeText(s, n, true)) to have capitalised names masked.
 */
export function fingerprintText(s: string, cased = true): TemplateFingerprint {
  maskTokens(s, cased, userTokens, userCasedUnits);
  return fingerprintStream(userTokens, []);
}

function fingerprintStream(tokens: TokenStream, keys: string[]): TemplateFingerprint {
  const total = tokens.length;
  const n = fillShingles(tokens);
  const span = total - n; // tokens per shingle minus one: shingle i covers tokens [i, i + span]
  let minhash = new Uint32Array(0);
  if (contentIn(tokens, 0, total) >= MIN_CONTENT_TOKENS && minhashInto(shingles, 0, n, scratch)) {
    minhash = signatureCopy(scratch);
    bandKeys(minhash, 'f', SEED.f, keys);
  }
  // Windows only when they differ enough from the whole text to add something.
  if (total >= WINDOW_TOKENS + 8) {
    if (contentIn(tokens, 0, WINDOW_TOKENS) >= MIN_CONTENT_TOKENS && minhashInto(shingles, 0, WINDOW_TOKENS - span, scratch)) {
      bandKeys(scratch, 'h', SEED.h, keys);
    }
    if (contentIn(tokens, total - WINDOW_TOKENS, total) >= MIN_CONTENT_TOKENS && minhashInto(shingles, n - (WINDOW_TOKENS - span), n, scratch)) {
      bandKeys(scratch, 't', SEED.t, keys);
    }
  }
  for (let e = 0; e < EDGE_TOKENS.length; e++) {
    const edge = EDGE_TOKENS[e]!;
    if (total < edge * 2) continue;
    if (contentIn(tokens, 0, edge) >= Math.min(MIN_EDGE_CONTENT, edge - 1)) keys.push(hex32Key(HEAD_EDGE_PREFIXES[e]!, exactHash(tokens, 0, edge, SEED.he)));
    if (contentIn(tokens, total - edge, total) >= Math.min(MIN_EDGE_CONTENT, edge - 1)) keys.push(hex32Key(TAIL_EDGE_PREFIXES[e]!, exactHash(tokens, total - edge, total, SEED.te)));
  }
  return { minhash, simhash: simhashOf(minhash), lshKeys: keys, skeleton: tokens.skeleton };
}

/**
 * Signatures are handed out as views of a block shared by SIGNATURES_PER_BLOCK of them: a signature of its own
 * (256 bytes, above what V8 keeps on its heap) has its memory allocated through the runtime, which cost ~0.6 µs
 * per request against ~0.15 for a view (micro-benchmark). A signature kept alive keeps its 4 KB block alive.
 */
const SIGNATURES_PER_BLOCK = 16;
let signatureBlock = new ArrayBuffer(0);
let signaturesInBlock = SIGNATURES_PER_BLOCK;

function signatureCopy(signature: Uint32Array): Uint32Array<ArrayBuffer> {
  if (signaturesInBlock === SIGNATURES_PER_BLOCK) {
    signatureBlock = new ArrayBuffer(SIGNATURES_PER_BLOCK * Sketch.MINHASH_BINS * Uint32Array.BYTES_PER_ELEMENT);
    signaturesInBlock = 0;
  }
  const copy = new Uint32Array(signatureBlock, signaturesInBlock * Sketch.MINHASH_BINS * Uint32Array.BYTES_PER_ELEMENT, Sketch.MINHASH_BINS);
  signaturesInBlock++;
  copy.set(signature);
  return copy;
}

/**
 * Shingle hashes of the token stream into `shingles`: word 3-grams, or single tokens when the text
 * is short (a 10-token prompt has 8 trigrams, and one changed filler word breaks three of them).
 * Returns the number of shingles.
 */
function fillShingles(tokens: TokenStream): number {
  const { hashes, length } = tokens;
  if (length < SHORT_TEXT_TOKENS) {
    for (let i = 0; i < length; i++) shingles[i] = hashes[i] ?? 0;
    return length;
  }
  let a = hashes[0] ?? 0;
  let b = hashes[1] ?? 0;
  for (let i = 2; i < length; i++) {
    const c = hashes[i] ?? 0;
    shingles[i - 2] = shingleHash(a, b, c);
    a = b;
    b = c;
  }
  return length - 2;
}

/** Order-dependent mix of three token hashes, local so that the hot loop makes no cross-module call. */
function shingleHash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x3c6ef372, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function contentIn(tokens: TokenStream, from: number, to: number): number {
  return (tokens.contentBefore[to] ?? 0) - (tokens.contentBefore[from] ?? 0);
}

function exactHash(tokens: TokenStream, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) h = combineHash(h, tokens.hashes[i] ?? 0);
  return fmix32(h ^ (to - from));
}

/** The language of the user text (see text/language.ts), or of the system prompt when there is no user text. */
export function languageOf(text: RequestText): string {
  return detectLanguage(text.user.length > 0 ? text.user : text.system);
}
