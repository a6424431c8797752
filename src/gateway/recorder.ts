import { performance } from 'node:perf_hooks';
import type { RecordingConfig } from '../config/config.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Exchange } from './exchange.ts';
import { toTrafficEvent } from './to-traffic-event.ts';

/**
 * The recording stage between the proxy and the store: ended exchanges wait here and are turned
 * into traffic events (stream assembly, redaction, fingerprints) a batch at a time.
 *
 * Why batches: building one event right after its response runs the assembler, the redaction
 * patterns and the hash on caches that the network path (and the client and upstream processes
 * on the same cores) have just evicted; building a run of them back to back pays that once per
 * run. In the gateway bench at 1 connection (same machine, same hour), CPU per request against
 * the floor went from 1.47-1.49x to 1.28-1.36x (plain) and from 1.71-1.73x to 1.49-1.56x (stream).
 *
 * Why slices: a run of 16 streamed events is about 0.6 ms of work, which would land on whichever
 * request arrives meanwhile (the p99 budget at 1 connection is 1 ms), so a run is built in slices
 * of at most `sliceMs`, each in its own turn of the event loop. 0.1 ms (two streamed events, a few
 * plain ones): with 0.25 the bench's streamed p99 at 1 connection rose above 1 ms.
 *
 * Why catching up: under sustained load (32 connections in the bench) one turn of the event loop
 * ends many exchanges, and a 0.1 ms slice per turn builds only two or three: the queue grew by
 * thousands a second, its buffers were promoted into the old generation (major collections), and
 * a long enough burst would have ended in drops at `maxQueue`. Once more than `catchUpBatches`
 * batches wait, each slice builds at least as many exchanges as ended since the previous one, so
 * recording keeps pace with the traffic and the time slice works the queue down.
 */
export interface Recorder {
  /** Takes an ended exchange; never throws. The exchange must not change afterwards. */
  record(ex: Exchange): void;
  /** Builds every waiting exchange into the store now (shutdown). */
  drain(): void;
  /** drain(), then the store's flush: everything that ended so far is durable. */
  flush(): Promise<void>;
  /** Exchanges waiting to become events. */
  readonly pending: number;
  /** Exchanges lost because too many were waiting, or whose event could not be built. */
  readonly dropped: number;
}

export interface RecorderOptions {
  store: EventStore;
  recording: RecordingConfig;
  /** Receives one line per exchange whose event could not be built. */
  onError: (message: string) => void;
  /** Longest run of building in one turn of the event loop. */
  sliceMs?: number;
}

const defaultSliceMs = 0.1;
const compactAfter = 1024;
const catchUpBatches = 4;

export function createRecorder(options: RecorderOptions): Recorder {
  const { store, recording, onError } = options;
  const sliceMs = options.sliceMs ?? defaultSliceMs;
  const batchSize = Math.max(1, recording.batchSize);
  const maxPending = Math.max(0, recording.maxQueue);
  const catchUpAfter = catchUpBatches * batchSize;

  /** Exchanges in the order they ended; those before `next` are built (and their slots emptied). */
  let waiting: (Exchange | undefined)[] = [];
  let next = 0;
  let dropped = 0;
  /** Exchanges recorded since the last slice ran, and whether one has run in the current run. */
  let arrived = 0;
  let sliced = false;
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Builds the next waiting exchange and lets go of it: its buffers can be large. */
  const buildNext = (): void => {
    const ex = waiting[next]!;
    waiting[next++] = undefined;
    try {
      store.append(toTrafficEvent(ex, recording));
    } catch (err) {
      // Building an event must never take the gateway down; the loss is counted and reported.
      dropped++;
      onError(`could not record event ${ex.id}: ${(err as Error).message}`);
    }
  };

  /** Nothing waits any more: forget the emptied slots and any build still scheduled. */
  const emptied = (): void => {
    waiting = [];
    next = 0;
    if (immediate !== null) clearImmediate(immediate);
    if (timer !== null) clearTimeout(timer);
    immediate = null;
    timer = null;
    sliced = false;
  };

  const buildSlice = (): void => {
    immediate = null;
    // What ended before a run's first slice is that run's batch, paced by time alone.
    let owed = sliced && waiting.length - next > catchUpAfter ? arrived : 0;
    arrived = 0;
    const deadline = performance.now() + sliceMs;
    do {
      buildNext();
      owed--;
    } while (next < waiting.length && (owed > 0 || performance.now() < deadline));
    if (next === waiting.length) return emptied();
    // Under steady load the queue may never empty: drop the emptied slots now and then.
    if (next >= compactAfter) {
      waiting = waiting.slice(next);
      next = 0;
    }
    sliced = true;
    immediate = setImmediate(buildSlice);
  };

  const onTimer = (): void => {
    timer = null;
    if (immediate === null && next < waiting.length) buildSlice();
  };

  return {
    record(ex) {
      if (waiting.length - next >= maxPending) {
        dropped++;
        return;
      }
      waiting.push(ex);
      arrived++;
      if (immediate !== null) return;
      if (waiting.length - next >= batchSize) immediate = setImmediate(buildSlice);
      else if (timer === null) {
        timer = setTimeout(onTimer, recording.flushIntervalMs);
        timer.unref();
      }
    },
    drain() {
      while (next < waiting.length) buildNext();
      emptied();
    },
    flush() {
      this.drain();
      return store.flush();
    },
    get pending() {
      return waiting.length - next;
    },
    get dropped() {
      return dropped;
    },
  };
}
