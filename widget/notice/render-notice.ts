import type { SurveyConfig } from '../../sdk/schemas/config.ts';
import { isRtl, pickLocale } from '../i18n/index.ts';
import { adoptMoreStyles, adoptStyles } from '../mount/stylesheets.ts';
import css from './notice.css?inline';
import { noticeWords } from './notice-words.ts';

/** A notice on screen. */
export interface NoticeCard {
  /** Removes it (the close button and Esc call this too). */
  close(): void;
}

let cards = 0;

/**
 * Shows a published change as a small non-modal card ("You told us … — here is what we changed"),
 * in a shadow root of its own with the survey's styles (constructed stylesheets: nothing for a
 * strict CSP to refuse; text only, so Trusted Types have nothing to check). Focus is never moved
 * into it; Esc closes it while focus is inside it or nowhere in particular.
 */
export function renderNotice(doc: Document, config: SurveyConfig, notice: { title: string; body: string }, onClosed: () => void): NoticeCard {
  const win = doc.defaultView ?? window;
  const host = doc.createElement('onepoint-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, config.accent);
  adoptMoreStyles(shadow, css);
  const locale = pickLocale([config.locale, doc.documentElement.lang, ...(win.navigator.languages ?? [])]);
  const words = noticeWords(locale);
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const made = doc.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };

  const root = element('div', 'root');
  root.dataset.theme = config.theme;
  // A notice is never modal: a centred survey's notice sits where a corner card would.
  root.dataset.position = config.position === 'center' ? 'bottom-right' : config.position;
  root.dir = isRtl(locale) ? 'rtl' : 'ltr';
  root.lang = locale;
  const headingId = `onepoint-notice-${++cards}`;
  const card = element('section', 'card');
  card.setAttribute('aria-labelledby', headingId);
  const heading = element('h2', '', notice.title);
  heading.id = headingId;
  const close = element('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', words.close);
  card.append(element('p', 'intro', words.intro), heading, element('p', 'body', notice.body), close);
  root.append(card);
  shadow.append(root);

  let closed = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const active = doc.activeElement;
    if (active === host || active === null || active === doc.body) shut();
  };
  function shut() {
    if (closed) return;
    closed = true;
    doc.removeEventListener('keydown', onKey);
    host.remove();
    onClosed();
  }
  close.addEventListener('click', shut);
  doc.addEventListener('keydown', onKey);
  doc.body.append(host);
  return { close: shut };
}
