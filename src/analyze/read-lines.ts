/**
 * Lines of a log file, plain or gzip: the format is told by the first two bytes (1f 8b), not the file
 * name, because rotated logs are often compressed without being renamed.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export interface LogLine {
  /** The line without its line break (a trailing \r is dropped too). */
  text: string;
  /** 1-based. */
  line: number;
}

/** Called after each chunk read from disk with the compressed bytes read so far (for progress bars). */
export type BytesRead = (bytes: number) => void;

export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Streams the lines of `path` in file order; memory holds one read chunk and one partial line. */
export async function* readLines(path: string, onBytes?: BytesRead): AsyncGenerator<LogLine, void> {
  const gzip = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  // pipe() does not forward errors: a missing file must fail the gunzip side too.
  if (gzip) raw.on('error', (error) => stream.destroy(error));
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(raw.bytesRead);
      const text = partial + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        line++;
        yield { text: withoutCarriageReturn(text.slice(start, end)), line };
        start = end + 1;
      }
      partial = text.slice(start);
    }
    const rest = partial + decoder.end();
    if (rest.length > 0) yield { text: withoutCarriageReturn(rest), line: line + 1 };
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
}
