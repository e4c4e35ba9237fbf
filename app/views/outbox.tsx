import { useEffect } from 'preact/hooks';
import { MAIL_STATES, type MailState, type OutboxMail } from '../../sdk/index.ts';
import { createOutbox, type Outbox } from '../models/outbox.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText, MAIL_KIND_WORDS, MAIL_STATE_WORDS } from './words.ts';

const KEPT = 'not sent: no SMTP server configured';

/** (admin) The team's mail, newest first: what it is, to whom, where it is and why. */
export function OutboxScreen() {
  const { client } = useApp();
  const outbox = useModel(() => createOutbox({ client }));
  useEffect(() => void outbox.load(), [outbox]);
  const items = useValue(outbox.items);
  const loaded = useValue(outbox.loaded);
  const state = useValue(outbox.state);
  const failure = useValue(outbox.failure);
  return (
    <>
      <ScreenHeading title="Outbox" />
      <p class="lede">Every mail onepoint sends for this team: alerts, digests, reminders and replies. Without an SMTP server configured, mail is kept here instead of being sent, never lost.</p>
      <div class="toolbar">
        <label for="outbox-state">Show</label>
        <select id="outbox-state" value={state ?? ''} onChange={(event) => void outbox.filter(readState(event.currentTarget.value))}>
          <option value="">All mail</option>
          {MAIL_STATES.map((option) => (
            <option key={option} value={option}>
              {MAIL_STATE_WORDS[option]}
            </option>
          ))}
        </select>
      </div>
      {failure && (
        <ErrorNote>
          {failureText(failure, 'load the outbox')}{' '}
          <button type="button" class="link" onClick={() => void outbox.load()}>
            Try again
          </button>
        </ErrorNote>
      )}
      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title" class="visually-hidden">
          Mail
        </h2>
        {loaded && items.length === 0 && <p class="empty">{state ? `No ${MAIL_STATE_WORDS[state]?.toLowerCase()} mail.` : 'No mail yet.'}</p>}
        <ul class="rows">
          {items.map((mail) => (
            <MailRow key={mail.id} mail={mail} outbox={outbox} />
          ))}
        </ul>
      </section>
    </>
  );
}

function readState(value: string): MailState | undefined {
  return MAIL_STATES.find((option) => option === value);
}

function MailRow({ mail, outbox }: { mail: OutboxMail; outbox: Outbox }) {
  const open = useValue(outbox.open) === mail.id;
  const tone = mail.state === 'sent' ? 'badge-ok' : mail.state === 'failed' ? 'badge-error' : mail.state === 'kept' ? 'badge-warn' : '';
  const why = mail.state === 'kept' ? (mail.error ?? KEPT) : mail.error;
  return (
    <li class="row mail" data-state={mail.state}>
      <div class="row-main">
        <p class="row-title">
          {mail.subject} <span class={`badge ${tone}`}>{MAIL_STATE_WORDS[mail.state]}</span>
        </p>
        <p class="muted">
          {MAIL_KIND_WORDS[mail.kind] ?? mail.kind} · to {mail.to} · <When at={mail.createdAt} />
          {mail.sentAt && (
            <>
              {' '}
              · sent <When at={mail.sentAt} />
            </>
          )}
        </p>
        {why && <p class={mail.state === 'failed' ? 'why why-error' : 'why'}>{why.charAt(0).toUpperCase() + why.slice(1)}</p>}
        {open && <pre class="excerpt mail-text">{mail.text}</pre>}
      </div>
      <div class="row-actions">
        <button type="button" aria-expanded={open} onClick={() => outbox.toggle(mail.id)} aria-label={`${open ? 'Hide' : 'Read'} “${mail.subject}” to ${mail.to}`}>
          {open ? 'Hide' : 'Read'}
        </button>
      </div>
    </li>
  );
}
