/** Which API a request path belongs to. */
import type { Endpoint } from './types.ts';

/** Exact paths (after trimming a query and one trailing slash) and the endpoint each one serves. */
const ROUTES: Readonly<Record<string, Endpoint>> = {
  '/v1/chat/completions': { family: 'openai', kind: 'chat_completions', method: 'POST' },
  '/v1/responses': { family: 'openai', kind: 'responses', method: 'POST' },
  '/v1/completions': { family: 'openai', kind: 'completions', method: 'POST' },
  '/v1/embeddings': { family: 'openai', kind: 'embeddings', method: 'POST' },
  '/v1/models': { family: 'openai', kind: 'models', method: 'GET' },
  '/v1/messages': { family: 'anthropic', kind: 'messages', method: 'POST' },
  '/v1/messages/count_tokens': { family: 'anthropic', kind: 'count_tokens', method: 'POST' },
};

const MODEL_PREFIX = '/v1/models/';

function routePath(path: string): string {
  const query = path.indexOf('?');
  let clean = query === -1 ? path : path.slice(0, query);
  const hash = clean.indexOf('#');
  if (hash !== -1) clean = clean.slice(0, hash);
  if (clean.length > 1 && clean.endsWith('/')) clean = clean.slice(0, -1);
  return clean;
}

/** The model id of `/v1/models/{id}`, or undefined for other paths; ids may contain slashes (org/model). */
function modelIdOf(path: string): string | undefined {
  if (!path.startsWith(MODEL_PREFIX) || path.length === MODEL_PREFIX.length) return undefined;
  const raw = path.slice(MODEL_PREFIX.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed %-escape: keep the id as written
  }
}

function routeOf(path: string): Endpoint | undefined {
  const clean = routePath(path);
  const route = ROUTES[clean];
  if (route) return route;
  const modelId = modelIdOf(clean);
  return modelId === undefined ? undefined : { family: 'openai', kind: 'models', method: 'GET', modelId };
}

/**
 * The endpoint a request targets, or undefined when the path is unknown or the method does not fit it
 * (then `knownPath` tells 405 from 404).
 * @example endpointOf('POST', '/v1/chat/completions?x=1') // { family: 'openai', kind: 'chat_completions', method: 'POST' }
 */
export function endpointOf(method: string, path: string): Endpoint | undefined {
  const route = routeOf(path);
  if (!route || route.method !== method.toUpperCase()) return undefined;
  return route.modelId === undefined ? { ...route } : route;
}

/** True when some method is served at `path`: a request there with the wrong method deserves 405, not 404. */
export function knownPath(path: string): boolean {
  return routeOf(path) !== undefined;
}
