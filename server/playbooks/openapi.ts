import { playbookChangeSchema, playbookListSchema, playbookSchema } from '../../sdk/index.ts';
import { admin, content, error, json, pathParameter } from '../http/openapi-parts.ts';

/** The playbooks' named schemas. */
export function playbookSchemas() {
  return { Playbook: json(playbookSchema), PlaybookList: json(playbookListSchema), PlaybookChange: json(playbookChangeSchema) };
}

/** `GET /v1/playbooks`, `PUT /v1/playbooks/{segment}`. */
export function playbookPaths() {
  return {
    '/v1/playbooks': {
      get: {
        summary: 'The team’s playbook per segment: its own, or the shipped defaults (viewer)',
        security: admin,
        responses: { 200: { description: 'Detractor, passive, promoter', content: content('PlaybookList') }, 401: error('Not signed in, or an unknown token') },
      },
    },
    '/v1/playbooks/{segment}': {
      put: {
        summary: 'Replace a segment’s steps (admin); only the promoter playbook may hold a step with advocacy: true (a referral or review)',
        security: admin,
        parameters: [pathParameter('segment')],
        requestBody: { required: true, content: content('PlaybookChange') },
        responses: {
          200: { description: 'The playbook after the change', content: content('Playbook') },
          400: error('Not valid; advocacy_not_allowed: an advocacy step in a detractor or passive playbook (issue path steps.N.advocacy)'),
          401: error('Not signed in, or an unknown token'),
          403: error('Not an admin of the team'),
          404: error('Not a segment'),
        },
      },
    },
  };
}
