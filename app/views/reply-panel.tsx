import { useId } from 'preact/hooks';
import type { ResponseRecord } from '../../sdk/index.ts';
import { createReply } from '../models/reply.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/**
 * Reply to the respondent by email (member+), from a starter text for their segment; the reply
 * comes back to the member (Reply-To). Self-contained: the response view mounts it with the record.
 */
export function ReplyPanel(props: { responseId: string; record: ResponseRecord }) {
  const { client } = useApp();
  const id = useId();
  const reply = useModel(() => createReply({ client, responseId: props.responseId, record: props.record }), [props.responseId]);
  const to = useValue(reply.to);
  const body = useValue(reply.body);
  const sent = useValue(reply.sent);
  const busy = useValue(reply.busy);
  const failure = useValue(reply.failure);
  const noAddress = failure?.kind === 'http' && failure.code === 'no_address';
  return (
    <section class="panel reply-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reply by email</h2>
      {!to ? (
        <p class="hint">
          There is no address to write to: this person is not identified by email and gave no contact email with consent to be contacted. Follow up another way, or note what you did.
        </p>
      ) : sent ? (
        <>
          <StatusNote>
            Reply {sent.state === 'kept' ? 'kept in the outbox (no SMTP server is configured)' : 'queued'} to {sent.to}. Their answer comes to your inbox.
          </StatusNote>
          <button type="button" onClick={reply.reset}>
            Write another
          </button>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void reply.send();
          }}
        >
          <p class="hint">To {to}. Replies come back to you.</p>
          <Field label="Subject" value={reply.subject} required maxLength={200} />
          <div class="field">
            <label for={`${id}-body`}>Message</label>
            <textarea id={`${id}-body`} rows={8} required maxLength={10000} value={body} onInput={(event) => (reply.body.value = event.currentTarget.value)} />
          </div>
          {failure && !noAddress && <ErrorNote>{failureText(failure, 'send the reply')}</ErrorNote>}
          <button class="primary" type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send reply'}
          </button>
        </form>
      )}
    </section>
  );
}
