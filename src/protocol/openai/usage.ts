import { isRecord, numberField, recordField } from '../fields.ts';
import { put } from '../normalized.ts';
import type { NormalizedUsage } from '../types.ts';

/** Usage of chat completions and legacy completions (`prompt_tokens` / `completion_tokens`). */
export function completionUsage(usage: unknown): NormalizedUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const out: NormalizedUsage = {};
  put(out, 'input_tokens', numberField(usage, 'prompt_tokens'));
  put(out, 'output_tokens', numberField(usage, 'completion_tokens'));
  const completionDetails = recordField(usage, 'completion_tokens_details');
  if (completionDetails) put(out, 'reasoning_tokens', numberField(completionDetails, 'reasoning_tokens'));
  const promptDetails = recordField(usage, 'prompt_tokens_details');
  if (promptDetails) put(out, 'cache_read_tokens', numberField(promptDetails, 'cached_tokens'));
  return out;
}

/** Usage of the responses API (`input_tokens` / `output_tokens` with their details). */
export function responsesUsage(usage: unknown): NormalizedUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const out: NormalizedUsage = {};
  put(out, 'input_tokens', numberField(usage, 'input_tokens'));
  put(out, 'output_tokens', numberField(usage, 'output_tokens'));
  const outputDetails = recordField(usage, 'output_tokens_details');
  if (outputDetails) put(out, 'reasoning_tokens', numberField(outputDetails, 'reasoning_tokens'));
  const inputDetails = recordField(usage, 'input_tokens_details');
  if (inputDetails) put(out, 'cache_read_tokens', numberField(inputDetails, 'cached_tokens'));
  return out;
}
