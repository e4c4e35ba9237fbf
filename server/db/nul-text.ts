import type { Driver, SqlValue } from './driver.ts';

const NUL = /\u0000/g;

/**
 * `text` with U+0000 replaced by U+FFFD (the replacement character). Postgres refuses NUL in
 * text columns, SQLite keeps it: replacing it is how both engines store the same thing.
 */
export function replaceNul(text: string): string {
  return text.includes('\u0000') ? text.replace(NUL, '\uFFFD') : text;
}

/**
 * `driver` with U+0000 replaced in every text parameter: the backstop for input that reaches a
 * query without passing a schema (path parameters, cursors), so no text can fail one engine only.
 */
export function nulSafe(driver: Driver): Driver {
  const clean = (params: readonly SqlValue[] | undefined) =>
    params?.some((value) => typeof value === 'string' && value.includes('\u0000')) ? params.map((value) => (typeof value === 'string' ? replaceNul(value) : value)) : params;
  return {
    ...driver,
    all: (sql, params) => driver.all(sql, clean(params)),
    run: (sql, params) => driver.run(sql, clean(params)),
    transaction: (work) => driver.transaction((tx) => work(nulSafe(tx))),
    exclusive: (work) => driver.exclusive((db) => work(nulSafe(db))),
  };
}
