const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, made once: making one resolves locale data (a fraction of
 * a millisecond each), and a list of 25 rows asks for three dates a row.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * When something happened or is due, as people say it: "just now", "5 min ago", "3 h ago",
 * "yesterday"; ahead, "in 5 min", "in 3 h", "tomorrow", "in 6 days"; further either way the date
 * ("22 Nov", with the year when it is not this year's).
 * @example formatWhen('2026-11-22T10:00:00Z', Date.parse('2026-11-22T10:05:00Z')) // '5 min ago'
 * @example formatWhen('2026-11-29T10:00:00Z', Date.parse('2026-11-22T10:05:00Z')) // 'in 6 days'
 */
export function formatWhen(iso: string, now: number, locale = 'en-GB'): string {
  const at = Date.parse(iso);
  const ago = now - at;
  if (Math.abs(ago) < MINUTE) return 'just now';
  if (ago > 0) {
    if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
    if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
    if (ago < 2 * DAY) return 'yesterday';
  } else {
    const ahead = -ago;
    if (ahead < HOUR) return `in ${Math.floor(ahead / MINUTE)} min`;
    if (ahead < DAY) return `in ${Math.floor(ahead / HOUR)} h`;
    if (ahead < 2 * DAY) return 'tomorrow';
    if (ahead < 8 * DAY) return `in ${Math.floor(ahead / DAY)} days`;
  }
  const sameYear = new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear();
  return dateFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(at);
}

/** The full date and time, for a `<time>`'s title. */
export function formatFull(iso: string, locale = 'en-GB'): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(Date.parse(iso)) + ' UTC';
}

const counts = new Intl.NumberFormat('en-GB');

/** A count with its thousands grouped: 994,997. */
export const formatCount = (count: number): string => counts.format(count);
