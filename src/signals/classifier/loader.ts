/**
 * Loads the shipped signal model once, at module load, from the files committed in src/signals/models.
 * Works from the sources (tsx: this file is src/signals/classifier/loader.ts) and from the tsup bundle
 * (this code sits in a chunk directly in dist/, and the build copies the models to dist/models).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel, type ModelHeader } from './model-file.ts';
import type { LinearModel } from './model.ts';

export const MODEL_HEADER_FILE = 'signals.json';

/** Where the models directory may be, relative to this module: sources, bundle, bundle falling back to the packaged sources. */
const MODEL_DIR_CANDIDATES = ['../models/', './models/', '../src/signals/models/'];

export function loadModelFrom(directory: URL): LinearModel {
  const header = JSON.parse(readFileSync(new URL(MODEL_HEADER_FILE, directory), 'utf8')) as ModelHeader;
  const binary = readFileSync(new URL(header.hashedFile, directory));
  return decodeModel(header, binary);
}

function findModelDirectory(): URL {
  const tried: string[] = [];
  for (const candidate of MODEL_DIR_CANDIDATES) {
    const directory = new URL(candidate, import.meta.url);
    try {
      readFileSync(new URL(MODEL_HEADER_FILE, directory), { flag: 'r' });
      return directory;
    } catch {
      tried.push(fileURLToPath(directory));
    }
  }
  throw new Error(`signal model not found; looked in ${tried.join(', ')}`);
}

let shipped: LinearModel | undefined;

/** The shipped model (read on first use, then kept; the first use is at module load of text-features.ts). */
export function shippedModel(): LinearModel {
  shipped ??= loadModelFrom(findModelDirectory());
  return shipped;
}
