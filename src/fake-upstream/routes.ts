/** POST routes of the fake upstream; the API family of a path decides its error format. */
import { handleChatCompletions } from './openai-chat.ts';
import type { Handler } from './reply.ts';

export const ROUTES: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['/v1/chat/completions', handleChatCompletions],
]);
