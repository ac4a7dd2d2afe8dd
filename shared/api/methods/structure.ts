/** Stages and lanes: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { DeletedLane, DeletedStage, Id, Index, Lane, LaneKind, Name, NoteColor, RestoredEmotion, RestoredKpi, RestoredLane, RestoredNote, RestoredStage, Stage } from '../schemas';
import { mutation, inProject, input } from './define';

export const structureMethods = {
  'stages.add': mutation('Add a stage (column), at the end or at an index.', input({ ...inProject, id: Id.optional(), title: Name, index: Index.optional() }), Stage),
  'stages.rename': mutation('Rename a stage.', input({ ...inProject, stageId: Id, title: Name }), Stage),
  'stages.reorder': mutation('Put the stages in this order (every stage once).', input({ ...inProject, stageIds: z.array(Id).min(1).max(500) }), z.array(Stage)),
  'stages.delete': mutation('Delete a stage and the notes in it.', input({ ...inProject, stageId: Id }), DeletedStage),
  'stages.restore': mutation(
    'Put a deleted stage back with its notes, emotion scores and KPIs (undo of a delete).',
    input({ ...inProject, stage: RestoredStage, notes: z.array(RestoredNote).max(10_000), emotions: z.array(RestoredEmotion).max(10_000).default([]), kpis: z.array(RestoredKpi).max(10_000).default([]) }),
    Stage,
  ),
  'lanes.add': mutation(
    'Add a lane (row), at the end or at an index.',
    input({ ...inProject, id: Id.optional(), title: Name, kind: LaneKind.optional(), color: NoteColor.optional(), index: Index.optional() }),
    Lane,
  ),
  'lanes.rename': mutation('Rename a lane.', input({ ...inProject, laneId: Id, title: Name }), Lane),
  'lanes.reorder': mutation('Put the lanes in this order (every lane once).', input({ ...inProject, laneIds: z.array(Id).min(1).max(500) }), z.array(Lane)),
  'lanes.delete': mutation('Delete a lane and the notes in it.', input({ ...inProject, laneId: Id }), DeletedLane),
  'lanes.restore': mutation(
    'Put a deleted lane back with its notes, emotion scores and KPIs (undo of a delete).',
    input({ ...inProject, lane: RestoredLane, notes: z.array(RestoredNote).max(10_000), emotions: z.array(RestoredEmotion).max(10_000).default([]), kpis: z.array(RestoredKpi).max(10_000).default([]) }),
    Lane,
  ),
} as const;
