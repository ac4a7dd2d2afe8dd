/** The messages between the main thread and the worker (main/workers/worker.ts). */
import type { ImportPlan, ReadSummary } from '../portable/importer';

export type WorkerTask =
  /** A WebSocket request's bytes (UTF-8 JSON), parsed and held to the request limits. */
  | { task: 'parse'; bytes: Uint8Array }
  /** A project file handed over for import, in base64: read, checked and (with `plan`) turned into rows. */
  | { task: 'readProject'; fileName: string; data: string; now: string; plan: boolean };

export type ParseOutcome = { ok: true; request: unknown } | { ok: false; reason: 'not-json' | 'too-complex'; message: string };
export type ReadProjectOutcome = { ok: true; summary: ReadSummary; plan: ImportPlan | null } | { ok: false; message: string };

export interface TaskResults {
  parse: ParseOutcome;
  readProject: ReadProjectOutcome;
}

export type WorkerRequest = WorkerTask & { id: number };
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
