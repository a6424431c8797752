import { isRecord, recordField, stringField, type JsonObject } from '../fields.ts';
import type { Budget } from '../limits.ts';
import { readToolSpecs } from '../tool-specs.ts';
import type { ToolSpec } from '../types.ts';

/**
 * The `tools` of an OpenAI request. Chat nests a client tool's name under `function` / `custom`
 * ('nested'); the responses API puts it on the tool itself ('flat'). Built-in tools (web_search,
 * file_search, ...) keep their type and use it as their name when they have none.
 */
export function readFunctionTools(body: JsonObject, budget: Budget, shape: 'nested' | 'flat'): ToolSpec[] {
  return readToolSpecs(body, budget, (tool) => {
    const type = stringField(tool, 'type') ?? 'function';
    const isClientTool = type === 'function' || type === 'custom';
    const holder = isClientTool && shape === 'nested' ? recordField(tool, type) : tool;
    if (!holder) return undefined;
    return { name: stringField(holder, 'name') ?? (isClientTool ? '' : type), type: isClientTool ? 'function' : type, holder };
  });
}

/** `tool_choice` as one word: 'auto' | 'none' | 'required', or the object's type ('function', 'allowed_tools', ...). */
export function toolChoiceOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value)) return stringField(value, 'type');
  return undefined;
}
