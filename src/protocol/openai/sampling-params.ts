import { numberField, type JsonObject } from '../fields.ts';
import { put } from '../normalized.ts';
import type { RequestParams } from '../types.ts';

/** The sampling parameters chat completions and legacy completions share, under the same names. */
export function readSamplingParams(body: JsonObject, params: RequestParams): void {
  put(params, 'n', numberField(body, 'n'));
  put(params, 'temperature', numberField(body, 'temperature'));
  put(params, 'top_p', numberField(body, 'top_p'));
  put(params, 'seed', numberField(body, 'seed'));
}
