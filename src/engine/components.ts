/**
 * The groups of linked accounts, kept up to date as links come and go, at a cost that follows the
 * changes rather than the size of the graph.
 *
 * Groups are the connected components of the links, each split into the operators inside it
 * (communities.ts). Recomputing them from every link at each campaign step made the step's cost grow
 * with the whole graph: with ~23,000 accounts (the simulator's large preset) nearly every large
 * component had some link change at every step, and re-splitting them all held analyze at ~1,500
 * events/s. Here a new link merges two components (the smaller into the larger), and a component is
 * split again only once the links added, removed or re-weighed inside it since its last split reach
 * RESPLIT_SHARE of the links that split saw. Between splits a component keeps its parts: a component
 * that joined keeps its own (two crews bridged by a new link stay apart until the next split looks at
 * them), and an account that joined alone goes with the part it has most links to, which is what a
 * split does with a lone account. A split costs about its links, and each one is paid for by a fixed
 * share of that many changes, so the total grows with the changes, not with steps times the graph.
 *
 * Deterministic: components are visited in creation order, members and links in index order.
 */
import { MIN_SPLIT_SIZE, splitGroup, type GroupEdge } from './communities.ts';

/**
 * A component is split again once this share of the links its last split saw have changed. A tenth:
 * the operators inside a large component rarely move in a tenth of its links, and a crew that forms
 * inside it brings about as many new links as it has pairs, so it is looked at while still small.
 */
const RESPLIT_SHARE = 0.1;

export interface Component {
  /** Creation order: the order in which changed components are regrouped. */
  id: number;
  members: number[];
  /** Links inside. */
  links: number;
  /** Links added, removed or re-weighed inside since the last split (those of components merged in count as added). */
  changes: number;
  /** Links inside at the last split (0: never split). */
  linksAtSplit: number;
  /** A link inside was removed since the last split: the component may have come apart. */
  cut: boolean;
  /** The operators inside: disjoint, sorted arrays covering the members. */
  parts: number[][];
  /** Merged into another component. */
  merged: boolean;
}

export interface ComponentIndex {
  of: Map<number, Component>;
  /** Each linked account's part (an element of its component's `parts`). */
  partOf: Map<number, number[]>;
  /** Components with changes since the last regroup. */
  changed: Set<Component>;
  created: number;
}

/** The links as they are now: account -> linked account -> the link's weight. */
export type LinkView = ReadonlyMap<number, ReadonlyMap<number, { weight: number }>>;

export function createComponentIndex(): ComponentIndex {
  return { of: new Map(), partOf: new Map(), changed: new Set(), created: 0 };
}

function singleton(index: ComponentIndex, account: number): Component {
  const part = [account];
  const component: Component = { id: index.created++, members: [account], links: 0, changes: 0, linksAtSplit: 0, cut: false, parts: [part], merged: false };
  index.of.set(account, component);
  index.partOf.set(account, part);
  return component;
}

/** A link between `a` and `b` appeared. */
export function noteLinkAdded(index: ComponentIndex, a: number, b: number): void {
  const ca = index.of.get(a) ?? singleton(index, a);
  const cb = index.of.get(b) ?? singleton(index, b);
  if (ca === cb) {
    ca.links++;
    ca.changes++;
    index.changed.add(ca);
    return;
  }
  const [large, small] = ca.members.length > cb.members.length || (ca.members.length === cb.members.length && ca.id < cb.id) ? [ca, cb] : [cb, ca];
  for (const m of small.members) {
    large.members.push(m);
    index.of.set(m, large);
  }
  for (const part of small.parts) large.parts.push(part);
  large.links += small.links + 1;
  large.changes += small.links + 1;
  large.cut ||= small.cut;
  small.merged = true;
  index.changed.delete(small);
  index.changed.add(large);
}

/** A link of `a` went below the threshold. */
export function noteLinkRemoved(index: ComponentIndex, a: number): void {
  const c = index.of.get(a);
  if (c === undefined) return;
  c.links--;
  c.changes++;
  c.cut = true;
  index.changed.add(c);
}

/** A link of `a` changed weight. */
export function noteLinkReweighed(index: ComponentIndex, a: number): void {
  const c = index.of.get(a);
  if (c === undefined) return;
  c.changes++;
  index.changed.add(c);
}

/** The connected pieces of `members` over the current links (the component after links were removed). */
function piecesOf(members: readonly number[], links: LinkView): number[][] {
  const seen = new Set<number>();
  const pieces: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    seen.add(start);
    const piece = [start];
    for (let i = 0; i < piece.length; i++) {
      for (const next of links.get(piece[i] ?? 0)?.keys() ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        piece.push(next);
      }
    }
    pieces.push(piece);
  }
  return pieces;
}

function sameMembers(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Parts that went away and parts that came (an unchanged part keeps its array: same identity, same group). */
export interface Regrouping {
  removed: number[][];
  added: number[][];
}

/** Splits `members` (one connected piece, sorted) over its current links. */
function split(members: number[], links: LinkView): { parts: number[][]; links: number } {
  const edges: GroupEdge[] = [];
  for (const a of members) {
    const linked = links.get(a);
    if (linked === undefined) continue;
    const later = [...linked.keys()].filter((b) => b > a).sort((x, y) => x - y);
    for (const b of later) edges.push({ a, b, weight: linked.get(b)?.weight ?? 0 });
  }
  return { parts: members.length >= MIN_SPLIT_SIZE ? splitGroup(members, edges) : [members], links: edges.length };
}

/**
 * Brings the parts of every changed component up to date: split again where enough changed, else
 * lone accounts that joined go with the part they have most links to.
 */
export function regroup(index: ComponentIndex, links: LinkView): Regrouping {
  const removed: number[][] = [];
  const added: number[][] = [];
  const changed = [...index.changed].sort((x, y) => x.id - y.id);
  index.changed.clear();
  for (const c of changed) {
    if (c.merged) continue;
    if (c.linksAtSplit === 0 || c.changes >= RESPLIT_SHARE * c.linksAtSplit) resplit(index, c, links, removed, added);
    else joinLoneAccounts(index, c, links, removed, added);
  }
  return { removed, added };
}

function resplit(index: ComponentIndex, c: Component, links: LinkView, removed: number[][], added: number[][]): void {
  const before = c.parts;
  const pieces = c.cut ? piecesOf(c.members, links) : [c.members];
  const kept = new Set<number[]>();
  let first = true;
  for (const piece of pieces) {
    piece.sort((x, y) => x - y);
    if (piece.length === 1) {
      // No links left: no longer in any component.
      const only = piece[0] ?? 0;
      index.of.delete(only);
      index.partOf.delete(only);
      continue;
    }
    const target: Component = first ? c : { id: index.created++, members: piece, links: 0, changes: 0, linksAtSplit: 0, cut: false, parts: [], merged: false };
    first = false;
    const { parts, links: count } = split(piece, links);
    target.members = piece;
    target.links = count;
    target.linksAtSplit = count;
    target.changes = 0;
    target.cut = false;
    target.parts = parts.map((part) => {
      const old = index.partOf.get(part[0] ?? 0);
      if (old !== undefined && sameMembers(old, part)) {
        kept.add(old);
        return old;
      }
      added.push(part);
      return part;
    });
    for (const part of target.parts) for (const m of part) { index.of.set(m, target); index.partOf.set(m, part); }
  }
  if (first) c.merged = true;
  for (const part of before) if (!kept.has(part)) removed.push(part);
}

function joinLoneAccounts(index: ComponentIndex, c: Component, links: LinkView, removed: number[][], added: number[][]): void {
  if (!c.parts.some((part) => part.length === 1)) return;
  const replaced = new Map<number[], number[]>();
  for (const lone of c.parts) {
    if (lone.length !== 1) continue;
    const account = lone[0] ?? 0;
    const counts = new Map<number[], number>();
    for (const other of links.get(account)?.keys() ?? []) {
      const part = index.partOf.get(other);
      if (part !== undefined && part.length > 1) counts.set(part, (counts.get(part) ?? 0) + 1);
    }
    let best: number[] | undefined;
    let bestLinks = 0;
    for (const [part, n] of counts) {
      if (n > bestLinks || (n === bestLinks && best !== undefined && (part[0] ?? 0) < (best[0] ?? 0))) {
        best = part;
        bestLinks = n;
      }
    }
    if (best === undefined) continue;
    const joined = [...best, account].sort((x, y) => x - y);
    for (const m of joined) index.partOf.set(m, joined);
    replaced.set(lone, joined);
    replaced.set(best, joined);
    // Whatever `best` was replaced by earlier is replaced by the new part too.
    for (const [from, to] of replaced) if (to === best) replaced.set(from, joined);
  }
  if (replaced.size === 0) return;
  const parts: number[][] = [];
  const seen = new Set<number[]>();
  for (const part of c.parts) {
    const now = replaced.get(part) ?? part;
    if (seen.has(now)) continue;
    seen.add(now);
    parts.push(now);
  }
  for (const part of c.parts) if (!seen.has(part)) removed.push(part);
  const before = new Set(c.parts);
  for (const part of parts) if (!before.has(part)) added.push(part);
  c.parts = parts;
}
