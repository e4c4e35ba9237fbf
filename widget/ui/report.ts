import type { Emitter } from '../../sdk/emitter.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import { invalidInput } from '../../sdk/validate.ts';
import { Rejected } from './rejected.ts';

/**
 * Says why the survey was not shown: one console error naming the field and the fix, and an
 * `error` event. Its own chunk, with the code that words zod's issues: loaded only when needed.
 */
export function report(events: Emitter<EventMap>, error: unknown): void {
  if (error instanceof Rejected) {
    const { message, issues } = invalidInput(error.what, error.issues);
    const issue = issues[0];
    const identity = error.what === 'identity';
    const fix = identity ? 'the identify call' : `the ${issue?.path ?? 'configuration'} setting (see the README's configuration reference)`;
    console.error(`onepoint: ${message}. Nothing was shown; fix ${fix}.`);
    events.emit('error', { code: identity ? 'invalid_identity' : 'invalid_config', message, ...(issue ? { field: issue.path } : {}) });
  } else {
    console.error('onepoint: the survey could not be shown.', error);
    events.emit('error', { code: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}
