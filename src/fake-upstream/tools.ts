/**
 * Tool calling, shared by the three APIs once their tool lists are normalised: whether to call a
 * tool, which one, and deterministic arguments that satisfy the tool's JSON schema.
 */
import { isRecord, type JsonObject } from '../protocol/fields.ts';
import { WordPicker } from './text-generator.ts';

export interface ToolSpec {
  name: string;
  schema: JsonObject | undefined;
}

/** 'required' covers OpenAI `required` and Anthropic `any`; `name` pins one tool. */
export interface ToolChoice {
  mode: 'none' | 'auto' | 'required';
  name?: string;
}

/** A user asking in so many words ("use the tool", "call a function") gets a tool call under `auto`. */
const ASKS_FOR_TOOL = /\b(tool|tools|function)\b/i;

/**
 * `answersToolResult`: the conversation ends with a tool result, so under `auto` the model answers
 * in text instead of calling again (otherwise agent loops driven by the fake would never end).
 */
export function chooseTool(tools: readonly ToolSpec[], choice: ToolChoice, userText: string, answersToolResult = false): ToolSpec | undefined {
  if (tools.length === 0 || choice.mode === 'none') return undefined;
  if (choice.name !== undefined) return tools.find((tool) => tool.name === choice.name) ?? tools[0];
  const named = tools.find((tool) => userText.includes(tool.name));
  if (choice.mode === 'required') return named ?? tools[0];
  if (answersToolResult) return undefined;
  if (named !== undefined || ASKS_FOR_TOOL.test(userText)) return named ?? tools[0];
  return undefined;
}

/** Arguments object for a JSON schema: one deterministic value per declared property. */
export function argumentsFor(schema: JsonObject | undefined, seed: number): JsonObject {
  const picker = new WordPicker(seed);
  const value = valueFor(schema, picker, 0);
  return isRecord(value) ? value : {};
}

function valueFor(schema: JsonObject | undefined, picker: WordPicker, depth: number): unknown {
  if (schema === undefined) return {};
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues[picker.nextInt() % enumValues.length];
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'string':
      return `${picker.nextWord()} ${picker.nextWord()}`;
    case 'integer':
      return picker.nextInt() % 100;
    case 'number':
      return (picker.nextInt() % 10_000) / 100;
    case 'boolean':
      return picker.nextInt() % 2 === 0;
    case 'array': {
      const items = isRecord(schema['items']) ? schema['items'] : undefined;
      return depth > 3 ? [] : [valueFor(items, picker, depth + 1)];
    }
    case 'null':
      return null;
    default: {
      const result: JsonObject = {};
      const properties = schema['properties'];
      if (!isRecord(properties) || depth > 3) return result;
      for (const [key, propertySchema] of Object.entries(properties)) {
        result[key] = valueFor(isRecord(propertySchema) ? propertySchema : undefined, picker, depth + 1);
      }
      return result;
    }
  }
}
