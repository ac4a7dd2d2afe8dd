#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's Electronegativity on the code that runs in Electron
// (main/, preload/, renderer/), offline, failing on any MEDIUM or HIGH finding.
//
//   node scripts/electronegativity.mjs [--report FILE.csv] [--all]
//
// Offline. Electronegativity reaches for the internet on every run, twice: for updated
// translations of its messages (locales/i18n.js, no switch to turn it off) and for Electron's
// release list (AvailableSecurityFixesGlobalCheck). So it runs here in-process with its HTTP
// client (`got`) replaced by one that refuses at once, every other socket connection refused too,
// and the release check excluded (it needs the network by design; the Electron version is pinned
// in package.json and raised on purpose). Nothing leaves the machine; refused attempts are listed.
//
// Findings come from its programmatic API (documented in its README), which returns each one with
// its severity and confidence. Its own CSV/SARIF writer is not used to decide: it writes after the
// API has returned, the CSV in two racing writes (header and rows), and the SARIF without severity.
// With --report FILE.csv the findings are written as CSV by this script.
//
// Fails (exit 1) on: a MEDIUM or HIGH finding not accepted in scripts/electronegativity-accepted.json
// (each acceptance matches one finding by check, file and the exact flagged line, and carries its
// reason in writing), or a file it could not parse (it would have been skipped silently).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const reportFile = args.includes('--report') ? path.resolve(args[args.indexOf('--report') + 1]) : null;
const showAll = args.includes('--all');

// ── No network ─────────────────────────────────────────────────────────────────
const networkAttempts = [];
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const refuse = (url) => {
      networkAttempts.push(String(url));
      return Promise.reject(new Error('Network access is disabled for this audit.'));
    };
    return Object.assign(refuse, { get: refuse, extend: () => refuse, default: refuse });
  }
  return load.call(this, request, parent, isMain);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) {
  networkAttempts.push(JSON.stringify(a[0]).slice(0, 100));
  this.destroy(new Error('Network access is disabled for this audit.'));
  return this;
};
void connect;

// ── What to scan: the Electron-side code, copied to a folder without tests, builds or node_modules ──
const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-electronegativity-'));
const SOURCES = ['main', 'preload', 'renderer'].filter((d) => fs.existsSync(path.join(root, d)));
const skip = new Set(['node_modules', 'dist', 'test-results']);
function copy(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copy(src, path.join(to, entry.name));
    else if (/\.(m?[jt]sx?|html?|json)$/.test(entry.name)) fs.copyFileSync(src, path.join(to, entry.name));
  }
}
for (const d of SOURCES) copy(path.join(root, d), path.join(scan, d));
// package.json: its scripts are checked for dangerous Electron switches, and it names the Electron version.
fs.copyFileSync(path.join(root, 'package.json'), path.join(scan, 'package.json'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.electron?.replace(/^[^\d]*/, '');

// ── Run ────────────────────────────────────────────────────────────────────────
const run = require('@doyensec/electronegativity');
const quiet = console.log;
console.log = (...a) => {
  if (/Could not retrieve updated translations/.test(String(a[0]))) return; // the refused online call, expected
  quiet(...a);
};
let result;
try {
  result = await run({
    input: scan,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
  });
} finally {
  console.log = quiet;
  fs.rmSync(scan, { recursive: true, force: true });
}

const rank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const issues = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  line: i.location?.line,
  column: i.location?.column,
  sample: (i.sample ?? '').trim().slice(0, 120),
  description: i.description,
  manualReview: i.manualReview,
}));
const accepted = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'electronegativity-accepted.json'), 'utf8')).accepted;
const acceptance = (i) => accepted.find((a) => a.id === i.id && a.file === i.file && a.line === i.sample);
const serious = issues.filter((i) => rank[i.severity] >= rank.MEDIUM);
const blocking = serious.filter((i) => !acceptance(i));
const stale = accepted.filter((a) => !serious.some((i) => acceptance(i) === a));
const parseErrors = result.errors.filter((e) => !e.tolerable);

if (reportFile) {
  const csv = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = ['id,severity,confidence,file,line,column,sample,description', ...issues.map((i) => [i.id, i.severity, i.confidence, i.file, i.line, i.column, i.sample, i.description].map(csv).join(','))];
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, lines.join('\n') + '\n');
}

const show = (i) => `  ${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id}  ${i.file}:${i.line}:${i.column}${i.manualReview ? '  (review)' : ''}\n      ${i.sample}\n      ${i.description}`;
console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version}: scanned ${SOURCES.join('/, ')}/ as Electron ${electronVersion}, ` +
    `${result.globalChecks} global and ${result.atomicChecks} atomic checks, offline; ${issues.length} findings, ${serious.length} medium or high ` +
    `(${serious.length - blocking.length} accepted after review), ${parseErrors.length} files not parsed.`,
);
console.log(blocking.length > 0 ? 'Medium or high, not accepted:' : 'No medium or high finding that is not accepted.');
for (const i of blocking) console.log(show(i));
const acceptedNow = serious.filter((i) => acceptance(i));
if (acceptedNow.length > 0) console.log('Accepted after review (scripts/electronegativity-accepted.json):');
for (const i of acceptedNow) console.log(`${show(i)}\n      accepted: ${acceptance(i).reason}`);
if (showAll) for (const i of issues.filter((x) => rank[x.severity] < rank.MEDIUM)) console.log(show(i));
else if (issues.length > serious.length) console.log(`(${issues.length - serious.length} informational or low findings not shown; --all shows them)`);
for (const a of stale) console.log(`  accepted finding no longer found, remove it from scripts/electronegativity-accepted.json: ${a.id} ${a.file}: ${a.line}`);
for (const e of parseErrors) console.log(`  NOT SCANNED ${path.relative(scan, e.file)}: ${e.message}`);
if (networkAttempts.length > 0) console.log(`  refused network access: ${networkAttempts.join(', ')}`);

const failed = blocking.length > 0 || parseErrors.length > 0;
console.log(failed ? 'electronegativity: FAILED' : 'electronegativity: passed (no medium or high finding that is not accepted)');
process.exit(failed ? 1 : 0);
