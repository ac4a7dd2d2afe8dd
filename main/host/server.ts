/**
 * The local web host: serves the built renderer and the API on 127.0.0.1 for one run.
 * Only requests that carry this run's secret, with the expected Host and Origin, get an answer.
 *
 * The printed address carries the secret (?s=…); the first request trades it for a cookie bound
 * to this port, so the address bar stays clean and every later request (files, WebSocket) is
 * checked against it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiEvent } from '../../shared/api/contract';
import { WS_PATH, type WireMessage, type WireRequest } from '../../shared/api/bridge';
import type { Dispatch } from '../api/dispatch';
import type { Result } from '../../shared/api/errors';
import { WorkerPool } from '../workers/pool';
import type { ParseOutcome } from '../workers/protocol';
import { contentSecurityPolicy } from './csp';
import { MAX_PROJECT_FILE_BASE64 } from '../../shared/domain/portable';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** Called with a listener; returns an unsubscribe function. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  secret?: string;
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes?: number;
  /** Unsent data one connection may have waiting before it is closed (1008): a client that stops reading. */
  maxBufferedBytes?: number;
  /** The worker thread large messages are parsed in; one of the host's own when not given. */
  workers?: WorkerPool;
}

export interface WebHost {
  /** The address to open, secret included. */
  url: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/**
 * The largest WebSocket message accepted: 32 MiB, or more when a project file at its size limit
 * (as base64, with the rest of its message) needs it; anything larger closes the connection (1009).
 */
export const MAX_MESSAGE_BYTES = Math.max(32 * 1024 * 1024, MAX_PROJECT_FILE_BASE64 + 1024 * 1024);

/**
 * A connection whose unsent answers and events pass this is closed (1008): a client that stops
 * reading cannot make the host hold its answers without limit. One answer may be larger than
 * this (a project file); it is sent when less than this waits.
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** Messages larger than this are parsed in the worker thread, not on the thread that answers everyone. */
export const PARSE_IN_WORKER_BYTES = 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const ownWorkers = options.workers ? null : new WorkerPool();
  const workers = options.workers ?? ownWorkers!;
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  const server = http.createServer();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const cookieName = `journeywall_${port}`;

  const hasSecret = (req: http.IncomingMessage): boolean => {
    const cookie = parseCookies(req.headers.cookie)[cookieName];
    return cookie !== undefined && sameSecret(cookie, secret);
  };
  const hostOk = (req: http.IncomingMessage) => allowedHosts.has(req.headers.host ?? '');
  const originOk = (req: http.IncomingMessage) => {
    const o = req.headers.origin;
    return o === origin || o === `http://localhost:${port}`;
  };

  // Nothing that goes wrong while answering one request may end the process.
  server.on('request', (req, res) => {
    try {
      answerRequest(req, res);
    } catch (e) {
      console.error('Journeywall’s web host could not answer a request', e);
      if (!res.headersSent) refuse(res, 500, 'Something went wrong in Journeywall.');
      else res.destroy();
    }
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  const answerRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!hostOk(req)) return refuse(res, 421, 'Wrong host.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here; the API is on the WebSocket.');
    if (req.headers.origin !== undefined && !originOk(req)) return refuse(res, 403, 'Foreign origin.');
    const url = new URL(req.url ?? '/', origin);
    const offered = url.searchParams.get('s');
    if (offered !== null) {
      if (!sameSecret(offered, secret)) return refuse(res, 403, 'This address is from another run of Journeywall. Use the address `npm run web` printed.');
      url.searchParams.delete('s');
      res.setHeader('Set-Cookie', `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: url.pathname + url.search });
      return res.end();
    }
    if (!hasSecret(req)) return refuse(res, 403, 'Open the address that `npm run web` printed: it carries this session’s secret.');
    serveFile(staticDir, url.pathname, port, res);
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (!hostOk(req) || !originOk(req) || !hasSecret(req) || url.pathname !== WS_PATH) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => ws.terminate()); // e.g. a message over maxPayload: ws has already closed with 1009
      // One connection's requests are answered in the order they came; while a large one is
      // parsed in the worker (or an import is read there), that connection's later ones wait —
      // every other connection goes on being answered.
      let queue: Promise<void> | null = null;
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'Text messages only');
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
        if (queue === null && bytes.length <= PARSE_IN_WORKER_BYTES) {
          const pending = handle(ws, parseHere(bytes));
          if (pending) queue = track(pending);
          return;
        }
        const parsed = bytes.length <= PARSE_IN_WORKER_BYTES ? Promise.resolve(parseHere(bytes)) : parseInWorker(bytes);
        queue = track((queue ?? Promise.resolve()).then(async () => {
          const pending = handle(ws, await parsed);
          if (pending) await pending;
        }));
      });
      const track = (p: Promise<void>): Promise<void> => {
        const next: Promise<void> = p.catch((e) => {
          console.error('Journeywall’s web host could not answer a request', e);
          ws.close(1011, 'Internal error');
        }).finally(() => {
          if (queue === next) queue = null;
        });
        return next;
      };
    });
  });

  const parseHere = (bytes: Buffer): ParseOutcome => {
    try {
      return { ok: true, request: JSON.parse(bytes.toString()) as unknown };
    } catch {
      return { ok: false, reason: 'not-json', message: 'Not JSON' };
    }
  };
  const parseInWorker = async (bytes: Buffer): Promise<ParseOutcome> => {
    // Handed over to the worker, not copied, when the message has its memory to itself (ws gives a
    // large message a buffer of its own); a copy of its own otherwise.
    const exclusive = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const own = exclusive ? new Uint8Array(bytes.buffer as ArrayBuffer) : Uint8Array.from(bytes);
    try {
      return await workers.run({ task: 'parse', bytes: own }, [own.buffer as ArrayBuffer]);
    } catch {
      return { ok: false, reason: 'too-complex', message: 'The request could not be read.' };
    }
  };

  /** Answers one parsed request; a promise while the answer is still being worked out. */
  const handle = (ws: WebSocket, parsed: ParseOutcome): Promise<void> | null => {
    if (!parsed.ok) {
      ws.close(parsed.reason === 'not-json' ? 1007 : 1009, parsed.reason === 'not-json' ? 'Not JSON' : 'Request too complex');
      return null;
    }
    const request = parsed.request as WireRequest;
    if (typeof request !== 'object' || request === null || typeof request.id !== 'number') {
      ws.close(1007, 'Not a request');
      return null;
    }
    const origin = typeof request.origin === 'string' ? request.origin.slice(0, 100) : null;
    // The caller's answer goes out before the events its call caused: the window waiting for
    // it is told "saved" first, and every window then hears of the change.
    const events: ApiEvent[] = (held = []);
    let result: ReturnType<Dispatch>;
    try {
      result = options.dispatch(request.method, request.input, origin);
    } finally {
      held = null;
    }
    const finish = (r: Result<unknown>) => {
      send(ws, { id: request.id, result: r });
      for (const event of events) broadcast(event);
    };
    if (result instanceof Promise) return result.then(finish);
    finish(result);
    return null;
  };

  /** Sends, unless the connection already has too much waiting: then it is closed (the client has stopped reading). */
  const send = (ws: WebSocket, message: WireMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBuffered) {
      ws.close(1008, 'Too much unread data');
      // A client that does not read does not read the close either.
      setTimeout(() => ws.terminate(), 1000).unref();
      return;
    }
    ws.send(JSON.stringify(message));
  };

  /** Events raised while a call is dispatched wait here until its answer is sent. */
  let held: ApiEvent[] | null = null;
  const broadcast = (event: ApiEvent) => {
    for (const ws of sockets) send(ws, { event });
  };
  const unsubscribe = options.subscribe((event) => {
    if (held) held.push(event);
    else broadcast(event);
  });

  return {
    url: `${origin}/?s=${secret}`,
    origin,
    port,
    secret,
    close: async () => {
      unsubscribe();
      await ownWorkers?.close();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function serveFile(root: string, pathname: string, port: number, res: http.ServerResponse) {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return refuse(res, 400, 'Bad path.');
  }
  let file = path.resolve(root, '.' + path.posix.normalize(rel));
  if (!file.startsWith(root + path.sep) && file !== root) return refuse(res, 404, 'Not found.');
  // The renderer is a single page: unknown paths without an extension get index.html.
  if (!isFile(file)) {
    if (path.extname(file) !== '') return refuse(res, 404, 'Not found.');
    file = path.join(root, 'index.html');
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);
  // The file may vanish (a build replacing dist/ while the host serves) or fail to read at any
  // moment: the headers go out only once it is open, and any error ends this answer, never the host.
  const stream = fs.createReadStream(file);
  stream.once('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (!res.headersSent) refuse(res, e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR' ? 404 : 500, 'Not found.');
    else res.destroy();
  });
  res.once('close', () => stream.destroy());
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
