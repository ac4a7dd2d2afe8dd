import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../main/core';
import { startWebHost, type WebHost } from '../../main/host/server';
import { tempDir } from '../support/library';
import { connect, sessionCookie } from '../support/ws-client';

let core: Core;
let host: WebHost;
let staticDir: string;

beforeEach(async () => {
  core = startCore(tempDir());
  staticDir = tempDir('journeywall-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Journeywall</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ dispatch: core.dispatch, subscribe: core.subscribe, staticDir });
});
afterEach(async () => {
  await host.close();
  core.close();
});

/** A raw GET, so Host and Origin can be anything (fetch forbids setting Host). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 only and prints an address that carries the secret', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?s=[\\w-]{20,}$`));
  });

  it('refuses a request without the secret, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/?s=guess')).status).toBe(403);
  });

  it('trades the secret for a cookie, then serves the app with a strict CSP', async () => {
    const cookie = await sessionCookie(host.url);
    const page = await get('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Journeywall</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/https?:/);
    expect((await get('/assets/app.js', { Cookie: cookie })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin even with the cookie', async () => {
    const cookie = await sessionCookie(host.url);
    expect((await get('/', { Cookie: cookie, Host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await get('/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('does not serve files outside its folder', async () => {
    const cookie = await sessionCookie(host.url);
    fs.writeFileSync(path.join(staticDir, '..', 'outside.js'), 'SECRET_OUTSIDE');
    for (const p of ['/../outside.js', '/%2e%2e/outside.js', '/assets/../../outside.js', '/%2e%2e/%2e%2e/etc/passwd', '/..%2foutside.js']) {
      const r = await get(p, { Cookie: cookie });
      expect(r.body, p).not.toContain('SECRET_OUTSIDE');
      expect(r.body, p).not.toContain('root:');
    }
  });

  it('answers API calls on the WebSocket and pushes changes to every connection', async () => {
    const cookie = await sessionCookie(host.url);
    const a = await connect(host.origin, cookie);
    const b = await connect(host.origin, cookie);
    const created = await a.call('projects.create', { template: 'blank', title: 'Over the wire' });
    expect(created.ok).toBe(true);
    const bad = await a.call('projects.create', { template: 'blank', title: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(b.events).toContainEqual({ type: 'projects.changed' });
    a.close();
    b.close();
  });

  it("sends a call's answer before the events the call caused, to the caller and then to everyone", async () => {
    const cookie = await sessionCookie(host.url);
    const a = await connect(host.origin, cookie);
    const b = await connect(host.origin, cookie);
    const order: string[] = [];
    a.socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; event?: { type: string } };
      order.push(msg.event ? `event ${msg.event.type}` : 'answer');
    });
    const created = await a.call('projects.create', { template: 'blank', title: 'Answer first' });
    expect(created.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(order[0]).toBe('answer');
    expect(order.slice(1)).toContain('event projects.changed');
    expect(b.events).toContainEqual({ type: 'projects.changed' });
    a.close();
    b.close();
  });

  it('answers a method named by something other than text in words, and keeps serving', async () => {
    const a = await connect(host.origin, await sessionCookie(host.url));
    // A name that cannot even be turned into text ({ toString: null }) once threw inside the host.
    for (const method of [{ toString: null }, ['projects.list'], 42, null]) {
      const r = await a.call(method as unknown as string, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(!r.ok && r.error.message).toMatch(/named by text/);
    }
    expect(await a.call('projects.list', {})).toEqual({ ok: true, value: [] });
    a.close();
  });

  it('refuses a WebSocket without the cookie, from a foreign origin, or on another path', async () => {
    const cookie = await sessionCookie(host.url);
    await expect(connect(host.origin, '')).rejects.toThrow(/403/);
    await expect(connect(host.origin, cookie, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(host.origin, `journeywall_${host.port}=wrong`)).rejects.toThrow(/403/);
    expect(core.dispatch('projects.list', {}, null)).toEqual({ ok: true, value: [] });
  });

  it('closes a connection that sends a message over the size limit', async () => {
    await host.close();
    host = await startWebHost({ dispatch: core.dispatch, subscribe: core.subscribe, staticDir, maxMessageBytes: 1024 });
    const c = await connect(host.origin, await sessionCookie(host.url));
    const closed = new Promise<number>((resolve) => c.socket.once('close', (code) => resolve(code)));
    c.socket.send(JSON.stringify({ id: 1, method: 'projects.create', input: { template: 'blank', title: 'x'.repeat(5000) }, origin: 'x' }));
    expect(await closed).toBe(1009);
    expect(core.dispatch('projects.list', {}, null)).toEqual({ ok: true, value: [] });
  });

  it('leaves no port open after closing', async () => {
    const port = host.port;
    await host.close();
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    host = await startWebHost({ dispatch: core.dispatch, subscribe: core.subscribe, staticDir });
  });
});
