/**
 * The worker thread: the work that is heavy enough to hold up every window and participant if
 * the main thread did it. Parsing a large WebSocket request (held to the request limits) and
 * reading a project file for import (base64 → bytes → the .journey or JSON reader → every value
 * checked → the new project's rows). It has no connection to the library; the main thread writes
 * the rows. Each task is answered once, with a value or an error message.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { requestTooComplex } from '../host/request-limits';
import { planImport, readProjectFile, summarize } from '../portable/importer';
import type { Db } from '../db/library';
import type { ParseOutcome, ReadProjectOutcome, WorkerReply, WorkerRequest } from './protocol';

const nativeBinding = (workerData as { nativeBinding?: string } | null)?.nativeBinding;
let like: Db | null = null;
/** A connection in memory, made with the SQLite build the app uses: the project file reader opens its files with the same build. */
const sqlite = (): Db => (like ??= new Database(':memory:', nativeBinding ? { nativeBinding } : {}));

function parse(bytes: Uint8Array): ParseOutcome {
  let request: unknown;
  try {
    request = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return { ok: false, reason: 'not-json', message: 'Not JSON' };
  }
  const tooComplex = requestTooComplex(request);
  return tooComplex ? { ok: false, reason: 'too-complex', message: tooComplex } : { ok: true, request };
}

/** Standard base64 with its padding (a scan for a wrong character, not a regex over the whole text: files are large). */
function isBase64(s: string): boolean {
  if (s.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(s)) return false;
  const pad = s.indexOf('=');
  return pad === -1 || (pad >= s.length - 2 && /^=+$/.test(s.slice(pad)));
}

function readProject(fileName: string, data: string, now: string, plan: boolean): ReadProjectOutcome {
  if (!isBase64(data)) return { ok: false, message: 'must be the file’s contents in base64' };
  const read = readProjectFile(sqlite(), now, fileName, Buffer.from(data, 'base64'));
  const summary = summarize(read);
  return { ok: true, summary, plan: plan && summary.checked && read.project ? planImport(read.project) : null };
}

parentPort!.on('message', (message: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const value = message.task === 'parse' ? parse(message.bytes) : readProject(message.fileName, message.data, message.now, message.plan);
    reply = { id: message.id, ok: true, value };
  } catch (e) {
    reply = { id: message.id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  parentPort!.postMessage(reply);
});
