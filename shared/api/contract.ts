/**
 * The API contract: every method once, with its input and output schemas.
 *
 * Main validates every call against it (main/api/dispatch.ts); the IPC handlers, the preload
 * bridge, the web host and the renderer's client all take their method list and types from here.
 * To add a method: declare it in its domain file under methods/, implement it in main/services
 * (the compiler says where it is missing), and every transport has it.
 */
import { z } from 'zod';
import { Id, Note, Timestamp } from './schemas';
import { backupsMethods } from './methods/backups';
import { copisMethods } from './methods/copis';
import { emotionsMethods } from './methods/emotions';
import { notesMethods } from './methods/notes';
import { portableMethods } from './methods/portable';
import { presentationMethods } from './methods/presentation';
import { projectsMethods } from './methods/projects';
import { reportsMethods } from './methods/reports';
import { snapshotsMethods } from './methods/snapshots';
import { structureMethods } from './methods/structure';
import { timerMethods } from './methods/timer';
import { transfersMethods } from './methods/transfers';
import { trashMethods } from './methods/trash';
import { votingMethods } from './methods/voting';
import { roomMethods } from './methods/room';
import { personasMethods } from './methods/personas';

/** Every method, by name. Each domain declares its methods in its own file under methods/. */
export const contract = {
  ...projectsMethods,
  ...notesMethods,
  ...structureMethods,
  ...emotionsMethods,
  ...snapshotsMethods,
  ...backupsMethods,
  ...transfersMethods,
  ...reportsMethods,
  ...votingMethods,
  ...timerMethods,
  ...portableMethods,
  ...presentationMethods,
  ...copisMethods,
  ...trashMethods,
  ...roomMethods,
  ...personasMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a service receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);

// ── Events pushed to every connected window ────────────────────────────────────
export const ApiEvent = z.discriminatedUnion('type', [
  /** The project list changed (created, renamed, deleted, note counts). */
  z.object({ type: z.literal('projects.changed') }),
  /**
   * A project's map changed; `origin` is the connection that made the change. `notes`: when the
   * change touched notes only (and not too many), what it did to them — the notes it wrote, as
   * they are now (moved neighbours included), and the ids it removed — so a window showing the
   * map can apply it to revision − 1 instead of reading the whole map again.
   */
  z.object({
    type: z.literal('project.changed'),
    projectId: Id,
    revision: z.int(),
    origin: z.string().nullable(),
    method: z.string(),
    notes: z.object({ updatedAt: Timestamp, changed: z.array(Note), removed: z.array(Id) }).optional(),
  }),
  /** A project's list of snapshots changed (one taken, restored or deleted). */
  z.object({ type: z.literal('snapshots.changed'), projectId: Id }),
  /** A project's timer was set, paused, changed, cleared or ran out. */
  z.object({ type: z.literal('timer.changed'), projectId: Id }),
  /** A project's voting rounds or votes changed (a round opened or closed, a dot cast or taken back). */
  z.object({ type: z.literal('voting.changed'), projectId: Id, roundId: Id }),
  /** What a project's presentation shows changed (a step, or the presentation began or ended): projector windows follow. */
  z.object({ type: z.literal('presentation.changed'), projectId: Id }),
  /** The whole library was replaced by a backup: every window should reload everything it shows. */
  z.object({ type: z.literal('library.replaced') }),
  /** The room opened or closed, or someone joined, connected, left or scored (room mode). */
  z.object({ type: z.literal('room.changed') }),
]);
export type ApiEvent = z.infer<typeof ApiEvent>;
