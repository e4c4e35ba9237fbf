import { batch, signal } from '@preact/signals-core';
import type { AdminClient, OutboxMail, ResponseRecord } from '../../sdk/index.ts';
import { replyAddress, starterFor } from './reply-starters.ts';
import { createTask } from './task.ts';

/**
 * A member's reply to one respondent: subject and body start from the segment's starter text,
 * sending queues the mail (Reply-To the member). A respondent who cannot be reached is said up
 * front, and a 400 `no_address` (the record changed meanwhile) is the same answer.
 */
export function createReply(deps: { client: Pick<AdminClient, 'reply'>; responseId: string; record: ResponseRecord }) {
  const starter = starterFor(deps.record.segment, deps.record.user?.name);
  const subject = signal(starter.subject);
  const body = signal(starter.body);
  const to = signal(replyAddress(deps.record));
  const sent = signal<OutboxMail | undefined>(undefined);
  const task = createTask();
  return {
    /** Where it goes; `undefined`: nowhere (they gave no address, or no consent). */
    to,
    subject,
    body,
    sent,
    busy: task.busy,
    failure: task.failure,
    async send() {
      if (task.busy.value || !to.value) return;
      const answer = await task.run(() => deps.client.reply(deps.responseId, { subject: subject.value.trim(), body: body.value.trim() }));
      const failure = task.failure.value;
      if (failure?.kind === 'http' && failure.code === 'no_address') to.value = undefined;
      if (answer) sent.value = answer;
    },
    /** Back to the starter text, for another reply. */
    reset() {
      batch(() => {
        sent.value = undefined;
        subject.value = starter.subject;
        body.value = starter.body;
      });
    },
    dispose: task.dispose,
  };
}
export type ReplyModel = ReturnType<typeof createReply>;
