import { SEGMENTS, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '../../sdk/index.ts';
import type { WebhookForm } from '../models/webhooks-form.ts';
import { Field } from './field.tsx';
import { ErrorNote } from './notice.tsx';
import { useValue } from './use-value.ts';
import { failureText, WEBHOOK_EVENT_WORDS } from './words.ts';

const FORMAT_WORDS = { json: { label: 'JSON', hint: 'signed Standard Webhooks body, for your own code or Zapier' }, slack: { label: 'Slack', hint: 'a message for a Slack incoming webhook URL' } };

/** The new-webhook form: URL, events, segments, format, and the advocacy switch explained where it is. */
export function WebhookFormView({ form }: { form: WebhookForm }) {
  const events = useValue(form.events);
  const segments = useValue(form.segments);
  const format = useValue(form.format);
  const advocacy = useValue(form.advocacy);
  const busy = useValue(form.busy);
  const failure = useValue(form.failure);
  const issues = failure && failure.kind !== 'offline' && failure.kind !== 'unexpected' ? failure.issues : [];
  const urlIssue = issues.find((issue) => issue.path === 'url')?.message;
  // The other fields' problems in the form's own words (the SDK's speak of null and lists).
  const eventsIssue = issues.some((issue) => issue.path.startsWith('events')) ? 'Tick at least one event.' : undefined;
  const segmentsIssue = issues.some((issue) => issue.path.startsWith('segments')) ? 'Tick at least one segment, or “Every segment”.' : undefined;
  const fieldIssue = urlIssue ?? eventsIssue ?? segmentsIssue;
  return (
    <form
      class="stack-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.create();
      }}
    >
      <Field label="URL" value={form.url} autoComplete="off" required maxLength={2000} hint="Where to send it: https, on the public internet." error={urlIssue ? `This URL ${urlIssue}.` : undefined} />
      <fieldset class="field choice">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((name) => (
          <label key={name} class="check block">
            <input type="checkbox" checked={events.includes(name)} onChange={(event) => form.setEvent(name, event.currentTarget.checked)} />
            <span>
              {WEBHOOK_EVENT_WORDS[name]?.label} <span class="muted">{WEBHOOK_EVENT_WORDS[name]?.hint}</span>
            </span>
          </label>
        ))}
        {eventsIssue && <p class="field-error">{eventsIssue}</p>}
      </fieldset>
      <fieldset class="field choice">
        <legend>Segments</legend>
        <label class="check block">
          <input type="checkbox" checked={segments === null} onChange={(event) => form.setAllSegments(event.currentTarget.checked)} /> <span>Every segment</span>
        </label>
        {segments !== null &&
          SEGMENTS.map((segment) => (
            <label key={segment} class="check block indent">
              <input type="checkbox" checked={segments.includes(segment)} onChange={(event) => form.setSegment(segment, event.currentTarget.checked)} /> <span class={segment}>{segment.charAt(0).toUpperCase() + segment.slice(1)}s</span>
            </label>
          ))}
        {segmentsIssue && <p class="field-error">{segmentsIssue}</p>}
      </fieldset>
      <fieldset class="field choice">
        <legend>Format</legend>
        {WEBHOOK_FORMATS.map((option) => (
          <label key={option} class="radio">
            <input type="radio" name="webhook-format" value={option} checked={format === option} onChange={() => (form.format.value = option)} />
            <span>
              <strong>{FORMAT_WORDS[option].label}</strong> <span class="muted">{FORMAT_WORDS[option].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={advocacy} onChange={(event) => (form.advocacy.value = event.currentTarget.checked)} aria-describedby="advocacy-hint" /> <span>Promoters only (an advocacy ask)</span>
        </label>
        <p class="hint" id="advocacy-hint">
          Tick this when the receiver asks for a review, a referral or a testimonial. It is then sent for promoters (9–10) only, whatever the segments say: asking an unhappy customer for a review
          backfires.
        </p>
      </div>
      {failure && fieldIssue && (
        <p class="notice notice-error" role="alert">
          The webhook was not created: {[urlIssue && `the URL ${urlIssue}`, eventsIssue && 'no event is ticked', segmentsIssue && 'no segment is ticked'].filter(Boolean).join('; ')}.
        </p>
      )}
      {failure && !fieldIssue && <ErrorNote>{failureText(failure, 'create the webhook')}</ErrorNote>}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create webhook'}
        </button>
      </div>
    </form>
  );
}
