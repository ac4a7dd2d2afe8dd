/**
 * One worker thread for heavy work (see worker.ts), started when first needed and kept; tasks are
 * queued and answered in order. A worker that dies (out of memory on a hostile file, say) fails
 * the task it had and the ones waiting, and the next task starts a new one. The thread never
 * keeps the process alive on its own.
 */
import { Worker } from 'node:worker_threads';
import type { TaskResults, WorkerReply, WorkerTask } from './protocol';
import { workerScript } from './script';

export interface WorkerPoolOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI under Electron). */
  nativeBinding?: string;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class WorkerPool {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions = {}) {}

  run<T extends WorkerTask>(task: T, transfer: ArrayBuffer[] = []): Promise<TaskResults[T['task']]> {
    if (this.closed) return Promise.reject(new Error('Journeywall is closing.'));
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...task, id }, transfer);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('Journeywall is closing.'));
    if (w) await w.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerScript(), {
      workerData: { nativeBinding: this.options.nativeBinding },
      // A hostile file may make the worker run out of memory: it then stops alone, the app does not.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error(why));
    };
    worker.on('error', (e) => lost(`The worker failed: ${e.message}`));
    worker.on('exit', (code) => lost(`The worker stopped (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}
