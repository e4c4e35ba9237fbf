/** What every template returns: a subject, a plain-text body and a simple HTML body. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe inside HTML, element content and quoted attributes alike: respondents write
 * what they like, and a comment must never become markup in a member's mail client.
 * @example escapeHtml('<b>&') // '&lt;b&gt;&amp;'
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped text with its line breaks kept as `<br>`. */
export function htmlLines(value: string): string {
  return escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>');
}

/** A subject on one line: a header cannot carry line breaks, whoever typed them. */
export function oneLine(value: string, max = 200): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ').trim();
  return Array.from(flat).length > max ? `${Array.from(flat).slice(0, max - 1).join('')}…` : flat;
}

/** A link in the HTML body; `href` is one of our own absolute URLs, escaped all the same. */
export function htmlLink(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

/**
 * The HTML document around a body: no styles beyond a few inline ones, no images, no scripts, so
 * every mail client shows it the same. `bodyHtml` is already escaped by the template.
 */
export function htmlDocument(title: string, bodyHtml: string, footerHtml: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>',
    escapeHtml(title),
    '</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.5; color: #222;">',
    bodyHtml,
    footerHtml ? `<hr style="border: none; border-top: 1px solid #ddd;"><p style="color: #666; font-size: 13px;">${footerHtml}</p>` : '',
    '</body></html>',
  ].join('');
}

/** A quoted respondent comment, in HTML. */
export function htmlQuote(value: string): string {
  return `<blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc;">${htmlLines(value)}</blockquote>`;
}

/** A quoted respondent comment, in plain text (each line behind `> `). */
export function textQuote(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}
