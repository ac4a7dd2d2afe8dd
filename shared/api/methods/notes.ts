/** Notes: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { Channel, Id, Index, Note, NoteColor, NoteText, ShortText, Tags } from '../schemas';
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
    'Delete notes; returns them as they were, so they can be restored.',
    input({ ...inProject, noteIds: z.array(Id).min(1).max(10_000) }),
    z.array(Note),
  ),
  'notes.restore': mutation(
    'Put deleted notes back exactly as they were (undo of a delete).',
    input({ ...inProject, notes: z.array(Note.extend({ text: NoteText, author: ShortText })).min(1).max(10_000) }),
    z.array(Note),
  ),
} as const;
