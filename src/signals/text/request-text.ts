/**
 * The text views of one request, computed once and shared by every signal, so that no signal
 * normalizes (or pays for) a megabyte prompt on its own.
 */
import type { NormalizedRequest } from '../../protocol/types.ts';
import type { RequestText } from '../types.ts';
import { decodeEmbedded } from './decode.ts';
import { cutAt, markLowerCase, normalizeText } from './normalize.ts';

/**
 * User text kept from the start of a long prompt. The classifiers need the gist, not megabytes,
 * and the task statement of a prompt usually comes first.
 */
export const USER_HEAD_CHARS = 12 * 1024;
/**
 * User text kept from the end of a long prompt, in addition to the head: distillation wrappers
 * ("...think step by step before the final answer") often sit after a long filler.
 */
export const USER_TAIL_CHARS = 4 * 1024;
/** Upper bound of `RequestText.user` and `lastUser` (head + "\n" + tail). */
export const MAX_USER_TEXT_CHARS = USER_HEAD_CHARS + 1 + USER_TAIL_CHARS;
/** System prompt kept, head and tail, on the same reasoning. */
export const SYSTEM_HEAD_CHARS = 6 * 1024;
export const SYSTEM_TAIL_CHARS = 2 * 1024;

/** Roles whose text the client wrote as instructions rather than as the conversation. */
const SYSTEM_ROLES: ReadonlySet<string> = new Set(['system', 'developer']);

/**
 * Normalized views of a request's text (see RequestText). Costs time bounded by the caps above,
 * whatever the request holds: long texts are cut to head + tail before normalization.
 *
 * @example requestText(req).user // 'solve the following problem. ...'
 */
export function requestText(req: NormalizedRequest): RequestText {
  const systemPieces = [req.system];
  const userPieces: string[] = [];
  let lastUser = '';
  for (const turn of req.turns) {
    if (turn.role === 'user') {
      userPieces.push(turn.text);
      lastUser = turn.text;
    } else if (SYSTEM_ROLES.has(turn.role)) {
      systemPieces.push(turn.text);
    }
  }
  const userRaw = headAndTail(userPieces, USER_HEAD_CHARS, USER_TAIL_CHARS);
  const userCased = normalizeHeadAndTail(userRaw, USER_HEAD_CHARS, USER_TAIL_CHARS, true);
  // Right after the normalization: for ASCII text that fits whole (most requests) its collapse left this very text's
  // code units in rawUnits, which the decode pre-scan then reads without a copy (text/code-units.ts). A text that
  // fits whole is decoded as it is: the "\n" that joined head and empty tail only ended the text with a separator,
  // in which no decoder finds anything. (One output differs: a text that ends in a lone high surrogate and is
  // exactly as long as a decode limit keeps that surrogate, as U+FFFD, where the "\n" made the cut drop it.)
  const decoded = decodeEmbedded(userRaw.tail.length === 0 ? userRaw.head : userRaw.head + '\n' + userRaw.tail);
  // Lower-casing the cased view is one native pass; normalizing twice would be two full passes.
  const user = markLowerCase(cutAt(userCased.toLowerCase(), MAX_USER_TEXT_CHARS));
  return {
    system: normalizeHeadAndTail(headAndTail(systemPieces, SYSTEM_HEAD_CHARS, SYSTEM_TAIL_CHARS), SYSTEM_HEAD_CHARS, SYSTEM_TAIL_CHARS),
    user,
    userCased,
    lastUser: userPieces.length === 1 ? user
      : normalizeHeadAndTail(headAndTail([lastUser], USER_HEAD_CHARS, USER_TAIL_CHARS), USER_HEAD_CHARS, USER_TAIL_CHARS),
    decoded,
  };
}

/** Raw text cut to its first `headMax` and last `tailMax` characters; `tail` is empty when all fits. */
interface HeadTail {
  head: string;
  tail: string;
}

/**
 * Joins `pieces` with "\n" but reads only what the caps keep: pieces from the front until the head is
 * full and from the back until the tail is full, so 10,000 messages or one huge one cost the same.
 */
export function headAndTail(pieces: readonly string[], headMax: number, tailMax: number): HeadTail {
  let total = 0;
  for (const p of pieces) {
    if (p.length === 0) continue;
    total += p.length + 1;
    if (total > headMax + tailMax) break;
  }
  if (total <= headMax + tailMax) return { head: joinNonEmpty(pieces), tail: '' };

  const headParts: string[] = [];
  let headLen = 0;
  for (let i = 0; i < pieces.length && headLen < headMax; i++) {
    const p = pieces[i] ?? '';
    if (p.length === 0) continue;
    const part = p.length > headMax - headLen ? sliceSafe(p, 0, headMax - headLen) : p;
    headParts.push(part);
    headLen += part.length + 1;
  }
  const tailParts: string[] = [];
  let tailLen = 0;
  for (let i = pieces.length - 1; i >= 0 && tailLen < tailMax; i--) {
    const p = pieces[i] ?? '';
    if (p.length === 0) continue;
    const part = p.length > tailMax - tailLen ? sliceSafe(p, p.length - (tailMax - tailLen), p.length) : p;
    tailParts.push(part);
    tailLen += part.length + 1;
  }
  tailParts.reverse();
  return { head: headParts.join('\n'), tail: tailParts.join('\n') };
}

function joinNonEmpty(pieces: readonly string[]): string {
  let s = '';
  for (const p of pieces) {
    if (p.length === 0) continue;
    s = s.length === 0 ? p : s + '\n' + p;
  }
  return s;
}

/** Slice that does not start or end inside a surrogate pair. */
function sliceSafe(s: string, start: number, end: number): string {
  let a = start;
  let b = end;
  const first = s.charCodeAt(a);
  if (a > 0 && first >= 0xdc00 && first <= 0xdfff) a++;
  const last = s.charCodeAt(b - 1);
  if (b < s.length && last >= 0xd800 && last <= 0xdbff) b--;
  return a < b ? s.slice(a, b) : '';
}

function normalizeHeadAndTail(raw: HeadTail, headMax: number, tailMax: number, keepCase = false): string {
  const head = normalizeText(raw.head, raw.tail.length === 0 ? headMax + tailMax : headMax, keepCase);
  if (raw.tail.length === 0) return head;
  const tail = normalizeText(raw.tail, tailMax, keepCase);
  return tail.length === 0 ? head : head + '\n' + tail;
}
