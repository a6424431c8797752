/**
 * Networks the simulated traffic comes from: autonomous systems by kind (residential ISPs, clouds and
 * hosting, business carriers, universities) with plausible address prefixes. Addresses are derived by
 * hashing, so the same (network, index) is always the same address.
 */
import { hashString, type Rng } from './random.ts';

export type NetworkKind = 'residential' | 'hosting' | 'business' | 'university';

export interface Network {
  asn: number;
  country: string;
  kind: NetworkKind;
  /** First octets of its IPv4 space. */
  v4: number[];
  /** First two hextets of its IPv6 space, when it hands out IPv6. */
  v6?: string;
}

export const NETWORKS: readonly Network[] = [
  { asn: 7922, country: 'US', kind: 'residential', v4: [73, 98, 24], v6: '2601:1c0' },
  { asn: 701, country: 'US', kind: 'residential', v4: [71, 108] },
  { asn: 7018, country: 'US', kind: 'residential', v4: [99, 107], v6: '2600:1700' },
  { asn: 812, country: 'CA', kind: 'residential', v4: [174, 72] },
  { asn: 3320, country: 'DE', kind: 'residential', v4: [79, 91, 87], v6: '2003:e4' },
  { asn: 2856, country: 'GB', kind: 'residential', v4: [86, 81], v6: '2a00:23c8' },
  { asn: 5089, country: 'GB', kind: 'residential', v4: [82] },
  { asn: 3215, country: 'FR', kind: 'residential', v4: [90, 92], v6: '2a01:cb00' },
  { asn: 12322, country: 'FR', kind: 'residential', v4: [78], v6: '2a01:e0a' },
  { asn: 3352, country: 'ES', kind: 'residential', v4: [83, 88] },
  { asn: 1136, country: 'NL', kind: 'residential', v4: [77, 145] },
  { asn: 4713, country: 'JP', kind: 'residential', v4: [153, 114], v6: '240b:10' },
  { asn: 4766, country: 'KR', kind: 'residential', v4: [175, 121] },
  { asn: 9498, country: 'IN', kind: 'residential', v4: [122, 106], v6: '2401:4900' },
  { asn: 7545, country: 'AU', kind: 'residential', v4: [101, 124] },
  { asn: 28573, country: 'BR', kind: 'residential', v4: [177, 179] },
  { asn: 16509, country: 'US', kind: 'hosting', v4: [3, 18, 54, 52] },
  { asn: 396982, country: 'US', kind: 'hosting', v4: [34, 35] },
  { asn: 8075, country: 'US', kind: 'hosting', v4: [20, 40] },
  { asn: 14061, country: 'US', kind: 'hosting', v4: [134, 159, 167] },
  { asn: 24940, country: 'DE', kind: 'hosting', v4: [65, 95, 135] },
  { asn: 16276, country: 'FR', kind: 'hosting', v4: [51, 141] },
  { asn: 20473, country: 'US', kind: 'hosting', v4: [45, 149] },
  { asn: 63949, country: 'US', kind: 'hosting', v4: [139] },
  { asn: 9009, country: 'GB', kind: 'hosting', v4: [185, 89] },
  { asn: 62240, country: 'GB', kind: 'hosting', v4: [193] },
  { asn: 212238, country: 'NL', kind: 'hosting', v4: [143, 156] },
  { asn: 51167, country: 'DE', kind: 'hosting', v4: [161, 173] },
  { asn: 3356, country: 'US', kind: 'business', v4: [4, 8] },
  { asn: 174, country: 'US', kind: 'business', v4: [38, 154] },
  { asn: 6939, country: 'US', kind: 'business', v4: [64, 216] },
  { asn: 1299, country: 'SE', kind: 'business', v4: [62] },
  { asn: 6830, country: 'DE', kind: 'business', v4: [84, 62] },
  { asn: 11537, country: 'US', kind: 'university', v4: [128, 129] },
  { asn: 786, country: 'GB', kind: 'university', v4: [131, 138] },
  { asn: 680, country: 'DE', kind: 'university', v4: [141, 134] },
  { asn: 1103, country: 'NL', kind: 'university', v4: [145] },
  { asn: 7575, country: 'AU', kind: 'university', v4: [130] },
];

/** Providers the campaigns rent from: cheap hosting plus the clouds. */
export const PROXY_HOSTING: readonly Network[] = NETWORKS.filter((n) => n.kind === 'hosting');

export function networksOf(kind: NetworkKind): Network[] {
  return NETWORKS.filter((network) => network.kind === kind);
}

/** UTC offset (hours) typical of each country's population centre. */
export const UTC_OFFSET: Readonly<Record<string, number>> = {
  US: -6, CA: -5, DE: 1, GB: 0, FR: 1, ES: 1, NL: 1, JP: 9, KR: 9, IN: 5.5, AU: 10, BR: -3, SE: 1,
};

/** A /24 network inside `network`, identified by `index`. */
export function subnet24(network: Network, index: number): string {
  const h = hashString(`${network.asn}/${index}`);
  const first = network.v4[h % network.v4.length] ?? 100;
  return `${first}.${(h >>> 8) & 0xff}.${(h >>> 16) & 0xff}`;
}

/** A host address inside a /24 (never .0, .1 or .255). */
export function hostIn(subnet: string, host: number): string {
  return `${subnet}.${2 + (Math.abs(host) % 252)}`;
}

/** An IPv6 address in `network` for household `index` (a /64 per household). */
export function v6In(network: Network, index: number, rng: Rng): string {
  const h = hashString(`${network.asn}:v6:${index}`);
  const hex = (n: number) => (n & 0xffff).toString(16);
  return `${network.v6 ?? '2a02:8108'}:${hex(h)}:${hex(h >>> 16)}:${rng.hex(4).replace(/^0+/, '') || '1'}:${rng.hex(4).replace(/^0+/, '') || '1'}:${rng.hex(3)}:${rng.hex(4).replace(/^0+/, '') || '1'}`;
}

/** A household/office address: one /24 drawn by index, one host in it. */
export function addressIn(network: Network, index: number): string {
  return hostIn(subnet24(network, index >>> 6), hashString(`host${index}`, network.asn));
}
