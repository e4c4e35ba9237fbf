import type { Hono } from 'hono';
import { alertRecipientsSchema, mailPreferencesSchema, outboxQuerySchema, replySchema } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { MailStore } from './mail-store.ts';

/**
 * Mail's routes (SPEC §11): the team's outbox (admin), a member's own mail preferences (any
 * role, signed in), who gets new-detractor alerts (admin), and replies to respondents (member).
 * Changes are in the audit log; another team's response is a 404.
 */
export function mailRoutes(app: Hono<AppEnv>, deps: { mail: MailStore; authorize: Authorize; audit: Audit }) {
  const { mail, authorize, audit } = deps;

  app.get('/v1/outbox', authorize('admin'), async (c) => {
    const parsed = check(outboxQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the outbox filters are not valid', parsed.issues);
    const { state, limit } = parsed.value;
    return c.json({ items: await mail.outbox(c.get('principal').teamId, { ...(state ? { state } : {}), limit: limit ?? 50 }) });
  });

  app.get('/v1/me/mail-preferences', authorize('viewer'), async (c) => {
    const { teamId, userId, role } = c.get('principal');
    if (!userId) return problem(c, 403, 'forbidden', 'mail preferences are a signed-in member’s own; a token gets no mail');
    return c.json(await mail.preferences(teamId, userId, role));
  });

  app.put('/v1/me/mail-preferences', authorize('viewer'), async (c) => {
    const { teamId, userId } = c.get('principal');
    if (!userId) return problem(c, 403, 'forbidden', 'mail preferences are a signed-in member’s own; a token gets no mail');
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(mailPreferencesSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_preferences', 'the mail preferences are not valid', parsed.issues);
    await mail.savePreferences(teamId, userId, parsed.value);
    await audit(c, 'mail.preferences_changed', { type: 'member', id: userId }, parsed.value);
    return c.json(parsed.value);
  });

  app.get('/v1/team/alert-recipients', authorize('admin'), async (c) => c.json(await mail.alertRecipients(c.get('principal').teamId)));

  app.patch('/v1/team/alert-recipients', authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(alertRecipientsSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_alert_recipients', 'the alert recipients are not valid', parsed.issues);
    const { teamId } = c.get('principal');
    const before = await mail.alertRecipients(teamId);
    await mail.setAlertRecipients(teamId, parsed.value);
    const after = await mail.alertRecipients(teamId);
    await audit(c, 'mail.alert_recipients_changed', { type: 'team', id: teamId }, { from: before.emails, to: after.emails });
    return c.json(after);
  });

  app.post('/v1/responses/:id/reply', authorize('member'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(replySchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_reply', 'the reply is not valid', parsed.issues);
    const id = c.req.param('id');
    const result = await mail.reply(c.get('principal'), id, parsed.value);
    if (result.kind === 'not_found') return problem(c, 404, 'not_found', 'no response with this id on these sites');
    if (result.kind === 'no_address') return problem(c, 400, 'no_address', 'this respondent cannot be written to: they are not identified by email and gave no contact email with consent');
    await audit(c, 'response.replied', { type: 'response', id }, { mailId: result.mail.id, subject: result.mail.subject });
    return c.json({ mail: result.mail }, 201);
  });
}
