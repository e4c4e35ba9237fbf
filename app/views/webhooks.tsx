import { useEffect, useState } from 'preact/hooks';
import type { Webhook } from '../../sdk/index.ts';
import { createWebhookForm } from '../models/webhooks-form.ts';
import { createWebhooks, type Webhooks } from '../models/webhooks.ts';
import { useApp } from './context.ts';
import { CopyField } from './copy-field.tsx';
import { useFocusOnShow } from './focus-on-show.ts';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { WebhookFormView } from './webhooks-form.tsx';
import { WebhookLogView } from './webhooks-log.tsx';
import { DELIVERY_STATE_WORDS, failureText, WEBHOOK_EVENT_WORDS } from './words.ts';

/** (admin) Webhooks: create one (its secret shown once), the list with each one's last delivery, and each one's log. */
export function WebhooksScreen() {
  const { client } = useApp();
  const list = useModel(() => createWebhooks({ client }));
  const form = useModel(() => createWebhookForm({ client, onCreated: list.created }), [list]);
  useEffect(() => void list.load(), [list]);
  const items = useValue(list.items);
  const loaded = useValue(list.loaded);
  const secret = useValue(list.secret);
  const failure = useValue(list.failure);
  const loadFailure = useValue(list.loadFailure);
  return (
    <>
      <ScreenHeading title="Webhooks" />
      <p class="lede">Webhooks tell your other tools (Slack, a CRM, your own code) the moment something happens. Each message is signed with the webhook’s secret and retried for about a day.</p>
      <section class="panel" aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">New webhook</h2>
        <WebhookFormView form={form} />
        {secret && (
          <div class="handover secret" role="region" aria-label="Webhook signing secret">
            <p class="warning">
              <strong>Copy this secret now.</strong> It will not be shown again.
              {secret.rotated && ' The old secret keeps signing beside it for 24 hours, so switch your receiver over within a day.'}
            </p>
            <CopyField label={`Signing secret of ${secret.url}`} value={secret.secret} />
            <button type="button" onClick={list.dismissSecret}>
              I have copied it
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">Webhooks</h2>
        {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the webhooks')}</ErrorNote>}
        {failure && <ErrorNote>{failureText(failure, 'change the webhook')}</ErrorNote>}
        {loaded && items.length === 0 && <p class="empty">No webhooks yet.</p>}
        <ul class="rows">
          {items.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} list={list} />
          ))}
        </ul>
      </section>
    </>
  );
}

function WebhookRow({ webhook, list }: { webhook: Webhook; list: Webhooks }) {
  const [open, setOpen] = useState(false);
  const confirming = useValue(list.confirmingDelete) === webhook.id;
  const cancel = useFocusOnShow<HTMLButtonElement>(confirming);
  const last = useValue(list.last).get(webhook.id);
  const busy = useValue(list.busy);
  const enabled = webhook.disabledAt === null;
  const logId = `log-${webhook.id}`;
  return (
    <li class={enabled ? 'row webhook' : 'row webhook revoked'} data-id={webhook.id}>
      <div class="row-main">
        <p class="row-title url">
          {webhook.url}
          <span class="badge">{webhook.format === 'slack' ? 'Slack' : 'JSON'}</span>
          {webhook.advocacy && <span class="badge">Promoters only</span>}
          {!enabled && <span class="badge badge-warn">Off</span>}
        </p>
        <p class="muted">
          {webhook.events.map((event) => WEBHOOK_EVENT_WORDS[event]?.label ?? event).join(', ')} · {webhook.segments ? webhook.segments.join(', ') : 'every segment'}
        </p>
        <p class="muted">
          Last delivery: {last === undefined ? '…' : last === null ? 'none yet' : <span data-last-state={last.state}>{DELIVERY_STATE_WORDS[last.state]}</span>}
          {!enabled && webhook.disabledReason && ` · Turned off: ${webhook.disabledReason}`}
        </p>
      </div>
      {confirming ? (
        <div class="row-actions confirm" role="group" aria-label={`Delete the webhook to ${webhook.url}?`}>
          <span>Its log goes too. This cannot be undone.</span>
          <button type="button" class="danger" onClick={() => void list.confirmDelete()}>
            Delete
          </button>
          <button type="button" ref={cancel} onClick={list.cancelDelete}>
            Cancel
          </button>
        </div>
      ) : (
        <div class="row-actions">
          <button type="button" aria-expanded={open} aria-controls={logId} onClick={() => setOpen(!open)}>
            {open ? 'Hide deliveries' : 'Deliveries'}
          </button>
          <button type="button" disabled={busy} onClick={() => void list.setEnabled(webhook.id, !enabled)} aria-label={`${enabled ? 'Turn off' : 'Turn on'} the webhook to ${webhook.url}`}>
            {enabled ? 'Turn off' : 'Turn on'}
          </button>
          <button type="button" disabled={busy} onClick={() => void list.rotate(webhook.id)} aria-label={`Rotate the secret of the webhook to ${webhook.url}`}>
            Rotate secret
          </button>
          <button type="button" class="danger-quiet" onClick={() => list.askDelete(webhook.id)} aria-label={`Delete the webhook to ${webhook.url}`}>
            Delete
          </button>
        </div>
      )}
      <div id={logId} class="row-full" hidden={!open}>
        {open && <WebhookLogView webhookId={webhook.id} url={webhook.url} enabled={enabled} list={list} />}
      </div>
    </li>
  );
}
