import { useEffect } from 'preact/hooks';
import type { WebhookDelivery } from '../../sdk/index.ts';
import { createWebhookLog, type WebhookLog } from '../models/webhooks-log.ts';
import type { Webhooks } from '../models/webhooks.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { DELIVERY_STATE_WORDS, failureText, WEBHOOK_EVENT_WORDS } from './words.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One webhook's delivery log, opened under its row: send a test event, replay a delivery. */
export function WebhookLogView(props: { webhookId: string; url: string; enabled: boolean; list: Webhooks }) {
  const { client } = useApp();
  const log = useModel(() => createWebhookLog({ client, webhookId: props.webhookId, sleep, onLatest: props.list.delivered }), [props.webhookId]);
  useEffect(() => void log.load(), [log]);
  const items = useValue(log.items);
  const loaded = useValue(log.loaded);
  const busy = useValue(log.busy);
  const failure = useValue(log.failure);
  const loadFailure = useValue(log.loadFailure);
  const pending = items.some((item) => item.state === 'pending');
  return (
    <section class="log" aria-label={`Deliveries to ${props.url}`}>
      <div class="toolbar">
        <button type="button" onClick={() => void log.sendTest()} disabled={busy || !props.enabled}>
          Send test event
        </button>
        <button type="button" class="ghost" onClick={() => void log.load()}>
          Refresh
        </button>
        {!props.enabled && <p class="hint">Turn the webhook on to send it a test event.</p>}
        <p class="hint" role="status">
          {pending ? 'Sending… this log updates by itself.' : ''}
        </p>
      </div>
      {failure && <ErrorNote>{failureText(failure, 'send it')}</ErrorNote>}
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the deliveries')}</ErrorNote>}
      {loaded && items.length === 0 && <p class="empty">Nothing sent yet. Send a test event to check the receiver.</p>}
      <ul class="rows">
        {items.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} log={log} busy={busy} />
        ))}
      </ul>
    </section>
  );
}

function DeliveryRow({ delivery, log, busy }: { delivery: WebhookDelivery; log: WebhookLog; busy: boolean }) {
  const tone = delivery.state === 'delivered' ? 'badge-ok' : delivery.state === 'failed' ? 'badge-error' : delivery.state === 'dropped' ? 'badge-warn' : '';
  return (
    <li class="row delivery" data-state={delivery.state}>
      <div class="row-main">
        <p class="row-title">
          {WEBHOOK_EVENT_WORDS[delivery.type]?.label ?? delivery.type} <span class={`badge ${tone}`}>{DELIVERY_STATE_WORDS[delivery.state]}</span>
        </p>
        <p class="muted">
          <When at={delivery.createdAt} /> · {delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`}
          {delivery.lastStatus !== null && ` · HTTP ${delivery.lastStatus}`}
          {delivery.lastLatencyMs !== null && ` · ${delivery.lastLatencyMs} ms`}
        </p>
        {delivery.lastExcerpt && <pre class="excerpt">{delivery.lastExcerpt}</pre>}
      </div>
      <div class="row-actions">
        <button type="button" onClick={() => void log.replay(delivery.id)} disabled={busy || delivery.state === 'pending'} aria-label={`Replay the ${WEBHOOK_EVENT_WORDS[delivery.type]?.label ?? delivery.type} delivery of ${delivery.createdAt}`}>
          Replay
        </button>
      </div>
    </li>
  );
}
