import type { Logger } from '../gateway/gateway.ts';

/** Plain lines on stderr, so stdout stays free for what a command is asked to print. */
export const consoleLogger: Logger = {
  info: (message) => process.stderr.write(`${new Date().toISOString()} info  ${message}\n`),
  warn: (message) => process.stderr.write(`${new Date().toISOString()} warn  ${message}\n`),
};

/** Runs `stop` once on SIGINT/SIGTERM, then exits; a second signal exits at once. */
export function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    consoleLogger.info(`${signal}: draining in-flight requests and flushing events`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        consoleLogger.warn(`shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Prints a configuration or start-up error as one clear line and exits with 2. */
export function exitWithError(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`distillguard: ${message}\n`);
  process.exit(2);
}
