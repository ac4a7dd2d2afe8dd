/** Serving dist/renderer on app://journeywall: only files inside the folder, always with the CSP. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../main/electron/app-protocol';
import { contentSecurityPolicy } from '../../main/host/csp';
import { tempDir } from '../support/library';

let base: string;
let root: string;
beforeAll(() => {
  base = tempDir('journeywall-protocol-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Journeywall</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling');
});

const csp = contentSecurityPolicy();
const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, { rootDir: root, csp });

describe('app:// protocol', () => {
  it('serves index.html for / and files with their types and the CSP', async () => {
    for (const url of ['app://journeywall/', 'app://journeywall/index.html', 'app://journeywall']) {
      const r = await get(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(csp);
      expect(await r.text()).toContain('<title>Journeywall</title>');
    }
    const js = await get('app://journeywall/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://journeywall/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('does not leave the renderer folder, however the path is written', async () => {
    const attempts = [
      'app://journeywall/../secret.txt',
      'app://journeywall/%2e%2e/secret.txt',
      'app://journeywall/assets/%2e%2e/%2e%2e/secret.txt',
      'app://journeywall/%2E%2E%2Fsecret.txt',
      'app://journeywall/assets%2F..%2F..%2Fsecret.txt',
      'app://journeywall/..%5Csecret.txt',
      'app://journeywall/%2e%2e%5csecret.txt',
      'app://journeywall/..%2Frenderer-evil.txt',
      'app://journeywall/' + encodeURIComponent(path.join(base, 'secret.txt')),
      'app://journeywall/%00index.html',
      'app://journeywall/%E0%A4%A',
    ];
    for (const url of attempts) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toMatch(/outside|sibling/);
    }
  });

  it('answers only its own origin and only GET/HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('https://journeywall/index.html')).status).toBe(404);
    expect((await get('app://journeywall/index.html', 'POST')).status).toBe(405);
    const head = await get('app://journeywall/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('404s a missing file, and serves the app for an extension-less page path', async () => {
    expect((await get('app://journeywall/assets/missing.js')).status).toBe(404);
    const page = await get('app://journeywall/project/123');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Journeywall</title>');
  });

  it('resolves names inside the root only', () => {
    expect(resolveAppFile(root, 'app://journeywall/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://journeywall/assets/')).toBe(path.join(root, 'assets', 'index.html'));
    // The URL parser already folds a plain `..` away; an encoded slash is only decoded here.
    expect(resolveAppFile(root, 'app://journeywall/%2e%2e/x')).toBe(path.join(root, 'x'));
    expect(resolveAppFile(root, 'app://journeywall/a%2F..%2F..%2Fx')).toBeNull();
    expect(resolveAppFile(root, 'app://journeywall/a%2F..%2Fx')).toBe(path.join(root, 'x'));
    expect(resolveAppFile(root, 'app://journeywall/%00')).toBeNull();
  });
});
