import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { hashKey } from '../store/key-hash.ts';
import { SqliteKeyStore } from '../store/sqlite/key-store.ts';
import { addKeyCommand, listKeysCommand, registerKeys, revokeKeyCommand, type CommandOutput } from './keys.ts';

function capture(): CommandOutput & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}

async function withDataDir(body: (dataDir: string) => Promise<void> | void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-cli-keys-'));
  try {
    await body(join(dir, 'data'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('distillguard keys', () => {
  it('add prints the secret once on stdout and a note on stderr; the store holds its hash', () =>
    withDataDir((dataDir) => {
      const io = capture();
      assert.equal(addKeyCommand({ account: 'acme', dataDir }, io), 0);
      const secret = io.out().trim();
      assert.match(secret, /^dg_[A-Za-z0-9_-]{43}$/);
      assert.match(io.err(), /^created key_[0-9a-f]{12} for account acme; the secret above will not be shown again\n$/);
      const store = new SqliteKeyStore({ dataDir });
      assert.equal(store.active().get(hashKey(secret))?.account, 'acme');
      store.close();
    }));

  it('list shows ids and accounts as text or JSON, never secrets; revoke marks the key', () =>
    withDataDir((dataDir) => {
      const added = capture();
      addKeyCommand({ account: 'acme', dataDir }, added);
      const secret = added.out().trim();
      const id = /key_[0-9a-f]{12}/.exec(added.err())?.[0] ?? '';

      const text = capture();
      assert.equal(listKeysCommand({ dataDir, format: 'text' }, text), 0);
      assert.match(text.out(), new RegExp(`^${id}\\tacme\\tcreated \\S+\\tactive\\n$`));

      assert.equal(revokeKeyCommand(id, { dataDir }, capture()), 0);
      const json = capture();
      assert.equal(listKeysCommand({ dataDir, format: 'json' }, json), 0);
      const listed = JSON.parse(json.out()) as Array<Record<string, unknown>>;
      assert.equal(listed.length, 1);
      assert.equal(listed[0]?.id, id);
      assert.equal(typeof listed[0]?.revokedAt, 'string');
      assert.ok(!json.out().includes(secret.slice(3)) && !text.out().includes(secret.slice(3)));
    }));

  it('reports usage problems and unknown ids with exit codes, without creating a data directory', () =>
    withDataDir((dataDir) => {
      const io = capture();
      assert.equal(listKeysCommand({ dataDir, format: 'yaml' }, io), 2);
      assert.equal(revokeKeyCommand('key_000000000000', { dataDir }, io), 1);
      assert.match(io.err(), /no active key key_000000000000/);
      assert.equal(listKeysCommand({ dataDir, format: 'json' }, io), 0);
      assert.equal(io.out(), '[]\n');
      assert.equal(addKeyCommand({ account: '  ', dataDir }, io), 2);
      assert.equal(existsSync(dataDir), false);
    }));

  it('is wired into commander with help text and an example', async () =>
    withDataDir(async (dataDir) => {
      const io = capture();
      const program = new Command('distillguard').exitOverride();
      registerKeys(program, io);
      await program.parseAsync(['keys', 'add', '--account', 'acme', '--data-dir', dataDir], { from: 'user' });
      assert.match(io.out(), /^dg_/);
      const keys = program.commands.find((command) => command.name() === 'keys');
      const add = keys?.commands.find((command) => command.name() === 'add');
      let help = '';
      add?.configureOutput({ writeOut: (text) => (help += text) });
      add?.outputHelp();
      assert.match(help, /Create a key for an account/);
      assert.match(help, /Example:\n\s+distillguard keys add --account acme/);
      process.exitCode = undefined;
    }));
});
