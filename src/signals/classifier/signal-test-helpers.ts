/** Test helper: the text views of a one-turn user request, as the signal stage would compute them. */
import type { NormalizedRequest } from '../../protocol/types.ts';
import { requestText } from '../text/request-text.ts';
import type { RequestText } from '../types.ts';

export function userTurn(text: string, system = ''): { req: NormalizedRequest; text: RequestText } {
  const req: NormalizedRequest = { family: 'openai', kind: 'chat_completions', stream: false, system, turns: [{ role: 'user', text }], tools: [], params: {} };
  return { req, text: requestText(req) };
}
