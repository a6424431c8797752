/** POST /v1/embeddings — deterministic unit vectors, as float arrays or base64 float32. */
import { numberField, stringField } from '../protocol/fields.ts';
import { countWords } from './prompt-text.ts';
import { errorReply, missingField } from './errors.ts';
import { jsonReply, type ParsedRequest, type Reply } from './reply.ts';
import { hashText, WordPicker } from './text-generator.ts';

const DEFAULT_DIMENSIONS = 256;
const MAX_DIMENSIONS = 4096;

export function handleEmbeddings(request: ParsedRequest): Reply {
  const { body } = request;
  const model = stringField(body, 'model');
  if (model === undefined) return missingField('openai', 'model');
  const inputs = embeddingInputs(body['input']);
  if (inputs === undefined) return missingField('openai', 'input');
  const dimensions = numberField(body, 'dimensions') ?? DEFAULT_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
    return errorReply('openai', 'invalid_request', `Invalid 'dimensions': expected an integer between 1 and ${MAX_DIMENSIONS}.`, 'dimensions');
  }
  const encoding = body['encoding_format'] ?? 'float';
  if (encoding !== 'float' && encoding !== 'base64') {
    return errorReply('openai', 'invalid_request', `Invalid 'encoding_format': expected 'float' or 'base64'.`, 'encoding_format');
  }
  let promptTokens = 0;
  const data = inputs.map((text, index) => {
    promptTokens += countWords(text);
    const vector = embeddingVector(text, dimensions);
    // Float32Array is little-endian on every platform Node supports, which is what the API sends.
    const embedding = encoding === 'base64' ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64') : Array.from(vector);
    return { object: 'embedding', index, embedding };
  });
  return jsonReply({ object: 'list', data, model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
}

/** A unit-length vector seeded by the text. Float32 values, so float and base64 answers agree exactly. */
export function embeddingVector(text: string, dimensions: number): Float32Array {
  const picker = new WordPicker(hashText(text));
  const vector = new Float32Array(dimensions);
  let squares = 0;
  for (let index = 0; index < dimensions; index++) {
    const value = picker.nextUnit() * 2 - 1;
    vector[index] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares) || 1;
  for (let index = 0; index < dimensions; index++) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}

function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((entry) => typeof entry === 'number')) return [input.join(' ')];
  return input.map((entry) => (typeof entry === 'string' ? entry : Array.isArray(entry) ? entry.join(' ') : ''));
}
