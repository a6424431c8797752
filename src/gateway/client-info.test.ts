import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress, clientInfo, trustedProxyList } from './client-info.ts';
import { defaultConfig } from '../config/config.ts';

describe('clientAddress', () => {
  const trusted = trustedProxyList(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);

  it('is the socket peer when no proxy is trusted', () => {
    assert.equal(clientAddress('203.0.113.9', '1.2.3.4', trustedProxyList([]), false), '203.0.113.9');
  });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    assert.equal(clientAddress('203.0.113.9', '1.2.3.4', trusted, true), '203.0.113.9');
  });

  it('takes the right-most untrusted hop when the peer is a trusted proxy', () => {
    assert.equal(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.4, 10.9.9.9', trusted, true), '198.51.100.4');
  });

  it('understands IPv4-mapped IPv6 peers and IPv6 subnets', () => {
    assert.equal(clientAddress('::ffff:192.0.2.7', '198.51.100.4', trusted, true), '198.51.100.4');
    assert.equal(clientAddress('2001:db8::1', '2001:db8::2, 2a00::5', trusted, true), '2a00::5');
  });

  it('falls back to the peer when X-Forwarded-For holds garbage', () => {
    assert.equal(clientAddress('10.1.2.3', 'not-an-ip', trusted, true), '10.1.2.3');
  });

  it('rejects a malformed trusted proxy entry at start-up', () => {
    assert.throws(() => trustedProxyList(['10.0.0.0/40']), /bad prefix/);
    assert.throws(() => trustedProxyList(['proxy.local']), /not an address/);
  });
});

describe('clientInfo', () => {
  const config = { ...defaultConfig.client, edgeHeaders: { ja4: 'x-ja4', asn: 'x-asn', country: 'x-country' }, keepHeaders: ['x-app'] };

  it('maps edge headers into the event fields', () => {
    const info = clientInfo(
      { 'user-agent': 'curl/8', 'x-ja4': 't13d1516h2_8daaf6152771_b186095e22b6', 'x-asn': 'AS64500', 'x-country': 'de', 'x-app': 'billing' },
      '198.51.100.4',
      config,
    );
    assert.deepEqual(info, {
      ip: '198.51.100.4',
      user_agent: 'curl/8',
      ja4: 't13d1516h2_8daaf6152771_b186095e22b6',
      asn: 64500,
      country: 'DE',
      headers: { 'x-app': 'billing' },
    });
  });

  it('drops edge values that are not what they claim', () => {
    const info = clientInfo({ 'x-asn': 'lots', 'x-country': 'Germany' }, undefined, config);
    assert.deepEqual(info, {});
  });
});
