/**
 * The room's server: HTTP and WebSocket for the participants' devices, on one address only (the
 * one the facilitator chose; never 0.0.0.0 or ::). It serves the participant page and its assets,
 * and carries messages to the room (./manager.ts); it knows no facilitator method at all.
 *
 * Every request must name this address and port as its Host, and a WebSocket must come from the
 * page's own origin; a message is text, at most PARTICIPANT_MAX_MESSAGE_BYTES, or the connection
 * is closed.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { PARTICIPANT_MAX_MESSAGE_BYTES, PARTICIPANT_WS_PATH, type ParticipantMessage } from '../../shared/api/participant';
import { contentSecurityPolicy } from '../host/csp';
import { urlHost } from './interfaces';

export interface RoomConnection {
  readonly id: number;
  /** The device's address, as the network shows it (for counting wrong PINs). */
  readonly remoteAddress: string;
  participantId: string | null;
  send(message: ParticipantMessage): void;
  close(code: number, reason: string): void;
}

export interface RoomServerOptions {
  address: string;
  port?: number;
  /** The built renderer: participant.html and assets/. */
  staticDir: string;
  onMessage(conn: RoomConnection, text: string): void;
  onClose(conn: RoomConnection): void;
}

export interface RoomServer {
  address: string;
  port: number;
  origin: string;
  connections(): RoomConnection[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export const PARTICIPANT_PAGE = 'participant.html';

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const staticDir = path.resolve(options.staticDir);
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: PARTICIPANT_MAX_MESSAGE_BYTES });
  const conns = new Map<WebSocket, RoomConnection>();
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: options.address, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = `${urlHost(options.address)}:${port}`;
  const origin = `http://${host}`;
  const hostOk = (req: http.IncomingMessage) => (req.headers.host ?? '').toLowerCase() === host.toLowerCase();

  server.on('request', (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!hostOk(req)) return refuse(res, 421, 'Wrong host.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(res, 403, 'Foreign origin.');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    } catch {
      return refuse(res, 400, 'Bad path.');
    }
    // Only the participant page and the files under assets/ (never the facilitator's index.html).
    let rel: string;
    if (pathname === '/' || pathname === `/${PARTICIPANT_PAGE}`) rel = PARTICIPANT_PAGE;
    else if (/^\/(assets\/[\w.-]+|favicon\.svg)$/.test(pathname)) rel = pathname.slice(1);
    else return refuse(res, 404, 'Not found.');
    const file = path.join(staticDir, rel);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return refuse(res, 404, 'Not found.');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy(`ws://${host}`);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });

  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '').split('?')[0];
    if (!hostOk(req) || req.headers.origin !== origin || pathname !== PARTICIPANT_WS_PATH) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: RoomConnection = {
        id: nextId++,
        remoteAddress: req.socket.remoteAddress ?? 'unknown',
        participantId: null,
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
        },
        close: (code, reason) => ws.close(code, reason),
      };
      conns.set(ws, conn);
      ws.on('close', () => {
        conns.delete(ws);
        options.onClose(conn);
      });
      ws.on('error', () => ws.terminate()); // e.g. a message over maxPayload: ws has closed with 1009
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'Text messages only');
        options.onMessage(conn, data.toString());
      });
    });
  });

  return {
    address: options.address,
    port,
    origin,
    connections: () => [...conns.values()],
    close: async () => {
      for (const ws of conns.keys()) ws.terminate();
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
