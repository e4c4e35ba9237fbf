// The team app's pages that mail links to, absolute to PUBLIC_URL: a link in a mail is opened
// far from the collector, so a relative one goes nowhere.

/** `PUBLIC_URL` without its trailing slashes, so paths join with exactly one. */
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** The response in the team app. @example responseLink('https://nps.example', 'r1') // 'https://nps.example/responses/r1' */
export const responseLink = (publicUrl: string, id: string) => `${base(publicUrl)}/responses/${encodeURIComponent(id)}`;

/** The inbox, filtered by a query (`overdue=true`). */
export const inboxLink = (publicUrl: string, query = '') => `${base(publicUrl)}/responses${query ? `?${query}` : ''}`;

/** Where a member chooses which mail they get. */
export const preferencesLink = (publicUrl: string) => `${base(publicUrl)}/settings/notifications`;
