import * as z from 'zod/mini';
import { surveyConfigSchema } from '../../sdk/schemas/config.ts';
import { browserStorage } from '../../sdk/storage.ts';
import type { OpenRequest } from '../ui/entry.ts';
import { check } from '../ui/rejected.ts';
import { renderNotice, type NoticeCard } from './render-notice.ts';
import { rememberSeen, reportSeen, seenNotices } from './seen-notices.ts';

// The part of the eligibility answer this chunk reads (SPEC §12), with the types the survey's
// configuration already uses, so zod brings nothing new.
const answerSchema = z.object({ notices: z.array(z.object({ id: z.string(), title: z.string(), body: z.string() })) });
const identitySchema = z.object({ userId: z.string() });

/**
 * Shows the first of the user's pending notices once, then reports it seen. The survey is not
 * shown on this visit and nothing counts it as one (no `shown`, no session count, no impression).
 * A notice this browser showed already (its report lost) is not shown again, only reported.
 */
export function showNotice(request: OpenRequest, options: { doc?: Document; fetcher?: typeof fetch } = {}): NoticeCard | undefined {
  const config = check(surveyConfigSchema, request.config, 'survey configuration');
  const { userId } = check(identitySchema, request.identity, 'identity');
  const answer = answerSchema.safeParse(request.answer);
  const storage = browserStorage();
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const seen = new Set(seenNotices(storage));
  const notices = answer.success ? answer.data.notices : [];
  const report = (id: string) => void reportSeen(fetcher, { endpoint: config.endpoint, siteKey: config.siteKey, userId, id });
  for (const notice of notices) if (seen.has(notice.id)) report(notice.id);
  const next = notices.find((notice) => !seen.has(notice.id));
  if (!next) {
    request.onClosed();
    return undefined;
  }
  const card = renderNotice(options.doc ?? document, config, next, request.onClosed);
  rememberSeen(storage, next.id);
  report(next.id);
  return card;
}
