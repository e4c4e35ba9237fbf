import type * as z from 'zod/mini';
import {
  TRAIT_PREFIX,
  ackSchema,
  alertRecipientsSchema,
  mailPreferencesSchema,
  outboxPageSchema,
  outboxQuerySchema,
  replyQueuedSchema,
  replySchema,
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
  auditPageSchema,
  auditQuerySchema,
  eligibilityAnswerSchema,
  errorBodySchema,
  followUpChangeSchema,
  jobListSchema,
  jobRetrySchema,
  jobsQuerySchema,
  listParamsSchema,
  responseDetailSchema,
  responsePageSchema,
  responsePayloadSchema,
  responseRecordSchema,
  statsParamsSchema,
  statsSchema,
  statsSummaryParamsSchema,
  statsSummarySchema,
  timelineEntrySchema,
  timelineSchema,
  webhookChangeSchema,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveryAnswerSchema,
  webhookDeliveryListSchema,
  webhookEventSchema,
  webhookListSchema,
  webhookSchema,
  webhookSecretSchema,
} from '../sdk/index.ts';
import { admin, content, error, json } from './http/openapi-parts.ts';
import { sitePaths, siteSchemas } from './sites/openapi.ts';
import { teamPaths, teamSchemas } from './teams/openapi.ts';
import { loopPaths, loopSchemas } from './changes/openapi.ts';
import { authPaths } from './auth/openapi.ts';
import { playbookPaths, playbookSchemas } from './playbooks/index.ts';
import { viewPaths, viewSchemas } from './views/index.ts';
import { dismissalSchema, eligibilityQuerySchema } from './eligibility/index.ts';
import { impressionSchema } from './impressions/index.ts';

/** Query parameters from the schema the route validates its query with: names, types, which are required. */
function queryParameters(schema: z.ZodMiniType) {
  const { properties = {}, required = [] } = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(properties).map(([name, parameter]) => ({ name, in: 'query', required: required.includes(name), schema: parameter }));
}

/**
 * The list's (or the stats') parameters: the strict ones by name, and the one whose name is open, `trait.KEY`
 * (lifted into `trait` before the strict check, see the SDK's `listQuerySchema`).
 */
function listParameters(schema: z.ZodMiniType = listParamsSchema) {
  const named = queryParameters(schema).filter((parameter) => parameter.name !== 'trait');
  const trait = {
    name: `${TRAIT_PREFIX}{KEY}`,
    in: 'query',
    required: false,
    description: 'At most one: the identified user’s trait KEY equals this value, compared as text (e.g. trait.plan=pro).',
    schema: { type: 'string', maxLength: 500 },
  };
  return [...named, trait];
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** OpenAPI 3.1, generated from the same zod schemas the collector validates with. */
export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'onepoint collector', version, description: 'The onepoint HTTP contract (SPEC §6). Any server that speaks it is a onepoint backend.' },
    components: {
      securitySchemes: {
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (sk_…, from POST /v1/tokens: read acts as a viewer, write as a member of its team) or a site’s v1 secret key (sk_…: a member of the site’s team, for that site only). Each route names the least role it needs: viewer, member or admin; below it is a 403.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'onepoint.session_token',
          description: 'A signed-in member’s session (POST /api/auth/sign-in/email; __Secure-onepoint.session_token over https), with the role they have in their current team. Changes by cookie also need Origin = the collector’s and the header X-Onepoint-Csrf: 1.',
        },
      },
      schemas: {
        ...teamSchemas(),
        ...loopSchemas(),
        ...siteSchemas(),
        ...viewSchemas(),
        ...playbookSchemas(),
        Response: json(responsePayloadSchema),
        Ack: json(ackSchema),
        Error: json(errorBodySchema),
        Eligibility: json(eligibilityAnswerSchema),
        Dismissal: json(dismissalSchema),
        Impression: json(impressionSchema),
        FollowUpChange: json(followUpChangeSchema),
        Record: json(responseRecordSchema),
        ResponsePage: json(responsePageSchema),
        TimelineEntry: json(timelineEntrySchema),
        Timeline: json(timelineSchema),
        ResponseDetail: json(responseDetailSchema),
        Stats: json(statsSchema),
        StatsSummary: json(statsSummarySchema),
        JobList: json(jobListSchema),
        JobRetry: json(jobRetrySchema),
        ApiTokenList: json(apiTokenListSchema),
        ApiTokenCreate: json(apiTokenCreateSchema),
        ApiTokenCreated: json(apiTokenCreatedSchema),
        AuditPage: json(auditPageSchema),
        Webhook: json(webhookSchema),
        WebhookList: json(webhookListSchema),
        WebhookCreate: json(webhookCreateSchema),
        WebhookCreated: json(webhookCreatedSchema),
        WebhookChange: json(webhookChangeSchema),
        WebhookSecret: json(webhookSecretSchema),
        WebhookDeliveryList: json(webhookDeliveryListSchema),
        WebhookDeliveryAnswer: json(webhookDeliveryAnswerSchema),
        /** What a webhook receives (json format), signed per Standard Webhooks. */
        WebhookEvent: json(webhookEventSchema),
        OutboxPage: json(outboxPageSchema),
        MailPreferences: json(mailPreferencesSchema),
        AlertRecipients: json(alertRecipientsSchema),
        Reply: json(replySchema),
        ReplyQueued: json(replyQueuedSchema),
      },
    },
    paths: {
      ...teamPaths(),
      ...loopPaths(),
      ...sitePaths(),
      ...authPaths(),
      ...viewPaths(),
      ...playbookPaths(),
      '/v1/responses': {
        post: {
          summary: 'Store a response state (upsert by id, highest seq wins)',
          requestBody: { required: true, content: { ...content('Response'), 'text/plain': { schema: { $ref: '#/components/schemas/Response' } } } },
          responses: {
            200: { description: 'Stored (or already stored with a higher seq)', content: content('Ack') },
            400: error('Not valid JSON, or not the contract: issues name each field'),
            401: error('Unknown site key'),
            403: error('Origin not allowed for this site'),
            409: error('The id belongs to another site'),
            413: error('Body over 32 KiB'),
            415: error('Neither application/json nor text/plain'),
            429: error('Rate limited; see Retry-After'),
            503: error('The database is locked by another process (database_busy); see Retry-After'),
          },
        },
        get: {
          summary: 'List the responses of the team’s sites (viewer); site= narrows to one, owner= takes a member id, me, none or a label',
          security: admin,
          parameters: listParameters(),
          responses: {
            200: { description: 'A page, newest first (sort=received), lowest score first (sort=score) or soonest due first (sort=due)', content: content('ResponsePage') },
            400: error('Bad filter, or an unknown one; site= not one of the principal’s sites; owner=me without a signed-in member'),
            401: error('Missing or wrong secret key'),
          },
        },
      },
      '/v1/responses.csv': {
        get: {
          summary: 'CSV export of the same filters, streamed (viewer)',
          security: admin,
          parameters: listParameters().filter((parameter) => parameter.name !== 'cursor' && parameter.name !== 'limit'),
          responses: { 200: { description: 'text/csv' }, 400: error('Bad filter'), 401: error('Missing or wrong secret key') },
        },
      },
      '/v1/responses/count': {
        get: {
          summary: 'How many responses the list of the same filters holds (viewer)',
          security: admin,
          parameters: listParameters().filter((parameter) => parameter.name !== 'cursor' && parameter.name !== 'limit' && parameter.name !== 'sort'),
          responses: { 200: { description: 'The count', content: content('ResponseCount') }, 400: error('Bad filter'), 401: error('Missing or wrong secret key') },
        },
      },
      '/v1/responses/{id}': {
        get: {
          summary: 'One response, its follow-up timeline, and the same person’s other responses (viewer)',
          security: admin,
          parameters: [idParameter],
          responses: { 200: { description: 'The detail', content: content('ResponseDetail') }, 401: error('Missing or wrong secret key'), 404: error('No such response on the principal’s sites (another team’s does not exist for it)') },
        },
      },
      '/v1/responses/{id}/follow-up': {
        patch: {
          summary: 'Set follow-up status, owner (ownerId: a member of the team; owner: a label) and due date, add a note; each part goes into the timeline under its author (member)',
          security: admin,
          parameters: [idParameter],
          requestBody: { required: true, content: content('FollowUpChange') },
          responses: {
            200: { description: 'The detail after the change', content: content('ResponseDetail') },
            400: error('Bad change; an ownerId that is not a member of the team (issue path ownerId); a step not in the team’s playbook for the response’s segment (issue path step.id)'),
            401: error('Missing or wrong secret key'),
            403: error('The principal’s role is below member'),
            404: error('No such response on the principal’s sites'),
          },
        },
      },
      '/v1/stats': {
        get: {
          summary: 'NPS with margin of error, 0–10 distribution, trend, response rate, drivers per segment and follow-up health of the team’s sites together, or of one (site=), a survey (surveyId=), a trait (trait.KEY=) (viewer)',
          security: admin,
          parameters: listParameters(statsParamsSchema),
          responses: { 200: { description: 'NPS, distribution, trend, response rate (responses ÷ impressions; null under a trait filter), drivers, follow-up health', content: content('Stats') }, 400: error('Bad filter; site= not one of the principal’s sites'), 401: error('Missing or wrong secret key') },
        },
      },
      '/v1/stats/summary': {
        get: {
          summary: 'NPS with margin of error and the 0–10 distribution alone, for the same filters as /v1/stats but interval; read from daily counts, cheap at any size (viewer)',
          security: admin,
          parameters: listParameters(statsSummaryParamsSchema),
          responses: { 200: { description: 'NPS and distribution', content: content('StatsSummary') }, 400: error('Bad filter; site= not one of the principal’s sites'), 401: error('Missing or wrong secret key') },
        },
      },
      '/v1/jobs': {
        get: {
          summary: 'The background jobs of the team’s sites, newest first (member)',
          security: admin,
          parameters: queryParameters(jobsQuerySchema),
          responses: { 200: { description: 'Jobs', content: content('JobList') }, 400: error('Bad filter'), 401: error('Missing or wrong secret key'), 403: error('The principal’s role is below member') },
        },
      },
      '/v1/jobs/{id}/retry': {
        post: {
          summary: 'Queue a dead job again, with fresh attempts (member)',
          security: admin,
          parameters: [idParameter],
          responses: {
            200: { description: 'The job, queued', content: content('JobRetry') },
            401: error('Missing or wrong secret key'),
            403: error('The principal’s role is below member'),
            404: error('No such job on the principal’s sites'),
            409: error('The job is not dead'),
          },
        },
      },
      '/v1/tokens': {
        get: {
          summary: 'The team’s API tokens, revoked ones too, newest first; never their secrets (admin)',
          security: admin,
          responses: { 200: { description: 'Tokens', content: content('ApiTokenList') }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team') },
        },
        post: {
          summary: 'Create an API token: read (what a viewer may) or write (what a member may); its secret is in this answer only (admin)',
          security: admin,
          requestBody: { required: true, content: content('ApiTokenCreate') },
          responses: {
            201: { description: 'The token and its secret, sk_…, shown this once', content: content('ApiTokenCreated') },
            400: error('Not JSON, or not a token: issues name each field'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            415: error('Neither application/json nor text/plain'),
          },
        },
      },
      '/v1/tokens/{id}': {
        delete: {
          summary: 'Revoke an API token; revoking it again changes nothing (admin)',
          security: admin,
          parameters: [idParameter],
          responses: { 204: { description: 'Revoked' }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team'), 404: error('No such token in this team') },
        },
      },
      '/v1/audit': {
        get: {
          summary: 'The team’s audit log: who changed what, newest first, a page at a time (admin)',
          security: admin,
          parameters: queryParameters(auditQuerySchema),
          responses: {
            200: { description: 'A page of entries and the next page’s cursor (null at the end)', content: content('AuditPage') },
            400: error('Bad filter, or a cursor this collector did not make'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
          },
        },
      },
      '/v1/webhooks': {
        get: {
          summary: 'The team’s webhooks, newest first; never their secrets (admin)',
          security: admin,
          responses: { 200: { description: 'Webhooks', content: content('WebhookList') }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team') },
        },
        post: {
          summary:
            'Create a webhook: events, segments (null: all), advocacy (promoters only, whatever the segments), format json or slack. Each event is POSTed as WebhookEvent (or a Slack message), signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), retried for about 24 h (admin)',
          security: admin,
          requestBody: { required: true, content: content('WebhookCreate') },
          responses: {
            201: { description: 'Its id and signing secret, whsec_…, shown this once', content: content('WebhookCreated') },
            400: error('Not JSON, or not a webhook: issues name each field (a URL that is not http(s), or points at a loopback, link-local or private address)'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            415: error('Neither application/json nor text/plain'),
          },
        },
      },
      '/v1/responses/{id}/reply': {
        post: {
          summary: 'Email the respondent (their identified email, else a contact email they consented to): subject and body as the member wrote them, Reply-To the member; recorded in the timeline and the audit log (member)',
          security: admin,
          parameters: [idParameter],
          requestBody: { required: true, content: content('Reply') },
          responses: {
            201: { description: 'The mail, queued in the outbox', content: content('ReplyQueued') },
            400: error('Not JSON, or not a reply: issues name each field; no_address when the respondent cannot be written to'),
            401: error('Not signed in, or an unknown key'),
            403: error('The principal’s role is below member'),
            404: error('No such response on the principal’s sites'),
            415: error('Neither application/json nor text/plain'),
          },
        },
      },
      '/v1/webhooks/{id}': {
        patch: {
          summary: 'Change a webhook; enabled: true turns on one that was turned off (admin)',
          security: admin,
          parameters: [idParameter],
          requestBody: { required: true, content: content('WebhookChange') },
          responses: {
            200: { description: 'The webhook', content: content('Webhook') },
            400: error('Not JSON, or not a change: issues name each field'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            404: error('No such webhook in this team'),
            415: error('Neither application/json nor text/plain'),
          },
        },
        delete: {
          summary: 'Delete a webhook and its delivery log (admin)',
          security: admin,
          parameters: [idParameter],
          responses: { 204: { description: 'Deleted' }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team'), 404: error('No such webhook in this team') },
        },
      },
      '/v1/webhooks/{id}/rotate': {
        post: {
          summary: 'A new signing secret; for 24 h the old one signs beside it (two signatures in webhook-signature), then stops (admin)',
          security: admin,
          parameters: [idParameter],
          responses: { 200: { description: 'The new secret, shown this once', content: content('WebhookSecret') }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team'), 404: error('No such webhook in this team') },
        },
      },
      '/v1/webhooks/{id}/deliveries': {
        get: {
          summary: 'The delivery log, newest first: state, attempts, last status, latency and the start of the answer (admin)',
          security: admin,
          parameters: [idParameter, ...queryParameters(webhookDeliveriesQuerySchema)],
          responses: {
            200: { description: 'Deliveries', content: content('WebhookDeliveryList') },
            400: error('Bad filter'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            404: error('No such webhook in this team'),
          },
        },
      },
      '/v1/webhooks/{id}/deliveries/{deliveryId}/replay': {
        post: {
          summary: 'Send a delivery again, with the same webhook-id and a fresh day of retries (admin)',
          security: admin,
          parameters: [idParameter, { name: 'deliveryId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            202: { description: 'Queued', content: content('WebhookDeliveryAnswer') },
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            404: error('No such delivery of a webhook in this team'),
            409: error('The webhook is turned off (webhook_disabled), or the delivery is still being tried (delivery_pending)'),
          },
        },
      },
      '/v1/webhooks/{id}/test': {
        post: {
          summary: 'Send a test event (type webhook.test, a sample response) to this webhook only, whatever its filters (admin)',
          security: admin,
          parameters: [idParameter],
          responses: {
            202: { description: 'Queued', content: content('WebhookDeliveryAnswer') },
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            404: error('No such webhook in this team'),
            409: error('The webhook is turned off'),
          },
        },
      },
      '/v1/outbox': {
        get: {
          summary: 'The team’s mail, newest first: queued, sent, kept (no SMTP server configured) or failed, with why (admin)',
          security: admin,
          parameters: queryParameters(outboxQuerySchema),
          responses: { 200: { description: 'Mail', content: content('OutboxPage') }, 400: error('Bad filter'), 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team') },
        },
      },
      '/v1/me/mail-preferences': {
        get: {
          summary: 'Which mail the signed-in member gets from this team: new-detractor alerts, the daily digest, reminders (viewer; a token is 403)',
          security: admin,
          responses: { 200: { description: 'Their preferences (by default all on for admins and members, off for viewers)', content: content('MailPreferences') }, 401: error('Not signed in'), 403: error('Not a signed-in member') },
        },
        put: {
          summary: 'Choose which mail the signed-in member gets (all three at once; viewer; a token is 403)',
          security: admin,
          requestBody: { required: true, content: content('MailPreferences') },
          responses: {
            200: { description: 'Their preferences', content: content('MailPreferences') },
            400: error('Not JSON, or not preferences: issues name each field'),
            401: error('Not signed in'),
            403: error('Not a signed-in member'),
            415: error('Neither application/json nor text/plain'),
          },
        },
      },
      '/v1/team/alert-recipients': {
        get: {
          summary: 'Who gets new-detractor alerts of responses nobody owns: addresses, or null for the team’s admins (admin)',
          security: admin,
          responses: { 200: { description: 'The recipients', content: content('AlertRecipients') }, 401: error('Not signed in, or an unknown key'), 403: error('Not an admin of the team') },
        },
        patch: {
          summary: 'Set who gets new-detractor alerts; null goes back to the team’s admins (admin)',
          security: admin,
          requestBody: { required: true, content: content('AlertRecipients') },
          responses: {
            200: { description: 'The recipients', content: content('AlertRecipients') },
            400: error('Not JSON, or not a list of addresses: issues name each one'),
            401: error('Not signed in, or an unknown key'),
            403: error('Not an admin of the team'),
            415: error('Neither application/json nor text/plain'),
          },
        },
      },
      '/v1/eligibility': {
        get: {
          summary: 'May this user be asked now? (cross-device memory) With the user’s unseen notices of published changes, when there are any',
          parameters: queryParameters(eligibilityQuerySchema),
          responses: { 200: { description: 'Verdict', content: content('Eligibility') }, 400: error('Missing parameter'), 401: error('Unknown site key'), 403: error('Origin not allowed') },
        },
      },
      '/v1/dismissals': {
        post: {
          summary: 'Record that an identified user dismissed the survey',
          requestBody: { required: true, content: content('Dismissal') },
          responses: { 204: { description: 'Recorded' }, 400: error('Bad body'), 401: error('Unknown site key'), 403: error('Origin not allowed') },
        },
      },
      '/v1/impressions': {
        post: {
          summary: 'Count survey displays (anonymous, batched per page): the response rate’s denominator',
          requestBody: { required: true, content: content('Impression') },
          responses: { 204: { description: 'Counted' }, 400: error('Bad body: siteKey, surveyId, count (a whole number 1–1000)'), 401: error('Unknown site key'), 403: error('Origin not allowed'), 429: error('Too many requests') },
        },
      },
      '/v1/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/healthz': {
        get: {
          summary: 'Liveness: the database takes a write (a probe that changes nothing)',
          responses: { 200: { description: '{ ok: true }' }, 503: error('The database is read-only (database_unavailable) or locked (database_busy, with Retry-After)') },
        },
      },
    },
  };
}
