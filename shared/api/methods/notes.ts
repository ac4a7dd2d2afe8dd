/** Notes: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Channel, DeletedNote, Id, Index, Note, NoteColor, NoteText, RestoredKpi, RestoredNote, ShortText, Tags } from '../schemas';
import { mutation, inProject, input, partial } from './define';

const NoteFields = {
  text: NoteText,
  color: NoteColor,
  tags: Tags,
  channel: Channel.nullable(),
};

export const notesMethods = {
  'notes.create': mutation(
    'Add a note to a cell (stage × lane), at the end or at an index.',
    input({
      ...inProject,
      id: Id.optional(),
      stageId: Id,
      laneId: Id,
      text: NoteText,
      color: NoteColor.optional(),
      tags: Tags.optional(),
      channel: Channel.nullable().optional(),
      author: ShortText.optional(),
      index: Index.optional(),
    }),
    Note,
  ),
  'notes.update': mutation(
    "Change a note's text, colour, tags or channel.",
    input({ ...inProject, noteId: Id, ...partial(NoteFields) }),
    Note,
  ),
  'notes.move': mutation(
    'Move notes (in the given order) into a cell at an index; returns every note whose place changed.',
    input({ ...inProject, noteIds: z.array(Id).min(1).max(10_000), stageId: Id, laneId: Id, index: Index.optional() }),
    z.array(Note),
  ),
  'notes.delete': mutation(
    'Delete notes (and the KPIs on them); returns them as they were, each with its KPIs, so they can be restored.',
    input({ ...inProject, noteIds: z.array(Id).min(1).max(10_000) }),
    z.array(DeletedNote),
  ),
  'notes.updateMany': mutation(
    "Change several notes' text, colour, tags or channel at once (each note listed once); all or nothing.",
    input({
      ...inProject,
      updates: z
        .array(input({ noteId: Id, ...partial(NoteFields) }))
        .min(1, { error: 'must list at least one note' })
        .max(10_000, { error: 'must list at most 10,000 notes' }),
    }),
    z.array(Note),
  ),
  'notes.duplicate': mutation(
    'Copy notes, each copy right after its source in the same cell, with the id the caller chose; returns the copies.',
    input({
      ...inProject,
      copies: z
        .array(input({ sourceId: Id, id: Id }))
        .min(1, { error: 'must list at least one note' })
        .max(10_000, { error: 'must list at most 10,000 notes' }),
    }),
    z.array(Note),
  ),
  'notes.place': mutation(
    'Put notes at exact cells and positions (undo of a move from several cells); returns every note whose place changed.',
    input({
      ...inProject,
      placements: z
        .array(input({ noteId: Id, stageId: Id, laneId: Id, position: Index }))
        .min(1, { error: 'must list at least one note' })
        .max(10_000, { error: 'must list at most 10,000 notes' }),
    }),
    z.array(Note),
  ),
  'notes.restore': mutation(
    'Put deleted notes back exactly as they were, with the KPIs that were on them (undo of a delete).',
    input({ ...inProject, notes: z.array(RestoredNote).min(1).max(10_000), kpis: z.array(RestoredKpi).max(10_000).default([]) }),
    z.array(Note),
  ),
} as const;
