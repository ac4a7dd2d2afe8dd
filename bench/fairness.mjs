// Fairness under a large import: does one client's big request hold up everyone else?
//   node bench/fairness.mjs [--notes 3000] [--target-mb 41] [--runs 3]
//
// Starts the built web host (dist/, run `npm run build` first) on a temporary data folder, makes a
// project of --notes notes with saved versions until its .journey file is about --target-mb MB,
// exports it, and then, while one client imports that file (projects.import, then
// projects.previewImport), a second client asks `projects.list` every 10 ms and times each answer.
// It prints the other client's slowest and p99 answer during each import, the same with no import
// going on, and the import's own time. The bound: no client may make the host
// unresponsive for more than a second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { connectApi, startHost } from './lib/host.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const NOTES = arg('notes', 3000);
const TARGET_MB = arg('target-mb', 41);
const RUNS = arg('runs', 3);

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const entry = path.join(root, 'dist', 'main', 'web.cjs');
if (!fs.existsSync(entry) || !fs.existsSync(path.join(root, 'dist', 'main', 'worker.cjs'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-fairness-'));
const host = await startHost(entry, dataDir);
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

try {
  const api = await connectApi(host);
  const other = await connectApi(host);

  // The project: NOTES notes over the template's cells, then saved versions until the file is big enough.
  const p = await api.call('projects.create', { template: 'purchase', title: 'Fairness' });
  const m = await api.call('map.get', { projectId: p.id });
  const lanes = m.lanes.filter((l) => l.kind !== 'emotion');
  for (let i = 0; i < NOTES; i++) {
    const stage = m.stages[i % m.stages.length];
    const lane = lanes[Math.floor(i / m.stages.length) % lanes.length];
    await api.call('notes.create', { projectId: p.id, stageId: stage.id, laneId: lane.id, text: `Note ${i}: the customer ${'compares prices and reads reviews '.slice(0, 20 + (i % 40))}` });
  }
  let file = await api.call('projects.exportJourney', { projectId: p.id });
  let versions = 0;
  while (Buffer.byteLength(file.data, 'base64') < TARGET_MB * 1e6) {
    const batch = Math.max(1, Math.ceil(((TARGET_MB * 1e6 - Buffer.byteLength(file.data, 'base64')) / Math.max(1, Buffer.byteLength(file.data, 'base64') / (versions + 1))) * 0.9));
    for (let i = 0; i < batch; i++) await api.call('snapshots.create', { projectId: p.id, name: `Version ${++versions}` });
    file = await api.call('projects.exportJourney', { projectId: p.id });
  }
  const size = Buffer.byteLength(file.data, 'base64');
  console.log(`project file: ${(size / 1e6).toFixed(1)} MB (${NOTES} notes, ${versions} saved versions)`);

  /** The other client's answer times while `work` runs (one call at a time, 10 ms apart). */
  async function probe(work) {
    const times = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const t = performance.now();
        await other.call('projects.list', {});
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const t0 = performance.now();
    await work();
    const took = performance.now() - t0;
    running = false;
    await loop;
    return { took, max: Math.max(...times), p99: q(times, 0.99), p50: q(times, 0.5), n: times.length };
  }

  // The importing client runs in a thread of its own (see lib/fairness-importer.mjs).
  const importer = new Worker(new URL('./lib/fairness-importer.mjs', import.meta.url), { workerData: { host: { origin: host.origin, cookie: host.cookie } } });
  await new Promise((resolve) => importer.once('message', resolve));
  const remote = (method, input) =>
    new Promise((resolve, reject) => {
      importer.once('message', (m) => (m.ok ? resolve(m) : reject(new Error(m.error))));
      importer.postMessage({ method, input });
    });

  const idle = await probe(() => new Promise((r) => setTimeout(r, 2000)));
  console.log(`no import:      other client p50 ${idle.p50.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms (${idle.n} calls)`);
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    const imp = await probe(() => remote('projects.import', { fileName: file.fileName, data: file.data }));
    const pre = await probe(() => remote('projects.previewImport', { fileName: file.fileName, data: file.data }));
    results.push({ imp, pre });
    console.log(
      `run ${run}: import ${(imp.took / 1000).toFixed(2)} s — other client p50 ${imp.p50.toFixed(1)} ms, p99 ${imp.p99.toFixed(1)} ms, max ${imp.max.toFixed(1)} ms (${imp.n} calls); ` +
        `preview ${(pre.took / 1000).toFixed(2)} s — other client max ${pre.max.toFixed(1)} ms`,
    );
  }
  const worst = Math.max(...results.flatMap((r) => [r.imp.max, r.pre.max]));
  console.log(`worst answer to the other client during an import or preview: ${worst.toFixed(0)} ms (bound: 1000 ms) — ${worst < 1000 ? 'within' : 'OVER'} the bound`);
  await importer.terminate();
  api.close();
  other.close();
} finally {
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
