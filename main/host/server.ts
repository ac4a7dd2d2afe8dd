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

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
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

  server.on('request', (req, res) => {
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
  });

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
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'Text messages only');
        let request: WireRequest;
        try {
          request = JSON.parse(data.toString()) as WireRequest;
        } catch {
          return ws.close(1007, 'Not JSON');
        }
        if (typeof request !== 'object' || request === null || typeof request.id !== 'number') return ws.close(1007, 'Not a request');
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
        send(ws, { id: request.id, result });
        for (const event of events) broadcast(event);
      });
    });
  });

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
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(ws: WebSocket, message: WireMessage) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
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
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(file) !== '') return refuse(res, 404, 'Not found.');
    file = path.join(root, 'index.html');
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
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
