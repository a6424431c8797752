import { arrayField, isRecord, stringField, type JsonObject } from './fields.ts';
import { type Budget, MAX_TOOLS } from './limits.ts';
import { put } from './normalized.ts';
import type { ToolSpec } from './types.ts';

/** A tool definition as a format reads it: its normalized name and type, and the object holding its description. */
export interface ToolIdentity {
  name: string;
  type: string;
  holder: JsonObject;
}

/**
 * The `tools` of a request, at most MAX_TOOLS of them, each with its description (within the budget).
 * `identify` says what a format's tool definition is; undefined skips a malformed one.
 */
export function readToolSpecs(body: JsonObject, budget: Budget, identify: (tool: JsonObject) => ToolIdentity | undefined): ToolSpec[] {
  const list = arrayField(body, 'tools');
  if (!list) return [];
  const tools: ToolSpec[] = [];
  const end = Math.min(list.length, MAX_TOOLS);
  for (let i = 0; i < end && budget.visit(); i++) {
    const tool: unknown = list[i];
    if (!isRecord(tool)) continue;
    const identity = identify(tool);
    if (!identity) continue;
    const spec: ToolSpec = { name: identity.name, type: identity.type };
    const description = stringField(identity.holder, 'description');
    if (description) put(spec, 'description', budget.take(description));
    tools.push(spec);
  }
  return tools;
}
