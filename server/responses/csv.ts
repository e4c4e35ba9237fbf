import type { ResponseRecord } from '../../sdk/index.ts';

/** Columns of the export, in order. */
export const CSV_COLUMNS = [
  ['id', (r: ResponseRecord) => r.id],
  ['received_at', (r) => r.receivedAt],
  ['created_at', (r) => r.createdAt],
  ['score', (r) => r.score],
  ['segment', (r) => r.segment],
  ['status', (r) => r.status],
  ['comment', (r) => r.comment],
  ['follow_up', (r) => r.followUp],
  ['drivers', (r) => r.drivers.join('; ')],
  ['contact_consent', (r) => (r.contactConsent ? 'yes' : 'no')],
  ['contact_email', (r) => r.contactEmail ?? r.user?.email ?? null],
  ['user_id', (r) => r.user?.id ?? null],
  ['url', (r) => r.url],
  ['locale', (r) => r.locale],
  ['test', (r) => (r.test ? 'yes' : 'no')],
  ['follow_up_status', (r) => r.followUpStatus],
  ['follow_up_owner', (r) => r.followUpOwner],
  ['follow_up_due_at', (r) => r.dueAt],
  // Last, after the v1 columns: an export read by position keeps reading what it did.
  ['follow_up_owner_id', (r) => r.followUpOwnerId],
] as const satisfies readonly (readonly [string, (record: ResponseRecord) => string | number | null])[];

// A cell a spreadsheet would run as a formula: its first non-blank character is = + - @ (or their
// full-width forms, which some spreadsheets fold to ASCII), or it starts with a tab or CR.
const FORMULA = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/u;

/**
 * One CSV cell. Text is always quoted (RFC 4180), and text that a spreadsheet would run as a
 * formula gets a leading `'`, which shows it as text. Numbers are written bare; null is empty.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const csvHeader = () => csvRow(CSV_COLUMNS.map(([name]) => name));
export const csvRecord = (record: ResponseRecord) => csvRow(CSV_COLUMNS.map(([, read]) => read(record)));
