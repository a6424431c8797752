/** JSON Lines to a file through a large buffer, respecting back-pressure, without holding the run in memory. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_CHARS = 4 * 1024 * 1024;

export class JsonlWriter {
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  private chars = 0;
  private failure: Error | undefined;
  lines = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { highWaterMark: FLUSH_CHARS });
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Buffers one value; true when the buffer is full and `flush()` should be awaited. */
  push(value: unknown): boolean {
    return this.pushLine(JSON.stringify(value));
  }

  /** Buffers one already serialised line (no newline). */
  pushLine(line: string): boolean {
    this.chunk.push(line);
    this.chars += line.length + 1;
    this.lines++;
    return this.chars >= FLUSH_CHARS;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('\n') + '\n';
    this.chunk = [];
    this.chars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}
