/** GET /v1/models and /v1/models/{id}, in OpenAI or Anthropic shape depending on the caller. */
import { FIXED_CREATED_SECONDS, jsonReply, type ApiFamily, type JsonReply } from './reply.ts';

/** Listed names only: any other model name is accepted too, the fake is not a catalogue. */
export const LISTED_MODELS: readonly string[] = ['fake-gpt', 'fake-gpt-mini', 'fake-reasoner', 'fake-embedding', 'fake-claude', 'fake-claude-haiku'];

const CREATED_AT_ISO = new Date(FIXED_CREATED_SECONDS * 1000).toISOString();

function openaiModel(id: string): object {
  return { id, object: 'model', created: FIXED_CREATED_SECONDS, owned_by: 'fake-upstream' };
}

function anthropicModel(id: string): object {
  return { type: 'model', id, display_name: id, created_at: CREATED_AT_ISO };
}

// The listings never change: serialise them once.
const OPENAI_LIST = jsonReply({ object: 'list', data: LISTED_MODELS.map(openaiModel) });
const ANTHROPIC_LIST = jsonReply({
  data: LISTED_MODELS.map(anthropicModel),
  has_more: false,
  first_id: LISTED_MODELS[0] ?? null,
  last_id: LISTED_MODELS[LISTED_MODELS.length - 1] ?? null,
});

export function modelList(family: ApiFamily): JsonReply {
  return family === 'anthropic' ? ANTHROPIC_LIST : OPENAI_LIST;
}

export function modelById(family: ApiFamily, id: string): JsonReply {
  return jsonReply(family === 'anthropic' ? anthropicModel(id) : openaiModel(id));
}
