/**
 * The template index: which prompt templates recur, grouped into families, and which accounts use
 * each family repeatedly. Only keys seen at least twice enter the index (a lossy candidate table
 * holds first sightings), so the per-filler keys of one-off prompts cost a table slot and nothing
 * more: memory stays bounded by the number of recurring templates, not by the number of requests.
 *
 * A family is a set of keys from one view group (system prompt, prefix, suffix, whole text) that
 * were seen together; one wrapper phrasing becomes one family however many of its LSH bands match.
 * A family's breadth is the number of distinct accounts that used it repeatedly: breadth 1 is one
 * customer's own template (a batch job, an app), breadth in the thousands is common boilerplate.
 */
import { hashString } from '../signals/text/hash.ts';
import { addMember, createMemberList, type MemberList } from './member-list.ts';

/**
 * Bands kept per MinHash view: 2 bands of 4 rows match at Jaccard 0.8 with p = 0.65 per request, and a
 * template recurs over many requests; the exact edge keys (he/te) catch short wrappers on every request.
 */
const BANDS_INDEXED = 2;
/** Candidate table slots (first sightings); a template reused within ~slots/keys-per-request requests is caught. */
const CANDIDATE_SLOTS = 1 << 20;
/** Seed of the verifying hash (odd values only, so 0 means an empty slot). */
const VERIFY_SEED = 0x5f356495;
/** Characters of skeleton kept per family, for evidence. */
const SKELETON_CHARS = 160;

export type ViewGroup = 'system' | 'prefix' | 'suffix' | 'whole';
const GROUPS: readonly ViewGroup[] = ['system', 'prefix', 'suffix', 'whole'];

export interface TemplateFamily {
  id: number;
  view: ViewGroup;
  /** Accounts registered as repeat users (count = the family's breadth), by account index. */
  members: MemberList;
  /** Requests (from any account) that hit the family. */
  events: number;
  /** Masked text of the request that created the family, cut: what an analyst reads. */
  skeleton: string;
}

export interface TemplateIndex {
  keyFamily: Map<string, number>;
  families: TemplateFamily[];
  /**
   * First sightings: slot (low bits of one hash) -> a second, independent hash of the key, 0 when empty.
   * Numbers, not strings: a typed array of a million slots is 4 MB with no pointers for the GC to trace.
   */
  candidates: Uint32Array;
}

export function createTemplateIndex(): TemplateIndex {
  return { keyFamily: new Map(), families: [], candidates: new Uint32Array(CANDIDATE_SLOTS) };
}

/** The view group of an indexed key, or undefined for a key the index skips (a high band). */
export function viewGroupOf(key: string): ViewGroup | undefined {
  const c0 = key.charCodeAt(0);
  const c1 = key.charCodeAt(1);
  if (c1 === 101 /* e: he<n>, te<n> */) return c0 === 104 ? 'prefix' : c0 === 116 ? 'suffix' : undefined;
  // <view><band>: with band < BANDS_INDEXED (single digit followed by ':').
  if (key.charCodeAt(2) !== 58 || c1 - 48 >= BANDS_INDEXED || c1 < 48) return undefined;
  switch (c0) {
    case 115: return 'system';
    case 104: return 'prefix';
    case 116: return 'suffix';
    case 102: return 'whole';
    default: return undefined;
  }
}

const scratchFound: Record<ViewGroup, number> = { system: -1, prefix: -1, suffix: -1, whole: -1 };
const scratchKeys: string[] = [];
const scratchGroups: ViewGroup[] = [];

/**
 * Records one request's keys and returns the families it hit (distinct, ascending ids) in `out`.
 * A key seen for the second time is promoted into the family its view group already hit in this
 * request, or into a new family.
 */
export function observeTemplate(index: TemplateIndex, keys: readonly string[], skeleton: string, out: number[]): void {
  out.length = 0;
  scratchFound.system = scratchFound.prefix = scratchFound.suffix = scratchFound.whole = -1;
  scratchKeys.length = 0;
  scratchGroups.length = 0;
  // First pass: families already known, the smallest id per group (stable under re-ordering of keys);
  // keys not yet in the index are kept for the second pass.
  for (const key of keys) {
    const group = viewGroupOf(key);
    if (group === undefined) continue;
    const family = index.keyFamily.get(key);
    if (family === undefined) {
      scratchKeys.push(key);
      scratchGroups.push(group);
      continue;
    }
    const found = scratchFound[group];
    if (found < 0 || family < found) scratchFound[group] = family;
  }
  // Second pass: promote keys seen before, remember first sightings.
  for (let i = 0; i < scratchKeys.length; i++) {
    const key = scratchKeys[i] as string;
    const group = scratchGroups[i] as ViewGroup;
    const slot = hashString(key) & (CANDIDATE_SLOTS - 1);
    const check = (hashString(key, VERIFY_SEED) | 1) >>> 0;
    if (index.candidates[slot] !== check) {
      index.candidates[slot] = check;
      continue;
    }
    index.candidates[slot] = 0;
    let family = scratchFound[group];
    if (family < 0) {
      family = index.families.length;
      index.families.push({ id: family, view: group, members: createMemberList(), events: 0, skeleton: skeleton.slice(0, SKELETON_CHARS) });
      scratchFound[group] = family;
    }
    index.keyFamily.set(key, family);
  }
  for (const group of GROUPS) {
    const family = scratchFound[group];
    if (family < 0 || out.includes(family)) continue;
    out.push(family);
    const entry = index.families[family];
    if (entry !== undefined) entry.events++;
  }
  out.sort((a, b) => a - b);
}

/** Registers `account` as a repeat user of `family` (call once per account and family). */
export function registerMember(index: TemplateIndex, family: number, account: number): void {
  const entry = index.families[family];
  if (entry !== undefined) addMember(entry.members, account);
}

/** Distinct accounts using `family` repeatedly. */
export function breadthOf(index: TemplateIndex, family: number): number {
  return index.families[family]?.members.count ?? 0;
}
