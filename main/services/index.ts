import type { Db } from '../db/library';
import { backupHandlers, type LibraryControl } from './backups';
import { copisHandlers } from './copis';
import { ServiceContext, type EventSink, type Handlers } from './context';
import { emotionHandlers } from './emotions';
import { noteHandlers } from './notes';
import { portableHandlers } from './portable';
import { presentationHandlers } from './presentation';
import { projectHandlers } from './projects';
import { reportHandlers } from './reports';
import { roomHandlers } from './room';
import type { RoomControl } from '../room/manager';
import { snapshotHandlers } from './snapshots';
import { structureHandlers } from './structure';
import { timerHandlers } from './timer';
import { transferHandlers } from './transfers';
import { trashHandlers } from './trash';
import { votingHandlers } from './voting';
import type { WorkerPool } from '../workers/pool';
import { personaHandlers } from './personas';
import { kpiHandlers } from './kpis';
import { sampleHandlers } from './sample';

export type { CallContext, EventSink, Handlers } from './context';
export type { LibraryControl } from './backups';

/** Every API method's implementation; the type makes a missing one a compile error. */
export function createHandlers(db: Db, emit: EventSink, library?: LibraryControl, workers?: WorkerPool, room?: RoomControl): Handlers {
  const ctx = new ServiceContext(db, emit, workers);
  return {
    ...projectHandlers(ctx),
    ...noteHandlers(ctx),
    ...structureHandlers(ctx),
    ...emotionHandlers(ctx),
    ...snapshotHandlers(ctx),
    ...backupHandlers(library),
    ...transferHandlers(ctx),
    ...reportHandlers(ctx),
    ...votingHandlers(ctx),
    ...timerHandlers(ctx),
    ...portableHandlers(ctx),
    ...presentationHandlers(ctx),
    ...copisHandlers(ctx),
    ...trashHandlers(ctx),
    ...roomHandlers(room),
    ...personaHandlers(ctx),
    ...kpiHandlers(ctx),
    ...sampleHandlers(ctx),
  };
}
