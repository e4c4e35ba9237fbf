import type { Hono } from 'hono';
import { responsePayloadSchema, segmentOf } from '../../sdk/index.ts';
import type { AppEnv } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { publicGate, type PublicDeps } from '../sites/index.ts';
import type { ResponsesStore } from './store.ts';

/** `POST /v1/responses`: what pages send, with a public site key (SPEC §6). */
export function ingestRoutes(app: Hono<AppEnv>, deps: PublicDeps & { responses: Pick<ResponsesStore, 'upsertResponse'> }) {
  const gate = publicGate(deps);

  app.post('/v1/responses', async (c) => {
    const refused = gate.spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) {
      return gate.failed(
        c,
        body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json or text/plain'),
      );
    }
    const parsed = check(responsePayloadSchema, body.value);
    if (!parsed.ok) return gate.failed(c, problem(c, 400, 'invalid_response', 'the response does not match the contract', parsed.issues));
    const payload = parsed.value;
    const admitted = await gate.admit(c, payload.siteKey);
    if ('response' in admitted) return admitted.response;
    // The segment is the server's own reading of the score, never the client's word.
    const segment = segmentOf(payload.score);
    const stored = await deps.responses.upsertResponse(admitted.site, payload, segment);
    if (stored.kind === 'foreign') return problem(c, 409, 'id_taken', 'this response id belongs to another site');
    return c.json({ id: payload.id, seq: stored.seq, segment: stored.segment });
  });
}
