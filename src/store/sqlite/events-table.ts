/** The events table, shared by the store (reads, retention) and its writer thread (inserts). */
export const eventsSchema = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  ts_ms INTEGER,
  account_id TEXT,
  endpoint TEXT,
  status INTEGER,
  body TEXT
);
CREATE INDEX IF NOT EXISTS events_ts_ms ON events (ts_ms);
`;

/** Duplicate ids are skipped rather than failing the whole batch they arrived in. */
export const insertEventSql =
  'INSERT INTO events (id, ts_ms, account_id, endpoint, status, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING';
