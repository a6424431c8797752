/** A one-line progress bar for a TTY stderr, redrawn at most every 200 ms. */
import type { AnalyzeProgress } from './analyze.ts';

const WIDTH = 30;
const REDRAW_MS = 200;

function count(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return String(value);
}

export function progressLine(progress: AnalyzeProgress): string {
  const fraction = progress.phase === 'read'
    ? (progress.bytesTotal > 0 ? progress.bytesRead / progress.bytesTotal : 1)
    : (progress.eventsTotal > 0 ? progress.events / progress.eventsTotal : 1);
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * WIDTH);
  const label = progress.phase === 'read' ? `reading  ${count(progress.events)} events` : `detecting ${count(progress.events)}/${count(progress.eventsTotal)}`;
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(clamped * 100).toFixed(0).padStart(3)}% ${label}`;
}

export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(private readonly stream: { write(text: string): unknown }, private readonly now: () => number = Date.now) {}

  update(progress: AnalyzeProgress): void {
    const time = this.now();
    if (time - this.last < REDRAW_MS) return;
    this.last = time;
    this.drawn = true;
    this.stream.write(`\r${progressLine(progress)}\u001b[K`);
  }

  /** Clears the bar so that following messages start on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
