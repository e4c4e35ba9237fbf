import type { ResponseRecord, Segment } from '../../sdk/index.ts';

/** A reply's opening subject and body. */
export interface Starter {
  subject: string;
  body: string;
}

/**
 * Where a reply goes: the respondent's identified email, else the contact email they gave with
 * consent (the collector's rule); `undefined` when they cannot be written to.
 */
export function replyAddress(record: ResponseRecord): string | undefined {
  return record.user?.email ?? (record.contactConsent ? (record.contactEmail ?? undefined) : undefined);
}

/**
 * The text a reply starts from, by segment: an apology to a detractor, thanks and "what would make
 * it a 9?" to a passive, thanks to a promoter. Only a promoter's may ask them to pass the word on
 * (SPEC §11's advocacy rule: never ask an unhappy or lukewarm customer for a review or referral).
 */
export function starterFor(segment: Segment, name: string | null | undefined): Starter {
  const hello = name ? `Hi ${name},` : 'Hi,';
  if (segment === 'detractor')
    return {
      subject: 'Sorry we let you down',
      body: `${hello}\n\nThank you for telling us how we did, and I am sorry it was not better. I would like to understand what went wrong and put it right.\n\nCould you tell me a little more? Just reply to this email: it comes straight to me.\n\nThanks,`,
    };
  if (segment === 'passive')
    return {
      subject: 'Thanks for your feedback',
      body: `${hello}\n\nThank you for taking the time to answer. What one thing would have made it a 9 or a 10 for you?\n\nJust reply to this email: it comes straight to me.\n\nThanks,`,
    };
  return {
    subject: 'Thank you!',
    body: `${hello}\n\nThank you for the kind score, it made our day. If there is anything we could do even better, just reply to this email.\n\nAnd if you know someone who might like us too, we would be glad if you passed the word on.\n\nThanks,`,
  };
}
