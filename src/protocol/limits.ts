/**
 * Caps on what a normalized view keeps. Later stages need the shape of a request (roles, sizes,
 * parameters, the start of each text), not megabytes of it; and the gateway normalizes every request
 * on its hot path, so the work per request must stay bounded whatever a client sends.
 */

/** Text kept across the system prompt and all turns of one request, in UTF-16 code units. */
export const MAX_REQUEST_TEXT_CHARS = 256 * 1024;
/** Visible + reasoning text kept from one response. */
export const MAX_RESPONSE_TEXT_CHARS = 256 * 1024;
/** Turns kept per request; later messages are not read at all. */
export const MAX_TURNS = 2_000;
/** Content parts read per message. */
export const MAX_PARTS_PER_MESSAGE = 512;
/** Messages, items and parts looked at in total per request: the bound on work. */
export const MAX_VISITS = 50_000;
/** Tool definitions kept per request. */
export const MAX_TOOLS = 256;
/** Tool calls kept per turn or per response. */
export const MAX_TOOL_CALLS = 128;
/** Embedding inputs kept as turns (all of them are still counted in `params.inputs`). */
export const MAX_EMBEDDING_INPUTS = 256;
/** Entries kept from list-valued parameters such as the responses `include`. */
export const MAX_LIST_ENTRIES = 64;

/**
 * What is left to spend on one normalization: characters of text and visits of JSON nodes.
 * Both only go down, so the caller can stop as soon as either runs out.
 */
export class Budget {
  chars: number;
  visits: number;

  constructor(chars: number, visits: number = MAX_VISITS) {
    this.chars = chars;
    this.visits = visits;
  }

  /** Counts one visited node; false when the work budget is spent and the caller should stop. */
  visit(): boolean {
    if (this.visits <= 0) return false;
    this.visits--;
    return true;
  }

  /** The part of `text` that still fits, never ending in half a surrogate pair. */
  take(text: string): string {
    if (this.chars <= 0 || text.length === 0) return '';
    if (text.length <= this.chars) {
      this.chars -= text.length;
      return text;
    }
    let cut = this.chars;
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    this.chars = 0;
    return text.slice(0, cut);
  }
}

/** Joins text pieces with "\n", skipping empty ones, without building intermediate strings. */
export function joinLines(pieces: readonly string[]): string {
  if (pieces.length === 0) return '';
  if (pieces.length === 1) return pieces[0] ?? '';
  const kept: string[] = [];
  for (const piece of pieces) if (piece.length > 0) kept.push(piece);
  return kept.join('\n');
}
