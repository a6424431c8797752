import { isRecord, numberField } from '../fields.ts';
import { put } from '../normalized.ts';
import type { NormalizedUsage } from '../types.ts';

/**
 * Anthropic `usage`. Thinking tokens are billed inside `output_tokens` and not reported apart,
 * so `reasoning_tokens` stays undefined rather than a guessed 0.
 */
export function messagesUsage(usage: unknown): NormalizedUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const out: NormalizedUsage = {};
  put(out, 'input_tokens', numberField(usage, 'input_tokens'));
  put(out, 'output_tokens', numberField(usage, 'output_tokens'));
  put(out, 'cache_read_tokens', numberField(usage, 'cache_read_input_tokens'));
  put(out, 'cache_write_tokens', numberField(usage, 'cache_creation_input_tokens'));
  return out;
}
