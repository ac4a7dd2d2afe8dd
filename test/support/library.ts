/** A real library in a temp folder, with a helper that unwraps results for readable tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { startCore, type Core } from '../../main/core';
import type { ApiEvent } from '../../shared/api/contract';
import type { ProjectMap } from '../../shared/api/schemas';

export interface TestLibrary {
  core: Core;
  dir: string;
  events: ApiEvent[];
  /** Call and expect success. */
  ok<M extends MethodName>(method: M, input: Input<M>): Output<M>;
  /** Call and expect failure; returns the error. */
  err(method: string, input: unknown): ApiError;
  raw(method: string, input: unknown): Result<unknown>;
  /** Any method's Result, awaited. */
  callRaw(method: string, input: unknown): Promise<Result<unknown>>;
  /** Any method, awaited, expecting failure; returns the error. */
  fails(method: string, input: unknown): Promise<ApiError>;
  /** Any method, awaited (the project file imports answer later). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
}

/** A call's Result when the method answers at once (every method but the project file imports); fails the test otherwise. */
export function sync(r: Result<unknown> | Promise<Result<unknown>>): Result<unknown> {
  if (r instanceof Promise) throw new Error('This method answers later: await it (lib.call) instead.');
  return r;
}

export function tempDir(prefix = 'journeywall-unit-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestLibrary(dir = tempDir()): TestLibrary {
  const core = startCore(dir);
  const events: ApiEvent[] = [];
  core.subscribe((e) => events.push(e));
  const raw = (method: string, input: unknown) => sync(core.dispatch(method, input, 'test'));
  return {
    core,
    dir,
    events,
    raw,
    ok(method, input) {
      const r = raw(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    err(method, input) {
      const r = raw(method, input);
      if (r.ok) throw new Error(`${method} succeeded but should have failed`);
      return r.error;
    },
    callRaw: async (method, input) => core.dispatch(method, input, 'test'),
    async fails(method, input) {
      const r = await core.dispatch(method, input, 'test');
      if (r.ok) throw new Error(`${method} succeeded but should have failed`);
      return r.error;
    },
    async call(method, input) {
      const r = await core.dispatch(method, input, 'test');
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    close: () => core.close(),
  };
}

/** The bytes of the library file and its WAL after a checkpoint-free close: equal bytes = unchanged. */
export function libraryBytes(lib: TestLibrary): Buffer {
  lib.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return fs.readFileSync(lib.core.libraryFile);
}

/** The ids of the cell at a stage and lane, by their titles. */
export function cellOf(m: ProjectMap, stage: string, lane: string): { stageId: string; laneId: string } {
  const s = m.stages.find((x) => x.title === stage);
  const l = m.lanes.find((x) => x.title === lane);
  if (!s || !l) throw new Error(`No cell ${stage} / ${lane}`);
  return { stageId: s.id, laneId: l.id };
}

/** The texts of a cell's notes, in order. */
export function textsIn(m: ProjectMap, stage: string, lane: string): string[] {
  const c = cellOf(m, stage, lane);
  return m.notes
    .filter((n) => n.stageId === c.stageId && n.laneId === c.laneId)
    .sort((a, b) => a.position - b.position)
    .map((n) => n.text);
}
