import { describe, expect, it } from 'vitest';
import { toDialect } from '../../server/db/driver.ts';

describe('toDialect', () => {
  it('leaves SQLite’s ? placeholders alone', () => {
    expect(toDialect('SELECT * FROM t WHERE a = ? AND b = ?', 'sqlite')).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
  });

  it('numbers the placeholders for Postgres, in order', () => {
    expect(toDialect('INSERT INTO t (a, b, c) VALUES (?, ?, ?)', 'postgres')).toBe('INSERT INTO t (a, b, c) VALUES ($1, $2, $3)');
  });

  it('never rewrites a ? inside a string literal', () => {
    expect(toDialect("SELECT '?' AS q, x FROM t WHERE y LIKE ? ESCAPE '\\\\' AND z = '?''?'", 'postgres')).toBe("SELECT '?' AS q, x FROM t WHERE y LIKE $1 ESCAPE '\\\\' AND z = '?''?'");
  });
});
