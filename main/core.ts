/**
 * The app without any window: the library, the services, the dispatch gate and the change feed.
 * Electron's main process and the web host both start exactly this.
 */
import path from 'node:path';
import type { ApiEvent } from '../shared/api/contract';
import { createDispatch, type Dispatch } from './api/dispatch';
import { openLibrary, type Db } from './db/library';
import { LIBRARY_FILE } from './paths';
import { createHandlers } from './services';

export interface Core {
  dataDir: string;
  libraryFile: string;
  db: Db;
  dispatch: Dispatch;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): void;
}

export function startCore(dataDir: string, options: { nativeBinding?: string } = {}): Core {
  const libraryFile = path.join(dataDir, LIBRARY_FILE);
  const db = openLibrary(libraryFile, options);
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const l of listeners) l(event);
  };
  const dispatch = createDispatch(createHandlers(db, emit));
  return {
    dataDir,
    libraryFile,
    db,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (db.open) db.close();
    },
  };
}
