import { arrayField, isNull, isRecord, numberField, type JsonObject } from '../fields.ts';
import { RepeatedDeltas, type JsonPath, type TextDelta } from '../repeated-deltas.ts';
import { jsonEventParser } from '../sse.ts';
import type { StreamAssembler } from '../types.ts';

/** Top-level chunk fields that are rebuilt rather than copied. `obfuscation` is per-chunk padding. */
const REBUILT_FIELDS = new Set(['choices', 'usage', 'obfuscation']);

/** What chat completions and legacy completions stream differently: the `object` name and their choices. */
export interface ChoiceFormat<Choice extends { index: number }> {
  /** The `object` of the rebuilt whole, given the last non-null `object` the chunks carried. */
  objectName(streamed: unknown): unknown;
  newChoice(index: number): Choice;
  /** Adds one chunk's entry for this choice (its delta or text, finish reason, logprobs). */
  apply(choice: Choice, chunkChoice: JsonObject): void;
  output(choice: Choice): JsonObject;
  /**
   * When this chunk's entry only added text to the choice (no finish reason, logprobs or other
   * delta fields): where that text is within the entry, and how to add a repeat's text.
   */
  textDelta?(choice: Choice, chunkChoice: JsonObject): { path: JsonPath; apply(text: string): void } | undefined;
}

/** Top-level fields that differ in every chunk without meaning anything (OpenAI's stream padding). */
const IGNORED_FIELDS: readonly JsonPath[] = [['obfuscation']];

/**
 * Rebuilds the whole object from chunks that each repeat the top-level fields and carry some of the
 * `choices` by index; usage, when asked for, arrives on its own (usually last) chunk.
 */
export class ChoiceChunkAssembler<Choice extends { index: number }> implements StreamAssembler {
  private readonly repeats = new RepeatedDeltas((chunk) => this.textDeltaOf(chunk));
  private readonly parser = jsonEventParser((chunk) => this.onChunk(chunk), this.repeats);
  private top: JsonObject | undefined;
  private readonly choices = new Map<number, Choice>();
  private usage: unknown = undefined;

  constructor(private readonly format: ChoiceFormat<Choice>) {}

  push(chunk: Uint8Array): void {
    this.parser.push(chunk);
  }

  private onChunk(chunk: JsonObject): void {
    if (chunk['error'] !== undefined && chunk['choices'] === undefined) return; // an in-stream error event
    const top = (this.top ??= {});
    for (const key in chunk) {
      if (REBUILT_FIELDS.has(key) || !Object.hasOwn(chunk, key)) continue;
      const value = chunk[key];
      // Later chunks may carry a field the first lacked (system_fingerprint); null never overwrites.
      if (value !== null || !Object.hasOwn(top, key)) top[key] = value;
    }
    const usage = chunk['usage'];
    if (usage !== null && usage !== undefined) this.usage = usage;
    for (const chunkChoice of arrayField(chunk, 'choices') ?? []) {
      if (!isRecord(chunkChoice)) continue;
      const index = numberField(chunkChoice, 'index') ?? 0;
      let choice = this.choices.get(index);
      if (!choice) {
        choice = this.format.newChoice(index);
        this.choices.set(index, choice);
      }
      this.format.apply(choice, chunkChoice);
    }
  }

  /** A chunk (already applied) whose repeats can skip parsing: one choice, only text added, no usage. */
  private textDeltaOf(chunk: JsonObject): TextDelta | undefined {
    if (!this.format.textDelta || !isNull(chunk['usage'])) return undefined;
    const list = chunk['choices'];
    if (!Array.isArray(list) || list.length !== 1 || !isRecord(list[0])) return undefined;
    const chunkChoice = list[0];
    const choice = this.choices.get(numberField(chunkChoice, 'index') ?? 0);
    const delta = choice && this.format.textDelta(choice, chunkChoice);
    if (!delta) return undefined;
    return { text: ['choices', 0, ...delta.path], ignored: IGNORED_FIELDS, apply: delta.apply };
  }

  finish(): JsonObject | undefined {
    this.parser.end();
    if (this.top === undefined) return undefined;
    const { id, object, created, model, ...rest } = this.top;
    const out: JsonObject = { id, object: this.format.objectName(object), created, model };
    out['choices'] = [...this.choices.values()].sort((a, b) => a.index - b.index).map((choice) => this.format.output(choice));
    if (this.usage !== undefined) out['usage'] = this.usage;
    Object.assign(out, rest);
    return out;
  }
}
