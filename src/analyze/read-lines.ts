/**
 * Lines of a log file, plain or gzip: the format is told by the first two bytes (1f 8b), not the file
 * name, because rotated logs are often compressed without being renamed.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

export interface LogLine {
  /** The line without its line break (a trailing \r is dropped too). */
  text: string;
  /** 1-based. */
  line: number;
}

/** The lines completed by one read from disk, as byte ranges of one buffer (decoded only by who needs the text). */
export interface LineBatch {
  buffer: Buffer;
  /** Line i is buffer[starts[i], ends[i]): without its line break (a trailing \r is dropped too). */
  starts: number[];
  ends: number[];
  /** 1-based number of the batch's first line in the file. */
  firstLine: number;
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

const LF = 0x0a;
const CR = 0x0d;

function lineEnd(buffer: Buffer, start: number, end: number): number {
  return end > start && buffer[end - 1] === CR ? end - 1 : end;
}

/**
 * Streams the lines of `path` in file order, one batch per read (1 MB), split on bytes: a UTF-8 line break
 * is never part of a multi-byte sequence, so each line decodes on its own exactly as the whole file would,
 * and a caller that only looks at a line's first bytes never decodes it. Memory holds one read chunk and
 * one partial line.
 */
export async function* readLineBatches(path: string, onBytes?: BytesRead): AsyncGenerator<LineBatch, void> {
  const gzip = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  // pipe() does not forward errors: a missing file must fail the gunzip side too.
  if (gzip) raw.on('error', (error) => stream.destroy(error));
  let partial: Buffer | undefined;
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(raw.bytesRead);
      const buffer = partial === undefined ? chunk : Buffer.concat([partial, chunk]);
      const starts: number[] = [];
      const ends: number[] = [];
      let start = 0;
      for (let end = buffer.indexOf(LF, start); end !== -1; end = buffer.indexOf(LF, start)) {
        starts.push(start);
        ends.push(lineEnd(buffer, start, end));
        start = end + 1;
      }
      partial = start < buffer.length ? buffer.subarray(start) : undefined;
      if (starts.length === 0) continue;
      yield { buffer, starts, ends, firstLine: line + 1 };
      line += starts.length;
    }
    if (partial !== undefined) yield { buffer: partial, starts: [0], ends: [lineEnd(partial, 0, partial.length)], firstLine: line + 1 };
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
}

/** Streams the lines of `path` in file order, one at a time, decoded (see readLineBatches). */
export async function* readLines(path: string, onBytes?: BytesRead): AsyncGenerator<LogLine, void> {
  for await (const { buffer, starts, ends, firstLine } of readLineBatches(path, onBytes)) {
    for (let i = 0; i < starts.length; i++) yield { text: buffer.toString('utf8', starts[i], ends[i]), line: firstLine + i };
  }
}
