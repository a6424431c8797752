import type { Command } from 'commander';
import { loadConfig, type DeepPartial } from '../config/load.ts';
import type { Config } from '../config/config.ts';
import { startGateway } from '../gateway/gateway.ts';
import { consoleLogger, exitWithError, onShutdownSignal } from './log.ts';

export interface ServeFlags {
  config?: string;
  port?: string;
  host?: string;
  adminPort?: string;
  upstream?: string;
  dataDir?: string;
  key?: string[];
  adminToken?: string;
}

/** Turns the command-line flags into configuration overrides (flags win over the file). */
export function serveOverrides(flags: ServeFlags): DeepPartial<Config> {
  const overrides: DeepPartial<Config> = {};
  if (flags.port !== undefined || flags.host !== undefined) overrides.listen = { port: portNumber(flags.port, '--port'), host: flags.host };
  if (flags.adminPort !== undefined) overrides.admin = { port: portNumber(flags.adminPort, '--admin-port') };
  if (flags.adminToken !== undefined) overrides.admin = { ...overrides.admin, token: flags.adminToken };
  if (flags.upstream !== undefined) overrides.upstreams = { openai: { url: flags.upstream }, anthropic: { url: flags.upstream } };
  if (flags.dataDir !== undefined) overrides.dataDir = flags.dataDir;
  if (flags.key?.length) {
    overrides.auth = {
      mode: 'keys',
      keys: flags.key.map((pair) => {
        const at = pair.indexOf(':');
        if (at <= 0 || at === pair.length - 1) throw new Error(`--key wants ACCOUNT:SECRET, got ${at <= 0 ? 'no account' : 'no secret'}`);
        return { account: pair.slice(0, at), secret: pair.slice(at + 1) };
      }),
    };
  }
  return overrides;
}

function portNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} wants a port number, got ${JSON.stringify(value)}`);
  return port;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the gateway: an OpenAI- and Anthropic-compatible proxy that records every request.')
    .option('--config <file>', 'YAML configuration file (see docs/configuration.md)')
    .option('--port <port>', 'port for API clients (default 8080)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--admin-port <port>', 'port for /healthz, /readyz and /metrics (default 8081)')
    .option('--upstream <url>', 'base URL of the model API, for both API families')
    .option('--data-dir <dir>', 'where events and keys are stored (default ./distillguard-data)')
    .option('--key <account:secret>', 'accept this API key for this account (repeatable)', collect)
    .option('--admin-token <token>', 'admin token (or DISTILLGUARD_ADMIN_TOKEN)')
    .addHelpText(
      'after',
      '\nExample:\n  distillguard serve --port 8080 --admin-port 8081 --upstream https://api.openai.com \\\n    --data-dir ./data --key acme:sk-acme-secret --admin-token "$(openssl rand -hex 16)"\n',
    )
    .action(async (flags: ServeFlags) => {
      let config: Config;
      try {
        config = loadConfig({ file: flags.config, overrides: serveOverrides(flags) });
      } catch (err) {
        return exitWithError(err);
      }
      if (!config.admin.token) consoleLogger.warn('no admin token: /metrics is closed (set --admin-token or DISTILLGUARD_ADMIN_TOKEN)');
      const gateway = await startGateway(config, { log: consoleLogger }).catch(exitWithError);
      onShutdownSignal(() => gateway.close());
    });
}
