import type { Db } from '../db/library';
import { ServiceContext, type EventSink, type Handlers } from './context';
import { emotionHandlers } from './emotions';
import { noteHandlers } from './notes';
import { projectHandlers } from './projects';
import { structureHandlers } from './structure';

export type { CallContext, EventSink, Handlers } from './context';

/** Every API method's implementation; the type makes a missing one a compile error. */
export function createHandlers(db: Db, emit: EventSink): Handlers {
  const ctx = new ServiceContext(db, emit);
  return {
    ...projectHandlers(ctx),
    ...noteHandlers(ctx),
    ...structureHandlers(ctx),
    ...emotionHandlers(ctx),
  };
}
