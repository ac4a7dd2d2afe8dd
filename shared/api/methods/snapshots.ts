/** Snapshots (named versions of a project): declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Id, MapDiff, Name, ProjectMap, Snapshot, SnapshotReason, SnapshotSummary } from '../schemas';
import { mutation, query, inProject, input } from './define';

const Brief = z.object({ average: z.number(), count: z.int() }).nullable();
/** A stage whose room curve differs: as the version has it and as it is now. */
export const RoomCurveChange = z.object({ stageId: Id, before: Brief, after: Brief });

const inSnapshot = { ...inProject, snapshotId: Id };

export const snapshotsMethods = {
  'snapshots.create': mutation(
    "Save a named copy of the project's whole map as it is now (reason: why it was taken; by hand unless said otherwise).",
    input({ ...inProject, name: Name, reason: SnapshotReason.optional() }),
    SnapshotSummary,
  ),
  'snapshots.list': query("The project's snapshots, newest first, without their maps.", input(inProject), z.array(SnapshotSummary)),
  'snapshots.get': query('One snapshot with the map it keeps.', input(inSnapshot), Snapshot),
  'snapshots.compare': query(
    "Compare a snapshot with the current map: notes added since (in the map, not in the snapshot), removed, changed and moved; stages, lanes and emotion scores likewise; and the stages where the room's emotion curve (average or number of people) differs.",
    input(inSnapshot),
    z.object({ snapshot: SnapshotSummary, diff: MapDiff, room: z.array(RoomCurveChange).default([]) }),
  ),
  'snapshots.restore': mutation(
    "Put the map back as the snapshot keeps it (stages, lanes, notes, emotion scores; the project's details stay). The current map is first saved as a 'before-restore' snapshot, returned as `undo`: restoring that one undoes this.",
    input(inSnapshot),
    z.object({ restored: SnapshotSummary, undo: SnapshotSummary, map: ProjectMap }),
  ),
  'snapshots.delete': mutation('Delete a snapshot (the map is not touched).', input(inSnapshot), z.object({ snapshotId: Id })),
} as const;
