import type { ResponseRecord } from '../../sdk/index.ts';
import { replyAddress } from './reply-starters.ts';

/** What publishing a change is about to do, counted from its linked responses. */
export interface PublishPreview {
  /** Distinct respondents with an address we may write to (identified email, or contact email with consent). */
  emailed: number;
  /** Distinct identified respondents: they see a notice in the widget on their next visit. */
  noticed: number;
  /** Linked follow-ups not resolved yet: publishing resolves them. */
  resolved: number;
  /** Linked responses that could not be read (erased, or the list was too long to read here). */
  unknown: number;
}

/** Counts a change's effects from the linked responses that could be read; `total` is how many are linked. */
export function previewPublish(records: readonly ResponseRecord[], total: number): PublishPreview {
  const addresses = new Set<string>();
  const people = new Set<string>();
  let resolved = 0;
  for (const record of records) {
    const address = replyAddress(record);
    if (address) addresses.add(address.toLowerCase());
    if (record.user) people.add(record.user.id);
    if (record.followUpStatus !== 'resolved') resolved += 1;
  }
  return { emailed: addresses.size, noticed: people.size, resolved, unknown: Math.max(0, total - records.length) };
}
