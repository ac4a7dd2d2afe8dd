/**
 * The app under test: the built web host (`node dist/main/web.cjs --data-dir DIR`), started as a
 * user would with `npm run web`, and a small client for its WebSocket API (the renderer's wire
 * format: { id, method, input, origin } → { id, result }).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { log, warn } from './log.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB_ENTRY = path.join(ROOT, 'dist', 'main', 'web.cjs');
const RENDERER_ENTRY = path.join(ROOT, 'dist', 'renderer', 'index.html');
const WS_PATH = '/api/ws';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing (or when asked). A dist/ older than the sources is measured as
 * it is, with a warning: rebuilding behind other people's backs could break their running tests.
 */
export function ensureBuilt({ force }) {
  const missing = !fs.existsSync(WEB_ENTRY) || !fs.existsSync(RENDERER_ENTRY);
  if (missing || force) {
    log(missing ? 'dist/ is missing: building (node scripts/build.mjs) …' : 'building (--build) …');
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`The build failed (node scripts/build.mjs, exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return { built: true, stale: false };
  }
  const builtAt = Math.min(fs.statSync(WEB_ENTRY).mtimeMs, fs.statSync(RENDERER_ENTRY).mtimeMs);
  const sourcesAt = Math.max(...['renderer', 'shared', 'main'].map((d) => newestMtime(path.join(ROOT, d))));
  const stale = sourcesAt > builtAt;
  if (stale) warn('dist/ is older than the sources: measuring the old build. Run `npm run build` first, or `npm run bench -- --build`.');
  return { built: false, stale };
}

/**
 * A private copy of the built host and renderer, so that a rebuild during the run (someone's
 * `npm test` builds dist/) neither mixes two builds in one set of figures nor breaks page loads.
 * The host serves the renderer next to it (dist/main/../renderer).
 */
export function snapshotApp(dir) {
  const copy = path.join(dir, 'dist');
  fs.mkdirSync(path.join(copy, 'main'), { recursive: true });
  fs.copyFileSync(WEB_ENTRY, path.join(copy, 'main', 'web.cjs'));
  // The worker thread's code, beside the host as the build puts it.
  fs.copyFileSync(path.join(path.dirname(WEB_ENTRY), 'worker.cjs'), path.join(copy, 'main', 'worker.cjs'));
  fs.cpSync(path.dirname(RENDERER_ENTRY), path.join(copy, 'renderer'), { recursive: true });
  return { entry: path.join(copy, 'main', 'web.cjs'), builtAt: new Date(fs.statSync(WEB_ENTRY).mtimeMs).toISOString() };
}

export async function startHost(entry, dataDir) {
  // The copy finds its dependencies (better-sqlite3) in the project's node_modules.
  const env = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
  const child = spawn(process.execPath, [...(process.env.JOURNEYWALL_HOST_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.JOURNEYWALL_HOST_PROF] : []), entry, '--data-dir', dataDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not print its address within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const m = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?s=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited (code ${code}) before printing its address:\n${output}`));
    });
  });
  const origin = new URL(url).origin;
  // Trade the secret for the session cookie, as a browser does on its first request.
  const res = await fetch(url, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`The web host gave no session cookie for ${url} (HTTP ${res.status}).`);
  const [name, value] = setCookie.split(';')[0].split('=');
  return {
    url,
    origin,
    cookie: { name, value },
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A WebSocket API client; `call` resolves to the method's value or throws a readable error. */
export async function connectApi(host) {
  const socket = new WebSocket(host.origin.replace(/^http/, 'ws') + WS_PATH, {
    headers: { Origin: host.origin, Cookie: `${host.cookie.name}=${host.cookie.value}` },
    maxPayload: 256 * 1024 * 1024,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`The API refused the WebSocket: HTTP ${res.statusCode}`)));
  });
  const pending = new Map();
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if ('id' in msg) pending.get(msg.id)?.(msg.result);
  });
  socket.on('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'closed', message: 'the WebSocket closed' } });
  });
  let next = 1;
  return {
    async call(method, input, timeoutMs = 120_000) {
      const id = next++;
      const result = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: `no answer in ${timeoutMs / 1000} s` } }), timeoutMs);
        pending.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        socket.send(JSON.stringify({ id, method, input, origin: 'benchmark' }));
      });
      pending.delete(id);
      if (!result.ok) throw new Error(`API ${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    close: () => socket.close(),
  };
}
