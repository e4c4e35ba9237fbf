import { siteChangeSchema, siteCreatedSchema, siteCreateSchema, siteListSchema, siteViewSchema } from '../../sdk/index.ts';
import { admin, content, error, json, pathParameter } from '../http/openapi-parts.ts';

const unauthorized = error('Not signed in, or an unknown token');
const notAdmin = error('Not an admin of the team');
const badBody = error('Not JSON, or not valid (invalid_site): issues name each field, e.g. an origin with a path');

/** The sites' named schemas. */
export function siteSchemas() {
  return {
    Site: json(siteViewSchema),
    SiteList: json(siteListSchema),
    SiteCreate: json(siteCreateSchema),
    SiteCreated: json(siteCreatedSchema),
    SiteChange: json(siteChangeSchema),
  };
}

/** The team's sites: list (viewer), create and change (admin). */
export function sitePaths() {
  return {
    '/v1/sites': {
      get: { summary: 'The team’s sites: name, public key (the script tag’s data-site-key) and allowed origins; never a secret (viewer; a v1 site key lists its own site only)', security: admin, responses: { 200: { description: 'Sites, oldest first', content: content('SiteList') }, 401: unauthorized } },
      post: {
        summary: 'A new site of the team (admin); its secret key is in this answer only',
        security: admin,
        requestBody: { required: true, content: content('SiteCreate') },
        responses: { 201: { description: 'The site and its secret key', content: content('SiteCreated') }, 400: badBody, 401: unauthorized, 403: notAdmin, 415: error('Not application/json') },
      },
    },
    '/v1/sites/{id}': {
      patch: {
        summary: 'Rename a site or replace its allowed origins (admin); the collector honours new origins at once',
        security: admin,
        parameters: [pathParameter('id')],
        requestBody: { required: true, content: content('SiteChange') },
        responses: { 200: { description: 'The site', content: content('Site') }, 400: badBody, 401: unauthorized, 403: notAdmin, 404: error('No such site in this team'), 415: error('Not application/json') },
      },
    },
  };
}
