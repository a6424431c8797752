import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load.ts';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dg-config-')), 'distillguard.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('layers defaults, file, flags and environment', () => {
    const file = yamlFile('listen:\n  port: 9000\nrecording:\n  bodies: full\nupstreams:\n  openai:\n    url: http://file.example\n');
    const config = loadConfig({
      file,
      overrides: { listen: { port: 9100 }, upstreams: { anthropic: { url: 'http://flag.example' } } },
      env: { DISTILLGUARD_ADMIN_TOKEN: 'admin-token-1', OPENAI_API_KEY: 'sk-from-env' },
    });
    assert.equal(config.listen.port, 9100);
    assert.equal(config.listen.host, '127.0.0.1');
    assert.equal(config.recording.bodies, 'full');
    assert.equal(config.upstreams.openai.url, 'http://file.example');
    assert.equal(config.upstreams.anthropic.url, 'http://flag.example');
    assert.equal(config.admin.token, 'admin-token-1');
    assert.equal(config.upstreams.openai.apiKey, 'sk-from-env');
  });

  it('switches auth mode as a whole', () => {
    const config = loadConfig({ file: yamlFile('auth:\n  mode: header\n  header: X-Account-Id\n'), env: {} });
    assert.deepEqual(config.auth, { mode: 'header', header: 'x-account-id' });
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['an unknown setting', 'listen:\n  prot: 1\n', /listen\.prot: unknown setting/],
    ['a bad port', 'listen:\n  port: 70000\n', /listen\.port/],
    ['a non-http upstream', 'upstreams:\n  openai:\n    url: ftp://x\n', /http or https/],
    ['a bad bodies mode', 'recording:\n  bodies: everything\n', /recording\.bodies/],
    ['a credential header to keep', 'client:\n  keepHeaders: [Authorization]\n', /never kept/],
    ['broken YAML', 'listen: [\n', /not valid YAML/],
    ['a short admin token', 'admin:\n  token: abc\n', /admin\.token/],
  ];
  for (const [what, text, error] of refusals) {
    it(`refuses to boot on ${what}`, () => {
      assert.throws(() => loadConfig({ file: yamlFile(text), env: {} }), error);
    });
  }

  it('names a missing file', () => {
    assert.throws(() => loadConfig({ file: '/nonexistent/dg.yaml', env: {} }), /cannot read/);
  });
});
