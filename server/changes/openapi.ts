import {
  changeCreateSchema,
  changeLinkSchema,
  changeListSchema,
  changePublishedSchema,
  changeSchema,
  eraseRequestSchema,
  eraseResultSchema,
  retentionSchema,
} from '../../sdk/index.ts';
import { admin, content, error, json, pathParameter } from '../http/openapi-parts.ts';

const unauthorized = error('Not signed in, or an unknown token');
const badBody = error('Not JSON, or not valid: issues name each field');

/** The named schemas of closing the loop and privacy (SPEC §12–§13). */
export function loopSchemas() {
  return {
    Change: json(changeSchema),
    ChangeList: json(changeListSchema),
    ChangeCreate: json(changeCreateSchema),
    ChangeLink: json(changeLinkSchema),
    ChangePublished: json(changePublishedSchema),
    NoticeSeen: { type: 'object', required: ['siteKey', 'userId'], properties: { siteKey: { type: 'string' }, userId: { type: 'string' } } },
    EraseRequest: json(eraseRequestSchema),
    EraseResult: json(eraseResultSchema),
    Retention: json(retentionSchema),
  };
}

/** The routes: changes and their publishing, the widget's notice report, erasing a person, a site's retention. */
export function loopPaths() {
  const id = [pathParameter('id')];
  return {
    '/v1/changes': {
      get: { summary: 'The team’s changes, newest first (viewer)', security: admin, responses: { 200: { description: 'Changes', content: content('ChangeList') }, 401: unauthorized } },
      post: {
        summary: 'Record what the team changed and link the responses that asked for it (member)',
        security: admin,
        requestBody: { required: true, content: content('ChangeCreate') },
        responses: { 201: { description: 'The change', content: content('Change') }, 400: error('Not valid, or responses that are not on the team’s sites (unknown_responses, each named)'), 401: unauthorized, 403: error('Below member') },
      },
    },
    '/v1/changes/{id}': {
      get: { summary: 'One change with its linked responses (viewer)', security: admin, parameters: id, responses: { 200: { description: 'The change', content: content('Change') }, 401: unauthorized, 404: error('No such change in the team') } },
    },
    '/v1/changes/{id}/responses': {
      post: {
        summary: 'Link more responses to an unpublished change (member)',
        security: admin,
        parameters: id,
        requestBody: { required: true, content: content('ChangeLink') },
        responses: { 200: { description: 'The change', content: content('Change') }, 400: badBody, 401: unauthorized, 403: error('Below member'), 404: error('No such change in the team'), 409: error('Already published') },
      },
    },
    '/v1/changes/{id}/publish': {
      post: {
        summary: 'Publish: email each contactable respondent, resolve their follow-ups, emit loop.closed, queue in-widget notices — once (member)',
        security: admin,
        parameters: id,
        responses: { 200: { description: 'What publishing did (published: false and zero counts the second time)', content: content('ChangePublished') }, 401: unauthorized, 403: error('Below member'), 404: error('No such change in the team') },
      },
    },
    '/v1/notices/{id}/seen': {
      post: {
        summary: 'The widget showed an identified user a notice: the eligibility answer leaves it out from now on',
        parameters: id,
        requestBody: { required: true, content: content('NoticeSeen') },
        responses: { 204: { description: 'Recorded' }, 400: error('Bad body'), 401: error('Unknown site key'), 403: error('Origin not allowed'), 404: error('No such notice for this user') },
      },
    },
    '/v1/people/erase': {
      post: {
        summary: 'Erase a person from the team’s sites by user id, email or anonymous id: responses, notes, timeline, notices, queued mail and deliveries (admin)',
        security: admin,
        requestBody: { required: true, content: content('EraseRequest') },
        responses: { 200: { description: 'Counts of what was erased, by kind', content: content('EraseResult') }, 400: badBody, 401: unauthorized, 403: error('Not an admin') },
      },
    },
    '/v1/sites/{id}/retention': {
      get: { summary: 'How long the site keeps responses (viewer)', security: admin, parameters: id, responses: { 200: { description: 'Retention', content: content('Retention') }, 401: unauthorized, 404: error('No such site in the team') } },
      put: {
        summary: 'Keep responses this many days (null: keep), then anonymise or delete them in the daily sweep (admin)',
        security: admin,
        parameters: id,
        requestBody: { required: true, content: content('Retention') },
        responses: { 200: { description: 'Retention', content: content('Retention') }, 400: badBody, 401: unauthorized, 403: error('Not an admin'), 404: error('No such site in the team') },
      },
    },
  };
}
