import pg from 'pg';
import { toDialect, type Driver, type Row, type SqlValue } from './driver.ts';

// BIGINT (timestamps in ms, counts) as numbers: every value the store keeps fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

const MIGRATION_LOCK = 727_272;

/** Postgres through a node-postgres pool. */
export function postgresDriver(url: string, options: { max?: number } = {}): Driver {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', () => undefined); // an idle client's error; the next query reports it

  function over(client: pg.Pool | pg.PoolClient): Driver {
    return {
      dialect: 'postgres',
      async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
        const result = await client.query(toDialect(sql, 'postgres'), [...params]);
        return result.rows;
      },
      async run(sql, params = []) {
        const result = await client.query(toDialect(sql, 'postgres'), [...params]);
        return { changes: result.rowCount ?? 0 };
      },
      async transaction(work) {
        const connection = await pool.connect();
        try {
          await connection.query('BEGIN');
          const result = await work(over(connection));
          await connection.query('COMMIT');
          return result;
        } catch (error) {
          await connection.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          connection.release();
        }
      },
      async exclusive(work) {
        const connection = await pool.connect();
        try {
          await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
          return await work(over(pool));
        } finally {
          await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
          connection.release();
        }
      },
      close: () => pool.end(),
    };
  }
  return over(pool);
}
