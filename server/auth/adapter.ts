import type { BetterAuthOptions } from 'better-auth';
import { createAdapterFactory, type AdapterFactory, type CleanedWhere } from 'better-auth/adapters';
import type { Driver, Row, SqlValue } from '../db/driver.ts';

/**
 * better-auth's tables (users, credentials, sessions, single-use links) on the collector's own
 * {@link Driver}: the same connection, the same busy-lock handling, the same U+0000 rule and the
 * same transactions as every other table, on SQLite and Postgres alike. A second connection to
 * the SQLite file would fight ours for the write lock; this way there is one.
 *
 * Columns are snake_case (`emailVerified` → `email_verified`), dates are epoch ms and booleans
 * 0/1, like the rest of the schema (migration 7). Table and column names come only from
 * better-auth's schema, never from input, and are checked against a plain-identifier pattern
 * before they reach SQL; values always travel as parameters.
 */
export function driverAdapter(db: Driver): AdapterFactory<BetterAuthOptions> {
  return (options) => createAdapterFactory({
    config: {
      adapterId: 'onepoint-driver',
      adapterName: 'onepoint driver',
      usePlural: false,
      supportsBooleans: false,
      supportsDates: true,
      supportsJSON: false,
      supportsArrays: false,
      supportsNumericIds: false,
      transaction: (work) => db.transaction((tx) => work(driverAdapter(tx)(options))),
      customTransformInput: ({ data, fieldAttributes }) => (fieldAttributes.type === 'date' && data instanceof Date ? data.getTime() : data),
      customTransformOutput: ({ data, fieldAttributes }) => (fieldAttributes.type === 'date' && (typeof data === 'number' || typeof data === 'string') && data !== '' ? new Date(Number(data)) : data),
    },
    adapter: () => {
      const all = (sql: string, params: SqlValue[]) => db.all(sql, params);
      return {
        async create({ model, data }) {
          const columns = Object.keys(data);
          await db.run(`INSERT INTO ${name(model)} (${columns.map(column).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((key) => value(data[key])));
          return data;
        },
        async findOne({ model, where }) {
          const [row] = await all(`SELECT * FROM ${name(model)}${clause(where).sql} LIMIT 1`, clause(where).params);
          return (row ? fromRow(row) : null) as never;
        },
        async findMany({ model, where, limit, sortBy, offset }) {
          const filter = clause(where);
          const order = sortBy ? ` ORDER BY ${column(sortBy.field)} ${sortBy.direction === 'desc' ? 'DESC' : 'ASC'}` : '';
          const rows = await all(`SELECT * FROM ${name(model)}${filter.sql}${order} LIMIT ? OFFSET ?`, [...filter.params, limit, offset ?? 0]);
          return rows.map(fromRow) as never;
        },
        async count({ model, where }) {
          const filter = clause(where);
          const [row] = await all(`SELECT COUNT(*) AS n FROM ${name(model)}${filter.sql}`, filter.params);
          return Number(row?.n ?? 0);
        },
        async update({ model, where, update }) {
          const changes = update as Record<string, unknown>;
          const filter = clause(where);
          const keys = Object.keys(changes);
          if (keys.length) await db.run(`UPDATE ${name(model)} SET ${keys.map((key) => `${column(key)} = ?`).join(', ')}${filter.sql}`, [...keys.map((key) => value(changes[key])), ...filter.params]);
          const [row] = await all(`SELECT * FROM ${name(model)}${clause(where, changes).sql} LIMIT 1`, clause(where, changes).params);
          return (row ? fromRow(row) : null) as never;
        },
        async updateMany({ model, where, update }) {
          const filter = clause(where);
          const keys = Object.keys(update);
          if (!keys.length) return 0;
          const result = await db.run(`UPDATE ${name(model)} SET ${keys.map((key) => `${column(key)} = ?`).join(', ')}${filter.sql}`, [...keys.map((key) => value(update[key])), ...filter.params]);
          return result.changes;
        },
        async delete({ model, where }) {
          const filter = clause(where);
          await db.run(`DELETE FROM ${name(model)}${filter.sql}`, filter.params);
        },
        async deleteMany({ model, where }) {
          const filter = clause(where);
          return (await db.run(`DELETE FROM ${name(model)}${filter.sql}`, filter.params)).changes;
        },
      };
    },
  })(options);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function name(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`not a plain SQL identifier: ${identifier}`);
  return identifier;
}

/** better-auth's camelCase field → our snake_case column. */
function column(field: string): string {
  return name(field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
}

/** Our snake_case row → better-auth's camelCase fields. */
function fromRow(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()), cell]));
}

function value(cell: unknown): SqlValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  return JSON.stringify(cell);
}

/**
 * `WHERE …` for better-auth's conditions. After an update that changed a field the condition
 * names, the row is found again by its new value (`changed`), as other adapters do.
 */
function clause(where: CleanedWhere[] | undefined, changed: Record<string, unknown> = {}): { sql: string; params: SqlValue[] } {
  if (!where?.length) return { sql: '', params: [] };
  const params: SqlValue[] = [];
  const parts = where.map((condition, index) => {
    const target = condition.field in changed ? changed[condition.field] : condition.value;
    const insensitive = condition.mode === 'insensitive';
    const field = insensitive ? `LOWER(${column(condition.field)})` : column(condition.field);
    const fold = (cell: unknown) => (insensitive && typeof cell === 'string' ? cell.toLowerCase() : cell);
    let sql: string;
    switch (condition.operator) {
      case 'in':
      case 'not_in': {
        const list = (Array.isArray(target) ? target : [target]).map((cell) => value(fold(cell)));
        if (!list.length) {
          sql = condition.operator === 'in' ? '1 = 0' : '1 = 1';
          break;
        }
        params.push(...list);
        sql = `${field} ${condition.operator === 'in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(', ')})`;
        break;
      }
      case 'contains':
      case 'starts_with':
      case 'ends_with': {
        const text = String(fold(target)).replace(/[\\%_]/g, (char) => `\\${char}`);
        params.push(condition.operator === 'starts_with' ? `${text}%` : condition.operator === 'ends_with' ? `%${text}` : `%${text}%`);
        sql = `${field} LIKE ? ESCAPE '\\'`;
        break;
      }
      default: {
        if (target === null) {
          sql = `${field} IS ${condition.operator === 'ne' ? 'NOT ' : ''}NULL`;
          break;
        }
        const operators = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
        const operator = operators[condition.operator as keyof typeof operators] ?? '=';
        params.push(value(fold(target)));
        sql = `${field} ${operator} ?`;
      }
    }
    return index === 0 ? sql : `${condition.connector === 'OR' ? 'OR' : 'AND'} ${sql}`;
  });
  return { sql: ` WHERE ${parts.join(' ')}`, params };
}
