import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRecords, ExternalSorter, type SortRecord } from './external-sort.ts';

function records(count: number): SortRecord[] {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, i) => {
    // Few distinct times, so ties are decided by id; ids with tabs, quotes and line breaks survive the spill format.
    const id = i % 11 === 0 ? `id\t"${i}"\n` : `id-${next() % 1000}-${i}`;
    return { ms: 1_700_000_000_000 + (next() % 20) * 1000, id, text: JSON.stringify({ id, n: i, note: 'ü ✓ \\u2028' }) };
  });
}

async function drain(sorter: ExternalSorter): Promise<SortRecord[]> {
  const out: SortRecord[] = [];
  for await (const record of sorter.sorted()) out.push(record);
  return out;
}

test('external sort: tiny chunks spill, merge in passes, come out sorted, and leave no temporary files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-sort-test-'));
  try {
    const input = records(1000);
    const sorter = new ExternalSorter({ chunkEvents: 9, maxFanIn: 3, tmpDir: dir });
    for (const record of input) await sorter.add(record);
    assert.ok(sorter.spillCount >= 100);
    assert.ok(sorter.spillDirectory !== undefined && existsSync(sorter.spillDirectory));
    const output = await drain(sorter);
    assert.deepEqual(output, [...input].sort(compareRecords));
    assert.deepEqual(readdirSync(dir), [], 'spill directory removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('external sort: a character budget spills too; input within one chunk stays in memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-sort-test-'));
  try {
    const bySize = new ExternalSorter({ chunkChars: 500, tmpDir: dir });
    for (const record of records(100)) await bySize.add(record);
    assert.ok(bySize.spillCount > 5);
    assert.equal((await drain(bySize)).length, 100);
    const small = new ExternalSorter({ tmpDir: dir });
    for (const record of records(100)) await small.add(record);
    assert.equal(small.spillCount, 0);
    assert.deepEqual(await drain(small), records(100).sort(compareRecords));
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('external sort: abandoning the sorted stream midway still removes the spills', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-sort-test-'));
  try {
    const sorter = new ExternalSorter({ chunkEvents: 10, tmpDir: dir });
    for (const record of records(100)) await sorter.add(record);
    for await (const record of sorter.sorted()) {
      assert.ok(record.ms > 0);
      break;
    }
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
