import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * 413 before the body is parsed. A declared `Content-Length` is judged from the header alone;
 * only a chunked body goes through hono's counting reader. (That reader touches the request's
 * web stream, which on node-server costs a Request object per call: too dear for every post.)
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxSize ? onError(c) : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    return counting(c, next);
  };
}
