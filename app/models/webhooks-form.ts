import { batch, signal } from '@preact/signals-core';
import type { AdminClient, Segment, Webhook, WebhookEvent, WebhookFormat } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * The new-webhook form (admin): URL, the events, which segments (all, or some), the body's format
 * and whether it is an advocacy ask (a referral, review or testimonial request: promoters only).
 * `create` answers the webhook and its secret, which the list shows once.
 */
export function createWebhookForm(deps: { client: Pick<AdminClient, 'createWebhook'>; onCreated: (created: { webhook: Webhook; secret: string }) => void }) {
  const url = signal('');
  const events = signal<readonly WebhookEvent[]>(['response.scored']);
  /** `null`: every segment. */
  const segments = signal<readonly Segment[] | null>(null);
  const format = signal<WebhookFormat>('json');
  const advocacy = signal(false);
  const task = createTask();
  const toggle = <T>(list: readonly T[], item: T, on: boolean) => (on ? (list.includes(item) ? list : [...list, item]) : list.filter((other) => other !== item));
  return {
    url,
    events,
    segments,
    format,
    advocacy,
    busy: task.busy,
    failure: task.failure,
    setEvent(event: WebhookEvent, on: boolean) {
      events.value = toggle(events.value, event, on);
    },
    /** All segments, or only those ticked (starting with none ticked). */
    setAllSegments(all: boolean) {
      segments.value = all ? null : [];
    },
    setSegment(segment: Segment, on: boolean) {
      segments.value = toggle(segments.value ?? [], segment, on);
    },
    async create() {
      if (task.busy.value) return;
      // Empty lists go as they are: the SDK names the field (events, segments) before sending.
      const answer = await task.run(() =>
        deps.client.createWebhook({ url: url.value.trim(), events: [...events.value], segments: segments.value ? [...segments.value] : null, format: format.value, advocacy: advocacy.value }),
      );
      if (!answer) return;
      batch(() => {
        url.value = '';
        advocacy.value = false;
      });
      deps.onCreated({ webhook: answer.webhook, secret: answer.secret });
    },
    dispose: task.dispose,
  };
}
export type WebhookForm = ReturnType<typeof createWebhookForm>;
