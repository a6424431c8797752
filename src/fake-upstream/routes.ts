/** POST routes of the fake upstream; the API family of a path decides its error format. */
import { handleCountTokens, handleMessages } from './anthropic-messages.ts';
import { handleChatCompletions } from './openai-chat.ts';
import { handleCompletions } from './openai-completions.ts';
import { handleEmbeddings } from './openai-embeddings.ts';
import { handleResponses } from './openai-responses.ts';
import type { Handler } from './reply.ts';

export const ROUTES: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['/v1/chat/completions', handleChatCompletions],
  ['/v1/responses', handleResponses],
  ['/v1/completions', handleCompletions],
  ['/v1/embeddings', handleEmbeddings],
  ['/v1/messages', handleMessages],
  ['/v1/messages/count_tokens', handleCountTokens],
]);
