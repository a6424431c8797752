import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../store/sqlite/database.ts';
import { SqliteKeyStore } from '../store/sqlite/key-store.ts';
import { dataDirOption } from './data-dir-option.ts';

/** Where a command prints: the process's streams, or a test's buffers. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const processOutput: CommandOutput = { stdout: process.stdout, stderr: process.stderr };

export interface KeysAddFlags {
  account: string;
  dataDir: string;
}

export interface KeysListFlags {
  dataDir: string;
  format: string;
}

export interface KeysRevokeFlags {
  dataDir: string;
}

/** Prints the new secret, once, on stdout (so it can be piped into a secret store); exit code. */
export function addKeyCommand(flags: KeysAddFlags, output: CommandOutput): number {
  if (flags.account.trim() === '') {
    output.stderr.write('distillguard: keys add: --account must not be empty\n');
    return 2;
  }
  const store = new SqliteKeyStore({ dataDir: flags.dataDir });
  try {
    const key = store.addKey(flags.account);
    output.stdout.write(`${key.secret}\n`);
    output.stderr.write(`created ${key.id} for account ${flags.account}; the secret above will not be shown again\n`);
    return 0;
  } finally {
    store.close();
  }
}

export function listKeysCommand(flags: KeysListFlags, output: CommandOutput): number {
  if (flags.format !== 'text' && flags.format !== 'json') {
    output.stderr.write(`distillguard: keys list: --format must be text or json, got ${JSON.stringify(flags.format)}\n`);
    return 2;
  }
  // Listing must not create an empty data directory as a side effect.
  const keys = existsSync(databasePath(flags.dataDir)) ? withStore(flags.dataDir, (store) => store.list()) : [];
  if (flags.format === 'json') {
    output.stdout.write(`${JSON.stringify(keys)}\n`);
    return 0;
  }
  if (keys.length === 0) output.stderr.write(`no keys in ${flags.dataDir}\n`);
  for (const key of keys) {
    const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`;
    output.stdout.write(`${key.id}\t${key.account}\tcreated ${key.createdAt}\t${state}\n`);
  }
  return 0;
}

export function revokeKeyCommand(id: string, flags: KeysRevokeFlags, output: CommandOutput): number {
  const revoked = existsSync(databasePath(flags.dataDir)) && withStore(flags.dataDir, (store) => store.revoke(id));
  if (!revoked) {
    output.stderr.write(`distillguard: keys revoke: no active key ${id} in ${flags.dataDir}\n`);
    return 1;
  }
  output.stderr.write(`revoked ${id}\n`);
  return 0;
}

function withStore<T>(dataDir: string, use: (store: SqliteKeyStore) => T): T {
  const store = new SqliteKeyStore({ dataDir });
  try {
    return use(store);
  } finally {
    store.close();
  }
}

export function registerKeys(program: Command, output: CommandOutput = processOutput): void {
  const keys = program
    .command('keys')
    .description("Manage DistillGuard's own API keys (stored hashed in the data directory).")
    .addHelpText('after', '\nExample:\n  distillguard keys add --account acme --data-dir ./distillguard-data\n');

  keys
    .command('add')
    .description('Create a key for an account and print its secret once.')
    .requiredOption('--account <account>', 'the account the key bills to')
    .addOption(dataDirOption())
    .addHelpText('after', '\nExample:\n  distillguard keys add --account acme > acme.key\n')
    .action((flags: KeysAddFlags) => {
      process.exitCode = addKeyCommand(flags, output);
    });

  keys
    .command('list')
    .description('List keys (ids, accounts, dates; never secrets).')
    .addOption(dataDirOption())
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExample:\n  distillguard keys list --format json\n')
    .action((flags: KeysListFlags) => {
      process.exitCode = listKeysCommand(flags, output);
    });

  keys
    .command('revoke')
    .description('Revoke a key by its id; a running gateway stops accepting it shortly after.')
    .argument('<id>', 'the key id, as shown by keys list (key_...)')
    .addOption(dataDirOption())
    .addHelpText('after', '\nExample:\n  distillguard keys revoke key_0123456789ab\n')
    .action((id: string, flags: KeysRevokeFlags) => {
      process.exitCode = revokeKeyCommand(id, flags, output);
    });
}
