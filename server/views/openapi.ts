import { responseCountSchema, savedViewCreateSchema, savedViewListSchema, savedViewRenameSchema, savedViewSchema } from '../../sdk/index.ts';
import { admin, content, error, json, pathParameter } from '../http/openapi-parts.ts';

const unauthorized = error('Not signed in, or an unknown token');

/** The saved views' named schemas. */
export function viewSchemas() {
  return { SavedView: json(savedViewSchema), SavedViewList: json(savedViewListSchema), SavedViewCreate: json(savedViewCreateSchema), SavedViewRename: json(savedViewRenameSchema), ResponseCount: json(responseCountSchema) };
}

/** `GET/POST /v1/views`, `PATCH/DELETE /v1/views/{id}`. */
export function viewPaths() {
  return {
    '/v1/views': {
      get: {
        summary: 'The built-in views (detractors to contact, passives this week, mine, overdue) and the team’s, each with how many responses it holds (viewer)',
        security: admin,
        responses: { 200: { description: 'Built-in first, then the team’s oldest first; count null when it cannot be counted for this principal (owner=me for a token)', content: content('SavedViewList') }, 401: unauthorized },
      },
      post: {
        summary: 'Save a view: a name and a list query as its query-string parameters (member)',
        security: admin,
        requestBody: { required: true, content: content('SavedViewCreate') },
        responses: {
          201: { description: 'The view, with its count', content: content('SavedView') },
          400: error('Not valid; a query the list would refuse (issue paths query.NAME), or paging (cursor, limit)'),
          401: unauthorized,
          403: error('The principal’s role is below member'),
        },
      },
    },
    '/v1/views/{id}': {
      patch: {
        summary: 'Rename one of the team’s views (member)',
        security: admin,
        parameters: [pathParameter('id')],
        requestBody: { required: true, content: content('SavedViewRename') },
        responses: {
          200: { description: 'The view with its new name and its count', content: content('SavedView') },
          400: error('A built-in view; a name that is empty or over 80 characters'),
          401: unauthorized,
          403: error('The principal’s role is below member'),
          404: error('No such view in the team'),
        },
      },
      delete: {
        summary: 'Delete one of the team’s views (member)',
        security: admin,
        parameters: [pathParameter('id')],
        responses: { 204: { description: 'Deleted' }, 400: error('A built-in view'), 401: unauthorized, 403: error('The principal’s role is below member'), 404: error('No such view in the team') },
      },
    },
  };
}
