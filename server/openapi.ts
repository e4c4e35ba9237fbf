import type * as z from 'zod/mini';
import {
  TRAIT_PREFIX,
  ackSchema,
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
  statsQuerySchema,
  statsSchema,
  timelineEntrySchema,
  timelineSchema,
} from '../sdk/index.ts';
import { admin, content, error, json } from './http/openapi-parts.ts';
import { teamPaths, teamSchemas } from './teams/openapi.ts';
import { authPaths } from './auth/openapi.ts';
import { playbookPaths, playbookSchemas } from './playbooks/index.ts';
import { viewPaths, viewSchemas } from './views/index.ts';
import { dismissalSchema, eligibilityQuerySchema } from './eligibility/index.ts';

/** Query parameters from the schema the route validates its query with: names, types, which are required. */
function queryParameters(schema: z.ZodMiniType) {
  const { properties = {}, required = [] } = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(properties).map(([name, parameter]) => ({ name, in: 'query', required: required.includes(name), schema: parameter }));
}

/**
 * The list's parameters: the strict ones by name, and the one whose name is open, `trait.KEY`
 * (lifted into `trait` before the strict check, see the SDK's `listQuerySchema`).
 */
function listParameters() {
  const named = queryParameters(listParamsSchema).filter((parameter) => parameter.name !== 'trait');
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
        ...viewSchemas(),
        ...playbookSchemas(),
        Response: json(responsePayloadSchema),
        Ack: json(ackSchema),
        Error: json(errorBodySchema),
        Eligibility: json(eligibilityAnswerSchema),
        Dismissal: json(dismissalSchema),
        FollowUpChange: json(followUpChangeSchema),
        Record: json(responseRecordSchema),
        ResponsePage: json(responsePageSchema),
        TimelineEntry: json(timelineEntrySchema),
        Timeline: json(timelineSchema),
        ResponseDetail: json(responseDetailSchema),
        Stats: json(statsSchema),
        JobList: json(jobListSchema),
        JobRetry: json(jobRetrySchema),
        ApiTokenList: json(apiTokenListSchema),
        ApiTokenCreate: json(apiTokenCreateSchema),
        ApiTokenCreated: json(apiTokenCreatedSchema),
        AuditPage: json(auditPageSchema),
      },
    },
    paths: {
      ...teamPaths(),
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
          summary: 'NPS with margin of error, 0–10 distribution, trend of the team’s sites together, or of one (site=) (viewer)',
          security: admin,
          parameters: queryParameters(statsQuerySchema),
          responses: { 200: { description: 'NPS, distribution, trend', content: content('Stats') }, 400: error('Bad filter; site= not one of the principal’s sites'), 401: error('Missing or wrong secret key') },
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
      '/v1/eligibility': {
        get: {
          summary: 'May this user be asked now? (cross-device memory)',
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
