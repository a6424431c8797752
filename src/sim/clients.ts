/**
 * Client software as the edge sees it: user agents with realistic version spread, and the TLS (JA4)
 * fingerprint of the stack underneath. Clients built on the same stack share a JA4, as they do in reality.
 */
import { hashString, hex32, type Rng } from './random.ts';

export type ClientStack = 'python-httpx' | 'python-requests' | 'node' | 'curl' | 'go' | 'chrome' | 'firefox' | 'safari';

export interface ClientSoftware {
  userAgent: string;
  ja4: string;
  stack: ClientStack;
  /** Which API family the client speaks by default. */
  family: 'openai' | 'anthropic' | 'any';
}

function hex12(label: string): string {
  return (hex32(hashString(label)) + hex32(hashString(label, 7))).slice(0, 12);
}

const STACK_SHAPE: Record<ClientStack, string> = {
  'python-httpx': 't13d1812h2',
  'python-requests': 't13d1713h1',
  node: 't13d1710h2',
  curl: 't13d3112h2',
  go: 't13d1311h2',
  chrome: 't13d1516h2',
  firefox: 't13d1715h2',
  safari: 't13d2014h2',
};

/** The JA4 every client on `stack` presents. */
export function stackJa4(stack: ClientStack): string {
  if (stack === 'chrome') return 't13d1516h2_8daaf6152771_02713d6af862';
  return `${STACK_SHAPE[stack]}_${hex12(`${stack}-ciphers`)}_${hex12(`${stack}-extensions`)}`;
}

/** A JA4 nobody else presents: an operator's own TLS stack (custom cipher and extension lists). */
export function customJa4(label: string): string {
  const h = hashString(label);
  const ciphers = 8 + (h % 40);
  const extensions = 6 + ((h >>> 8) % 14);
  return `t13d${String(ciphers).padStart(2, '0')}${String(extensions).padStart(2, '0')}${(h & 1) === 0 ? 'h2' : 'h1'}_${hex12(`${label}-c`)}_${hex12(`${label}-e`)}`;
}

function software(userAgent: string, stack: ClientStack, family: ClientSoftware['family']): ClientSoftware {
  return { userAgent, ja4: stackJa4(stack), stack, family };
}

export function openaiPython(rng: Rng): ClientSoftware {
  const major = rng.chance(0.8) ? 1 : 2;
  return software(major === 1 ? `OpenAI/Python 1.${rng.int(40, 109)}.${rng.int(0, 3)}` : `OpenAI/Python 2.${rng.int(0, 8)}.${rng.int(0, 2)}`, 'python-httpx', 'openai');
}

export function openaiJs(rng: Rng): ClientSoftware {
  return software(rng.chance(0.6) ? `OpenAI/JS 4.${rng.int(60, 104)}.${rng.int(0, 3)}` : `OpenAI/JS ${rng.pick([5, 6])}.${rng.int(0, 20)}.${rng.int(0, 2)}`, 'node', 'openai');
}

export function anthropicPython(rng: Rng): ClientSoftware {
  return software(`Anthropic/Python 0.${rng.int(40, 69)}.${rng.int(0, 2)}`, 'python-httpx', 'anthropic');
}

export function anthropicJs(rng: Rng): ClientSoftware {
  return software(`Anthropic/JS 0.${rng.int(30, 65)}.${rng.int(0, 2)}`, 'node', 'anthropic');
}

export function curl(rng: Rng): ClientSoftware {
  return software(`curl/8.${rng.int(0, 11)}.${rng.int(0, 1)}`, 'curl', 'any');
}

export function pythonRequests(rng: Rng): ClientSoftware {
  return software(`python-requests/2.${rng.int(28, 32)}.${rng.int(0, 3)}`, 'python-requests', 'any');
}

export function goClient(): ClientSoftware {
  return software('Go-http-client/2.0', 'go', 'any');
}

export function codingCli(rng: Rng): ClientSoftware {
  return rng.chance(0.6)
    ? software(`claude-cli/1.0.${rng.int(40, 130)} (external, cli)`, 'node', 'anthropic')
    : software(`codex_cli_rs/0.${rng.int(20, 60)}.0 (${rng.pick(['Mac OS 15.5.0', 'Ubuntu 24.4.0', 'Windows 11'])}; ${rng.pick(['arm64', 'x86_64'])})`, 'python-httpx', 'openai');
}

export function browser(rng: Rng): ClientSoftware {
  const kind = rng.weighted(['chrome', 'firefox', 'safari', 'edge'] as const, [60, 12, 20, 8]);
  const os = rng.pick(['Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'X11; Linux x86_64']);
  if (kind === 'firefox') return software(`Mozilla/5.0 (${os}; rv:${rng.int(128, 145)}.0) Gecko/20100101 Firefox/${rng.int(128, 145)}.0`, 'firefox', 'any');
  if (kind === 'safari') return software(`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${rng.int(17, 26)}.${rng.int(0, 4)} Safari/605.1.15`, 'safari', 'any');
  const version = rng.int(128, 142);
  const edge = kind === 'edge' ? ` Edg/${version}.0.0.0` : '';
  return software(`Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version}.0.0.0 Safari/537.36${edge}`, 'chrome', 'any');
}

/** An SDK client as typical API users pick them. */
export function sdkClient(rng: Rng): ClientSoftware {
  return rng.weighted(
    [openaiPython, openaiJs, anthropicPython, anthropicJs, curl, pythonRequests, () => goClient()],
    [38, 18, 18, 9, 5, 8, 4],
  )(rng);
}
