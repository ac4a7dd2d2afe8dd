#!/usr/bin/env node
// Makes sure better-sqlite3 is built for Electron's ABI, for `npm start` and `npm run dist`:
//
//   .electron-native/<electron version>-<platform>-<arch>/better_sqlite3.node
//
// node_modules/better-sqlite3/build is left alone: it is the Node build the unit tests use.
// The Electron build is made in a temporary copy of the package: first a prebuilt binary
// (prebuild-install), else a compile against Electron's headers (node-gyp).
//
//   node scripts/electron-native.mjs              check the Electron binary, build if missing
//   node scripts/electron-native.mjs --build-only  build even without an Electron binary
//   node scripts/electron-native.mjs --force       rebuild even if the file exists
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeBindingPath } from '../main/electron/native-binding.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const require = createRequire(path.join(root, 'package.json'));
const log = (line) => console.log(`electron-native: ${line}`);
const rel = (p) => path.relative(root, p) || '.';

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// ── What to build for ──────────────────────────────────────────────────────────────────────────
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = readJson(path.join(electronDir, 'package.json'))?.version;
if (!electronVersion) fail('node_modules/electron is missing. Run `npm install` first.');
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json'))?.version;
if (!sqliteVersion) fail('node_modules/better-sqlite3 is missing. Run `npm install` first.');
const { platform, arch } = process;
const target = electronNativeBindingPath(root, electronVersion, platform, arch);

// ── Is Electron itself there? (installing with ELECTRON_SKIP_BINARY_DOWNLOAD=1 leaves it out) ──
function electronBinary() {
  try {
    const exe = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const file = path.join(electronDir, 'dist', exe);
    return exe && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}
if (!args.has('--build-only') && !electronBinary()) {
  fail(
    [
      `Electron ${electronVersion} is not installed: node_modules/electron has no dist/ folder.`,
      '  It was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (or its download failed), so `npm start`',
      '  cannot open a Journeywall window on this machine.',
      '  - On a machine that can reach the Electron download: `rm -rf node_modules/electron && npm install`.',
      '  - Without Electron: `npm run web` serves the same app to a browser.',
      '  - To build only the native module anyway: `node scripts/electron-native.mjs --build-only`.',
    ].join('\n'),
  );
}

if (fs.existsSync(target) && !args.has('--force')) {
  log(`${rel(target)} is present (Electron ${electronVersion}, ${platform}-${arch}).`);
  process.exit(0);
}

// ── Build in a temporary copy ───────────────────────────────────────────────────────────────────
log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})…`);

// npm passes its config to scripts as npm_config_* variables, and prebuild-install and node-gyp
// read them: a nodedir, target or runtime meant for Node would give a Node build. Drop them.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source|platform)$/i.test(key)) delete env[key];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'journeywall-native-'));
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
let ok = false;
try {
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    const from = path.join(sqliteDir, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(work, entry), { recursive: true });
  }
  log(`copied node_modules/better-sqlite3 (without build/) to ${work}`);

  ok = prebuilt() || compiled();
  if (ok) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, target);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (!ok) {
  fail(
    [
      `could not get better-sqlite3 built for Electron ${electronVersion}.`,
      '  Neither could a prebuilt binary be downloaded (github.com) nor could it be compiled',
      '  (that needs Python 3, a C++20 compiler and make or MSBuild, and the Electron headers from',
      '  electronjs.org). The reason is in the output above.',
    ].join('\n'),
  );
}
log(`done: ${rel(target)}`);

function run(label, command, commandArgs, options = {}) {
  log(`${label}: ${[path.basename(command), ...commandArgs].join(' ')}`);
  const r = spawnSync(command, commandArgs, { cwd: work, env, stdio: 'inherit', ...options });
  if (r.error) log(`${label} could not run: ${r.error.message}`);
  return r.status === 0 && fs.existsSync(built);
}

/** A prebuilt binary for Electron's ABI, downloaded by prebuild-install (better-sqlite3's own dependency). */
function prebuilt() {
  let bin;
  try {
    bin = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir, root] });
  } catch {
    log('prebuild-install is not installed; compiling instead.');
    return false;
  }
  const done = run('prebuild-install', process.execPath, [bin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose']);
  if (!done) log('no prebuilt binary; compiling instead.');
  return done;
}

/** node-gyp against Electron's headers: the project's node-gyp, else npm's bundled one, else npx. */
function compiled() {
  const gypArgs = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    '--jobs=max',
  ];
  const gyp = findNodeGyp();
  if (gyp) return run('node-gyp', process.execPath, [gyp, ...gypArgs]);
  log('no node-gyp found next to the project or npm; trying npx.');
  return run('npx node-gyp', 'npx', ['--yes', 'node-gyp', ...gypArgs], { shell: process.platform === 'win32' });
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] }));
  } catch {
    // not a dependency of the project
  }
  // npm's bundled node-gyp: beside the npm running this script, or beside this Node.
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = path.dirname(process.execPath);
  candidates.push(path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}
