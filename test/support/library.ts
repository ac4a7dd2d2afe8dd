/** A real library in a temp folder, with a helper that unwraps results for readable tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { startCore, type Core } from '../../main/core';
import type { ApiEvent } from '../../shared/api/contract';

export interface TestLibrary {
  core: Core;
  dir: string;
  events: ApiEvent[];
  /** Call and expect success. */
  ok<M extends MethodName>(method: M, input: Input<M>): Output<M>;
  /** Call and expect failure; returns the error. */
  err(method: string, input: unknown): ApiError;
  raw(method: string, input: unknown): Result<unknown>;
  close(): void;
}

export function tempDir(prefix = 'journeywall-unit-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestLibrary(dir = tempDir()): TestLibrary {
  const core = startCore(dir);
  const events: ApiEvent[] = [];
  core.subscribe((e) => events.push(e));
  const raw = (method: string, input: unknown) => core.dispatch(method, input, 'test');
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
    close: () => core.close(),
  };
}

/** The bytes of the library file and its WAL after a checkpoint-free close: equal bytes = unchanged. */
export function libraryBytes(lib: TestLibrary): Buffer {
  lib.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return fs.readFileSync(lib.core.libraryFile);
}
