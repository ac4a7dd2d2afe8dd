/**
 * Headless Chromium (the system one, through playwright-core) and fresh contexts in which every
 * request that would leave 127.0.0.1 is blocked and counted.
 */
import { chromium } from 'playwright-core';

export const VIEWPORT = { width: 1280, height: 800 };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** `extraArgs`: switches on top of the usual ones (the desktop app's Chromium settings, for one measurement). */
export async function launchBrowser(extraArgs = []) {
  const args = [...ARGS, ...extraArgs];
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
    return { browser, version: browser.version(), args };
  } catch (e) {
    throw new Error(`Could not start Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another): ${e.message}`);
  }
}

/**
 * Installed in every page before its own scripts: hooks performance.mark so that the first
 * "map drawn" mark also records when the frame after it was presented (a double rAF), and a rAF
 * recorder for frame times.
 */
function pageHooks() {
  const bench = (window.__bench = { painted: null, frames: null });
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if ((name === 'journeywall:map-drawn' || name === 'reference:map-drawn') && bench.painted === null) {
      bench.painted = -1;
      requestAnimationFrame(() => requestAnimationFrame(() => (bench.painted = performance.now())));
    }
    return entry;
  };
  bench.startFrames = () => {
    const frames = (bench.frames = []);
    const loop = (t) => {
      if (bench.frames !== frames) return;
      frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  bench.stopFrames = () => {
    const frames = bench.frames ?? [];
    bench.frames = null;
    return frames;
  };
}

/** A fresh context (cold cache, empty storage) that lets only 127.0.0.1 through. */
export async function newGuardedContext(browser, network) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(pageHooks);
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      network.blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('request', () => network.requests++);
  return context;
}

/** Console errors and uncaught exceptions of a page, for readable failures. */
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Waits until the page's first "map drawn" mark and the frame after it; times from navigation start. */
export async function waitForFirstDraw(page, markName, errors, timeoutMs = 90_000) {
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.painted > 0, null, { timeout: timeoutMs, polling: 50 });
  } catch {
    const extra = await page.evaluate(() => window.__referenceError ?? '').catch(() => '');
    throw new Error(`No "${markName}" mark within ${timeoutMs / 1000} s at ${page.url()}.${extra ? `\n${extra}` : ''}${errors.length ? `\nPage errors:\n  ${errors.slice(0, 8).join('\n  ')}` : ''}`);
  }
  return page.evaluate((name) => ({ drawnMs: performance.getEntriesByName(name)[0].startTime, paintedMs: window.__bench.painted }), markName);
}

/** The JS heap after garbage collection (CDP), in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
