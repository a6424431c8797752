import { BlockList, isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import type { ClientInfo } from '../core/traffic-event.ts';
import { ConfigInvalidError } from '../core/errors.ts';
import type { Config } from '../config/config.ts';

/** Decides which peers are trusted proxies; built once from `client.trustedProxies`. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new ConfigInvalidError('client.trustedProxies', `not an address or CIDR: ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
        throw new ConfigInvalidError('client.trustedProxies', `bad prefix length in ${entry}`);
      }
      list.addSubnet(address, bits, type);
    }
  }
  return list;
}

export function isTrusted(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const plain = unmapIPv4(address);
  const family = isIP(plain);
  if (family === 0) return false;
  return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy, in which case the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy. Left-most entries are
 * client-supplied and never believed on their own.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList, anyTrusted: boolean): string | undefined {
  const socketAddress = peer ? unmapIPv4(peer) : undefined;
  if (!anyTrusted || !forwardedFor || !isTrusted(trusted, socketAddress)) return socketAddress;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapIPv4(hops[i]!.trim());
    if (isIP(hop) === 0) return socketAddress;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return socketAddress;
}

function unmapIPv4(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** What the edge saw of the caller, for the event's `client` field. */
export function clientInfo(headers: IncomingHttpHeaders, ip: string | undefined, config: Config['client']): ClientInfo {
  const info: ClientInfo = {};
  if (ip) info.ip = ip;
  const ua = headers['user-agent'];
  if (ua) info.user_agent = ua;
  const { ja4, asn, country } = config.edgeHeaders;
  if (ja4) {
    const value = single(headers[ja4]);
    if (value) info.ja4 = value;
  }
  if (asn) {
    const value = Number(single(headers[asn])?.replace(/^AS/i, ''));
    if (Number.isInteger(value) && value > 0) info.asn = value;
  }
  if (country) {
    const value = single(headers[country]);
    if (value && /^[A-Za-z]{2}$/.test(value)) info.country = value.toUpperCase();
  }
  if (config.keepHeaders.length > 0) {
    const kept: Record<string, string> = {};
    let any = false;
    for (const name of config.keepHeaders) {
      const value = single(headers[name]);
      if (value !== undefined) {
        kept[name] = value;
        any = true;
      }
    }
    if (any) info.headers = kept;
  }
  return info;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
