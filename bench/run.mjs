#!/usr/bin/env node
/**
 * `npm run bench`: Journeywall's canvas at workshop scale, beside the same map in Excalidraw.
 * See bench/README.md for what is measured and how.
 *
 * Options:
 *   --build           build dist/ first (otherwise only when it is missing)
 *   --sizes=500,1000  map sizes (default 500,1000,3000,5000)
 *   --rounds=3        A B rounds per size (default 3)
 *   --typed=200       notes typed for Enter → acknowledged (0 to skip; at 3,000 notes, or the
 *                     largest size below it)
 *   --room-seconds=60 room mode under load: 30 participants on loopback each add a note a second
 *                     for this long (0 to skip); p50/p99 send → acknowledged and → the facilitator
 *   --no-reference    Journeywall only
 *   --screenshots     save each page after its first draw to a temporary folder (to compare the scenes)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VIEWPORT, heapAfterGc, launchBrowser, newGuardedContext } from './lib/browser.mjs';
import { listApiMethods, timeFeatures } from './lib/features.mjs';
import { panAndZoom } from './lib/gesture.mjs';
import { connectApi, ensureBuilt, snapshotApp, startHost } from './lib/host.mjs';
import { gitState } from './lib/git.mjs';
import { appLook, desktopChromiumArgs } from './lib/app-source.mjs';
import { exportLayout, journeywallTarget, openJourneywall } from './lib/journeywall.mjs';
import { elapsedSeconds, log, step, warn } from './lib/log.mjs';
import { ensureReference, openReference, prepareScene, referenceScene, referenceTarget, serveReference } from './lib/reference.mjs';
import { best, printTable, ratios, targets, writeResults } from './lib/report.mjs';
import { createBenchProject, typedNotes } from './lib/seed.mjs';
import { round } from './lib/stats.mjs';
import { enterToAck, harnessFloor, hostRoundTrip } from './lib/typing.mjs';
import { roomLoad } from './lib/room-load.mjs';

const LIMIT_MINUTES = 10;
const SETTLE_MS = 1000;

function options(argv) {
  const known = /^--(build|no-reference|screenshots|sizes=.*|rounds=.*|typed=.*|room-seconds=.*)$/;
  const unknown = argv.filter((a) => !known.test(a));
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(' ')} (see the top of bench/run.mjs).`);
  const get = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const opts = {
    build: argv.includes('--build'),
    reference: !argv.includes('--no-reference'),
    sizes: get('sizes', '500,1000,3000,5000').split(',').map(Number),
    rounds: Number(get('rounds', '3')),
    typed: Number(get('typed', '200')),
    roomSeconds: Number(get('room-seconds', '60')),
    screenshots: argv.includes('--screenshots') ? fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-bench-screens-')) : null,
  };
  const whole = (v, min) => Number.isInteger(v) && v >= min;
  if (!opts.sizes.every((n) => whole(n, 1) && n <= 10_000)) throw new Error('--sizes takes note counts from 1 to 10,000, e.g. --sizes=500,1000');
  if (!whole(opts.rounds, 1) || !whole(opts.typed, 0)) throw new Error('--rounds takes a whole number ≥ 1, --typed one ≥ 0');
  if (!whole(opts.roomSeconds, 0) || opts.roomSeconds > 120) throw new Error('--room-seconds takes a whole number from 0 to 120');
  return opts;
}

/** Everything started is stopped here, also after a failure or the time limit. */
const cleanups = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()().catch(() => {});
}

/** One page load + gesture + heap, in a fresh context. */
async function measure(browser, network, open, targetOf, screenshot) {
  const context = await newGuardedContext(browser, network);
  try {
    const opened = await open(context);
    await opened.page.waitForTimeout(SETTLE_MS);
    if (screenshot) await opened.page.screenshot({ path: screenshot });
    const frames = await panAndZoom(targetOf(opened));
    const heapMB = round((await heapAfterGc(opened.page)) / 1024 / 1024, 1);
    if (opened.errors.length) warn(`page errors: ${opened.errors.slice(0, 3).join(' | ')}`);
    const draw = { dataMs: round(opened.draw.dataMs, 0), mapCallMs: round(opened.draw.mapCallMs, 0), drawnMs: round(opened.draw.drawnMs, 0), paintedMs: round(opened.draw.paintedMs, 0) };
    return { opened, run: { ...draw, ...frames, heapMB, pageErrors: opened.errors.length } };
  } finally {
    await context.close();
  }
}

const describe = (r) => `data ${r.dataMs} ms, drawn ${r.drawnMs} ms, ${r.fps} fps (p95 ${r.p95Ms} ms), heap ${r.heapMB} MB, zoom ${r.zoom.start}→${r.zoom.reached}`;

/** The same map for Excalidraw, from the boxes the Journeywall page drew (once per size). */
async function prepareReference({ browser, network, server, project, look, layout, view }) {
  const context = await newGuardedContext(browser, network);
  try {
    return await prepareScene(context, server, String(project.count), referenceScene({ layout, view, project, look }));
  } finally {
    await context.close();
  }
}

async function measureSize({ browser, network, host, server, project, look, opts }) {
  const n = project.count;
  const ours = [];
  const ref = [];
  let scene = null;
  for (let round_ = 1; round_ <= opts.rounds; round_++) {
    let layout = null;
    const a = await measure(
      browser,
      network,
      async (context) => {
        const opened = await openJourneywall(context, host, project.projectId);
        if (server && !scene) layout = await exportLayout(opened.page);
        return opened;
      },
      (o) => journeywallTarget(o.page, o.view),
      opts.screenshots && path.join(opts.screenshots, `${n}-${round_}-journeywall.png`),
    );
    ours.push({ ...a.run, notesInFirstView: a.opened.view.notesInFirstView });
    log(`  ${n} notes, round ${round_}, Journeywall: ${describe(a.run)}`);
    if (!server) continue;
    scene ??= await prepareReference({ browser, network, server, project, look, layout, view: a.opened.view });
    const b = await measure(
      browser,
      network,
      (context) => openReference(context, server, String(n)),
      (o) => referenceTarget(o.page, a.opened.view.rect),
      opts.screenshots && path.join(opts.screenshots, `${n}-${round_}-excalidraw.png`),
    );
    ref.push({ ...b.run, elements: b.opened.stats.elements });
    log(`  ${n} notes, round ${round_}, Excalidraw:  ${describe(b.run)}`);
  }
  const result = { notes: n, journeywall: { runs: ours, best: best(ours) } };
  if (ref.length) {
    result.excalidraw = { scene, runs: ref, best: best(ref) };
    result.ratios = ratios(result.journeywall.best, result.excalidraw.best);
  }
  return result;
}

/** Enter → acknowledged at 3,000 notes (or the largest size below), and the host alone. */
async function measureTyping({ browser, network, host, api, projects, opts }) {
  const size = [...projects.keys()].sort((a, b) => b - a).find((n) => n <= 3000) ?? Math.min(...projects.keys());
  const project = projects.get(size);
  return step(`Typing ${opts.typed} notes into one cell at ${size.toLocaleString('en')} notes`, async () => {
    const context = await newGuardedContext(browser, network);
    try {
      const measured = await enterToAck(context, host, project.projectId, typedNotes(opts.typed));
      const floorContext = await newGuardedContext(browser, network);
      try {
        const floorMs = await harnessFloor(floorContext, host, project, typedNotes(opts.typed));
        return { mapNotes: size, ...measured, floorMs, hostAloneMs: await hostRoundTrip(api, project, typedNotes(50)) };
      } finally {
        await floorContext.close();
      }
    } catch (e) {
      warn(e.message);
      return { mapNotes: size, error: e.message };
    } finally {
      await context.close();
    }
  });
}

/** What was measured, where and how: stored with the figures. */
function metadata({ startedAt, loadBefore, chromium, args, app, build, reference, opts, server }) {
  const cpus = os.cpus();
  return {
    startedAt,
    durationSeconds: round(elapsedSeconds(), 0),
    machine: { loadAverage: { before: round(loadBefore, 2), after: round(os.loadavg()[0], 2) }, cpus: cpus.length, cpuModel: cpus[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, chromium, chromiumArgs: args, headless: true, viewport: VIEWPORT },
    app: { ...gitState(), distBuiltAt: app.builtAt, distBuiltByBench: build.built, distOlderThanSources: build.stale },
    reference: reference && {
      package: '@excalidraw/excalidraw',
      version: reference.excalidraw,
      scene: "Journeywall's own layout boxes (grid, lane titles, headers, notes, emotion curve) as rectangles with bound text (Liberation Sans 16 px), roughness 0; converted once untimed (convertToExcalidrawElements), then opened as initialData like a saved drawing",
      drawnWhen: 'a probe pixel of a note in the first view shows its fill (polled each frame)',
    },
    method: {
      rounds: opts.rounds,
      order: server ? 'A B A B (Journeywall, Excalidraw, …), a fresh browser context per page' : 'A A',
      summary: 'best of the rounds, per metric (lowest time, p95 and heap; highest fps); every round is in `runs`',
      firstDraw: 'from navigation start: dataMs → the map\'s data in hand (Journeywall: projects.open answered, mapCallMs of it the call itself; Excalidraw: scene JSON parsed), drawnMs → the page\'s "map drawn" mark, paintedMs → the second rAF after it',
      gesture: '~1 s wheel pan, ~1 s Ctrl+wheel zoom out and back (same zoom range in both apps), ~1 s drag pan, input at ~60 events/s; rAF deltas in the page',
      heap: 'CDP HeapProfiler.collectGarbage ×2, then Runtime.getHeapUsage().usedSize, after the gesture',
    },
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const watchdog = setTimeout(async () => {
    console.error(`\nThe benchmark ran over its ${LIMIT_MINUTES}-minute limit and was stopped (see the last step above).`);
    await cleanUp();
    process.exit(2);
  }, LIMIT_MINUTES * 60_000);
  watchdog.unref();

  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length * 0.5) warn(`the machine is busy (load average ${loadBefore.toFixed(1)} on ${os.cpus().length} cores): other work skews the figures; run the benchmark on a quiet machine.`);
  const { methods, source } = await step('Reading the API contract', listApiMethods);
  log(`  ${methods.length} methods (${source})`);
  const build = ensureBuilt({ force: opts.build });
  const reference = opts.reference ? await step('Preparing the reference page (bench/reference)', async () => ensureReference()) : null;
  const look = await appLook();

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-bench-'));
  cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  const app = snapshotApp(work);
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const host = await step(`Starting the web host (a copy of dist/ built ${app.builtAt}; data in ${dataDir})`, () => startHost(app.entry, dataDir));
  cleanups.push(host.stop);
  const api = await connectApi(host);
  cleanups.push(async () => api.close());

  const projects = new Map();
  for (const n of opts.sizes) projects.set(n, await step(`Creating a project of ${n.toLocaleString('en')} notes through the API`, () => createBenchProject(api, n)));

  const { browser, version: chromium, args } = await step('Starting Chromium', launchBrowser);
  cleanups.push(() => browser.close());
  const server = opts.reference ? await serveReference() : null;
  if (server) cleanups.push(server.close);
  const network = { requests: 0, blocked: [] };

  const sizes = [];
  for (const n of opts.sizes) {
    sizes.push(await step(`Measuring ${n.toLocaleString('en')} notes (${opts.rounds} rounds, ${server ? 'Journeywall / Excalidraw interleaved' : 'Journeywall only'})`, () => measureSize({ browser, network, host, server, project: projects.get(n), look, opts })));
  }

  const typing = opts.typed > 0 ? await measureTyping({ browser, network, host, api, projects, opts }) : null;
  // The same typing in Chromium with the desktop app's switches (main/electron/chromium.ts).
  const desktopArgs = await desktopChromiumArgs();
  let typingDesktop = null;
  if (opts.typed > 0 && desktopArgs.length) {
    const desktop = await step(`Starting Chromium as the desktop app runs it (${desktopArgs.join(' ')})`, () => launchBrowser(desktopArgs));
    try {
      typingDesktop = { chromiumArgs: desktopArgs, ...(await measureTyping({ browser: desktop.browser, network, host, api, projects, opts })) };
    } finally {
      await desktop.browser.close();
    }
  }
  const features = await timeFeatures(methods, { api, projects });
  // Room mode: 30 phones on loopback, a note a second each (bench/lib/room-load.mjs).
  const room =
    opts.roomSeconds > 0
      ? await step(`Room mode: 30 participants, a note a second each for ${opts.roomSeconds} s (loopback)`, () =>
          roomLoad({ api, host, participants: 30, seconds: opts.roomSeconds, say: (m) => log(`  ${m}`) }).catch((e) => {
            warn(e.message);
            return { error: e.message };
          }),
        )
      : null;

  const results = { ...metadata({ startedAt, loadBefore, chromium, args, app, build, reference, opts, server }), sizes, enterToAck: typing, enterToAckDesktop: typingDesktop, features, room, network };
  results.targets = targets(results);

  printTable(results);
  const file = writeResults(results);
  if (opts.screenshots) log(`Screenshots in ${opts.screenshots}`);
  log(`Results written to ${file} and bench/results/latest.json`);
  clearTimeout(watchdog);
}

main()
  .catch((e) => {
    console.error(`\nThe benchmark failed: ${e.message}`);
    if (process.env.BENCH_DEBUG) console.error(e.stack);
    process.exitCode = 1;
  })
  .finally(cleanUp);
