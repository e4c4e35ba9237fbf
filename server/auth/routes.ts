import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { csrfRefusal } from '../http/csrf.ts';
import type { createBackoff } from '../http/failure-backoff.ts';
import { problem } from '../http/problem.ts';
import type { Auth } from './auth.ts';

/** better-auth's endpoints the team app uses; every other one (sign-up, OAuth, …) is a 404. */
const ALLOWED: Record<string, 'GET' | 'POST'> = {
  '/api/auth/sign-in/email': 'POST',
  '/api/auth/sign-out': 'POST',
  '/api/auth/get-session': 'GET',
  '/api/auth/change-password': 'POST',
  '/api/auth/request-password-reset': 'POST',
  '/api/auth/reset-password': 'POST',
  '/api/auth/revoke-sessions': 'POST',
};

export interface AuthRouteDeps {
  auth: () => Promise<Auth>;
  /** The collector's own origins: the only ones that may post here. */
  trusted: () => readonly string[];
  /** Wrong passwords per account (email) and per client address, each backing off exponentially. */
  accountFailures: ReturnType<typeof createBackoff>;
  addressFailures: ReturnType<typeof createBackoff>;
}

/**
 * `/api/auth/*`: better-auth's handler behind an allow-list, a CSRF check on every post (sign-in
 * included: no login CSRF), and a throttle on sign-in per account and per address answered
 * before any password is hashed. Its errors come back in the collector's one shape
 * `{ error: { code, message } }`; the same answer for an unknown email and a wrong password.
 */
export function authRoutes(app: Hono<AppEnv>, deps: AuthRouteDeps) {
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const method = ALLOWED[c.req.path];
    if (!method || method !== c.req.method) return problem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
    if (method === 'POST') {
      const refused = csrfRefusal(c, deps.trusted());
      if (refused) return refused;
    }
    const ip = c.get('ip');
    const signIn = c.req.path === '/api/auth/sign-in/email';
    let account: string | undefined;
    if (signIn) {
      const body: unknown = await c.req.raw.clone().json().catch(() => undefined);
      account = typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string' ? `account:${body.email.trim().toLowerCase()}` : undefined;
      const wait = Math.max(deps.addressFailures.wait(ip), account ? deps.accountFailures.wait(account) : 0);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return problem(c, 429, 'rate_limited', `too many failed sign-ins; try again in ${wait} s`);
      }
    }
    // better-auth reads the client address from this header only: the one TRUST_PROXY worked out.
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-onepoint-client-ip', ip);
    const forwarded = new Request(c.req.raw.url, { method: c.req.method, headers, ...(c.req.method === 'POST' ? { body: await c.req.raw.arrayBuffer() } : {}) });
    const answer = await (await deps.auth()).handler(forwarded);
    if (signIn) {
      if (answer.status === 401) {
        deps.addressFailures.fail(ip);
        if (account) deps.accountFailures.fail(account);
      } else if (answer.ok && account) deps.accountFailures.forget(account);
    }
    return answer.ok ? answer : reshape(answer);
  });
}

/** better-auth's `{ code: "INVALID_EMAIL_OR_PASSWORD", message }` → `{ error: { code: "invalid_email_or_password", message } }`. */
async function reshape(answer: Response): Promise<Response> {
  const body: unknown = await answer.clone().json().catch(() => undefined);
  const code = typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code.toLowerCase() : answer.status === 401 ? 'unauthorized' : 'invalid_request';
  const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : answer.statusText || 'the request was refused';
  const headers = new Headers(answer.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Response(JSON.stringify({ error: { code, message } }), { status: answer.status, headers });
}
