/**
 * Serving the built renderer (dist/renderer) on the app's own origin, app://journeywall.
 *
 * Only files inside the renderer folder are served; `..`, encoded slashes, backslashes and NUL
 * bytes cannot step outside it. Every response carries the Content-Security-Policy. No runtime
 * Electron import: main.ts passes `protocol.handle` a function around serveAppRequest.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAppUrl } from './ipc';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file a request URL names inside `rootDir`, or null when the URL is not the app's or would
 * leave the folder. `/` is index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string, appOrigin?: string): string | null {
  if (!isAppUrl(requestUrl, appOrigin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(rootDir);
  // Leading slashes and backslashes stripped: the rest is always read as relative to root.
  const file = path.resolve(root, pathname.replace(/^[/\\]+/, ''));
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

export interface ServeOptions {
  rootDir: string;
  csp: string;
  appOrigin?: string;
}

/** The Response for one app:// request (the shape `protocol.handle` wants). */
export async function serveAppRequest(request: { url: string; method: string }, options: ServeOptions): Promise<Response> {
  const headers = (contentType: string) => ({
    'Content-Type': contentType,
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  const plain = (status: number, text: string) => new Response(request.method === 'HEAD' ? null : text, { status, headers: headers('text/plain; charset=utf-8') });

  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(options.rootDir, request.url, options.appOrigin);
  if (!file) return plain(404, 'Not found');

  let target = file;
  let body = await readFileOrNull(target);
  // A path without an extension is a page of the single-page app: serve its index.html.
  if (!body && path.extname(target) === '') {
    target = path.join(path.resolve(options.rootDir), 'index.html');
    body = await readFileOrNull(target);
  }
  if (!body) return plain(404, 'Not found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(contentTypeOf(target)) });
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return await fs.readFile(file);
  } catch {
    return null;
  }
}
