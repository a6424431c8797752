/**
 * The signal stage: every per-request signal over one shared set of text views. Pure and synchronous
 * (DESIGN invariant 4); the gateway calls it right after forwarding, offline analysis calls it in replay.
 */
import type { TrafficEvent } from '../core/traffic-event.ts';
import { endpointOf, normalizeRequest } from '../protocol/index.ts';
import type { Endpoint, NormalizedRequest } from '../protocol/types.ts';
import { capability } from './capability.ts';
import { harvestParams } from './harvest-params.ts';
import { jailbreak } from './jailbreak.ts';
import { promptExtraction } from './prompt-extraction.ts';
import { reasoningElicitation } from './reasoning-elicitation.ts';
import { rubricHarvest } from './rubric-harvest.ts';
import { languageOf, templateOf } from './template.ts';
import { requestText } from './text/request-text.ts';
import { CAPABILITIES, type Capability, type Signals } from './types.ts';

export { capability } from './capability.ts';
export { harvestParams } from './harvest-params.ts';
export { requestText } from './text/request-text.ts';
export type { Capability, HarvestParamsSignal, RequestText, SignalFn, Signals, TemplateFingerprint } from './types.ts';

/** Every signal of one request; the text views are computed once and shared. */
export function computeSignals(req: NormalizedRequest): Signals {
  const text = requestText(req);
  return {
    reasoning_elicitation: reasoningElicitation(req, text),
    jailbreak: jailbreak(req, text),
    prompt_extraction: promptExtraction(req, text),
    rubric_harvest: rubricHarvest(req, text),
    harvest_params: harvestParams(req, text),
    capability: capability(req, text),
    template: templateOf(text),
    language: languageOf(text),
  };
}

const CHAT_COMPLETIONS: Endpoint = { family: 'openai', kind: 'chat_completions', method: 'POST' };

/** The signals of a recorded event: its request body normalized for the endpoint it was sent to. */
export function signalsOfEvent(event: Pick<TrafficEvent, 'endpoint' | 'request'>): Signals {
  const endpoint = endpointOf('POST', event.endpoint);
  if (endpoint === undefined) throw new Error(`not a POST endpoint the protocol layer knows: ${JSON.stringify(event.endpoint)}`);
  return computeSignals(normalizeRequest(endpoint, event.request));
}

/** The signals of a bare prompt, read as the single user turn of a chat completion. */
export function signalsOfText(text: string): Signals {
  return computeSignals(normalizeRequest(CHAT_COMPLETIONS, { messages: [{ role: 'user', content: text }] }));
}

/** Characters of the template skeleton kept in JSON output: enough to recognise the template. */
export const SKELETON_EXCERPT_CHARS = 200;

export interface SignalsJson {
  reasoning_elicitation: number;
  jailbreak: number;
  prompt_extraction: number;
  rubric_harvest: number;
  harvest_params: { score: number; reasons: string[] };
  capability: Record<Capability, number>;
  /** minhash: the signature as 8 hex digits per 32-bit value, concatenated. */
  template: { minhash: string; simhash: string; lshKeys: string[]; skeleton: string };
  language: string;
}

function round4(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : 0;
}

/** Hex digits of each 32-bit value, 8 per value, concatenated: half the size of a JSON number array. */
export function minhashHex(minhash: Uint32Array): string {
  let hex = '';
  for (const value of minhash) hex += value.toString(16).padStart(8, '0');
  return hex;
}

/** A JSON-ready copy of the signals: scores rounded to 4 decimals, the signature as hex, the skeleton cut. */
export function signalsToJson(s: Signals): SignalsJson {
  const areas = {} as Record<Capability, number>;
  for (const area of CAPABILITIES) areas[area] = round4(s.capability[area]);
  let skeleton = s.template.skeleton;
  if (skeleton.length > SKELETON_EXCERPT_CHARS) {
    const last = skeleton.charCodeAt(SKELETON_EXCERPT_CHARS - 1);
    skeleton = skeleton.slice(0, last >= 0xd800 && last <= 0xdbff ? SKELETON_EXCERPT_CHARS - 1 : SKELETON_EXCERPT_CHARS);
  }
  return {
    reasoning_elicitation: round4(s.reasoning_elicitation),
    jailbreak: round4(s.jailbreak),
    prompt_extraction: round4(s.prompt_extraction),
    rubric_harvest: round4(s.rubric_harvest),
    harvest_params: { score: round4(s.harvest_params.score), reasons: [...s.harvest_params.reasons] },
    capability: areas,
    template: { minhash: minhashHex(s.template.minhash), simhash: s.template.simhash, lshKeys: [...s.template.lshKeys], skeleton },
    language: s.language,
  };
}
