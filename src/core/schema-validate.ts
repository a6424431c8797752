import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * Checks a value against the traffic-event contract (schemas/traffic-event.schema.json, our copy
 * of the shared schema). Ajv is a development dependency: tests and tooling use this, the product's
 * run-time paths do not.
 */

// Both packages are CommonJS with an `exports.default`; Node hands ESM importers the whole module.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default ?? Ajv2020Module;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default ?? addFormatsModule;

let validate: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schemaUrl = new URL('../../schemas/traffic-event.schema.json', import.meta.url);
  const schema: unknown = JSON.parse(readFileSync(schemaUrl, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema as object);
}

/** The schema violations of `event`, one readable line each; empty when it is a valid traffic event. */
export function validateTrafficEvent(event: unknown): string[] {
  validate ??= compile();
  if (validate(event)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
