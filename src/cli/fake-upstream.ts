/** `distillguard fake-upstream`: runs the deterministic stand-in model API for demos and benchmarks. */
import { InvalidArgumentError, type Command } from 'commander';
import { startFakeUpstream } from '../fake-upstream/fake-upstream.ts';

interface FakeUpstreamCliOptions {
  port: number;
  host: string;
  latencyMs: number;
  tokensPerSecond: number;
  outputTokens: number;
}

function nonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return parsed;
}

function nonNegativeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('expected a non-negative number');
  return parsed;
}

export function registerFakeUpstream(program: Command): void {
  program
    .command('fake-upstream')
    .description('Start a deterministic fake OpenAI/Anthropic-compatible model API (for demos, tests and benchmarks).')
    .option('--port <port>', 'port to listen on (0 = ephemeral)', nonNegativeInteger, 0)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--latency-ms <ms>', 'delay before response headers', nonNegativeNumber, 0)
    .option('--tokens-per-second <n>', 'streaming pace (0 = as fast as possible)', nonNegativeNumber, 0)
    .option('--output-tokens <n>', 'default answer length in tokens', nonNegativeInteger, 32)
    .action(async (options: FakeUpstreamCliOptions) => {
      const upstream = await startFakeUpstream({
        port: options.port,
        host: options.host,
        latencyMs: options.latencyMs,
        tokensPerSecond: options.tokensPerSecond,
        outputTokens: options.outputTokens,
      });
      process.stdout.write(`${upstream.url}\n`);
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        upstream.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`fake-upstream: close failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
