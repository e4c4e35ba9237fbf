import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { truncateCodePoints } from '../../sdk/schemas/text.ts';
import { BlockedDestinationError } from './blocked-destination-error.ts';
import { destinationProblem, guardedLookup, hostOf, systemResolve, type Resolve } from './ssrf-guard.ts';

/** How much of an answer's body the delivery log keeps, in characters (code points: never half an emoji). */
export const EXCERPT_CHARS = 500;
/** Bytes read from an answer at most: enough for the excerpt, never a whole download. */
const READ_BYTES = 8 * 1024;

/** One POST to a webhook's URL. */
export interface Outgoing {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What came back: a status and the start of the body, or no answer at all (`status: null`, and why). */
export interface Answer {
  status: number | null;
  excerpt: string;
  latencyMs: number;
}

/** How a webhook is sent: the real one is {@link guardedSender}; tests may pass another. */
export type Sender = (outgoing: Outgoing, signal: AbortSignal) => Promise<Answer>;

/**
 * POSTs through node:http(s) with the SSRF guard: the scheme and IP literals are checked first,
 * names when the socket resolves them (and it connects to the checked address). Redirects are never
 * followed: a 3xx is an answer like any other, which the caller counts as failed. Never throws for
 * what the destination does (refused, unreachable, timed out, blocked): that is an answer with no
 * status and the reason as its excerpt.
 */
export function guardedSender(options: { allowPrivate: boolean; timeoutMs: number; resolve?: Resolve; now?: () => number }): Sender {
  const resolve = options.resolve ?? systemResolve;
  const clock = options.now ?? (() => performance.now());
  return async (outgoing, signal) => {
    const started = clock();
    const took = () => Math.max(0, Math.round(clock() - started));
    const problem = destinationProblem(outgoing.url, options.allowPrivate);
    if (problem) return { status: null, excerpt: `refused: the URL ${problem}`, latencyMs: 0 };
    const url = new URL(outgoing.url);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      const { status, text } = await post(url, outgoing, AbortSignal.any([signal, timeout]), guardedLookup(resolve, options.allowPrivate));
      return { status, excerpt: truncateCodePoints(text, EXCERPT_CHARS), latencyMs: took() };
    } catch (error) {
      const reason = timeout.aborted ? `no answer within ${options.timeoutMs} ms` : signal.aborted ? 'aborted: the collector is stopping' : reasonOf(error, url);
      return { status: null, excerpt: truncateCodePoints(reason, EXCERPT_CHARS), latencyMs: took() };
    }
  };
}

function post(url: URL, outgoing: Outgoing, signal: AbortSignal, lookup: ReturnType<typeof guardedLookup>): Promise<{ status: number; text: string }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...outgoing.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(outgoing.body), 'user-agent': 'onepoint-webhooks/1' },
        lookup,
        signal,
        // A fresh connection each time: a pooled socket would skip the lookup, and its check.
        agent: false,
        // TLS names the host it meant (SNI, certificate check), never the address it connected to; an IP has no SNI.
        ...(isIP(hostOf(url)) ? {} : { servername: hostOf(url) }),
      },
      (response) => readStart(response).then((text) => resolve({ status: response.statusCode ?? 0, text }), reject),
    );
    request.on('error', reject);
    request.end(outgoing.body);
  });
}

/** The first {@link READ_BYTES} of the body, then the connection is dropped. */
function readStart(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= READ_BYTES) done();
    });
    response.on('end', done);
    response.on('error', done);
  });
}

function reasonOf(error: unknown, url: URL): string {
  if (error instanceof BlockedDestinationError) return `refused: ${error.message}`;
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return `could not reach ${url.host}: ${code ? `${code} ` : ''}${error instanceof Error ? error.message : String(error)}`;
}
