import * as z from 'zod/mini';

// Formats only the wire payloads use (responses, identity, eligibility answers). Their own module,
// apart from the configuration's text.ts, so that the survey's first view does not carry them.

// What `z.email()` accepts (dot-separated local part, domain with a 2+ letter TLD), as a plain
// regex check kept here: `z.email()` would bring a second kind of string schema into the browser.
const EMAIL = /^([\w'+-]+\.)*[\w'+-]*[\w+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address. */
export function email() {
  return z.string().check(z.regex(EMAIL, { message: 'must be an email address' }));
}

/** An ISO 8601 date-time with offset, e.g. `2026-01-31T12:00:00.000Z`. */
export function isoDateTime() {
  return z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: 'must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z',
    }),
    z.refine(isRealDate, { message: 'is not a real date' }),
  );
}

/** Month 1–12, day within that month (JavaScript's parser rolls 2026-02-30 over to March), hour < 24. */
function isRealDate(value: string): boolean {
  const [year = 0, month = 0, day = 0, hour = 0] = value.split(/[-T:]/, 4).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day === new Date(Date.UTC(year, month - 1, day)).getUTCDate() && hour < 24 && !Number.isNaN(Date.parse(value));
}
