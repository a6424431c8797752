/** Test support: the analysis-report schema compiled with ajv (a development dependency, never loaded by the product). */
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// Both packages are CommonJS with an `exports.default`; Node hands ESM importers the whole module.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default ?? Ajv2020Module;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default ?? addFormatsModule;

let validate: ValidateFunction | undefined;

/** The schema violations of `report`, one line each; empty when valid. */
export function reportSchemaErrors(report: unknown): string[] {
  if (validate === undefined) {
    const schema: unknown = JSON.parse(readFileSync(new URL('../../schemas/analysis-report.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema as object);
  }
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
