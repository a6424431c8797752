import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Every embedded table (events, api keys) lives in this one file inside the data directory. */
export const databaseFileName = 'distillguard.sqlite';

export type SqliteDatabase = Database.Database;

export function databasePath(dataDir: string): string {
  return join(dataDir, databaseFileName);
}

/**
 * Opens (creating the directory and file when missing) the data directory's database, set up for
 * one writer and concurrent readers in other processes: WAL, and synchronous=NORMAL, which in WAL
 * mode survives a process crash and only risks the last commits on power loss.
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(databasePath(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A CLI in another process may hold the write lock for a moment; wait briefly instead of failing.
  db.pragma('busy_timeout = 2000');
  return db;
}
