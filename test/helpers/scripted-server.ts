import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (the server's close ends the request): only a client timeout gets out of it. */
  hang?: boolean;
}

export interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
  headers: IncomingMessage['headers'];
}

/**
 * A real HTTP server on a loopback port that answers each request with the next scripted
 * reply (the last one repeats), and records what it received.
 */
export async function startScriptedServer(replies: Reply[]) {
  const received: Received[] = [];
  let index = 0;
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'], body, headers: request.headers });
    const reply = replies[Math.min(index++, replies.length - 1)] ?? {};
    if (reply.hang) return;
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL on which nothing listens: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
