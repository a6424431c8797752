import type { EventStore } from './event-store.ts';

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

export interface Retention {
  /** The purge run at start; resolves to how many events it deleted (0 when disabled). */
  readonly initial: Promise<number>;
  stop(): void;
}

export interface RetentionOptions {
  /** Time between purges (hourly by default; tests shorten it). */
  intervalMs?: number;
  onError?: (message: string) => void;
}

/**
 * Deletes events older than `retentionDays` now and then every hour, on an unref'd timer so it never
 * keeps the process alive. `retentionDays` 0 keeps everything. `clock` returns epoch milliseconds.
 */
export function startRetention(
  store: EventStore,
  retentionDays: number,
  clock: () => number = Date.now,
  options: RetentionOptions = {},
): Retention {
  if (!(retentionDays > 0)) return { initial: Promise.resolve(0), stop: () => {} };
  const onError = options.onError ?? ((message: string) => process.stderr.write(`${message}\n`));
  const purge = async (): Promise<number> => {
    try {
      return await store.deleteBefore(new Date(clock() - retentionDays * dayMs));
    } catch (error) {
      onError(`distillguard: retention: purge failed (${error instanceof Error ? error.message : String(error)})`);
      return 0;
    }
  };
  const timer = setInterval(() => void purge(), options.intervalMs ?? hourMs);
  timer.unref();
  return { initial: purge(), stop: () => clearInterval(timer) };
}
