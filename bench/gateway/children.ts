/**
 * Child processes of the benchmark: started one per role so /proc gives each its own CPU time,
 * and always stopped by PID — on success, on error and on Ctrl-C.
 */
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Lines kept from a child's output, so a failure can say what the child said. */
const OUTPUT_TAIL_LINES = 40;

export class BenchChild {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  private readonly tail: string[] = [];
  private readonly lineWaiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private readonly exited: Promise<void>;

  constructor(name: string, child: ChildProcess) {
    if (child.pid === undefined) throw new Error(`${name}: could not be started`);
    this.name = name;
    this.process = child;
    this.pid = child.pid;
    // 'close' rather than 'exit': it comes after the child's output has been fully read, so a
    // line printed just before exiting is never missed.
    this.exited = new Promise((resolve) => {
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      });
    });
    // Always drained: a child that logs per request would otherwise block on a full pipe and
    // the benchmark would measure the pipe.
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) this.onLine(line);
      });
    }
  }

  get hasExited(): boolean {
    return this.exitCode !== null || this.exitSignal !== null;
  }

  private onLine(line: string): void {
    this.tail.push(line);
    if (this.tail.length > OUTPUT_TAIL_LINES) this.tail.shift();
    for (let i = this.lineWaiters.length - 1; i >= 0; i--) {
      const waiter = this.lineWaiters[i];
      if (waiter !== undefined && waiter.pattern.test(line)) {
        this.lineWaiters.splice(i, 1);
        waiter.resolve(line);
      }
    }
  }

  outputTail(): string {
    return this.tail.map((line) => `    ${this.name}| ${line}`).join('\n');
  }

  /** Resolves with the first output line matching `pattern` (lines already seen included). */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const seen = this.tail.find((line) => pattern.test(line));
    if (seen !== undefined) return seen;
    const matched = new Promise<string>((resolve) => this.lineWaiters.push({ pattern, resolve }));
    const outcome = await Promise.race([
      matched,
      this.exited.then(() => 'exited' as const),
      sleep(timeoutMs).then(() => 'timeout' as const),
    ]);
    if (outcome === 'exited') {
      const lastWords = this.tail.find((line) => pattern.test(line));
      if (lastWords !== undefined) return lastWords;
      throw this.failure('exited before printing what was expected');
    }
    if (outcome === 'timeout') throw this.failure(`printed nothing matching ${pattern} within ${timeoutMs} ms`);
    return outcome;
  }

  /** Polls `isReady` until it is true; fails early if the child dies. */
  async waitUntil(isReady: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.hasExited) throw this.failure('exited before it was ready');
      if (await isReady().catch(() => false)) return;
      await sleep(50);
    }
    throw this.failure(`was not ready (${what}) within ${timeoutMs} ms`);
  }

  failure(what: string): Error {
    const status = this.hasExited ? ` (exit ${this.exitCode ?? this.exitSignal})` : '';
    return new Error(`${this.name} ${what}${status}\n${this.outputTail()}`);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.hasExited) return;
    signalPid(this.pid, 'SIGTERM');
    const outcome = await Promise.race([this.exited.then(() => 'exited'), sleep(graceMs).then(() => 'slow')]);
    if (outcome === 'slow' && !this.hasExited) {
      signalPid(this.pid, 'SIGKILL');
      await this.exited;
    }
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Exited between the check and the signal.
  }
}

/** Every child still running; stopped together by `stopAllChildren`. */
const running = new Set<BenchChild>();

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): BenchChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Without a listener a failed spawn (ENOENT) would crash the benchmark before cleanup runs;
  // the missing PID below reports it instead.
  child.on('error', (error) => process.stderr.write(`${name}: ${error.message}\n`));
  const benchChild = new BenchChild(name, child);
  running.add(benchChild);
  child.once('close', () => running.delete(benchChild));
  return benchChild;
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop().catch(() => undefined)));
}

/**
 * Last resort when the benchmark is being torn down synchronously (process 'exit'): signal each
 * remaining child by its PID.
 */
export function killAllChildrenNow(): void {
  for (const child of running) signalPid(child.pid, 'SIGKILL');
}

/** A port that was free a moment ago (the OS picks it); the child binds it right after. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = ((): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/**
 * User + system CPU time of a whole process (all its threads: /proc/<pid>/stat of the thread-group
 * leader sums them), in microseconds. Resolution is one clock tick (10 ms at CLK_TCK=100), which
 * is why runs last seconds, not milliseconds.
 */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime); afterName[0] is field 3.
  const userTicks = Number(afterName[11]);
  const systemTicks = Number(afterName[12]);
  return ((userTicks + systemTicks) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}
