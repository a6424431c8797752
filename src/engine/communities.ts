/**
 * Splits a connected group of linked accounts into the operators behind it.
 *
 * Two operators can end up in one connected component through a handful of links: both sweep the
 * same public bank with common reasoning phrases (template families) and both sign up through the
 * same disposable mail host in the same week (sign-up burst). Those bridges can weigh as much as
 * the links inside each crew, so no weight threshold separates them; the structure does. One
 * operator's accounts share nearly everything with each other (the same wrappers, cards, proxies,
 * scheduler), so its accounts are densely linked; a bridge between two crews touches only a few
 * pairs of the many possible ones.
 *
 * Method: weighted modularity (Louvain: local moving, then aggregation, repeated), applied again
 * inside each community it finds, proposes communities; then any two proposed communities whose links between them are not clearly sparser
 * than the links inside them are merged back (DENSITY_RATIO), so one crew is never cut in two
 * just because modularity always prefers some split, and a lone account joins the community it is
 * most linked to. Deterministic: nodes are visited in index order and ties keep the lower id.
 */

/** One link inside the group: account indexes and weight. */
export interface GroupEdge {
  a: number;
  b: number;
  weight: number;
}

/** Groups smaller than this are one operator or too small to tell apart: never split. */
export const MIN_SPLIT_SIZE = 6;
/**
 * Two communities stay apart only when the share of their account pairs that are linked is below
 * this fraction of the share inside the sparser one. Inside one crew most pairs are linked (a
 * bounded member list still finds most of them); a bridge between crews links a few percent.
 */
export const DENSITY_RATIO = 0.35;
/** Local-moving passes per level and levels of aggregation; both converge in a few on real groups. */
const MAX_PASSES = 32;
/** Ranks a lone account's merge above every density-based one. */
const LONE = 1e9;
const MAX_LEVELS = 8;

/**
 * Neighbour lists in compressed form: node i's neighbours are `to[start[i]..start[i+1])` with the
 * weights at the same places. Flat typed arrays rather than an array of pairs per node: local moving
 * walks them many times per split, and the pairs cost as much in garbage collection as in reading.
 */
interface LocalGraph {
  n: number;
  start: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  /** Self-loop weight per node (aggregated internal weight, counted once per direction pair). */
  self: Float64Array;
}

/** One level of Louvain local moving: returns a community per node (ids 0..k-1, renumbered by first node). */
function localMoving(g: LocalGraph): { community: Int32Array; moved: boolean } {
  const { n, start, to, weight, self } = g;
  const degree = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let k = 2 * (self[i] ?? 0);
    for (let e = start[i] ?? 0, end = start[i + 1] ?? 0; e < end; e++) k += weight[e] ?? 0;
    degree[i] = k;
    total += k;
  }
  const community = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) { community[i] = i; tot[i] = degree[i] ?? 0; }
  if (total === 0) return { community, moved: false };
  const toCommunity = new Float64Array(n);
  const touched: number[] = [];
  let moved = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const own = community[i] ?? i;
      const k = degree[i] ?? 0;
      touched.length = 0;
      for (let e = start[i] ?? 0, end = start[i + 1] ?? 0; e < end; e++) {
        const j = to[e] ?? 0;
        const c = community[j] ?? j;
        if (toCommunity[c] === 0) touched.push(c);
        toCommunity[c] = (toCommunity[c] ?? 0) + (weight[e] ?? 0);
      }
      tot[own] = (tot[own] ?? 0) - k;
      // Gain of joining c (up to a constant): links into c minus what the degrees alone would expect.
      let best = own;
      let bestGain = (toCommunity[own] ?? 0) - ((tot[own] ?? 0) * k) / total;
      for (const c of touched) {
        const gain = (toCommunity[c] ?? 0) - ((tot[c] ?? 0) * k) / total;
        if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && c < best && c !== own && gain > 0)) {
          best = c;
          bestGain = gain;
        }
      }
      for (const c of touched) toCommunity[c] = 0;
      tot[best] = (tot[best] ?? 0) + k;
      if (best !== own) {
        community[i] = best;
        changed = true;
        moved = true;
      }
    }
    if (!changed) break;
  }
  const renumber = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = community[i] ?? i;
    let id = renumber.get(c);
    if (id === undefined) renumber.set(c, (id = renumber.size));
    community[i] = id;
  }
  return { community, moved };
}

/** The graph of communities: one node per community, links summed, internal weight as a self-loop. */
function aggregate(g: LocalGraph, community: Int32Array, k: number): LocalGraph {
  const self = new Float64Array(k);
  const maps: Array<Map<number, number>> = Array.from({ length: k }, () => new Map());
  for (let i = 0; i < g.n; i++) {
    const ci = community[i] ?? 0;
    self[ci] = (self[ci] ?? 0) + (g.self[i] ?? 0);
    for (let e = g.start[i] ?? 0, end = g.start[i + 1] ?? 0; e < end; e++) {
      const cj = community[g.to[e] ?? 0] ?? 0;
      const w = g.weight[e] ?? 0;
      if (ci === cj) {
        // Each internal link is seen from both ends; half from each.
        self[ci] = (self[ci] ?? 0) + w / 2;
      } else {
        const m = maps[ci] as Map<number, number>;
        m.set(cj, (m.get(cj) ?? 0) + w);
      }
    }
  }
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = (start[c] ?? 0) + (maps[c] as Map<number, number>).size;
  const to = new Int32Array(start[k] ?? 0);
  const weight = new Float64Array(start[k] ?? 0);
  for (let c = 0; c < k; c++) {
    let e = start[c] ?? 0;
    for (const [cj, w] of [...(maps[c] as Map<number, number>)].sort((x, y) => x[0] - y[0])) {
      to[e] = cj;
      weight[e] = w;
      e++;
    }
  }
  return { n: k, start, to, weight, self };
}

/** Louvain communities of the local nodes 0..n-1. */
function louvain(n: number, edges: ReadonlyArray<readonly [number, number, number]>): Int32Array {
  // Each edge is listed at both ends, in edge order: the neighbour order local moving relies on.
  const start = new Int32Array(n + 1);
  for (const [a, b] of edges) {
    start[a + 1] = (start[a + 1] ?? 0) + 1;
    start[b + 1] = (start[b + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const to = new Int32Array(start[n] ?? 0);
  const weight = new Float64Array(start[n] ?? 0);
  for (const [a, b, w] of edges) {
    const ea = fill[a] ?? 0;
    to[ea] = b;
    weight[ea] = w;
    fill[a] = ea + 1;
    const eb = fill[b] ?? 0;
    to[eb] = a;
    weight[eb] = w;
    fill[b] = eb + 1;
  }
  let g: LocalGraph = { n, start, to, weight, self: new Float64Array(n) };
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) of[i] = i;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const { community, moved } = localMoving(g);
    if (!moved) break;
    for (let i = 0; i < n; i++) of[i] = community[of[i] ?? 0] ?? 0;
    let k = 0;
    for (let i = 0; i < g.n; i++) k = Math.max(k, (community[i] ?? 0) + 1);
    g = aggregate(g, community, k);
  }
  return of;
}

/**
 * Louvain communities, each split again on its own links until none splits: modularity over a large
 * group cannot see a small crew bridged to a bigger one by a few links (its resolution limit: the
 * expected weight between two small communities shrinks with the whole group's weight), while the
 * same links within the two crews alone show it plainly. Over-splitting is undone by the merge-back.
 */
function proposals(n: number, edges: ReadonlyArray<readonly [number, number, number]>): Int32Array {
  const out = new Int32Array(n);
  let next = 0;
  // Each pending group carries its own links (the group's edges in their original order), so a split
  // hands each part its links in one pass over the parent's, instead of every part scanning all edges.
  const stack: Array<{ nodes: number[]; edges: ReadonlyArray<readonly [number, number, number]> }> = [
    { nodes: Array.from({ length: n }, (_, i) => i), edges },
  ];
  const localIndex = new Int32Array(n);
  const partOf = new Int32Array(n);
  while (stack.length > 0) {
    const { nodes, edges: own } = stack.pop() as (typeof stack)[number];
    if (nodes.length < MIN_SPLIT_SIZE) {
      for (const v of nodes) out[v] = next;
      next++;
      continue;
    }
    nodes.forEach((v, i) => { localIndex[v] = i; });
    const sub: Array<[number, number, number]> = own.map(([a, b, w]) => [localIndex[a] ?? 0, localIndex[b] ?? 0, w]);
    const community = louvain(nodes.length, sub);
    const parts = new Map<number, { nodes: number[]; edges: Array<readonly [number, number, number]> }>();
    nodes.forEach((v, i) => {
      const c = community[i] ?? 0;
      let part = parts.get(c);
      if (part === undefined) parts.set(c, (part = { nodes: [], edges: [] }));
      part.nodes.push(v);
      partOf[v] = c;
    });
    if (parts.size <= 1) {
      for (const v of nodes) out[v] = next;
      next++;
      continue;
    }
    for (const edge of own) {
      const c = partOf[edge[0]] ?? 0;
      if (c === partOf[edge[1]]) parts.get(c)?.edges.push(edge);
    }
    // Reverse order on the stack keeps community numbering in order of first node.
    for (const part of [...parts.values()].reverse()) stack.push(part);
  }
  return out;
}

/**
 * The operators inside one connected group: `members` (sorted account indexes) and the links among
 * them. Returns the sub-groups, each sorted, ordered by smallest index; the group itself when it
 * does not split.
 */
export function splitGroup(members: readonly number[], edges: readonly GroupEdge[]): number[][] {
  const n = members.length;
  if (n < MIN_SPLIT_SIZE) return [[...members]];
  const local = new Map<number, number>();
  members.forEach((m, i) => local.set(m, i));
  const localEdges: Array<[number, number, number]> = [];
  for (const e of edges) {
    const a = local.get(e.a);
    const b = local.get(e.b);
    if (a === undefined || b === undefined || a === b) continue;
    localEdges.push([a, b, e.weight]);
  }
  const community = proposals(n, localEdges);
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, (community[i] ?? 0) + 1);
  if (k <= 1) return [[...members]];

  // Merge back: union-find over communities, joining pairs whose cut is not clearly sparse.
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[community[i] ?? 0] = (size[community[i] ?? 0] ?? 0) + 1;
  const inside = new Float64Array(k);
  const between = new Map<number, number>();
  for (const [a, b] of localEdges) {
    const ca = community[a] ?? 0;
    const cb = community[b] ?? 0;
    if (ca === cb) inside[ca] = (inside[ca] ?? 0) + 1;
    else {
      const key = Math.min(ca, cb) * k + Math.max(ca, cb);
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  const find = (x: number): number => {
    while ((parent[x] ?? x) !== x) x = parent[x] = parent[parent[x] ?? x] ?? x;
    return x;
  };
  const density = (c: number): number => {
    const s = size[c] ?? 0;
    return s <= 1 ? 1 : (inside[c] ?? 0) / ((s * (s - 1)) / 2);
  };
  // Strongest ties first, so merges happen in a fixed, meaningful order; densities are recomputed
  // for merged communities by folding their counts.
  const pairs = [...between].map(([key, links]) => ({ x: Math.floor(key / k), y: key % k, links }));
  let mergedSomething = true;
  while (mergedSomething) {
    mergedSomething = false;
    const cut = new Map<number, number>();
    for (const { x, y, links } of pairs) {
      const rx = find(x);
      const ry = find(y);
      if (rx === ry) continue;
      const key = Math.min(rx, ry) * k + Math.max(rx, ry);
      cut.set(key, (cut.get(key) ?? 0) + links);
    }
    let bestKey = -1;
    let bestRatio = 0;
    for (const [key, links] of cut) {
      const x = Math.floor(key / k);
      const y = key % k;
      const sx = size[x] ?? 0;
      const sy = size[y] ?? 0;
      const cross = links / (sx * sy);
      // A lone account always joins (alone it is no operator), the community it has most links to.
      const ratio = sx <= 1 || sy <= 1 ? LONE + links : cross / Math.min(density(x), density(y));
      if (ratio >= DENSITY_RATIO && (ratio > bestRatio || (ratio === bestRatio && key < bestKey))) {
        bestKey = key;
        bestRatio = ratio;
      }
    }
    if (bestKey < 0) break;
    const x = Math.floor(bestKey / k);
    const y = bestKey % k;
    const links = cut.get(bestKey) ?? 0;
    parent[y] = x;
    inside[x] = (inside[x] ?? 0) + (inside[y] ?? 0) + links;
    size[x] = (size[x] ?? 0) + (size[y] ?? 0);
    mergedSomething = true;
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(community[i] ?? 0);
    let list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, (list = []));
    list.push(members[i] ?? 0);
  }
  const groups = [...byRoot.values()];
  for (const g of groups) g.sort((x, y) => x - y);
  groups.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
  return groups;
}
