import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

function openMemory() {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
  return sqlite;
}

describe('withStatementCache', () => {
  it('prepares a SQL text once and reuses the statement', () => {
    const database = withStatementCache(openMemory());
    const first = database.prepare('select n from t where n > ?');
    expect(database.prepare('select n from t where n > ?')).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(database.prepare('select n from t where n > ?').all([2])).toEqual([{ n: 3 }]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const database = withStatementCache(openMemory(), 2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(a); // now "select 2" is the least recently used
    database.prepare('select 3');
    expect(database.prepare('select 1')).toBe(a);
    expect(database.prepare('select 2')).not.toBe(b);
  });

  it('does not hand out a statement that is still being iterated', () => {
    const database = withStatementCache(openMemory());
    const streaming = database.prepare('select n from t');
    const rows = streaming.iterate([]);
    rows.next();
    const other = database.prepare('select n from t');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    rows.return?.();
  });
});
