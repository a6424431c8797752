/**
 * What the signal stage says about one request. Every signal is a pure, synchronous function of the
 * normalized request (see ../protocol/types.ts): weights are loaded once at start, no I/O, no clock.
 */
import type { NormalizedRequest } from '../protocol/types.ts';

export type Capability = 'math' | 'coding' | 'reasoning' | 'agentic_tool_use' | 'writing' | 'chat' | 'safety';
export const CAPABILITIES: readonly Capability[] = ['math', 'coding', 'reasoning', 'agentic_tool_use', 'writing', 'chat', 'safety'];

/** The text views every signal shares, computed once per request (see text/request-text.ts). */
export interface RequestText {
  /** System/developer text, normalized (NFKC, zero-width and homoglyph folding, whitespace collapsed), capped. */
  system: string;
  /** All user-authored turns, normalized and joined with "\n", capped. */
  user: string;
  /**
   * `user` before lower-casing (same normalization and caps otherwise): the template fingerprint
   * reads a capitalised word mid-sentence as a name to mask. Absent when a caller built the views by hand.
   */
  userCased?: string;
  /** The last user turn, normalized, capped. */
  lastUser: string;
  /** Instructions recovered from encodings embedded in the user text (base64, rot13, leetspeak), normalized. */
  decoded: string[];
}

export interface HarvestParamsSignal {
  /** 0..1: how strongly the parameters suggest harvesting or probing the model. */
  score: number;
  /** Which parameter habits were seen, e.g. logprobs_with_logit_bias, many_choices, huge_max_tokens. */
  reasons: string[];
}

export interface TemplateFingerprint {
  /** MinHash signature (one-permutation hashing with densification) of the masked shingles. */
  minhash: Uint32Array;
  /** 64-bit SimHash of the masked shingles, as 16 hex digits. */
  simhash: string;
  /** LSH band keys the engine can bucket on; two fills of one template share at least one. */
  lshKeys: string[];
  /** The text with fillers masked (numbers, names, quoted spans, code bodies), capped: for evidence. */
  skeleton: string;
}

export interface Signals {
  reasoning_elicitation: number;
  jailbreak: number;
  prompt_extraction: number;
  rubric_harvest: number;
  harvest_params: HarvestParamsSignal;
  /** 0..1 per area; several may be high. */
  capability: Record<Capability, number>;
  template: TemplateFingerprint;
  /** ISO 639-1 code of the user text's main language, or 'und'. */
  language: string;
}

/** A signal in the DESIGN sense: one pure function of the request (and its shared text views). */
export type SignalFn<T> = (req: NormalizedRequest, text: RequestText) => T;
