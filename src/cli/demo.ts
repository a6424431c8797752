import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.ts';
import { openEventStore, startGateway, type RunningGateway } from '../gateway/gateway.ts';
import { startFakeUpstream } from '../fake-upstream/fake-upstream.ts';
import type { EventStore } from '../store/event-store.ts';
import { consoleLogger, exitWithError, onShutdownSignal } from './log.ts';

interface DemoFlags {
  port: string;
  adminPort: string;
  dataDir?: string;
}

/**
 * A running gateway on embedded defaults, for a newcomer: the fake model behind it, a demo key,
 * and commands to paste. Each recorded event is echoed as one line so the recording is visible.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Start the gateway in front of the built-in fake model, with a demo key, and show how to call it.')
    .option('--port <port>', 'gateway port (falls back to a free port when taken)', '8080')
    .option('--admin-port <port>', 'admin port (falls back to a free port when taken)', '8081')
    .option('--data-dir <dir>', 'where to keep the demo events (default: a new temporary directory)')
    .addHelpText('after', '\nExample:\n  distillguard demo --port 8080\n')
    .action(async (flags: DemoFlags) => {
      try {
        await runDemo(flags);
      } catch (err) {
        exitWithError(err);
      }
    });
}

async function runDemo(flags: DemoFlags): Promise<void> {
  const dataDir = flags.dataDir ?? mkdtempSync(join(tmpdir(), 'distillguard-demo-'));
  const demoKey = `dg-demo-${randomBytes(12).toString('hex')}`;
  const adminToken = randomBytes(16).toString('hex');
  const upstream = await startFakeUpstream({ tokensPerSecond: 200 });
  const config = loadConfig({
    overrides: {
      listen: { port: Number(flags.port) },
      admin: { port: Number(flags.adminPort), token: adminToken },
      upstreams: { openai: { url: upstream.url }, anthropic: { url: upstream.url } },
      auth: { mode: 'keys', keys: [{ account: 'demo-account', secret: demoKey }] },
      dataDir,
    },
    env: {},
  });
  const store = echoing(openEventStore(config, consoleLogger));
  const gateway = await startOnFreePorts(config, store);
  process.stdout.write(banner(gateway, upstream.url, demoKey, adminToken, dataDir));
  onShutdownSignal(async () => {
    await gateway.close();
    await upstream.close();
  });
}

async function startOnFreePorts(config: ReturnType<typeof loadConfig>, store: EventStore): Promise<RunningGateway> {
  try {
    return await startGateway(config, { store, log: consoleLogger });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    consoleLogger.warn(`port ${config.listen.port} or ${config.admin.port} is taken; using free ports instead`);
    return startGateway({ ...config, listen: { ...config.listen, port: 0 }, admin: { ...config.admin, port: 0 } }, { store, log: consoleLogger });
  }
}

/** The store, plus one line on stderr for each event recorded. */
function echoing(store: EventStore): EventStore {
  const append = store.append.bind(store);
  store.append = (event) => {
    const tokens = event.usage ? ` ${event.usage.input_tokens ?? 0}→${event.usage.output_tokens ?? 0} tokens` : '';
    process.stderr.write(`event ${event.id}  ${event.account_id}  ${event.endpoint}  ${event.status}${event.stream ? ' (stream)' : ''}  ${event.latency_ms} ms${tokens}\n`);
    append(event);
  };
  return store;
}

function banner(gateway: RunningGateway, upstreamUrl: string, key: string, adminToken: string, dataDir: string): string {
  return `
DistillGuard demo is running.

  gateway        ${gateway.url}   (OpenAI- and Anthropic-compatible)
  fake model     ${upstreamUrl}   (deterministic stand-in for a model API)
  admin          ${gateway.adminUrl}   (token: ${adminToken})
  demo API key   ${key}   (account: demo-account)
  events stored  ${dataDir}

Try it (copy and paste):

  curl -s ${gateway.url}/v1/chat/completions \\
    -H "Authorization: Bearer ${key}" -H "content-type: application/json" \\
    -d '{"model":"fake-gpt","messages":[{"role":"user","content":"Explain step by step why the sky is blue."}]}'

  curl -sN ${gateway.url}/v1/messages \\
    -H "x-api-key: ${key}" -H "anthropic-version: 2023-06-01" -H "content-type: application/json" \\
    -d '{"model":"fake-claude","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Hello"}]}'

  curl -s ${gateway.adminUrl}/metrics -H "Authorization: Bearer ${adminToken}" | grep distillguard_requests_total

  ${cliCommand()} events export --data-dir ${dataDir} --out events.jsonl
  ${cliCommand()} analyze events.jsonl --format text          # the detection engine over what was recorded

Each request is recorded as one event (a line per event below). Ctrl-C stops.

`;
}

/** How to call this CLI again from the same directory (a checkout runs bin/, an install has it on PATH). */
function cliCommand(): string {
  const script = process.argv[1] ?? '';
  return script.endsWith('distillguard.js') ? `node ${relative(process.cwd(), script) || script}` : 'distillguard';
}
