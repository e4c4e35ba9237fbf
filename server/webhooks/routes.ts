import type { Context, Hono } from 'hono';
import { webhookChangeSchema, webhookCreateSchema, webhookDeliveriesQuerySchema, type FieldIssue } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { sampleEventData } from './sample-event.ts';
import { destinationProblem } from './ssrf-guard.ts';
import type { WebhooksStore } from './store.ts';

/** What the webhook routes need: their store, the guard, the audit log, and whether private destinations are allowed (`WEBHOOK_ALLOW_PRIVATE=1`). */
export interface WebhookRouteDeps {
  webhooks: WebhooksStore;
  authorize: Authorize;
  audit: Audit;
  allowPrivate: boolean;
  now: () => number;
}

/**
 * The team's webhooks (SPEC §11), all admin: create (its secret answered once), list, change,
 * delete, rotate the secret, the delivery log, replay, and a test event. Every change is audited;
 * another team's webhook is a 404. Sending happens in jobs only: replay and test answer 202.
 */
export function webhookRoutes(app: Hono<AppEnv>, deps: WebhookRouteDeps) {
  const { webhooks, authorize, audit } = deps;
  const notFound = (c: Context) => problem(c, 404, 'not_found', 'no webhook with this id in this team');
  const urlIssue = (url: string | undefined): FieldIssue[] | undefined => {
    const reason = url === undefined ? undefined : destinationProblem(url, deps.allowPrivate);
    return reason ? [{ path: 'url', message: reason }] : undefined;
  };

  app.get('/v1/webhooks', authorize('admin'), async (c) => c.json({ items: await webhooks.list(c.get('principal').teamId) }));

  app.post('/v1/webhooks', authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(webhookCreateSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_webhook', 'the webhook is not valid', parsed.issues);
    const issues = urlIssue(parsed.value.url);
    if (issues) return problem(c, 400, 'invalid_webhook', 'the webhook is not valid', issues);
    const principal = c.get('principal');
    const { webhook, secret } = await webhooks.create(principal.teamId, parsed.value, principal.actor.id);
    await audit(c, 'webhook.created', { type: 'webhook', id: webhook.id }, { url: webhook.url, events: webhook.events, segments: webhook.segments, advocacy: webhook.advocacy, format: webhook.format });
    return c.json({ id: webhook.id, secret, webhook }, 201);
  });

  app.patch('/v1/webhooks/:id', authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(webhookChangeSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_webhook', 'the change is not valid', parsed.issues);
    const issues = urlIssue(parsed.value.url);
    if (issues) return problem(c, 400, 'invalid_webhook', 'the change is not valid', issues);
    const changed = await webhooks.change(c.get('principal').teamId, c.req.param('id'), parsed.value);
    if (!changed) return notFound(c);
    await audit(c, 'webhook.changed', { type: 'webhook', id: changed.id }, { ...parsed.value });
    return c.json(changed);
  });

  app.delete('/v1/webhooks/:id', authorize('admin'), async (c) => {
    const teamId = c.get('principal').teamId;
    const webhook = await webhooks.get(teamId, c.req.param('id'));
    if (!webhook || !(await webhooks.remove(teamId, webhook.id))) return notFound(c);
    await audit(c, 'webhook.deleted', { type: 'webhook', id: webhook.id }, { url: webhook.url });
    return c.body(null, 204);
  });

  app.post('/v1/webhooks/:id/rotate', authorize('admin'), async (c) => {
    const id = c.req.param('id');
    const secret = await webhooks.rotate(c.get('principal').teamId, id);
    if (!secret) return notFound(c);
    await audit(c, 'webhook.secret_rotated', { type: 'webhook', id });
    return c.json({ secret });
  });

  app.get('/v1/webhooks/:id/deliveries', authorize('admin'), async (c) => {
    const parsed = check(webhookDeliveriesQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the delivery filters are not valid', parsed.issues);
    const { state, limit } = parsed.value;
    const items = await webhooks.deliveries(c.get('principal').teamId, c.req.param('id'), { ...(state ? { state } : {}), limit: limit ?? 50 });
    if (!items) return notFound(c);
    return c.json({ items });
  });

  app.post('/v1/webhooks/:id/deliveries/:deliveryId/replay', authorize('admin'), async (c) => {
    const id = c.req.param('id');
    const result = await webhooks.replay(c.get('principal').teamId, id, c.req.param('deliveryId'));
    if (!result) return problem(c, 404, 'not_found', 'no such delivery of a webhook in this team');
    if (result === 'disabled') return problem(c, 409, 'webhook_disabled', 'the webhook is turned off; turn it on (PATCH enabled: true) before replaying');
    if (result === 'pending') return problem(c, 409, 'delivery_pending', 'the delivery is still being tried; replay it once it has failed or been delivered');
    await audit(c, 'webhook.replayed', { type: 'webhook', id }, { deliveryId: result.id, eventType: result.type });
    return c.json({ delivery: result }, 202);
  });

  app.post('/v1/webhooks/:id/test', authorize('admin'), async (c) => {
    const id = c.req.param('id');
    const result = await webhooks.test(c.get('principal').teamId, id, sampleEventData(deps.now()));
    if (!result) return notFound(c);
    if (result === 'disabled') return problem(c, 409, 'webhook_disabled', 'the webhook is turned off; turn it on (PATCH enabled: true) before testing');
    await audit(c, 'webhook.tested', { type: 'webhook', id }, { deliveryId: result.id });
    return c.json({ delivery: result }, 202);
  });
}
