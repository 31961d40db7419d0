/**
 * The contract over HTTP, for the browser mode and the e2e harness.
 *
 * Binds 127.0.0.1 only. Every API request must carry the per-run token
 * (`Authorization: Bearer …`, or `?token=` for EventSource, which cannot set
 * headers); the Host header must name this loopback server, which stops DNS
 * rebinding. Static files (the built renderer) are served without the token: they
 * hold no desk data. JSON in, `{ok:true,value} | {ok:false,error}` out.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatch';
import type { Result } from '../shared/contract';
import { EDITOR_HEADER } from '../shared/editor';
import type { DeskEvents } from '../shared/views';

/** How long an idle keep-alive connection is kept open. */
export const KEEP_ALIVE_MS = 120_000;

/** Large enough for a 20 MB file sent as base64 inside JSON. */
const MAX_BODY = 30 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface ServerOptions {
  dispatch: Dispatch;
  /** Subscribes to the core's events; returns an unsubscribe function. */
  subscribe: (listener: <E extends keyof DeskEvents>(event: E, payload: DeskEvents[E]) => void) => () => void;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The address to open in a browser: carries the token once. */
  appUrl: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request body, up to MAX_BODY. Past the limit the rest is read and dropped
 * rather than the socket destroyed: a client still sending gets the 413 and its
 * message, not a connection reset it can only report as a network error.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      if (tooLarge) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      tooLarge ? reject(new Error('too_large')) : resolveBody(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/**
 * The acting editor's name, sent %-encoded in a header (headers carry no other
 * characters safely); a malformed escape gives `false`, which the dispatch refuses by name.
 */
function editorFrom(req: IncomingMessage): string | false | undefined {
  const raw = req.headers[EDITOR_HEADER];
  if (typeof raw !== 'string') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return false;
  }
}

/** The path with its %-escapes decoded, or null when one is malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, 'internal', err instanceof Error ? err.message : String(err));
    });
  });
  // An idle keep-alive connection is closed by a timer (5 s by default). When storing a
  // large desk's facts holds the thread that long, a request the browser sent meanwhile on
  // such a connection can meet the timer first and be reset, a network error in the
  // window: idle connections are kept well past any such wait.
  server.keepAliveTimeout = KEEP_ALIVE_MS;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      fail(res, 421, 'unauthorized', `Requests must be addressed to 127.0.0.1:${port}.`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = decodedPath(url.pathname);
    if (path === null) {
      fail(res, 400, 'invalid_input', `The address ${url.pathname} has a malformed %-escape.`);
      return;
    }
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const auth = req.headers.authorization;
      // The token travels in the header; only the event stream (EventSource cannot set
      // headers) may carry it in the address.
      const fromQuery = method === 'events' && req.method === 'GET' ? url.searchParams.get('token') : null;
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : fromQuery;
      if (!tokenMatches(given, token)) {
        fail(
          res,
          401,
          'unauthorized',
          'Missing or wrong access token: open the address printed by Claimdesk.',
        );
        return;
      }
      if (method === 'events' && req.method === 'GET') {
        serveEvents(req, res);
        return;
      }
      if (req.method !== 'POST') {
        fail(res, 405, 'invalid_input', 'API methods are called with POST and a JSON body.');
        return;
      }
      let raw: unknown;
      try {
        const body = await readBody(req);
        raw = body.trim() === '' ? undefined : (JSON.parse(body) as unknown);
      } catch (err) {
        if ((err as Error).message === 'too_large')
          fail(
            res,
            413,
            'too_large',
            `The request is over ${MAX_BODY / 1048576} MB; send large imports in several smaller requests.`,
          );
        else fail(res, 400, 'invalid_input', `The request body is not valid JSON: ${(err as Error).message}`);
        return;
      }
      const result = await options.dispatch(method, raw, { editor: editorFrom(req) });
      const status = result.ok
        ? 200
        : result.error.code === 'unknown_method'
          ? 404
          : result.error.code === 'invalid_input'
            ? 400
            : result.error.code === 'internal'
              ? 500
              : 422;
      sendJson(res, status, result);
      return;
    }
    serveStatic(path, res);
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const off = options.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      off();
    });
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const rel = normalize(pathname).replace(/^([/\\])+/, '');
    let file = join(staticRoot, rel || 'index.html');
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The window is not built yet: run `npm run build:renderer` (npm run web does it for you).');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(readFileSync(file));
  }

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolveStart({
        url,
        appUrl: `${url}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
