#!/usr/bin/env node
/**
 * Room mode under load, on its own (`npm run bench:room`; `npm run bench` runs it too): N
 * participants (30) each add a note a second for S seconds (60) over loopback; see
 * bench/lib/room-load.mjs. Exits 1 when a note was not stored exactly once.
 *
 *   node bench/room-load.mjs [--participants=30] [--seconds=60] [--build]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectApi, ensureBuilt, snapshotApp, startHost } from './lib/host.mjs';
import { roomLoad } from './lib/room-load.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const participants = arg('participants', 30);
const seconds = arg('seconds', 60);
if (!(participants >= 1 && participants <= 200 && seconds >= 1 && seconds <= 600)) throw new Error('--participants 1–200, --seconds 1–600');

ensureBuilt({ force: process.argv.includes('--build') });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room-load-'));
const app = snapshotApp(fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-room-load-app-')));
const host = await startHost(app.entry, dataDir);
const api = await connectApi(host);
try {
  const result = await roomLoad({ api, host, participants, seconds });
  if (!result.ok) process.exitCode = 1;
} finally {
  api.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
