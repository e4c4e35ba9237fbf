import type { Dialect } from './driver.ts';

// Full-text search, the same words on both engines: SQLite's FTS5 (`unicode61`, diacritics
// removed) and Postgres's text search (`simple` configuration over `unaccent`). Words, not
// substrings: a comment is found by its words or the start of them ("deliv" finds "delivery"),
// which is how people search feedback, and it keeps the index small (a trigram index is ~3×
// the text and cannot serve a query under 3 characters).

/**
 * Letters Postgres's `unaccent` folds and FTS5's `remove_diacritics` does not (it strips Latin
 * combining marks only): Greek tonos and dialytika, and Latin letters whose stroke or dot is
 * part of the letter. SQLite folds these itself, in the index trigger and in the query, so both
 * engines find the same rows.
 */
export const SQLITE_FOLDS: readonly (readonly [string, string])[] = [
  ['ά', 'α'], ['έ', 'ε'], ['ή', 'η'], ['ί', 'ι'], ['ό', 'ο'], ['ύ', 'υ'], ['ώ', 'ω'],
  ['ΐ', 'ι'], ['ΰ', 'υ'], ['ϊ', 'ι'], ['ϋ', 'υ'],
  ['Ά', 'Α'], ['Έ', 'Ε'], ['Ή', 'Η'], ['Ί', 'Ι'], ['Ό', 'Ο'], ['Ύ', 'Υ'], ['Ώ', 'Ω'], ['Ϊ', 'Ι'], ['Ϋ', 'Υ'],
  ['ı', 'i'], ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'], ['ø', 'o'], ['Ø', 'O'], ['ħ', 'h'], ['Ħ', 'H'],
  ['ß', 'ss'], ['ẞ', 'SS'], ['æ', 'ae'], ['Æ', 'AE'], ['œ', 'oe'], ['Œ', 'OE'],
];

/** A SQLite expression folding `expression` as {@link SQLITE_FOLDS} says (nested `replace`). */
export function sqliteFoldSql(expression: string): string {
  return SQLITE_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, expression);
}

const fold = (text: string) => SQLITE_FOLDS.reduce((out, [from, to]) => out.replaceAll(from, to), text.normalize('NFC'));

/**
 * The words of a search: runs of letters, digits and combining marks. Everything else (quotes,
 * `*`, `-`, parentheses, emoji) only separates words, so no input reaches the engines' query
 * syntax unquoted. No words at all: the search matches nothing.
 */
export function searchTerms(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * The engine's query for `terms`: every term must be a word or the start of one, in any order.
 * SQLite: an FTS5 `MATCH` string of quoted prefix terms. Postgres: a `to_tsquery` input of
 * quoted prefix lexemes (its SQL applies `unaccent` to it, as the index does to the text).
 */
export function searchQuery(dialect: Dialect, terms: string[]): string {
  if (dialect === 'sqlite') return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
  return terms.map((term) => `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ');
}

/**
 * SQLite numbers a response's search document received_at × this + its rank within that ms, so
 * that the FTS index can be read one window of time at a time (an FTS5 rowid range).
 */
export const DOCS_PER_MS = 65_536;
