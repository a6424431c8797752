/**
 * The account graph: weighted edges between accounts that share things an operator shares across
 * the accounts it runs. Edges are found through inverted indexes (value -> a bounded list of
 * accounts), never by comparing all pairs, and weighed by comparing the two accounts' profiles.
 *
 * Evidence is split in two (weights below):
 *   hard: shared rare template families, payment fingerprint, sign-up IP. Each says "one operator".
 *   soft: sign-up burst (same email domain, created within a day), IP /24 (/48), ASN, TLS (JA4), user
 *         agent, synchronized activity. Offices, campuses and clouds share these innocently.
 * Soft evidence is capped below the link threshold, so an office IP, an ASN or a campus never links
 * accounts on its own; it only strengthens a hard link. Linking is not a verdict: a linked group
 * becomes a campaign only if its members' behaviour says harvesting (campaigns.ts), so an office
 * team on one company card forms a group that stays benign.
 */
import { activityOverlap, type AccountProfile } from './accounts.ts';
import { addMember, createMemberList, forEachMember, rarity, type MemberList } from './member-list.ts';
import type { TemplateIndex } from './templates.ts';
import { createComponentIndex, noteLinkAdded, noteLinkRemoved, noteLinkReweighed, regroup, type ComponentIndex, type Regrouping } from './components.ts';

/** Edge kinds, as bits. */
export const LINK = {
  template: 1, payment: 2, signupIp: 4, signupBurst: 8, ipPrefix: 16, asn: 32, ja4: 64, userAgent: 128, sync: 256,
} as const;
export type LinkKind = keyof typeof LINK;

export const WEIGHTS = {
  /** The first shared template family at full rarity, then each further one; capped at templateMax. */
  templateFirst: 0.3,
  templateMore: 0.15,
  templateMax: 0.5,
  payment: 0.7,
  signupIp: 0.5,
  signupBurst: 0.3,
  ipPrefix: 0.2,
  asn: 0.05,
  ja4: 0.15,
  userAgent: 0.05,
  sync: 0.2,
  /** Soft evidence never reaches the threshold alone. */
  softMax: 0.45,
} as const;

/** Weight from which two accounts are linked (in one group). */
export const LINK_THRESHOLD = 0.6;
/** Accounts created this close together with the same email domain form a sign-up burst. */
export const SIGNUP_BURST_MS = 24 * 3_600_000;
const BURST_BUCKET_MS = SIGNUP_BURST_MS;
/** A payment fingerprint or sign-up IP shared by more accounts than this is a platform, not an operator. */
const SHARED_IDENTITY_MAX = 200;
/** Activity overlap (Jaccard of 5-minute slots) from which timing counts as synchronized. */
const SYNC_FLOOR = 0.3;

export interface Edge {
  a: number;
  b: number;
  weight: number;
  /** LINK bits. */
  kinds: number;
  sharedFamilies: number;
}

export interface AccountGraph {
  /** Candidate-generating values ('pay:…', 'sip:…', 'burst:<domain>:<bucket>', 'pfx:…') -> accounts. */
  values: Map<string, MemberList>;
  /** Count-only values ('asn:…', 'ja4:…', 'ua:…', 'dom:…') -> accounts holding them. */
  counts: Map<string, number>;
  /** Links at or above LINK_THRESHOLD, by pairKey. */
  edges: Map<number, Edge>;
  /** Account -> linked account -> their link (the same object as in `edges`). */
  adjacency: Map<number, Map<number, Edge>>;
  /** Accounts whose linkable attributes changed since the last refresh. */
  dirty: Set<number>;
  /** What each dirty account gained since the last refresh: families ('fam:<id>') and values; only these bring new candidates. */
  pending: Map<number, string[]>;
  /** Connected components of the links and the operators inside them, kept as links change (components.ts). */
  components: ComponentIndex;
  /** The links of the current re-weighing round (reweighLinks) and how far it got. */
  reweighRound: { keys: number[]; next: number };
}

export function createGraph(): AccountGraph {
  return { values: new Map(), counts: new Map(), edges: new Map(), adjacency: new Map(), dirty: new Set(), pending: new Map(), components: createComponentIndex(), reweighRound: { keys: [], next: 0 } };
}

/** One key per unordered pair; indexes stay below 2^26 (67M accounts). */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
}

/** Records that `account` holds a candidate-generating value (call once per account and value). */
export function noteValue(graph: AccountGraph, value: string, account: number): void {
  let list = graph.values.get(value);
  if (list === undefined) graph.values.set(value, (list = createMemberList()));
  addMember(list, account);
  notePending(graph, account, value);
}

/** Marks `account` for re-linking because it gained `what` (a value key, or 'fam:<id>' for a template family). */
export function notePending(graph: AccountGraph, account: number, what: string): void {
  graph.dirty.add(account);
  const pending = graph.pending.get(account);
  if (pending === undefined) graph.pending.set(account, [what]);
  else pending.push(what);
}

/** Counts one more account holding a weak value (for its rarity). */
export function countValue(graph: AccountGraph, value: string): void {
  graph.counts.set(value, (graph.counts.get(value) ?? 0) + 1);
}

export function burstBucket(createdAt: number): number {
  return Math.floor(createdAt / BURST_BUCKET_MS);
}

/** What the graph needs to know about the world to weigh a pair. */
export interface LinkContext {
  profiles: readonly AccountProfile[];
  templates: TemplateIndex;
  /** Accounts seen so far (the rarity reference). */
  accounts: number;
}

function sharesAny(a: readonly string[], b: readonly string[]): string | undefined {
  for (const x of a) if (b.includes(x)) return x;
  return undefined;
}

const prefixRarity: number[] = [];
const suffixRarity: number[] = [];
const systemRarity: number[] = [];

/** Template weight of the families shared in one view group: the rarest counts TEMPLATE_FIRST, the others TEMPLATE_MORE. */
function viewWeight(rarities: number[]): number {
  if (rarities.length === 0) return 0;
  rarities.sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < rarities.length; i++) sum += (rarities[i] ?? 0) * (i === 0 ? WEIGHTS.templateFirst : WEIGHTS.templateMore);
  return sum;
}

/** The weight of the link between two accounts and its kinds, from their current profiles. */
export function weighPair(graph: AccountGraph, a: AccountProfile, b: AccountProfile, ctx: LinkContext): Edge {
  const edge: Edge = { a: Math.min(a.index, b.index), b: Math.max(a.index, b.index), weight: 0, kinds: 0, sharedFamilies: 0 };
  const da = a.details;
  const db = b.details;
  let hard = 0;
  if (da !== undefined && db !== undefined) {
    const [small, large] = da.registered.size <= db.registered.size ? [da.registered, db.registered] : [db.registered, da.registered];
    // One template gives up to one family per view group (system, prefix, suffix, whole), so sharing is
    // counted per view group and the busiest group counts: its rarest family gives TEMPLATE_FIRST, each
    // further one TEMPLATE_MORE. Two parties may share one public frame (an eval harness, an SDK example);
    // three or more distinct rare wrappers is one operator.
    prefixRarity.length = 0;
    suffixRarity.length = 0;
    systemRarity.length = 0;
    for (const family of small) {
      if (!large.has(family)) continue;
      const entry = ctx.templates.families[family];
      if (entry === undefined) continue;
      edge.sharedFamilies++;
      // The same whole text from two accounts is a popular question (or a public benchmark item), not a
      // wrapper: it does not link. A shared system prompt is how apps and tools work (every user of one
      // coding CLI has it): half weight. Wrappers show in the prefix and suffix views.
      if (entry.view === 'whole') continue;
      const r = rarity(entry.members.count, ctx.accounts);
      if (entry.view === 'prefix') prefixRarity.push(r);
      else if (entry.view === 'suffix') suffixRarity.push(r);
      else systemRarity.push(0.5 * r);
    }
    const template = Math.max(viewWeight(prefixRarity), viewWeight(suffixRarity), viewWeight(systemRarity));
    if (template > 0) {
      hard += Math.min(WEIGHTS.templateMax, template);
      edge.kinds |= LINK.template;
    }
  }
  const pa = a.info.payment_fingerprint;
  if (pa !== undefined && pa === b.info.payment_fingerprint) {
    const holders = graph.values.get('pay:' + pa)?.count ?? 0;
    hard += holders > SHARED_IDENTITY_MAX ? WEIGHTS.payment / 4 : WEIGHTS.payment;
    edge.kinds |= LINK.payment;
  }
  const sa = a.info.signup_ip;
  if (sa !== undefined && sa === b.info.signup_ip) {
    const holders = graph.values.get('sip:' + sa)?.count ?? 0;
    hard += holders > SHARED_IDENTITY_MAX ? WEIGHTS.signupIp / 4 : WEIGHTS.signupIp;
    edge.kinds |= LINK.signupIp;
  }
  let soft = 0;
  const domain = a.info.email_domain;
  if (domain !== undefined && domain === b.info.email_domain) {
    if (Math.abs(a.createdAt - b.createdAt) <= SIGNUP_BURST_MS) {
      soft += WEIGHTS.signupBurst * rarity(graph.counts.get('dom:' + domain) ?? 0, ctx.accounts);
      edge.kinds |= LINK.signupBurst;
    }
  }
  if (da !== undefined && db !== undefined) {
    if (sharesAny(da.ipPrefixes, db.ipPrefixes) !== undefined) { soft += WEIGHTS.ipPrefix; edge.kinds |= LINK.ipPrefix; }
    if (sharesAny(da.asns, db.asns) !== undefined) { soft += WEIGHTS.asn; edge.kinds |= LINK.asn; }
    const ja4 = sharesAny(da.ja4s, db.ja4s);
    if (ja4 !== undefined) { soft += WEIGHTS.ja4 * rarity(graph.counts.get('ja4:' + ja4) ?? 0, ctx.accounts); edge.kinds |= LINK.ja4; }
    const ua = sharesAny(da.userAgents, db.userAgents);
    if (ua !== undefined) { soft += WEIGHTS.userAgent * rarity(graph.counts.get('ua:' + ua) ?? 0, ctx.accounts); edge.kinds |= LINK.userAgent; }
    const overlap = activityOverlap(da, db);
    if (overlap >= SYNC_FLOOR) { soft += WEIGHTS.sync * Math.min(1, (overlap - SYNC_FLOOR) / 0.4); edge.kinds |= LINK.sync; }
  }
  edge.weight = hard > 0 ? Math.min(1, hard + Math.min(WEIGHTS.softMax, soft)) : Math.min(WEIGHTS.softMax, soft);
  return edge;
}

/** 'burst:<domain>:<bucket>' and the same domain's neighbouring buckets. */
function burstNeighbours(value: string): string[] {
  const cut = value.lastIndexOf(':');
  const head = value.slice(0, cut + 1);
  const bucket = Number(value.slice(cut + 1));
  return [head + (bucket - 1), value, head + (bucket + 1)];
}

function setEdge(graph: AccountGraph, edge: Edge): void {
  const key = pairKey(edge.a, edge.b);
  const had = graph.edges.get(key);
  if (edge.weight >= LINK_THRESHOLD) {
    graph.edges.set(key, edge);
    link(graph, edge.a, edge.b, edge);
    link(graph, edge.b, edge.a, edge);
    if (had === undefined) noteLinkAdded(graph.components, edge.a, edge.b);
    else if (had.weight !== edge.weight) noteLinkReweighed(graph.components, edge.a);
  } else if (had !== undefined) {
    graph.edges.delete(key);
    graph.adjacency.get(edge.a)?.delete(edge.b);
    graph.adjacency.get(edge.b)?.delete(edge.a);
    noteLinkRemoved(graph.components, edge.a);
  }
}

function link(graph: AccountGraph, from: number, to: number, edge: Edge): void {
  let linked = graph.adjacency.get(from);
  if (linked === undefined) graph.adjacency.set(from, (linked = new Map()));
  linked.set(to, edge);
}

/**
 * Re-weighs the pairs that an account's new families and values bring: the account against the kept
 * members of each. Its current links are left to the rounds of reweighLinks: re-weighing them all
 * whenever it gained something cost as much as its links, which grow with its group (hundreds in a
 * dense crew), at every new value. Accounts whose details were evicted keep the links they had (they
 * cannot be re-weighed). Returns pairs weighed.
 */
export function refreshGraph(graph: AccountGraph, ctx: LinkContext): number {
  if (graph.dirty.size === 0) return 0;
  const dirty = [...graph.dirty].sort((x, y) => x - y);
  graph.dirty.clear();
  const pending = graph.pending;
  graph.pending = new Map();
  let weighed = 0;
  const seen = new Set<number>();
  for (const index of dirty) {
    const p = ctx.profiles[index];
    if (p === undefined || p.details === undefined) continue;
    seen.clear();
    const consider = (other: number): void => {
      if (other === index || seen.has(other)) return;
      seen.add(other);
      const q = ctx.profiles[other];
      if (q === undefined || q.details === undefined) return;
      setEdge(graph, weighPair(graph, p, q, ctx));
      weighed++;
    };
    for (const what of pending.get(index) ?? []) {
      if (what.startsWith('fam:')) {
        const entry = ctx.templates.families[Number(what.slice(4))];
        if (entry !== undefined) forEachMember(entry.members, consider);
      } else if (what.startsWith('burst:')) {
        // Sign-ups within a day may fall in the neighbouring bucket.
        for (const value of burstNeighbours(what)) {
          const list = graph.values.get(value);
          if (list !== undefined) forEachMember(list, consider);
        }
      } else {
        const list = graph.values.get(what);
        if (list !== undefined) forEachMember(list, consider);
      }
    }
  }
  return weighed;
}

/**
 * Re-weighs up to `budget` current links, going on from where the last call stopped, in rounds over
 * all links (rarities drift as families and values spread).
 */
export function reweighLinks(graph: AccountGraph, ctx: LinkContext, budget: number): void {
  const round = graph.reweighRound;
  let left = Math.min(budget, graph.edges.size);
  while (left > 0) {
    if (round.next >= round.keys.length) {
      if (graph.edges.size === 0) return;
      round.keys = [...graph.edges.keys()];
      round.next = 0;
    }
    const edge = graph.edges.get(round.keys[round.next++] ?? -1);
    if (edge === undefined) continue;
    left--;
    const p = ctx.profiles[edge.a];
    const q = ctx.profiles[edge.b];
    if (p?.details === undefined || q?.details === undefined) continue;
    setEdge(graph, weighPair(graph, p, q, ctx));
  }
}

/**
 * Brings the groups of linked accounts up to date with the links (components.ts): connected
 * components, each split into the operators inside it. Returns the parts that went and came; parts
 * of one account are not groups.
 */
export function regroupLinks(graph: AccountGraph): Regrouping {
  return regroup(graph.components, graph.adjacency);
}
